"""Downloads that spreadsheets open: Excel workbooks (``.xlsx``, written with openpyxl) and CSV.

A CSV opens in one column in Excel set to Vietnamese (its list separator is ";"); a workbook
opens right everywhere, with Vietnamese headers, dates as dates and numbers as numbers.
openpyxl stamps the clock in two places, the document's properties and every zip entry; both are
fixed here, so two builds of the same data give the same bytes.

In both, text from the data stays text: a spreadsheet runs a cell that starts with "=" (or "+",
"-", "@" in a CSV) as a formula, so such text is written as a text cell, or in a CSV behind an
apostrophe, the mark spreadsheets read as "what follows is text" (OWASP's advice for CSV).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
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
    read "Có"/"Không"; dates are Excel dates shown as ``31/12/2018``.

    Written row by row (openpyxl's write-only mode: no cell objects kept, half the time of a
    workbook held in memory), so the sheet's settings come before its first row."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title[:31])  # Excel's limit
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"
    bold = Font(bold=True)
    sheet.append([_styled(sheet, column.header, font=bold) for column in columns])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
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


#: Text a spreadsheet would run as a formula when it opens a CSV, unless it is only a number.
_FORMULA_START = re.compile(r"[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV with a header row, UTF-8 with a byte-order mark (so Excel shows diacritics), CRLF
    line ends; ``None`` as an empty cell, text that would run as a formula kept as text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_csv_text(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _csv_text(value: object) -> object:
    if isinstance(value, str) and _FORMULA_START.match(value) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _styled(sheet: Any, value: Any, **style: Any) -> Any:
    """A cell of a write-only ``sheet`` with ``style`` (font, number format...)."""
    cell = WriteOnlyCell(sheet, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _cell(sheet: Any, value: Cell) -> Any:
    """A row's value as written: dates as cells showing dd/mm/yyyy, text always as text (openpyxl
    would write "=..." as a formula that Excel runs), the rest as they are."""
    value = _value(value)
    if isinstance(value, dt.date):
        return _styled(sheet, value, number_format=DATE_FORMAT)
    if isinstance(value, str) and value.startswith("="):
        return _styled(sheet, value, data_type="s")
    return value


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
