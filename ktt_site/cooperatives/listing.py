"""Long lists cut into numbered pages, so a directory of thousands of cooperatives (each facet
value that holds many, and the OCOP-rated products) stays a page a phone on a slow link can open.

The first page keeps the list's own address (``/hop-tac-xa/``, ``/hop-tac-xa/theo-loai/htx/``,
``/hop-tac-xa/san-pham-ocop/``); the next are ``trang-2/``, ``trang-3/``... under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, TypeVar

#: Rows on one page: about 30 KB of HTML, a screen of cards at a time on a phone.
PAGE_SIZE = 100
#: Ids a profile cannot take: they name the directory's numbered pages.
PAGE_ID = re.compile(r"trang-\d+")

T = TypeVar("T")


@dataclass(frozen=True)
class ListingPage(Generic[T]):
    """One page of a list: its number (from 1), its rows (profiles, rated products...) and every
    page's source path."""

    number: int
    items: list[T]
    uris: list[str]
    first: int
    """Position in the whole list of this page's first row (from 1)."""

    @property
    def src_uri(self) -> str:
        return self.uris[self.number - 1]

    @property
    def count(self) -> int:
        return len(self.uris)

    @property
    def last(self) -> int:
        """Position in the whole list of this page's last row."""
        return self.first + len(self.items) - 1


def split(first_src_uri: str, items: list[T], size: int | None = None) -> list[ListingPage[T]]:
    """The list's pages (``size`` rows each, PAGE_SIZE unless given); always at least one."""
    size = size or PAGE_SIZE
    folder = first_src_uri.removesuffix("/index.md").removesuffix(".md")
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    uris = [first_src_uri] + [f"{folder}/trang-{n}.md" for n in range(2, len(chunks) + 1)]
    return [ListingPage(n, chunk, uris, (n - 1) * size + 1) for n, chunk in enumerate(chunks, 1)]
