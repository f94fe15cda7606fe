"""Sharing and indexing as search engines, link previews and a browser see the shipped site:
unique titles, og:titles that keep what tells pages apart, sized images, heading anchors that
fold "đ", sitemap dates from the pages themselves, and no sitemap fetches from feed links."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from markdown.extensions.toc import slugify as markdown_slugify
from search_support import serve

from ktt_site.text import heading_slug

BUILD_DAY = "2025-11-26"  # SOURCE_DATE_EPOCH of the shipped_site fixture


def _docs(site: Path) -> dict[str, lxml_html.HtmlElement]:
    return {p.relative_to(site).as_posix(): lxml_html.fromstring(p.read_bytes()) for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def docs(shipped_site) -> dict[str, lxml_html.HtmlElement]:
    return _docs(shipped_site)


def test_titles_and_og_titles_are_unique(docs):
    titles = Counter(doc.findtext(".//title") for doc in docs.values())
    assert [t for t, n in titles.items() if n > 1] == []
    og = Counter(doc.xpath('string(//meta[@property="og:title"]/@content)') for doc in docs.values())
    og.pop("", None)
    assert [t for t, n in og.items() if n > 1] == []


def test_og_title_of_founder_pages_keeps_the_organisation(docs):
    founders = {k: d for k, d in docs.items() if k.startswith("hop-tac-xa/theo-to-chuc/") and k.count("/") == 3}
    assert len(founders) >= 4
    for path, doc in founders.items():
        og = doc.xpath('string(//meta[@property="og:title"]/@content)')
        heading = doc.findtext(".//h1") or ""
        organisation = re.search(r"của (.+) sáng lập", heading).group(1)
        assert organisation in og, (path, og)
        assert len(og) <= 70


def test_every_image_has_width_and_height(docs):
    missing = [
        (path, img.get("src"))
        for path, doc in docs.items()
        for img in doc.iter("img")
        if not (img.get("width") and img.get("height"))
    ]
    assert missing == []


def test_heading_anchors_fold_d(docs):
    checked = 0
    for path, doc in docs.items():
        for heading in doc.xpath("//article//*[self::h2 or self::h3 or self::h4][@id]"):
            text = heading.text_content().strip()
            if "đ" in text.lower():
                checked += 1
                ours, default = heading_slug(text), markdown_slugify(text, "-")
                # Ids set by templates are theirs; a made-up one must not be the đ-dropping slug.
                assert not re.fullmatch(re.escape(default) + r"(_\d+)?", heading.get("id")), (path, text)
                if len(heading.get("id")) >= len(ours):  # not a template's own short id
                    assert re.fullmatch(re.escape(ours) + r"(_\d+)?", heading.get("id")), (path, text)
    assert checked > 20
    assert heading_slug("Tiến độ kế hoạch năm 2018") == "tien-do-ke-hoach-nam-2018"


def test_sitemap_dates_are_the_pages_own(shipped_site):
    tree = etree.parse(str(shipped_site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    dates = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in tree.findall("s:url", ns)
    }
    assert BUILD_DAY not in dates.values()
    article = next(loc for loc in dates if "/ban-tin/2018-so-01/01-" in loc)
    source = next((Path(__file__).parent.parent / "content/ban-tin/2018-so-01").glob("01-*.md")).read_text("utf-8")
    day = re.search(r"^date: (\S+)", source, re.M).group(1)
    assert dates[article] == day
    newest = max(d for d in dates.values() if d)
    assert dates["https://ktt-tayninh.example.org/ban-tin/"] == newest
    assert dates["https://ktt-tayninh.example.org/hop-tac-xa/"] is None, "no known date: no lastmod"


@pytest.mark.parametrize("page_path", ["ban-tin/chuyen-muc/", "ban-tin/2018-so-01/", ""])
def test_no_sitemap_fetch_and_no_console_error(browser, shipped_site, page_path):
    if page_path.endswith("chuyen-muc/"):
        category = sorted((shipped_site / "ban-tin/chuyen-muc").glob("*/index.html"))[0]
        page_path = category.parent.relative_to(shipped_site).as_posix() + "/"
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        with serve(shipped_site, "/") as base:
            page.goto(base + page_path)
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert [url for url in requested if "sitemap" in url] == []
    assert errors == []
