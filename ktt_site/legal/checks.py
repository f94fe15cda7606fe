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
    """A cooperative named as founded under a document issued after its founding, when the
    library holds the document that one replaced and it was in force then: the newer law was
    copied by mistake (the plan's targets count cooperatives by the law they were founded under).
    Without the earlier document in the library nothing is said: an older cooperative may have
    re-registered under the newer law, as the 2012 law required of those founded before it."""
    for coop in cooperatives.values():
        doc = library.get(coop.legal_basis or "")
        if doc is None or doc.issued is None or coop.founded.last_day >= doc.issued.first_day:
            continue
        earlier = sorted(
            other.id
            for other in library.values()
            if other.replaced_by == doc.id
            and other.issued is not None
            and other.issued.first_day <= coop.founded.first_day
        )
        if not earlier:
            continue
        log.add(
            coop.origin.path,
            coop.origin.line("legal_basis"),
            "legal_basis",
            f"{doc.label} ban hành {doc.issued_phrase}, sau khi {coop.kind_short} thành lập ({coop.founded}); "
            f"lúc thành lập còn hiệu lực '{earlier[0]}': ghi văn bản {coop.kind_short} thành lập theo, "
            "hoặc bỏ trống nếu nguồn không nêu",
        )
