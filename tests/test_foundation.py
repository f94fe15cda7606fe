"""The foundation: a fixture site and the shipped site build, in Vietnamese, offline."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from conftest import REFERENCE
from html_checks import external_loads

from ktt_site.errors import ProblemLog
from ktt_site.localities import load_localities

ROOT = Path(__file__).parent.parent


def test_fixture_site_builds_in_vietnamese_without_external_loads(project):
    result = project.build()
    assert result.returncode == 0, result.stderr
    home = project.output("index.html")
    assert '<html lang="vi"' in home
    assert "Xin chào." in home
    for page in project.built().rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        assert external_loads(text) == [], page


def test_check_reports_valid_data(project):
    result = project.check()
    assert result.returncode == 0, result.stderr
    assert "Dữ liệu hợp lệ: 1 HTX/THT, 1 văn bản" in result.stdout


def test_shipped_site_is_vietnamese_and_offline(shipped_site):
    home = (shipped_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in home
    for page in shipped_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text, page
        assert external_loads(text) == [], page


@pytest.fixture(scope="module")
def shipped_localities():
    log = ProblemLog(ROOT)
    localities = load_localities(ROOT / "models_data", log, today=dt.date(2026, 11, 30))
    assert not log.problems, log.problems
    return localities


def test_shipped_localities_match_the_2018_reference(shipped_localities):
    former = shipped_localities.former
    reference = yaml.safe_load((REFERENCE / "tay-ninh-2018-communes.yaml").read_text(encoding="utf-8"))
    communes = [c for d in former.districts for c in d.communes]
    assert len(former.districts) == 9
    assert len(communes) == 95
    kinds = [c.kind for c in communes]
    assert (kinds.count("xa"), kinds.count("phuong"), kinds.count("thi-tran")) == (80, 7, 8)
    assert len({c.id for c in communes}) == 95
    assert len({c.code for c in communes}) == 95
    tan_binh = [c for c in communes if c.name == "Xã Tân Bình"]
    assert len(tan_binh) == 2 and tan_binh[0].id != tan_binh[1].id
    expected = {c["code"]: c["name"] for d in reference["districts"] for c in d["communes"]}
    assert {c.code: c.name for c in communes} == expected


def test_shipped_localities_match_the_2025_reference_unit_by_unit(shipped_localities):
    """96 units of the merged province, each with what it was formed from (NQ 1682/NQ-UBTVQH15)."""
    today = shipped_localities.today
    assert today.id == "2025" and today.as_of == dt.date(2025, 7, 1) and not today.districts
    reference = yaml.safe_load((REFERENCE / "tay-ninh-2025/tay-ninh-2025-communes.yaml").read_text(encoding="utf-8"))
    assert len(today.communes) == len(reference) == 96
    kinds = [c.kind for c in today.communes]
    assert (kinds.count("xa"), kinds.count("phuong")) == (82, 14)
    for unit, expected in zip(today.communes, reference, strict=True):
        assert (unit.code, unit.name, unit.kind, unit.resolution_clause) == (
            expected["code"],
            expected["name"],
            expected["kind"],
            expected["resolution_clause"],
        )
        assert [(f.code, f.name, f.district, f.province, f.part) for f in unit.formed_from] == [
            (f["old_code"], f["old_name"], f["old_district"], f["old_province"], f["part"])
            for f in expected["formed_from"]
        ], unit.name


def test_each_2018_commune_leads_to_the_2025_units_the_reference_gives(shipped_localities):
    """The 2018 ids in formed_from agree with the reverse index, commune by commune (the 2020
    merger of Phước Lưu and Bình Thạnh included); codes alone are never joined on."""
    index = yaml.safe_load(
        (REFERENCE / "tay-ninh-2025/old-tay-ninh-2018-to-2025.yaml").read_text(encoding="utf-8")
    )
    former = shipped_localities.former.commune_index()
    by_code = {commune.code: commune_id for commune_id, (_, commune) in former.items()}
    assert len(index) == 95
    for entry in index:
        found = shipped_localities.successors(by_code[entry["code_2018"]])
        assert sorted((unit.code, unit.name, how.part) for unit, how in found) == sorted(
            (new["code"], new["name"], new["part"]) for new in entry["new_units"]
        ), entry["name_2018"]


def test_shipped_organizations_are_the_seven_of_the_plan():
    orgs = yaml.safe_load((ROOT / "models_data/organizations.yaml").read_text(encoding="utf-8"))
    assert len(orgs) == 7
    text = (REFERENCE / "ke-hoach-phoi-hop-ktt-2018.txt").read_text(encoding="utf-8")
    for org in orgs:
        units = [unit.strip(" ()") for unit in re.split(r" \(|\); ", org["focal_unit"])]
        units = [unit for unit in units if unit.startswith(("Ban", "Phòng"))]
        assert units, f"{org['id']}: focal_unit names no department of the plan"
        for unit in units:
            assert unit in text, unit


def test_a_commune_split_in_2025_is_never_guessed(shipped_localities):
    """Xã Suối Đá went in part to Phường Bình Minh and in part elsewhere: a profile that names
    only its 2018 commune has no unit of today, and the page says why."""
    from ktt_site.cooperatives.model import Cooperative

    split = Cooperative.model_validate(
        {"id": "vi-du", "name": "HTX Ví dụ", "kind": "htx", "founded": "2018", "commune_2018": "xa-suoi-da"}
    )
    successors = shipped_localities.successors("xa-suoi-da")
    assert len(successors) >= 2 and all(how.part == "partial" for _, how in successors)
    where = shipped_localities.location_of(split)
    assert where.today is None and where.commune_2018.name == "Xã Suối Đá"
    assert where.unknown_reason.startswith("Xã Suối Đá cũ nay được chia cho ")
    assert all(unit.name in where.unknown_reason for unit, _ in successors)
    whole = split.model_copy(update={"commune_2018": "xa-thanh-tan"})
    assert shipped_localities.location_of(whole).today.name == "Phường Bình Minh"
