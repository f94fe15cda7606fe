"""Ids that name other records, checked while each file is validated.

The ids a project has are gathered first from whatever could be read: a record file defines
its id by its name, and a list (organisations, communes, criteria) by each entry's ``id``,
even where the file's other fields are wrong. So a reference to a record that has its own
mistakes is not reported as unknown too, and every problem is found in one pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, ValidationInfo

from ktt_site.validation import Slug, is_slug

#: The key of the validation context that holds the project's :class:`KnownIds`.
CONTEXT_KEY = "known_ids"

IdSet = frozenset[str] | None
"""Ids of one kind; None where the file listing them could not be read, so no reference to
that kind is reported (the file's own problem is)."""


@dataclass(frozen=True)
class KnownIds:
    """Every id the project's files define, valid records or not."""

    communes: IdSet = None
    """Units of the set in force on the site's date, and of sets to come (a profile may name
    today's unit on a site dated before it existed)."""
    communes_2018: IdSet = None
    districts_2018: IdSet = None
    organizations: IdSet = None
    legal: IdSet = None
    cooperatives: IdSet = None
    plans: IdSet = None
    criteria: IdSet = None
    criteria_file: bool = True
    """False when there is no ``exemplary_criteria.yaml`` at all (a message says so)."""
    targets: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Each valid plan's target ids (a plan with mistakes of its own is not checked)."""

    def context(self) -> dict[str, Any]:
        return {CONTEXT_KEY: self}

    def unknown(self, kind: str, what: str, value: str) -> str:
        if kind == "criteria":
            where = "không có trong" if self.criteria_file else "chưa có tệp"
            return f"tiêu chí '{value}' {where} models_data/exemplary_criteria.yaml"
        return f"không có {what} mang mã '{value}'"


def record_ids(folder: Path) -> frozenset[str]:
    """The ids of a folder of records: every ``<id>.yaml`` file's name, whatever it holds."""
    if not folder.is_dir():
        return frozenset()
    return frozenset(p.stem for p in folder.glob("*.yaml") if not p.name.startswith("."))


def listed_ids(entries: Any) -> IdSet:
    """The ``id`` of each entry of a YAML list with mistakes, whatever the entry's other fields
    hold; None if the list is missing or empty, or an entry's id is missing or malformed: an id
    that cannot be read may be the one a reference means, so no reference is called unknown."""
    if not isinstance(entries, list) or not entries:
        return None
    ids = [entry.get("id") if isinstance(entry, dict) else None for entry in entries]
    return frozenset(str(i) for i in ids) if all(is_slug(i) for i in ids) else None


@dataclass(frozen=True)
class RefersTo:
    """A validator: the id must name a record of ``kind`` (a :class:`KnownIds` field)."""

    kind: str
    what: str
    """What the id names, in Vietnamese, for the message."""

    def __call__(self, value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(CONTEXT_KEY)
        ids = getattr(known, self.kind) if isinstance(known, KnownIds) else None
        if ids is not None and value not in ids:
            assert isinstance(known, KnownIds)
            raise ValueError(known.unknown(self.kind, self.what, value))
        return value


CommuneId = Annotated[Slug, AfterValidator(RefersTo("communes", "xã/phường/thị trấn"))]
Commune2018Id = Annotated[Slug, AfterValidator(RefersTo("communes_2018", "xã/phường/thị trấn năm 2018"))]
District2018Id = Annotated[Slug, AfterValidator(RefersTo("districts_2018", "huyện năm 2018"))]
OrganizationId = Annotated[Slug, AfterValidator(RefersTo("organizations", "tổ chức"))]
LegalId = Annotated[Slug, AfterValidator(RefersTo("legal", "văn bản"))]
LegalBasisId = Annotated[Slug, AfterValidator(RefersTo("legal", "văn bản pháp lý"))]
CooperativeId = Annotated[Slug, AfterValidator(RefersTo("cooperatives", "HTX/THT"))]
CriterionId = Annotated[Slug, AfterValidator(RefersTo("criteria", "tiêu chí"))]
