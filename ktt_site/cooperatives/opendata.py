"""Open data: every profile's main fields as ``/du-lieu/hop-tac-xa.json``, ``.csv`` and ``.xlsx``.

Both files are byte-for-byte reproducible: records in id order, fixed key order, no build time.
The CSV starts with a UTF-8 byte order mark, which is how Excel knows to show diacritics.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from ktt_site import reuse
from ktt_site.cooperatives.model import RELATIONS, latest
from ktt_site.cooperatives.view import Profile
from ktt_site.dates import PartialDate
from ktt_site.rendering import Output
from ktt_site.urls import absolute_url
from ktt_site.workbook import Column, csv_bytes, workbook_bytes

if TYPE_CHECKING:
    from ktt_site.localities import Commune, District
    from ktt_site.rendering import BuildSettings

JSON_FILE = "du-lieu/hop-tac-xa.json"
CSV_FILE = "du-lieu/hop-tac-xa.csv"
XLSX_FILE = "du-lieu/hop-tac-xa.xlsx"

CSV_COLUMNS = (
    "id",
    "name",
    "kind",
    "kind_label",
    "status",
    "status_label",
    "founded",
    "founded_at_latest",
    "dissolved",
    "commune_id",
    "commune_code",
    "commune",
    "commune_2018_id",
    "commune_2018_code",
    "commune_2018",
    "district_2018_id",
    "district_2018_code",
    "district_2018",
    "legal_basis_id",
    "legal_basis",
    "founded_by_ids",
    "founded_by",
    "sectors",
    "members_year",
    "members",
    "avg_income_year",
    "avg_income",
    "capital_year",
    "capital",
    "revenue_year",
    "revenue",
    "products",
    "ocop_products",
    "certifications",
    "exemplary_years",
    "summary",
    "url",
    "sources",
    "illustrative",
)
LIST_SEPARATOR = "; "

#: The workbook's header of each CSV column (the CSV keeps its English names: programs read it).
XLSX_COLUMNS: dict[str, Column] = {
    "id": Column("Mã", 24),
    "name": Column("Tên", 40),
    "kind": Column("Loại (mã)", 10),
    "kind_label": Column("Loại hình", 18),
    "status": Column("Tình trạng (mã)", 12),
    "status_label": Column("Tình trạng", 16),
    "founded": Column("Ngày thành lập", 14),
    "founded_at_latest": Column("Thành lập chậm nhất vào ngày ghi (chưa rõ ngày thật)", 14),
    "dissolved": Column("Ngày giải thể", 14),
    "commune_id": Column("Mã xã, phường hiện nay", 20),
    "commune_code": Column("Mã số xã, phường hiện nay", 12),
    "commune": Column("Xã, phường hiện nay", 22),
    "commune_2018_id": Column("Mã xã năm 2018", 20),
    "commune_2018_code": Column("Mã số xã năm 2018", 12),
    "commune_2018": Column("Xã, phường, thị trấn năm 2018", 22),
    "district_2018_id": Column("Mã huyện năm 2018", 20),
    "district_2018_code": Column("Mã số huyện năm 2018", 12),
    "district_2018": Column("Huyện, thị xã, thành phố năm 2018", 22),
    "legal_basis_id": Column("Mã văn bản căn cứ", 20),
    "legal_basis": Column("Văn bản căn cứ", 40),
    "founded_by_ids": Column("Mã tổ chức vận động thành lập", 20),
    "founded_by": Column("Tổ chức vận động thành lập", 30),
    "sectors": Column("Lĩnh vực", 24),
    "members_year": Column("Năm (số thành viên)", 10),
    "members": Column("Số thành viên", 12),
    "avg_income_year": Column("Năm (thu nhập)", 10),
    "avg_income": Column("Thu nhập bình quân (đồng/người/năm)", 16),
    "capital_year": Column("Năm (vốn)", 10),
    "capital": Column("Vốn (đồng)", 16),
    "revenue_year": Column("Năm (doanh thu)", 10),
    "revenue": Column("Doanh thu (đồng)", 16),
    "products": Column("Sản phẩm", 30),
    "ocop_products": Column("Sản phẩm OCOP", 30),
    "certifications": Column("Chứng nhận", 20),
    "exemplary_years": Column("Năm được công nhận điển hình", 14),
    "summary": Column("Giới thiệu", 50),
    "url": Column("Trang hồ sơ", 40),
    "sources": Column("Nguồn", 40),
    "illustrative": Column("Dữ liệu minh họa", 10),
}
_NUMBER_COLUMNS = frozenset(
    ("members_year", "members", "avg_income_year", "avg_income", "capital_year", "capital", "revenue_year", "revenue")
)


def _by_year(figures: dict[int, int]) -> dict[str, int]:
    return {str(year): figures[year] for year in sorted(figures)}


def record(profile: Profile, settings: BuildSettings) -> dict[str, Any]:
    """One profile as a JSON object: ids with the names readers know them by."""
    coop = profile.coop
    where = profile.location
    return {
        "id": coop.id,
        "url": absolute_url(settings.site_url, profile.src_uri),
        "name": coop.name,
        "kind": coop.kind,
        "kind_label": coop.kind_label,
        "status": coop.status,
        "status_label": coop.status_label,
        "founded": coop.founded.isoformat(),
        "founded_at_latest": coop.founded_at_latest,
        "dissolved": coop.dissolved.isoformat() if coop.dissolved else None,
        # Today's unit, and the 2018 ones (never joined on the code: new units reuse old codes).
        "commune": _unit(where.today),
        "commune_2018": _unit(where.commune_2018),
        "district_2018": _unit(where.district_2018),
        "legal_basis": (
            {"id": profile.legal.id, "number": profile.legal.number, "title": profile.legal.title}
            if profile.legal
            else None
        ),
        "founded_by": [{"id": org.id, "name": org.name} for org in profile.founders],
        "sectors": list(coop.sectors),
        "area_ha": coop.area_ha,
        "members": _by_year(coop.members),
        "avg_income": _by_year(coop.avg_income),
        "capital": _by_year(coop.capital),
        "revenue": _by_year(coop.revenue),
        "products": [
            {
                "name": product.name,
                "ocop_stars": product.ocop_stars,
                "ocop_year": product.ocop_year,
                "certifications": list(product.certifications),
                "key_product": product.key_product,
            }
            for product in coop.products
        ],
        "value_chain": [
            {
                "partner": link.partner,
                "relation": link.relation,
                "relation_label": RELATIONS[link.relation],
                "what": link.what,
                "since": link.since,
            }
            for link in coop.value_chain
        ],
        "exemplary": [
            {
                "year": r.year,
                "recognized_by": r.recognized_by,
                "reason": r.reason,
                "criteria": list(r.criteria),
            }
            for r in coop.exemplary
        ],
        "summary": coop.summary,
        "contact": coop.contact.model_dump(exclude_none=True) if coop.contact else None,
        "sources": list(coop.sources),
        "illustrative": coop.illustrative,
    }


def csv_row(profile: Profile, settings: BuildSettings) -> dict[str, str]:
    """One profile flattened to text cells; lists joined with '; ', figures of the latest year."""
    coop = profile.coop
    row: dict[str, str] = {
        "id": coop.id,
        "name": coop.name,
        "kind": coop.kind,
        "kind_label": coop.kind_label,
        "status": coop.status,
        "status_label": coop.status_label,
        "founded": coop.founded.isoformat(),
        "founded_at_latest": _flag(coop.founded_at_latest),
        "dissolved": coop.dissolved.isoformat() if coop.dissolved else "",
        **_unit_cells("commune", profile.location.today),
        **_unit_cells("commune_2018", profile.location.commune_2018),
        **_unit_cells("district_2018", profile.location.district_2018),
        "legal_basis_id": profile.legal.id if profile.legal else "",
        "legal_basis": f"{profile.legal.title} ({profile.legal.number})" if profile.legal else "",
        "founded_by_ids": LIST_SEPARATOR.join(org.id for org in profile.founders),
        "founded_by": LIST_SEPARATOR.join(org.name for org in profile.founders),
        "sectors": LIST_SEPARATOR.join(coop.sectors),
        "products": LIST_SEPARATOR.join(p.name for p in coop.products),
        "ocop_products": LIST_SEPARATOR.join(f"{p.name} ({p.ocop_stars} sao)" for p in coop.ocop_products),
        "certifications": LIST_SEPARATOR.join(dict.fromkeys(c for p in coop.products for c in p.certifications)),
        "exemplary_years": LIST_SEPARATOR.join(str(r.year) for r in coop.exemplary),
        "summary": coop.summary or "",
        "url": absolute_url(settings.site_url, profile.src_uri),
        "sources": " ".join(coop.sources),
        "illustrative": _flag(coop.illustrative),
    }
    for name in ("members", "avg_income", "capital", "revenue"):
        found = latest(getattr(coop, name))
        row[f"{name}_year"] = str(found[0]) if found else ""
        row[name] = str(found[1]) if found else ""
    return row


def _unit(unit: Commune | District | None) -> dict[str, str | None] | None:
    return None if unit is None else {"id": unit.id, "code": unit.code, "name": unit.name}


def _unit_cells(prefix: str, unit: Commune | District | None) -> dict[str, str]:
    if unit is None:
        return {f"{prefix}_id": "", f"{prefix}_code": "", prefix: ""}
    return {f"{prefix}_id": unit.id, f"{prefix}_code": unit.code or "", prefix: unit.name}


def _flag(value: bool) -> str:
    return "true" if value else "false"


def build_files(profiles: list[Profile], settings: BuildSettings) -> list[Output]:
    ordered = sorted(profiles, key=lambda p: p.id)
    records = [record(p, settings) for p in ordered]
    rows = [csv_row(p, settings) for p in ordered]
    cells = [[row[name] for name in CSV_COLUMNS] for row in rows]
    typed = [xlsx_row(p, row) for p, row in zip(ordered, rows, strict=True)]
    # Writing the files is most of the work; the live preview reuses them while rows are equal.
    return reuse.made(
        "opendata",
        (settings, records, cells, typed),
        lambda: [
            Output(JSON_FILE, _json_file(records, settings)),
            Output(CSV_FILE, csv_bytes(CSV_COLUMNS, cells)),
            Output(XLSX_FILE, _xlsx_file(typed, settings)),
        ],
    )


def _json_file(records: list[dict[str, Any]], settings: BuildSettings) -> bytes:
    document = {
        "title": f"Hợp tác xã, tổ hợp tác: dữ liệu mở của {settings.site_name}",
        "source": settings.site_url,
        "count": len(records),
        "cooperatives": records,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def xlsx_row(profile: Profile, text: dict[str, str]) -> list[Any]:
    """The profile's CSV row (``text``) with typed cells: dates, numbers and yes/no where the
    CSV has text."""
    coop = profile.coop
    typed: dict[str, Any] = {
        "founded": _excel_date(coop.founded),
        "dissolved": _excel_date(coop.dissolved),
        "founded_at_latest": coop.founded_at_latest,
        "illustrative": coop.illustrative,
    }
    for name in _NUMBER_COLUMNS:
        typed[name] = int(text[name]) if text[name] else None
    return [typed[name] if name in typed else text[name] for name in CSV_COLUMNS]


def _excel_date(value: PartialDate | dt.date | None) -> dt.date | str | None:
    """A date known to the day as an Excel date; one known to the month or year as that text."""
    if isinstance(value, PartialDate):
        return value.first_day if value.day else str(value)
    return value


def _xlsx_file(rows: list[list[Any]], settings: BuildSettings) -> bytes:
    return workbook_bytes(
        "Hợp tác xã, tổ hợp tác", [XLSX_COLUMNS[name] for name in CSV_COLUMNS], rows, author=settings.site_name
    )
