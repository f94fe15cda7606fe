"""A Markdown extension that sets aside whole HTML blocks without parsing them again.

Generated pages are nearly all HTML (tables, lists, notices), and Python-Markdown finds where
each raw HTML block ends by feeding the whole page to :mod:`html.parser`: half of the time
MkDocs spent converting the pages of a site with 1,000 cooperatives. Most of those blocks are
plain: a paragraph of their own (blank lines around it) holding one element, its tags written
in the usual way. :class:`HtmlBlocks` stores each such block in the HTML stash exactly as
Python-Markdown's own HTML block preprocessor would, and leaves everything else to it: from the
first block it cannot vouch for (a comment, a ``markdown`` attribute, a script, a stray ``<``,
an element that ends before its paragraph does), the rest of the page goes on unchanged.

The page converts to the same HTML either way, only faster: ``tests/test_html_blocks.py``
converts every page of the shipped site, generated pages and random blocks both ways and
compares (checked with Python-Markdown 3.11; a release that reads HTML blocks otherwise fails
that test, not the site).
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

#: A line Python-Markdown's HTML block preprocessor counts as blank (tabs are spaces by then).
_BLANK = re.compile(r"[ ]*\Z")
#: A start or end tag as :mod:`html.parser` reads it, attributes quoted, unquoted or bare.
_TAG = re.compile(
    r"""<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(/?)>"""
)
#: What html.parser or md_in_html reads in a way of its own: comments, declarations,
#: processing instructions, elements whose text is not HTML, and Markdown inside HTML.
_SPECIAL = re.compile(
    r"<[!?]|<\s*/?\s*(?:script|style|xmp|plaintext|noscript|iframe|noembed|noframes)\b|\smarkdown(?:\s*=|[\s/>])",
    re.IGNORECASE,
)
#: Elements whose text newer versions of html.parser read as text only: allowed when no tag
#: stands inside them, so that every version reads them alike.
_TEXT_ONLY = frozenset({"title", "textarea"})
#: Void elements md_in_html handles on their own.
_EMPTY = frozenset({"hr"})
#: Runs after fenced code blocks are set aside (25), before the HTML block preprocessor (20).
PRIORITY = 21


class _HtmlBlockStash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        result: list[str] = []
        start, count = 0, len(lines)
        while start < count:
            if _BLANK.match(lines[start]):
                result.append(lines[start])
                start += 1
                continue
            end = start
            while end < count and not _BLANK.match(lines[end]):
                end += 1
            block = "\n".join(lines[start:end])
            tags = self._tags(block) if "<" in block else []
            elements = self._elements(block, tags) if tags else None
            if elements is not None:
                *before, last = elements
                for element in before:
                    result.extend((self.md.htmlStash.store(element), ""))
                # Python-Markdown keeps the line break after a block followed by a blank line
                # (``blank_line_re`` after it: the blank line that ended it, and one more line).
                followed = end + 1 < count
                result.append(self.md.htmlStash.store(last + "\n" if followed else last))
            elif tags is not None and not any(self.md.is_block_level(tag.group(2).lower()) for tag in tags):
                # Text, with inline tags only: the HTML block preprocessor passes it through and
                # leaves its state as it found it.
                result.extend(lines[start:end])
            else:
                result.extend(lines[start:])  # from here on, Python-Markdown's own way
                return result
            start = end
        return result

    @staticmethod
    def _tags(block: str) -> list[re.Match[str]] | None:
        """Every tag of ``block``, or ``None`` if something in it could be read otherwise than
        tag by tag (a ``_SPECIAL`` construct, a "<" that starts no tag)."""
        if _SPECIAL.search(block):
            return None
        tags = list(_TAG.finditer(block))
        return tags if len(tags) == block.count("<") else None

    def _elements(self, block: str, tags: list[re.Match[str]]) -> list[str] | None:
        """The block-level elements that make up ``block`` (its ``tags`` found), each starting
        a line and ending one; else ``None``."""
        elements: list[str] = []
        name, depth, opened_at, next_at, text_only = "", 0, 0, 0, ""
        for tag in tags:
            closing, tag_name, _attributes, self_closing = tag.groups()
            tag_name = tag_name.lower()
            if text_only:
                if not (closing and tag_name == text_only):
                    return None  # a tag inside <title>: text to some versions, a tag to others
                text_only = ""
            elif tag_name in _TEXT_ONLY and not closing:
                text_only = tag_name
            if depth == 0:  # the next element: at the start of the line after the last one
                if closing or self_closing or tag.start() != next_at or tag_name in _EMPTY:
                    return None
                if not self.md.is_block_level(tag_name):
                    return None
                name, depth, opened_at = tag_name, 1, tag.start()
            elif tag_name == name:
                if self_closing:
                    return None
                depth += -1 if closing else 1
                if depth == 0:
                    elements.append(block[opened_at : tag.end()])
                    next_at = tag.end() + 1
                    if next_at <= len(block) and block[tag.end()] != "\n":
                        return None  # more on the line after the element
        if depth or next_at != len(block) + 1:
            return None  # an element left open, or text after the last
        return elements


class HtmlBlocks(Extension):
    """Add with ``config.markdown_extensions.append(HtmlBlocks())``."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(_HtmlBlockStash(md), "ktt_html_blocks", PRIORITY)
