"""Checks across documents that a single record cannot make: replacement cycles."""

from __future__ import annotations

from collections.abc import Mapping

from ktt_site.errors import ProblemLog
from ktt_site.legal.model import LegalDocument


def check_replacement_cycles(library: Mapping[str, LegalDocument], log: ProblemLog) -> None:
    """A chain of ``replaced_by`` that comes back to where it started is reported once."""
    reported: set[str] = set()
    for start in sorted(library):
        path: list[str] = []
        current: str | None = start
        while current is not None and current in library and current not in path and current not in reported:
            path.append(current)
            current = library[current].replaced_by
        if current in path:
            cycle = path[path.index(current) :]
            reported.update(cycle)
            first = library[min(cycle)]
            loop = " → ".join([*_rotated(cycle), min(cycle)])
            log.add(
                first.origin.path,
                first.origin.line("replaced_by"),
                "replaced_by",
                f"chuỗi thay thế bị vòng lặp ({loop}); hãy sửa replaced_by để chuỗi đi từ văn bản cũ tới văn bản mới",
            )
        reported.update(path)


def _rotated(cycle: list[str]) -> list[str]:
    start = cycle.index(min(cycle))
    return cycle[start:] + cycle[:start]
