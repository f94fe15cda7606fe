"""Vietnamese text helpers: slugs, search folding and number formatting."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from slugify import slugify as _slugify


# python-slugify costs tens of microseconds a call, and templates slug the same few category
# and sector names for every page that lists them.
@lru_cache(maxsize=4096)
def slugify(text: str) -> str:
    """A Vietnamese-aware ASCII slug: ``Hợp tác xã Đồng Tâm`` -> ``hop-tac-xa-dong-tam``."""
    return _slugify(text.replace("Đ", "D").replace("đ", "d"))


def fold(text: str) -> str:
    """Lower case without diacritics, ``đ`` as ``d``: how readers type on a phone keyboard."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def vn_number(value: float | int | None, decimals: int = 0) -> str:
    """``1.234.567`` or ``12,5``: Vietnamese thousands and decimal separators."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u00a0").replace(".", ",").replace("\u00a0", ".")


def heading_slug(value: str, separator: str = "-") -> str:
    """Python-Markdown's toc ``slugify``: heading anchors fold ``đ`` to ``d`` like every other slug
    of the site (the default drops it: ``#tien-o-ke-hoach``)."""
    return slugify(value).replace("-", separator)
