"""The publisher's site as a reader meets it: the publisher's block and links at the foot of
every page, the site's own logo, a Vietnamese 404 page, and no English left in the interface."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from search_support import serve

#: Material's English that readers met before (footer, tab bar, 404, back-to-top).
ENGLISH = ("Made with", "Material for MkDocs", "Not found", "Tabs", "Back to top", "Initializing search")


def _pages(site: Path) -> list[Path]:
    # quan-tri/: the form editor (Decap CMS), for editors, not a page of the site.
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "quan-tri")


def _interface_text(doc: lxml_html.HtmlElement) -> str:
    """Text and labels of everything around the page's own content."""
    for article in doc.xpath('//article[contains(@class, "md-content__inner")]'):
        article.getparent().remove(article)
    labels = " ".join(doc.xpath("//@aria-label | //@title | //@placeholder | //@alt"))
    return doc.text_content() + " " + labels


def test_every_page_has_the_publisher_footer_and_no_english(shipped_site):
    pages = _pages(shipped_site)
    assert len(pages) > 50
    for path in pages:
        doc = lxml_html.fromstring(path.read_bytes())
        footer = doc.xpath('//footer[contains(@class, "md-footer")]')
        assert footer, path
        text = footer[0].text_content()
        assert "Liên minh Hợp tác xã tỉnh Tây Ninh" in text, path
        page_dir = path.parent.relative_to(shipped_site).as_posix()
        targets = {posixpath.normpath(posixpath.join(page_dir, h)).lstrip("/") for h in footer[0].xpath(".//a/@href")}
        assert {"ban-tin/theo-doi", "feed.xml", "hop-tac-xa", "van-ban", "ban-tin", "tien-do/2018"} <= targets, path
        interface = _interface_text(doc)
        for word in ENGLISH:
            assert not re.search(rf"\b{word}\b", interface), (path, word)


def test_no_contact_detail_is_invented(shipped_site):
    """No public source gives the Alliance's address, phone or e-mail: the footer shows none."""
    text = lxml_html.fromstring((shipped_site / "index.html").read_bytes()).xpath("//footer")[0].text_content()
    for label in ("Địa chỉ:", "Điện thoại:", "Thư điện tử:"):
        assert label not in text


def test_the_logo_is_the_sites_own(shipped_site):
    doc = lxml_html.fromstring((shipped_site / "index.html").read_bytes())
    logo = doc.xpath('//a[contains(@class, "md-logo")]//img')
    assert logo and logo[0].get("src") == "assets/ktt/logo.svg"
    assert logo[0].get("width") and logo[0].get("height")
    assert not doc.xpath('//a[contains(@class, "md-logo")]//svg'), "Material's default icon"
    assert doc.xpath('//link[@rel="icon"]/@href') == ["assets/ktt/logo.svg"]
    svg = (shipped_site / "assets/ktt/logo.svg").read_text("utf-8")
    assert "<script" not in svg and "viewBox" in svg


def test_the_404_page_is_vietnamese_with_search_and_links(shipped_site):
    doc = lxml_html.fromstring((shipped_site / "404.html").read_bytes())
    assert doc.findtext(".//title") == "Không tìm thấy trang - Kinh tế tập thể Tây Ninh"
    content = doc.xpath('//article[contains(@class, "md-content__inner")]')[0]
    assert content.findtext(".//h1") == "Không tìm thấy trang"
    assert content.xpath('.//label[@for="__search"]')
    hrefs = content.xpath(".//a/@href")
    # Served at any depth: every link starts from the site's root.
    assert "/hop-tac-xa/" in hrefs and "/ban-tin/" in hrefs and "/van-ban/" in hrefs


def test_contact_details_in_the_data_show_in_the_footer(project):
    text = project.path("models_data/organizations.yaml").read_text("utf-8")
    first_id = re.search(r"- id: (\S+)", text).group(1)
    text = text.replace(
        f"- id: {first_id}\n",
        f"- id: {first_id}\n  publisher: true\n  address: 1 Đường Thử\n  phone: 0276 3000 000\n"
        "  email: lien-he@example.org\n  responsible_unit: Văn phòng\n",
        1,
    )
    project.write("models_data/organizations.yaml", text)
    result = project.build_in_process()
    assert result.returncode == 0, result.stderr
    footer = lxml_html.fromstring((project.built() / "index.html").read_bytes()).xpath("//footer")[0]
    text = footer.text_content()
    assert "Địa chỉ: 1 Đường Thử" in text and "Đơn vị phụ trách: Văn phòng" in text
    assert "tel:02763000000" in footer.xpath(".//a/@href")
    assert "mailto:lien-he@example.org" in footer.xpath(".//a/@href")


def test_two_publishers_and_a_bad_email_are_editor_errors(project):
    text = project.path("models_data/organizations.yaml").read_text("utf-8")
    ids = re.findall(r"- id: (\S+)", text)
    assert len(ids) >= 2
    two = text.replace(f"- id: {ids[0]}\n", f"- id: {ids[0]}\n  publisher: true\n", 1)
    two = two.replace(f"- id: {ids[1]}\n", f"- id: {ids[1]}\n  publisher: true\n", 1)
    project.write("models_data/organizations.yaml", two)
    result = project.check_in_process()
    assert result.returncode != 0
    assert re.search(r"models_data/organizations\.yaml:\d+: publisher: chỉ một tổ chức đứng tên trang", result.stderr)
    bad = text.replace(f"- id: {ids[0]}\n", f"- id: {ids[0]}\n  email: không-phải-thư\n", 1)
    project.write("models_data/organizations.yaml", bad)
    result = project.check_in_process()
    assert result.returncode != 0
    assert re.search(r"models_data/organizations\.yaml:\d+: \S*email", result.stderr)


@pytest.mark.parametrize("width", [390, 1280])
def test_404_page_in_chromium_opens_search_and_fits_a_phone(browser, shipped_site, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        with serve(shipped_site, "/") as base:
            page.goto(base + "404.html")
            assert page.locator("h1").inner_text() == "Không tìm thấy trang"
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            footer = page.locator("footer.md-footer")
            assert "Liên minh Hợp tác xã tỉnh Tây Ninh" in footer.inner_text()
            assert errors == []
            page.locator("article label[for=__search]").click()
            assert page.locator("[data-ktt-search-input]").is_visible()
    finally:
        context.close()
