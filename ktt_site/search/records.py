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
#: Still searchable, but after the page's own text: an article's byline and the notes that
#: open illustrative pages would otherwise be every snippet's first words.
_LATE_CLASSES = frozenset({"ktt-article-meta", "ktt-illustrative", "ktt-note"})
#: Text a template marks as what readers search the page by (a law's common name): it leads
#: the record with the title, since Pagefind weighs every word of a custom record alike (the
#: counterpart of data-pagefind-weight when Pagefind reads the HTML itself).
_BOOST_CLASS = "ktt-search-boost"
#: Pages for editors, not readers: left out of the public index (the guide explains YAML
#: fields, and its examples outranked the legal documents they cite).
PRIVATE_SECTIONS = frozenset({"huong-dan"})
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
    lead: int = 0
    """How many of ``words`` come before the page's own text (its title): the snippet starts
    after them, so a result shows its lead paragraph rather than its title again."""

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


def _collect(element: etree._Element, parts: list[str], late: list[str], boost: list[str] | None = None) -> None:
    """Append the visible text of ``element``'s children (their tails included) to ``parts``,
    that of bylines and notices (``_LATE_CLASSES``) to ``late``, and that of ``_BOOST_CLASS``
    elements to ``boost`` as well."""
    for child in element:
        tag = child.tag
        classes = (child.get("class") or "").split() if isinstance(tag, str) else []
        if boost is not None and _BOOST_CLASS in classes:
            boost.append(" ")
            boost.append("".join(child.itertext()))
        if (
            not isinstance(tag, str)  # a comment or processing instruction: only its tail shows
            or tag in _SKIPPED_TAGS
            or not _SKIPPED_CLASSES.isdisjoint(classes)
        ):
            pass
        elif not _LATE_CLASSES.isdisjoint(classes):
            late.append(" ")
            if child.text:
                late.append(child.text)
            _collect(child, late, late, boost)
            late.append(" ")
        elif tag in _BLOCK_TAGS:
            parts.append(" ")
            if child.text:
                parts.append(child.text)
            _collect(child, parts, late, boost)
            parts.append(" ")
        else:
            if child.text:
                parts.append(child.text)
            _collect(child, parts, late, boost)
        if child.tail:
            parts.append(child.tail)


def visible_text(html: str, boost: list[str] | None = None) -> str:
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
    late: list[str] = []
    _collect(root, parts, late, boost)
    return "".join(parts) + " " + "".join(late)


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


def indexed(src_uri: str) -> bool:
    """Whether a page belongs in the readers' search index."""
    return src_uri.split("/", 1)[0] not in PRIVATE_SECTIONS


def page_record(page: PageToIndex) -> SearchRecord:
    """The record of one rendered page: its title and boosted text lead, so their words are
    found and weigh more (articles citing a law many times outranked the law itself for
    "luat 2012"); ``lead`` tells the browser where the page's own text starts."""
    boost: list[str] = []
    body = words(visible_text(page.body_html, boost))
    title_words = words(page.title)
    # The page's heading repeats the title, or its start (a legal document's number without
    # its date): once at the head is enough.
    same = next(
        (i for i, (a, b) in enumerate(zip(body, title_words, strict=False)) if a != b), min(len(body), len(title_words))
    )
    if same >= min(3, len(title_words)):
        body = body[same:]
    head = title_words + words("".join(boost))
    return SearchRecord(page_url(page.src_uri), " ".join(title_words), head + body, page.filters, len(head))
