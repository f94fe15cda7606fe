"""Administrative units as dated sets, and where a cooperative is in each.

``models_data/localities/<set>.yaml``: the 2018 province (districts with their communes: what the
2018 plan is measured against) and the merged province of 01/07/2025 (communes only, each with the
old units it was formed from). A profile names its unit of today (``commune``) and, where known,
its 2018 commune or district (``commune_2018``, ``district_2018``). Today's unit follows from the
2018 commune when that commune went whole into one new unit; a commune split in 2025 is never
guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from ktt_site.dates import Date
from ktt_site.errors import ProblemLog
from ktt_site.validation import FieldError, PlainText, Record, Slug, field_path, load_record_folder

if TYPE_CHECKING:
    from ktt_site.cooperatives.model import Cooperative

FOLDER = "localities"
#: The set that ``commune_2018`` and ``district_2018`` of a profile refer to.
FORMER_SET = "2018"


class FormerUnit(Record):
    """An old unit that went, whole or in part, into a new one."""

    code: str = Field(description="Mã đơn vị cũ (danh mục ngày 01/03/2025).")
    name: PlainText = Field(description="Tên đơn vị cũ, ví dụ 'Xã Thạnh Tân'.")
    district: PlainText = Field(description="Huyện, thị xã, thành phố của đơn vị cũ.")
    province: PlainText = Field(description="Tỉnh của đơn vị cũ (Tây Ninh hoặc Long An).")
    part: Literal["whole", "partial"] = Field(description="whole: toàn bộ; partial: một phần (đơn vị cũ bị chia).")
    units_2018: list[Slug] = Field(
        default_factory=list, description="Mã (id) các xã năm 2018 mà đơn vị cũ này là (trong tệp 2018.yaml)."
    )


class Commune(Record):
    """A commune-level unit (xã, phường, thị trấn)."""

    id: Slug = Field(description="Mã xã, duy nhất trong danh sách, ví dụ 'xa-thanh-tan'.")
    code: str | None = Field(default=None, description="Mã đơn vị hành chính chính thức (Tổng cục Thống kê).")
    name: PlainText = Field(description="Tên đầy đủ, ví dụ 'Xã Thạnh Tân'.")
    kind: Literal["xa", "phuong", "thi-tran"] = Field(description="Loại: xa, phuong hoặc thi-tran.")
    resolution_clause: int | None = Field(default=None, description="Khoản của nghị quyết lập đơn vị này.")
    formed_from: list[FormerUnit] = Field(default_factory=list, description="Các đơn vị cũ hợp thành đơn vị này.")


class District(Record):
    """A district-level unit with its communes."""

    id: Slug = Field(description="Mã huyện, ví dụ 'duong-minh-chau'.")
    code: str | None = Field(default=None, description="Mã đơn vị hành chính chính thức.")
    name: PlainText = Field(description="Tên đầy đủ, ví dụ 'Huyện Dương Minh Châu'.")
    kind: Literal["thanh-pho", "thi-xa", "huyen"] = Field(description="Loại: thanh-pho, thi-xa hoặc huyen.")
    communes: list[Commune] = Field(min_length=1, description="Các xã, phường, thị trấn thuộc huyện.")


class LocalitySet(Record):
    """The province's units as they stood from a date: districts with communes, or communes only."""

    id: Slug = Field(description="Tên của danh sách, trùng tên tệp, ví dụ '2018' hoặc '2025'.")
    as_of: Date = Field(description="Ngày danh sách này bắt đầu đúng.")
    province: PlainText | None = Field(default=None, description="Tên tỉnh.")
    source: str | None = Field(default=None, description="Nguồn của danh sách.")
    districts: list[District] = Field(
        default_factory=list, description="Các huyện, thị xã, thành phố (nếu có cấp huyện)."
    )
    communes: list[Commune] = Field(default_factory=list, description="Các xã, phường (khi không có cấp huyện).")

    @model_validator(mode="after")
    def _one_shape(self) -> LocalitySet:
        if not self.districts and not self.communes:
            raise FieldError(
                "districts",
                "không được để trống: ghi các huyện (districts) cùng các xã của mỗi huyện, hoặc, với địa giới "
                "không có cấp huyện (từ 01/07/2025), ghi các xã, phường (communes)",
            )
        if self.districts and self.communes:
            raise FieldError("communes", "chỉ ghi một trong hai: districts (có cấp huyện) hoặc communes (không có)")
        return self

    @property
    def all_communes(self) -> list[Commune]:
        return [c for d in self.districts for c in d.communes] or list(self.communes)

    def commune_index(self) -> dict[str, tuple[District | None, Commune]]:
        if self.districts:
            return {c.id: (d, c) for d in self.districts for c in d.communes}
        return {c.id: (None, c) for c in self.communes}


