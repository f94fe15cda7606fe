"""Atom enclosure links written correctly.

feedgen 1.0 drops ``rel``, ``type`` and ``length`` from every Atom entry link
(https://github.com/lkiesow/python-feedgen/issues/135, open): an image added with
``entry.enclosure()`` would become a second bare "alternate" link. This feedgen extension
writes the enclosure link itself; the RSS feed keeps feedgen's own (correct) ``<enclosure>``.
"""

from __future__ import annotations

from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.util import xml_elem

NAMESPACE = "ktt_atom_enclosure"


class AtomEnclosureFeed(BaseExtension):
    """Nothing at the feed level; feedgen requires a class for it."""


class AtomEnclosureEntry(BaseEntryExtension):
    def __init__(self) -> None:
        self._links: list[dict[str, str]] = []

    def add(self, href: str, length: int, mime_type: str) -> None:
        self._links.append({"href": href, "rel": "enclosure", "type": mime_type, "length": str(length)})

    def extend_atom(self, entry: Any) -> Any:
        for attributes in self._links:
            xml_elem("link", entry, **attributes)
        return entry


def register(generator: Any) -> None:
    generator.register_extension(NAMESPACE, AtomEnclosureFeed, AtomEnclosureEntry, atom=True, rss=False)
