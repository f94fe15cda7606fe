"""Checks across documents that a single record cannot make: replacement cycles, and a
cooperative founded before the document it names as its legal basis existed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ktt_site.errors import ProblemLog
from ktt_site.legal.model import LegalDocument

if TYPE_CHECKING:
    from ktt_site.cooperatives.model import Cooperative


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


def check_legal_basis_dates(
    cooperatives: Mapping[str, Cooperative], library: Mapping[str, LegalDocument], log: ProblemLog
) -> None:
    """A cooperative cannot have been founded under a document issued after its founding."""
    for coop in cooperatives.values():
        doc = library.get(coop.legal_basis or "")
        if doc is None or doc.issued is None or coop.founded.last_day >= doc.issued.first_day:
            continue
        # The document it replaced is most often the one meant.
        earlier = [other.id for other in library.values() if other.replaced_by == doc.id]
        hint = f" (có thể là '{earlier[0]}')" if len(earlier) == 1 else ""
        log.add(
            coop.origin.path,
            coop.origin.line("legal_basis"),
            "legal_basis",
            f"{doc.label} ban hành {doc.issued_phrase}, sau khi {coop.kind_short} thành lập ({coop.founded}): ghi văn bản "
            f"có hiệu lực lúc thành lập{hint}, hoặc bỏ trống nếu nguồn không nêu",
        )