@dataclass(frozen=True)
class Location:
    """Where a cooperative is: today's unit and, where known, its 2018 commune and district."""

    today: Commune | None
    commune_2018: Commune | None
    district_2018: District | None
    unknown_reason: str | None = None
    """Why today's unit is not known (shown to readers), when it is not."""
    changed_on: dt.date | None = None
    """The day today's set came into force, when it replaced the 2018 one (01/07/2025)."""

    @property
    def district_today(self) -> District | None:
        """The district, where the set in force still has districts (a site of 2018 only)."""
        return None if self.changed_on else self.district_2018

    @cached_property
    def former_text(self) -> str:
        """'xã Thạnh Tân, thành phố Tây Ninh' (kinds in lower case, as inside a sentence)."""
        parts = [unit.name for unit in (self.commune_2018, self.district_2018) if unit is not None]
        return ", ".join(_lower_kind(p) for p in parts)

    @cached_property
    def today_text(self) -> str:
        if self.today is None:
            return "Chưa rõ xã, phường hiện nay"
        if self.district_today is not None:
            return f"{self.today.name}, {self.district_today.name}"
        return self.today.name

    @cached_property
    def text(self) -> str:
        """'Phường Bình Minh (trước 01/07/2025: xã Thạnh Tân, thành phố Tây Ninh)'."""
        if self.changed_on is None or not self.former_text:
            return self.today_text
        return f"{self.today_text} (trước {self.changed_on:%d/%m/%Y}: {self.former_text})"


def _lower_kind(name: str) -> str:
    for kind in ("Xã", "Phường", "Thị trấn", "Huyện", "Thị xã", "Thành phố"):
        if name.startswith(kind + " "):
            return kind.lower() + name[len(kind) :]
    return name


@dataclass
class Localities:
    """Every dated set, oldest first, and the set in force on the site's date."""

    sets: list[LocalitySet]
    today: LocalitySet

    @property
    def former(self) -> LocalitySet | None:
        return next((s for s in self.sets if s.id == FORMER_SET), None)

    def in_force(self, day: dt.date) -> LocalitySet:
        """The set that was in force on ``day`` (the oldest one before any set)."""
        return next((s for s in reversed(self.sets) if s.as_of <= day), self.sets[0])

    def not_yet_in_force(self, commune_id: str) -> tuple[LocalitySet, Commune] | None:
        """A unit of a set that comes into force after the site's date, with its set.

        ``commune`` names the unit of today (01/07/2025 on); a site built as of an earlier day
        does not have that unit yet, and a profile naming only it has no place in that view."""
        for later in self.sets:
            if later.as_of > self.today.as_of:
                found = later.commune_index().get(commune_id)
                if found is not None:
                    return later, found[1]
        return None

    def successors(self, commune_2018: str) -> list[tuple[Commune, FormerUnit]]:
        """Today's units that a 2018 commune went into, with how (whole or part)."""
        if self.today.id == FORMER_SET:
            found = self.today.commune_index().get(commune_2018)
            return (
                []
                if found is None
                else [(found[1], FormerUnit(code="", name="", district="", province="", part="whole"))]
            )
        return [(c, f) for c in self.today.all_communes for f in c.formed_from if commune_2018 in f.units_2018]

    def location_of(self, coop: Cooperative) -> Location:
        former = self.former
        former_communes = former.commune_index() if former else {}
        if former is None or self.today is former:
            district, commune = former_communes.get(coop.commune or coop.commune_2018 or "", (None, None))
            if district is None and coop.district_2018 and former:
                district = next((d for d in former.districts if d.id == coop.district_2018), None)
            reason = None if commune else _unknown_reason(None, district, [])
            later = None if commune or district else self.not_yet_in_force(coop.commune or "")
            if later is not None:
                unit_set, unit = later
                reason = f"hồ sơ chỉ ghi {_lower_kind(unit.name)} theo địa giới từ {unit_set.as_of:%d/%m/%Y}"
            return Location(commune, commune, district, reason)
        changed_on = self.today.as_of
        district, commune_2018 = former_communes.get(coop.commune_2018 or "", (None, None))
        if district is None and coop.district_2018:
            district = next((d for d in former.districts if d.id == coop.district_2018), None)
        today = self.today.commune_index().get(coop.commune or "")
        if today is not None:
            return Location(today[1], commune_2018, district, None, changed_on)
        successors = self.successors(commune_2018.id) if commune_2018 else []
        if len(successors) == 1 and successors[0][1].part == "whole":
            return Location(successors[0][0], commune_2018, district, None, changed_on)
        return Location(None, commune_2018, district, _unknown_reason(commune_2018, district, successors), changed_on)


