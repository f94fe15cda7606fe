"""An article's rendered HTML made fit for feed readers, which show it away from the site.

Links and images become absolute (a reader resolves nothing against the article's address),
and the page's own navigation (header line, previous/next, subscribe box) is left out:
readers show those details from the feed's own fields.
"""

from __future__ import annotations

import html
import re

from lxml import html as lxml_html

#: Elements carrying this class are for the web page only.
PAGE_ONLY_CLASS = "ktt-no-feed"

_PAGE_ONLY = f'//*[contains(concat(" ", normalize-space(@class), " "), " {PAGE_ONLY_CLASS} ")]'
# Notices and captions say something about the article, not what it says.
_NOT_SUMMARY = (
    " | ".join(
        f'//*[contains(concat(" ", normalize-space(@class), " "), " {name} ")]' for name in ("admonition", "ktt-note")
    )
    + " | //figure"
)
_SPACES = re.compile(r"\s+")


def _fragment(page_html: str) -> lxml_html.HtmlElement:
    return lxml_html.fragment_fromstring(page_html or "", create_parent="div")


def _inner_html(root: lxml_html.HtmlElement) -> str:
    text = html.escape(root.text or "", quote=False)
    return text + "".join(lxml_html.tostring(child, encoding="unicode") for child in root)


def feed_content(page_html: str, page_url: str) -> str:
    """The article's HTML for a feed: page-only parts removed, every link and image absolute."""
    root = _fragment(page_html)
    for element in root.xpath(_PAGE_ONLY):
        element.drop_tree()
    root.make_links_absolute(page_url, resolve_base_href=False, handle_failures="ignore")
    return _inner_html(root).strip()


def first_paragraph(content_html: str, limit: int = 300) -> str:
    """Plain text of the first real paragraph (not a notice or caption), cut at a word."""
    root = _fragment(content_html)
    for element in root.xpath(_NOT_SUMMARY):
        element.drop_tree()
    for paragraph in root.iter("p"):
        text = _SPACES.sub(" ", paragraph.text_content()).strip()
        if text:
            if len(text) <= limit:
                return text
            return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"
    return ""
