"""Feeds a person can open and a validator accepts.

The W3C feed validator's rules that concern us, checked on every feed of the shipped site and
of the bulletin fixture: each Atom entry has its own ``updated``; dates are RFC 3339 (Atom,
JSON Feed) or RFC 822 (RSS); every link is absolute; feedparser reads each without complaint.
Then the reader's side: the how-to-follow page, and a feed opened in chromium through its XSLT.
"""

from __future__ import annotations

import email.utils
import re
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from search_support import serve

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _feeds(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.xml") if p.name in ("feed.xml", "atom.xml"))


def _check_feed(path: Path) -> list[str]:
    """What the W3C feed validator would warn about, as messages (empty: none)."""
    problems: list[str] = []
    data = path.read_bytes()
    parsed = feedparser.parse(data)
    if parsed.bozo:
        problems.append(f"feedparser: {parsed.bozo_exception}")
    root = etree.fromstring(data)
    links = [e.get("href") for e in root.iter(f"{ATOM}link")]
    links += [e.text for e in root.iter("link", "guid", "comments")]
    links += [e.get("url") for e in root.iter("enclosure")]
    for link in links:
        if not (link or "").startswith(("http://", "https://")):
            problems.append(f"relative link {link!r}")
    if root.tag == f"{ATOM}feed":
        updated = [e.findtext(f"{ATOM}updated") for e in root.iter(f"{ATOM}entry")]
        if len(set(updated)) != len(updated):
            problems.append(f"entries share an updated time: {sorted(updated)}")
        for entry in root.iter(f"{ATOM}entry"):
            published, changed = entry.findtext(f"{ATOM}published"), entry.findtext(f"{ATOM}updated")
            if published and changed and published[:10] > changed[:10]:
                problems.append("updated before published")
        for value in [e.text for e in root.iter(f"{ATOM}updated", f"{ATOM}published")]:
            if not RFC3339.match(value or ""):
                problems.append(f"not RFC 3339: {value!r}")
        feed_updated = root.findtext(f"{ATOM}updated")
        if updated and feed_updated != max(updated):
            problems.append("feed updated is not its newest entry's")
    else:
        for value in [e.text for e in root.iter("pubDate", "lastBuildDate")]:
            try:
                email.utils.parsedate_to_datetime(value or "")
            except (TypeError, ValueError):
                problems.append(f"not RFC 822: {value!r}")
            if not re.match(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$", value or ""):
                problems.append(f"not RFC 822: {value!r}")
    return problems


def test_every_shipped_feed_passes_the_validator_rules(shipped_site):
    feeds = _feeds(shipped_site)
    assert len(feeds) >= 3
    assert {path.relative_to(shipped_site).as_posix(): _check_feed(path) for path in feeds} == {
        path.relative_to(shipped_site).as_posix(): [] for path in feeds
    }


def test_fixture_feeds_pass_and_same_day_articles_keep_reading_order(bulletin_site):
    built = bulletin_site.built()
    for path in _feeds(built):
        assert _check_feed(path) == [], path
    entries = feedparser.parse((built / "atom.xml").read_bytes()).entries
    times = [entry.updated_parsed for entry in entries]
    assert times == sorted(times, reverse=True), "newest first, also by updated time"


def test_front_matter_updated_is_the_entry_updated_date(project):
    from bulletin_support import write_bulletin

    write_bulletin(project)
    article = next(p for p in project.path("content/ban-tin").rglob("*.md") if p.name != "index.md")
    text = article.read_text("utf-8")
    article.write_text(text.replace("\ndate: ", "\nupdated: 2030-02-03\ndate: ", 1), "utf-8")
    result = project.build_in_process()
    assert result.returncode == 0, result.stderr
    atom = feedparser.parse((project.built() / "atom.xml").read_bytes())
    assert [e.updated[:10] for e in atom.entries].count("2030-02-03") == 1
    assert atom.feed.updated.startswith("2030-02-03T12:")
    assert _check_feed(project.built() / "atom.xml") == []


def test_feeds_name_their_stylesheet_right_after_the_declaration(shipped_site):
    for path in _feeds(shipped_site):
        lines = path.read_bytes().split(b"\n", 2)
        assert lines[0].startswith(b"<?xml version=")
        href = re.fullmatch(rb'<\?xml-stylesheet type="text/xsl" href="([^"]+)"\?>', lines[1])
        assert href, path
        assert (path.parent / href.group(1).decode()).resolve() == (shipped_site / "ban-tin/nguon-tin.xsl").resolve()
    # The stylesheet is well-formed XSLT, and the page it makes is Vietnamese.
    stylesheet = etree.XSLT(etree.parse(str(shipped_site / "ban-tin/nguon-tin.xsl")))
    page = stylesheet(etree.parse(str(shipped_site / "feed.xml")))
    text = str(page)
    assert '<html lang="vi">' in text and "Nguồn tin RSS" in text and "Hướng dẫn theo dõi Bản tin" in text
    atom_page = str(stylesheet(etree.parse(str(shipped_site / "atom.xml"))))
    assert atom_page.count('class="ktt-feed__item"') == len(feedparser.parse(str(shipped_site / "atom.xml")).entries)


def test_follow_page_explains_rss_and_lists_every_feed(shipped_site):
    page = (shipped_site / "ban-tin/theo-doi/index.html").read_text("utf-8")
    assert "RSS là gì?" in page and "Feeder" in page and "NetNewsWire" in page
    for feed in _feeds(shipped_site):
        if feed.name == "feed.xml":
            rel = feed.relative_to(shipped_site).as_posix()
            assert f"https://ktt-tayninh.example.org/{rel}" in page, rel
    bulletin = (shipped_site / "ban-tin/index.html").read_text("utf-8")
    assert 'href="theo-doi/"' in bulletin, "the subscribe box links to the how-to"


@pytest.mark.parametrize("feed", ["feed.xml", "atom.xml", "ban-tin/chuyen-muc/phap-luat/feed.xml"])
def test_a_feed_opened_in_chromium_reads_as_a_vietnamese_page(browser, shipped_site, feed):
    if not (shipped_site / feed).is_file():
        feed = (
            next(p for p in _feeds(shipped_site) if "chuyen-muc" in p.as_posix()).relative_to(shipped_site).as_posix()
        )
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        with serve(shipped_site, "/") as base:
            page.goto(base + feed)
            heading = page.locator("h1")
            assert "Bản tin Kinh tế tập thể" in heading.inner_text()
            assert page.locator("html").get_attribute("lang") == "vi"
            assert page.locator("article.ktt-feed__item").count() >= 1
            first = page.locator("article.ktt-feed__item h3 a").first.get_attribute("href")
            assert first and first.startswith("https://")
            date = page.locator(".ktt-feed__date").first.inner_text().strip()
            assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", date), date
            assert "does not appear to have any style information" not in page.content()
            # The page's stylesheet loaded from the same host, whatever site_url says.
            style = "getComputedStyle(document.querySelector('.ktt-feed__about')).borderLeftStyle"
            assert page.evaluate(style) == "solid"
            # No horizontal scrolling on a phone.
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()
    assert errors == []
