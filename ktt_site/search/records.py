"""What the search index holds for one page: its title, its words and its filters.

Sections and filters come from where a page lives (the URL contract in DESIGN.md) and from the
validated site data, so no page template has to carry search attributes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from ktt_site.dates import vn_date
from ktt_site.search.folding import words
from ktt_site.urls import page_url

if TYPE_CHECKING:
    from ktt_site.site import SiteData

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
_SKIPPED_CLASSES = frozenset({"headerlink", "ktt-search-skip"})
#: Default options (entities resolved, nothing fetched); one parser serves every page.
_PARSER = etree.HTMLParser(no_network=True)


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


@dataclass(frozen=True)
class PageToIndex:
    """What the index needs of one rendered page: its body HTML, its title as the theme shows
    it (without the site name) and its filters (:func:`classify`)."""

    src_uri: str
    title: str
    body_html: str
    filters: dict[str, list[str]]


def _collect(element: etree._Element, parts: list[str]) -> None:
    """Append the visible text of ``element``'s children (their tails included) to ``parts``."""
    for child in element:
        tag = child.tag
        if (
            not isinstance(tag, str)  # a comment or processing instruction: only its tail shows
            or tag in _SKIPPED_TAGS
            or not _SKIPPED_CLASSES.isdisjoint((child.get("class") or "").split())
        ):
            pass
        elif tag in _BLOCK_TAGS:
            parts.append(" ")
            if child.text:
                parts.append(child.text)
            _collect(child, parts)
            parts.append(" ")
        else:
            if child.text:
                parts.append(child.text)
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


def visible_text(html: str) -> str:
    """Visible text of a page body; block elements separate words, inline ones do not.

    libxml2 (through lxml) parses the HTML: several times faster than :mod:`html.parser`, which
    took a third of the search step on a 3,000-page site.
    """
    if not html.strip():
        return ""
    root = etree.fromstring(html, _PARSER)
    if root is None:
        return ""
    parts: list[str] = []
    _collect(root, parts)
    return "".join(parts)


def issue_label(number: int, date: dt.date) -> str:
    return f"Số {number} – {vn_date(date)}"


def classify(site: SiteData, src_uri: str) -> dict[str, list[str]]:
    """The page's filter values (kind, and district, category, issue where they apply)."""
    folder = src_uri.split("/", 1)[0] if "/" in src_uri else ""
    filters: dict[str, list[str]] = {KIND: [SECTIONS.get(folder, OTHER_SECTION)]}
    parts = src_uri.split("/")
    if folder == "hop-tac-xa" and len(parts) == 2:
        coop = site.cooperatives.get(parts[1].removesuffix(".md"))
        district = site.location(coop).district_2018 if coop is not None else None
        if district is not None:  # the district of 2018: the merged province has none
            filters[DISTRICT] = [district.name]
    elif folder == "ban-tin" and len(parts) == 3:
        for issue in site.bulletin:
            if issue.folder != parts[1]:
                continue
            filters[ISSUE] = [issue_label(issue.meta.issue, issue.meta.date)]
            for article in issue.articles:
                if article.src_uri == src_uri and article.meta.categories:
                    filters[CATEGORY] = sorted(set(article.meta.categories))
    return filters


def page_record(page: PageToIndex) -> SearchRecord:
    """The record of one rendered page; the title leads its text so title words are found."""
    body = words(visible_text(page.body_html))
    title_words = words(page.title)
    if body[: len(title_words)] != title_words:
        body = title_words + body
    return SearchRecord(page_url(page.src_uri), " ".join(title_words), body, page.filters)
