"""How Vietnamese text is written into the index, so ``dong`` finds ``đồng``.

Pagefind files every word under its form without combining marks (``đồng`` is found by
``dong``, ``ĐỒNG``, ``đông`` or a decomposed ``đồng``) and ranks the accenting the reader typed
first. ``đ`` escapes this: it is a letter of its own, not ``d`` plus a mark. So the index gets
``đ`` as ``d`` followed by U+0335 COMBINING SHORT STROKE OVERLAY, a mark Pagefind strips like
any other; ``assets/ktt/search.js`` writes the query the same way and turns the pair back into
``đ`` wherever it shows text. ``tests/test_search_browser.py`` runs that JavaScript on the same
samples as :func:`index_form` to keep the two in step.
"""

from __future__ import annotations

import re
import unicodedata

STROKE = "\u0335"

#: What separates words for the index and for the snippet the browser rebuilds. Python's ``\s``
#: covers JavaScript's ``\s`` except U+FEFF; U+200B must go too, because Pagefind splits a page's
#: text on it instead of on spaces when it is present.
WORD_SEPARATOR = re.compile(r"[\s\ufeff\u200b]+")


def index_form(text: str) -> str:
    """NFC text with ``đ``/``Đ`` written as ``d``/``D`` + U+0335, as the index holds it."""
    return unicodedata.normalize("NFC", text).replace("đ", "d" + STROKE).replace("Đ", "D" + STROKE)


def display_form(text: str) -> str:
    """The inverse of :func:`index_form`."""
    return text.replace("d" + STROKE, "đ").replace("D" + STROKE, "Đ")


def words(text: str) -> list[str]:
    """The page's words as a reader sees them (NFC), split where the browser splits them."""
    return [word for word in WORD_SEPARATOR.split(unicodedata.normalize("NFC", text)) if word]
