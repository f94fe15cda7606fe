"""Excel workbooks (``.xlsx``) beside the CSV downloads, written with openpyxl.

A CSV opens in one column in Excel set to Vietnamese (its list separator is ";"); a workbook
opens right everywhere, with Vietnamese headers, dates as dates and numbers as numbers.
openpyxl stamps the clock in two places, the document's properties and every zip entry; both are
fixed here, so two builds of the same data give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

#: The earliest time a zip entry can carry: the workbook's every timestamp.
FIXED_TIME = dt.datetime(1980, 1, 1)
DATE_FORMAT = "DD/MM/YYYY"

Cell = str | int | float | bool | dt.date | None


@dataclass(frozen=True)
class Column:
    """One column: its Vietnamese header and a width in characters."""

    header: str
    width: int = 16


def workbook_bytes(
    sheet_title: str, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], *, author: str
) -> bytes:
    """One sheet: a bold, frozen header row with filters, then ``rows``. ``True``/``False``
    read "Có"/"Không"; dates are Excel dates shown as ``31/12/2018``."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_title[:31]  # Excel's limit
    sheet.append([column.header for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_value(value) for value in row])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"
    book.properties.creator = author
    book.properties.lastModifiedBy = author
    book.properties.title = sheet_title
    book.properties.language = "vi"
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # ExcelWriter, not openpyxl's save_workbook: that one stamps the clock as "modified".
        ExcelWriter(book, archive).write_data()
    return _without_clock(buffer.getvalue())


def _value(value: Cell) -> Any:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if value == "":
        return None
    return value


def _without_clock(data: bytes) -> bytes:
    """The same zip, every entry stamped with FIXED_TIME instead of the time of writing."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
