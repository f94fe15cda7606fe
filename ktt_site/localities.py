"""Districts and communes of the province (the territory the plan's coverage is measured on)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from ktt_site.dates import Date
from ktt_site.errors import ProblemLog
from ktt_site.references import IdSet, nested_ids
from ktt_site.sources import load_yaml_file
from ktt_site.validation import PlainText, Record, Slug, validate_record

FILE_NAME = "localities.yaml"


class Commune(Record):
    """A commune-level unit (xã, phường, thị trấn)."""

    id: Slug = Field(description="Mã xã, duy nhất trong tỉnh, ví dụ 'xa-thanh-tan'.")
    code: str | None = Field(default=None, description="Mã đơn vị hành chính chính thức (Tổng cục Thống kê).")
    name: PlainText = Field(description="Tên đầy đủ, ví dụ 'Xã Thạnh Tân'.")
    kind: Literal["xa", "phuong", "thi-tran"] = Field(description="Loại: xa, phuong hoặc thi-tran.")


class District(Record):
    """A district-level unit with its communes."""

    id: Slug = Field(description="Mã huyện, ví dụ 'duong-minh-chau'.")
    code: str | None = Field(default=None, description="Mã đơn vị hành chính chính thức.")
    name: PlainText = Field(description="Tên đầy đủ, ví dụ 'Huyện Dương Minh Châu'.")
    kind: Literal["thanh-pho", "thi-xa", "huyen"] = Field(description="Loại: thanh-pho, thi-xa hoặc huyen.")
    communes: list[Commune] = Field(min_length=1, description="Các xã, phường, thị trấn thuộc huyện.")


class Localities(Record):
    """The province's districts and communes as of a date."""

    as_of: Date = Field(description="Ngày mà danh sách địa giới này đúng.")
    province: PlainText | None = Field(default=None, description="Tên tỉnh.")
    source: str | None = Field(default=None, description="Nguồn của danh sách.")
    districts: list[District] = Field(min_length=1, description="Các huyện, thị xã, thành phố.")

    def commune_index(self) -> dict[str, tuple[District, Commune]]:
        return {c.id: (d, c) for d in self.districts for c in d.communes}


def load_localities(data_dir: Path, log: ProblemLog) -> tuple[Localities | None, IdSet]:
    """The districts and communes if valid, and every commune id the file lists (None when it
    cannot be read)."""
    path = data_dir / FILE_NAME
    if not path.exists():
        log.add(path, None, "", "thiếu tệp danh sách huyện, xã")
        return None, None
    data = load_yaml_file(path, log)
    if data is None:
        return None, None
    localities = validate_record(Localities, data, path, log)
    if localities is None:
        return None, nested_ids(data.get("districts"), "communes") if isinstance(data, dict) else None
    seen_districts: set[str] = set()
    seen_communes: dict[str, str] = {}
    for d_index, district in enumerate(localities.districts):
        if district.id in seen_districts:
            line = localities.origin.line("districts", d_index, "id")
            log.add(path, line, f"districts[{d_index}].id", f"mã huyện '{district.id}' bị trùng")
        seen_districts.add(district.id)
        for c_index, commune in enumerate(district.communes):
            if commune.id in seen_communes:
                line = localities.origin.line("districts", d_index, "communes", c_index, "id")
                log.add(
                    path,
                    line,
                    f"districts[{d_index}].communes[{c_index}].id",
                    f"mã xã '{commune.id}' đã dùng cho một xã ở {seen_communes[commune.id]}; "
                    "mã xã phải duy nhất trong tỉnh (thêm tên huyện vào cuối mã)",
                )
            seen_communes.setdefault(commune.id, district.name)
    return localities, frozenset(localities.commune_index())
