"""Every CSV download also as an Excel workbook: what a reader sees opening it in a spreadsheet
(read back with openpyxl), and the same bytes from two builds in two processes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from conftest import PROFILES_EPOCH, new_project
from cooperatives_support import add_profiles
from plans_fixture import write_plan_site

from ktt_site.workbook import FIXED_TIME, Column, workbook_bytes


def _sheet(data: bytes):
    book = openpyxl.load_workbook(io.BytesIO(data))
    return book, book.active


def test_cooperatives_workbook_has_vietnamese_headers_dates_and_numbers(profiles_site):
    built = profiles_site.built()
    book, sheet = _sheet((built / "du-lieu/hop-tac-xa.xlsx").read_bytes())
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["Mã", "Tên", "Loại (mã)"]
    assert "Ngày thành lập" in headers and "Số thành viên" in headers
    assert not any(h in headers for h in ("name", "founded", "members")), "no English column names"
    rows = {row[0]: dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 3
    coop = rows["hop-tac-xa-dong-thuan"]
    assert coop["Tên"] == "Hợp tác xã Đồng Thuận"
    assert coop["Ngày thành lập"] == "09/2005"  # known to the month only: text, never a made-up day
    assert coop["Số thành viên"] == 60 and isinstance(coop["Số thành viên"], int)
    assert coop["Dữ liệu minh họa"] == "Không"
    dated = [r for r in rows.values() if isinstance(r["Ngày thành lập"], dt.datetime)]
    assert dated, "a date known to the day is an Excel date"
    index = headers.index("Ngày thành lập") + 1
    for cell in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
        if isinstance(cell[0].value, dt.datetime):
            assert cell[0].number_format == "DD/MM/YYYY"
    assert sheet.freeze_panes == "A2"
    assert book.properties.language == "vi"


def test_progress_workbook_matches_the_csv(tmp_path):
    project = new_project(tmp_path)
    write_plan_site(project, as_of="2018-12-31")
    assert project.build_in_process().returncode == 0
    _, sheet = _sheet((project.built() / "tien-do/2018/tien-do.xlsx").read_bytes())
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["Mã chỉ tiêu", "Chỉ tiêu", "Kết quả"]
    rows = [dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [(r["Mã chỉ tiêu"], r["Kết quả"], r["Chỉ tiêu tối thiểu"]) for r in rows][:2] == [
        ("tht-moi", 2, 2),
        ("htx-moi", 3, 1),
    ]
    assert rows[0]["Số liệu tính đến ngày"] == dt.datetime(2018, 12, 31)
    overview = (project.built() / "tien-do/2018/index.html").read_text("utf-8")
    assert 'href="tien-do.xlsx" download' in overview


def test_workbooks_are_byte_reproducible_across_processes(tmp_path):
    project = new_project(tmp_path / "one")
    add_profiles(project)
    env = {"SOURCE_DATE_EPOCH": PROFILES_EPOCH}
    first, second = tmp_path / "a", tmp_path / "b"
    assert project.build("--site-dir", str(first), env=env).returncode == 0
    assert project.build_in_process(site_dir=second, env=env).returncode == 0
    data = (first / "du-lieu/hop-tac-xa.xlsx").read_bytes()
    assert data == (second / "du-lieu/hop-tac-xa.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {FIXED_TIME.timetuple()[:6]}
        core = archive.read("docProps/core.xml").decode()
    assert "1980-01-01T00:00:00Z" in core


@pytest.mark.parametrize("value", [True, False])
def test_yes_no_and_empty_cells(value):
    data = workbook_bytes("Thử", [Column("Có?"), Column("Trống")], [[value, ""]], author="thử")
    _, sheet = _sheet(data)
    assert [c.value for c in sheet[2]] == ["Có" if value else "Không", None]


def test_text_that_looks_like_a_formula_stays_text():
    """A name or summary starting with "=" (=HYPERLINK(...) runs when Excel opens the file) is a
    text cell, shown as typed."""
    typed = '=HYPERLINK("http://vi-du.invalid/","Bấm vào đây")'
    data = workbook_bytes("Thử", [Column("Tên"), Column("Ghi chú")], [[typed, "+1"]], author="thử")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    _, sheet = _sheet(data)
    assert [(c.value, c.data_type) for c in sheet[2]] == [(typed, "s"), ("+1", "s")]
