"""Placing generated parts around an editor's Markdown without touching what the editor wrote."""

from __future__ import annotations

import re

_LEADING_H1 = re.compile(r"\A(?:[ \t]*\n)*(#[ \t]+[^\n]*|[^\n]+\n=+[ \t]*)(?:\n|\Z)")


def wrap(markdown: str, header: str, footer: str) -> str:
    """``header`` after the page's own top heading (if any), ``footer`` at the end.

    The parts are HTML blocks, so they are separated by blank lines from the editor's text.
    """
    match = _LEADING_H1.match(markdown)
    head, body = (markdown[: match.end()], markdown[match.end() :]) if match else ("", markdown)
    parts = [head.rstrip("\n"), header.strip("\n"), body.strip("\n"), footer.strip("\n")]
    return "\n\n".join(part for part in parts if part) + "\n"
