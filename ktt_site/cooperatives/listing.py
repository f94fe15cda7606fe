"""Long lists of profiles cut into numbered pages, so a directory of thousands of cooperatives
(and each facet value that holds many) stays a page a phone on a slow link can open.

The first page keeps the list's own address (``/hop-tac-xa/``, ``/hop-tac-xa/theo-loai/htx/``);
the next are ``trang-2/``, ``trang-3/``... under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ktt_site.cooperatives.view import Profile

#: Profiles on one page: about 30 KB of HTML, a screen of cards at a time on a phone.
PAGE_SIZE = 100
#: Ids a profile cannot take: they name the directory's numbered pages.
PAGE_ID = re.compile(r"trang-\d+")


@dataclass(frozen=True)
class ListingPage:
    """One page of a list: its number (from 1), its profiles and every page's source path."""

    number: int
    profiles: list[Profile]
    uris: list[str]

    @property
    def src_uri(self) -> str:
        return self.uris[self.number - 1]

    @property
    def count(self) -> int:
        return len(self.uris)

    @property
    def first(self) -> int:
        """Position in the whole list of this page's first profile (from 1)."""
        return (self.number - 1) * PAGE_SIZE + 1


def split(first_src_uri: str, profiles: list[Profile], size: int | None = None) -> list[ListingPage]:
    """The list's pages (``size`` profiles each, PAGE_SIZE unless given); always at least one."""
    size = size or PAGE_SIZE
    folder = first_src_uri.removesuffix("/index.md").removesuffix(".md")
    chunks = [profiles[i : i + size] for i in range(0, len(profiles), size)] or [[]]
    uris = [first_src_uri] + [f"{folder}/trang-{n}.md" for n in range(2, len(chunks) + 1)]
    return [ListingPage(n, chunk, uris) for n, chunk in enumerate(chunks, 1)]