def _unknown_reason(
    commune_2018: Commune | None, district: District | None, successors: list[tuple[Commune, FormerUnit]]
) -> str:
    if commune_2018 is not None:
        names = " và ".join(unit.name for unit, _ in successors)
        return f"{commune_2018.name} cũ nay được chia cho {names}; nguồn không cho biết thuộc phần nào"
    if district is not None:
        return f"nguồn chỉ nêu {_lower_kind(district.name)}, không nêu xã"
    return "nguồn không nêu địa bàn"


def load_localities(data_dir: Path, log: ProblemLog, *, today: dt.date) -> Localities | None:
    """Every set in ``localities/``; today's is the newest in force on ``today``."""
    folder = data_dir / FOLDER
    found = load_record_folder(folder, LocalitySet, log)
    if not found:
        if not log.problems:
            log.add(folder, None, "", "thiếu danh sách đơn vị hành chính (các tệp localities/<năm>.yaml)")
        return None
    for locality_set in found.values():
        _check_unique_ids(locality_set, folder / f"{locality_set.id}.yaml", log)
    sets = sorted(found.values(), key=lambda s: s.as_of)
    localities = Localities(sets, sets[0])
    localities.today = localities.in_force(today)
    _check_formed_from(localities, log, folder)
    return localities


def _check_unique_ids(found: LocalitySet, path: Path, log: ProblemLog) -> None:
    seen_districts: set[str] = set()
    seen_communes: dict[str, str] = {}
    for d_index, district in enumerate(found.districts):
        if district.id in seen_districts:
            line = found.origin.line("districts", d_index, "id")
            log.add(path, line, f"districts[{d_index}].id", f"mã huyện '{district.id}' bị trùng")
        seen_districts.add(district.id)
    places: list[tuple[tuple[str | int, ...], str, Commune]] = [
        (("districts", d, "communes", c), district.name, commune)
        for d, district in enumerate(found.districts)
        for c, commune in enumerate(district.communes)
    ]
    places += [(("communes", c), found.province or "", commune) for c, commune in enumerate(found.communes)]
    for loc, where, commune in places:
        if commune.id in seen_communes:
            field = field_path((*loc, "id"))
            log.add(
                path,
                found.origin.line(*loc, "id"),
                field,
                f"mã xã '{commune.id}' đã dùng cho một xã ở {seen_communes[commune.id]}; "
                "mã xã phải duy nhất trong danh sách (thêm tên huyện hoặc mã đơn vị vào cuối mã)",
            )
        seen_communes.setdefault(commune.id, where)


def _check_formed_from(localities: Localities, log: ProblemLog, folder: Path) -> None:
    """Every ``units_2018`` id names a commune of the 2018 set."""
    former = localities.former
    known = set(former.commune_index()) if former else set()
    for found in localities.sets:
        for c_index, commune in enumerate(found.communes):
            for f_index, unit in enumerate(commune.formed_from):
                for u_index, unit_id in enumerate(unit.units_2018):
                    if unit_id not in known:
                        log.add(
                            folder / f"{found.id}.yaml",
                            found.origin.line("communes", c_index, "formed_from", f_index, "units_2018", u_index),
                            f"communes[{c_index}].formed_from[{f_index}].units_2018[{u_index}]",
                            f"không có xã năm {FORMER_SET} mang mã '{unit_id}'",
                        )
