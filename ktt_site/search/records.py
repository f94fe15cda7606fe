"""What the search index holds for one page: its title, its words and its filters.

Sections and filters come from where a page lives (the URL contract in DESIGN.md) and from the
validated site data, so no page template has to carry search attributes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ktt_site.dates import vn_date
from ktt_site.search.folding import words
from ktt_site.site import SiteData
from ktt_site.urls import page_url

#: Reader-facing name of each kind of page, by the first folder of its URL.
SECTIONS = {
    "hop-tac-xa": "Hợp tác xã",
    "van-ban": "Văn bản",
    "ban-tin": "Bản tin",
    "ke-hoach": "Kế hoạch",
    "tien-do": "Tiến độ",
    "du-lieu": "Dữ liệu mở",
    "huong-dan": "Hướng dẫn",
}
OTHER_SECTION = "Thông tin chung"

#: Filter keys in the index; search.js names them for readers.
KIND, DISTRICT, CATEGORY, ISSUE = "kind", "district", "category", "issue"

_SKIPPED_TAGS = {"script", "style", "svg", "template", "noscript", "button", "form"}
_BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
}
_VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass(frozen=True)
class SearchRecord:
    """One page in the index: its words as readers see them, and what it can be filtered by.

    The result line under a title (section, district, issue, categories) is drawn from the
    filters, which travel with each page's fragment; Pagefind indexes every metadata field for
    search, so nothing is stored twice.
    """

    url: str
    title: str
    words: list[str]
    filters: dict[str, list[str]] = field(default_factory=dict)

    @property
    def section(self) -> str:
        return self.filters[KIND][0]


class _TextCollector(HTMLParser):
    """Visible text of a page body; block elements separate words, inline ones do not."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            self.handle_startendtag(tag, attrs)
            return
        classes = (dict(attrs).get("class") or "").split()
        if (
            self._skip_depth
            or tag in _SKIPPED_TAGS
            or "headerlink" in classes
            or "ktt-search-skip" in classes
        ):
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip_depth and tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        if self._skip_depth:
            self._skip_depth -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)


def issue_label(number: int, date: dt.date) -> str:
    return f"Số {number} – {vn_date(date)}"


def classify(site: SiteData, src_uri: str) -> dict[str, list[str]]:
    """The page's filter values (kind, and district, category, issue where they apply)."""
    folder = src_uri.split("/", 1)[0] if "/" in src_uri else ""
    filters: dict[str, list[str]] = {KIND: [SECTIONS.get(folder, OTHER_SECTION)]}
    parts = src_uri.split("/")
    if folder == "hop-tac-xa" and len(parts) == 2:
        coop = site.cooperatives.get(parts[1].removesuffix(".md"))
        if coop is not None and coop.commune in site.communes:
            filters[DISTRICT] = [site.communes[coop.commune][0].name]
    elif folder == "ban-tin" and len(parts) == 3:
        for issue in site.bulletin:
            if issue.folder != parts[1]:
                continue
            filters[ISSUE] = [issue_label(issue.meta.issue, issue.meta.date)]
            for article in issue.articles:
                if article.src_uri == src_uri and article.meta.categories:
                    filters[CATEGORY] = sorted(set(article.meta.categories))
    return filters


def build_record(site: SiteData, src_uri: str, title: str, body_html: str) -> SearchRecord:
    """The record of one rendered page; the title leads its text so title words are found."""
    body = words(visible_text(body_html))
    title_words = words(title)
    if body[: len(title_words)] != title_words:
        body = title_words + body
    return SearchRecord(page_url(src_uri), " ".join(title_words), body, classify(site, src_uri))
