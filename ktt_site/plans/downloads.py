"""``tien-do.json``, ``.csv`` and ``.xlsx``: every target's figures, byte for byte reproducible."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ktt_site.plans.progress import PlanProgress, TargetProgress
from ktt_site.urls import absolute_url
from ktt_site.workbook import Column, csv_bytes, workbook_bytes

CSV_COLUMNS = [
    "id",
    "title",
    "value",
    "target_min",
    "target_max",
    "unit",
    "status",
    "status_label",
    "as_of",
    "complete",
    "illustrative",
    "url",
]
#: The workbook's header of each CSV column.
XLSX_COLUMNS = {
    "id": Column("Mã chỉ tiêu", 18),
    "title": Column("Chỉ tiêu", 50),
    "value": Column("Kết quả", 12),
    "target_min": Column("Chỉ tiêu tối thiểu", 12),
    "target_max": Column("Chỉ tiêu tối đa", 12),
    "unit": Column("Đơn vị", 14),
    "status": Column("Trạng thái (mã)", 14),
    "status_label": Column("Trạng thái", 18),
    "as_of": Column("Số liệu tính đến ngày", 14),
    "complete": Column("Đủ số liệu", 10),
    "illustrative": Column("Số liệu minh họa", 10),
    "url": Column("Trang chỉ tiêu", 40),
}


def _number(value: float | None) -> int | float | None:
    """Whole numbers as integers (10, not 10.0); others to two decimals."""
    if value is None:
        return None
    rounded = round(float(value), 2)
    return int(rounded) if rounded.is_integer() else rounded


def target_record(progress: TargetProgress, site_url: str) -> dict[str, Any]:
    goal: dict[str, Any] = {}
    if progress.goal.min is not None:
        goal["min"] = _number(progress.goal.min)
        if progress.goal.min_exclusive:
            goal["min_exclusive"] = True
    if progress.goal.max is not None:
        goal["max"] = _number(progress.goal.max)
    return {
        "id": progress.target.id,
        "title": progress.target.title,
        "value": _number(progress.value),
        "target": goal,
        "unit": progress.unit,
        "status": progress.status,
        "status_label": progress.status_label,
        "as_of": progress.as_of.isoformat(),
        "complete": progress.complete,
        "illustrative": progress.illustrative,
        "url": absolute_url(site_url, f"tien-do/{progress.plan.id}/{progress.target.id}.md"),
    }


def progress_json(plan: PlanProgress, site_url: str) -> bytes:
    records = [target_record(t, site_url) for t in plan.targets]
    return (json.dumps(records, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def progress_csv(plan: PlanProgress, site_url: str) -> bytes:
    """One row a target (:func:`ktt_site.workbook.csv_bytes`: UTF-8 with a byte-order mark)."""
    rows = []
    for target in plan.targets:
        record = target_record(target, site_url)
        row = {**record, "target_min": record["target"].get("min"), "target_max": record["target"].get("max")}
        rows.append([_cell(row[c]) for c in CSV_COLUMNS])
    return csv_bytes(CSV_COLUMNS, rows)


def progress_xlsx(plan: PlanProgress, site_url: str, *, author: str) -> bytes:
    """The CSV's rows as an Excel workbook: Vietnamese headers, the date as a date."""
    rows = []
    for target in plan.targets:
        record = target_record(target, site_url)
        row = {**record, "target_min": record["target"].get("min"), "target_max": record["target"].get("max")}
        row["as_of"] = dt.date.fromisoformat(record["as_of"])
        rows.append([row[c] for c in CSV_COLUMNS])
    return workbook_bytes(f"Tiến độ {plan.plan.id}", [XLSX_COLUMNS[c] for c in CSV_COLUMNS], rows, author=author)
