"""Whether a document is in force on a given day, computed from its dates and replacement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from ktt_site.dates import vn_date
from ktt_site.legal.model import LegalDocument

StatusKind = Literal["not_yet", "in_force", "expired", "unknown"]

LABELS: dict[StatusKind, str] = {
    "not_yet": "Chưa có hiệu lực",
    "in_force": "Còn hiệu lực",
    "expired": "Hết hiệu lực",
    "unknown": "Chưa rõ hiệu lực",
}


@dataclass(frozen=True)
class Status:
    """A document's status on ``as_of``, with the sentence that explains it to a reader."""

    kind: StatusKind
    label: str
    detail: str
    as_of: dt.date
    since: dt.date | None = None
    replaced_by: LegalDocument | None = None


def status_of(doc: LegalDocument, library: Mapping[str, LegalDocument], as_of: dt.date) -> Status:
    """The status of ``doc`` on ``as_of``; ``library`` resolves ``replaced_by``.

    Nothing is inferred beyond the dates written in the data: a document with no known
    effective date is "not known" rather than presumed in force, because several documents
    we cite were later replaced on dates no source confirms.
    """
    replacement = library.get(doc.replaced_by) if doc.replaced_by else None
    if doc.expired and doc.expired <= as_of:
        detail = f"Hết hiệu lực từ ngày {vn_date(doc.expired)}"
        if replacement:
            detail += f", được thay thế bởi {replacement.citation}"
        return Status(
            "expired",
            f"Hết hiệu lực từ {vn_date(doc.expired)}",
            detail + ".",
            as_of,
            doc.expired,
            replacement,
        )
    if replacement and not doc.expired and _has_started(replacement, as_of):
        return Status(
            "expired",
            "Đã được thay thế",
            f"Đã được thay thế bởi {replacement.citation}; chưa rõ ngày hết hiệu lực.",
            as_of,
            None,
            replacement,
        )
    if doc.effective and as_of < doc.effective:
        return Status(
            "not_yet",
            LABELS["not_yet"],
            f"Sẽ có hiệu lực từ ngày {vn_date(doc.effective)}.",
            as_of,
            doc.effective,
        )
    if doc.issued and as_of < doc.issued.first_day:
        return Status("not_yet", LABELS["not_yet"], f"Chưa được ban hành vào ngày {vn_date(as_of)}.", as_of)
    if doc.effective:
        detail = f"Có hiệu lực từ ngày {vn_date(doc.effective)}"
        if doc.expired:
            detail += f"; sẽ hết hiệu lực từ ngày {vn_date(doc.expired)}"
            if replacement:
                detail += f", được thay thế bởi {replacement.citation}"
        return Status("in_force", LABELS["in_force"], detail + ".", as_of, doc.effective, replacement)
    return Status(
        "unknown",
        LABELS["unknown"],
        "Thư viện chưa có nguồn xác nhận ngày có hiệu lực của văn bản này và chưa ghi nhận văn bản "
        "nào thay thế nó; hãy đối chiếu văn bản gốc trước khi viện dẫn.",
        as_of,
    )


def _has_started(doc: LegalDocument, as_of: dt.date) -> bool:
    """Whether a replacement has started to apply on ``as_of`` (by its effective or issue date)."""
    start = doc.effective or (doc.issued.first_day if doc.issued else None)
    return start is not None and start <= as_of


def replaces(doc: LegalDocument, library: Mapping[str, LegalDocument]) -> list[LegalDocument]:
    """Documents that ``doc`` replaces, read from their own ``replaced_by`` (oldest first)."""
    return sorted((d for d in library.values() if d.replaced_by == doc.id), key=lambda d: d.sort_key)
