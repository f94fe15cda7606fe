"""Text for link previews: plain, composed Vietnamese, cut at a word within a platform's limit."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

from markupsafe import Markup

# Limits, in characters as a reader sees them (NFC code points, so "ế" counts once):
# - titles: 70. Twitter/X cuts card titles at 70 and Zalo's and Facebook's previews show one to
#   two lines of about that; Google shows about 60, but the page's <title> (which adds the site
#   name) is what it uses, so 70 loses nothing there.
# - descriptions: 160. Google cuts snippets at about 155-160 characters, the tightest of the
#   places a description is shown (Facebook shows more on a computer, Twitter up to 200).
TITLE_LIMIT = 70
DESCRIPTION_LIMIT = 160

_SPACES = re.compile(r"\s+")
_PARAGRAPH_END = re.compile(r"</p\s*>", re.I)
_TRAILING = " ,;:-–—(/"


def clean(text: str) -> str:
    """One line of composed text: editors' files may hold decomposed diacritics (macOS), which
    would count twice and could be cut between a letter and its mark. Text the engine already
    escaped (``Markup``) is taken back to plain text, so the theme escapes it exactly once."""
    if isinstance(text, Markup):
        text = text.unescape()
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


def shorten(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut after a whole word and marked with '…'."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(_TRAILING) + "…"


class _TextCollector(HTMLParser):
    """Text of an HTML fragment, and of its first paragraph alone."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.paragraphs: list[str] = []
        self._paragraph: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1
        elif tag == "p" and self._paragraph is None:
            self._paragraph = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag == "p" and self._paragraph is not None:
            text = clean("".join(self._paragraph))
            if text:
                self.paragraphs.append(text)
            self._paragraph = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data)
        if self._paragraph is not None:
            self._paragraph.append(data)


def html_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    return clean(" ".join(collector.parts))


def first_paragraph(html: str) -> str:
    """The first non-empty paragraph of a page body: what the page says it is about."""
    # Fed up to one paragraph's end at a time: the parser stops at the paragraph it needs
    # instead of reading the whole page (long pages run to hundreds of KB). HTMLParser takes
    # text in pieces, so the result is the same as feeding everything at once.
    collector = _TextCollector()
    start = 0
    for end in _PARAGRAPH_END.finditer(html):
        collector.feed(html[start : end.end()])
        if collector.paragraphs:
            return collector.paragraphs[0]
        start = end.end()
    collector.feed(html[start:])
    return collector.paragraphs[0] if collector.paragraphs else ""
