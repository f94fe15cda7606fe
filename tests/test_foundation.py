"""The foundation: a fixture site and the shipped site build, in Vietnamese, offline."""

from __future__ import annotations

import re
from pathlib import Path

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


def test_shipped_localities_match_the_2018_reference():
    log = ProblemLog(ROOT)
    localities, _ = load_localities(ROOT / "models_data", log)
    assert not log.problems, log.problems
    reference = yaml.safe_load((REFERENCE / "tay-ninh-2018-communes.yaml").read_text(encoding="utf-8"))
    communes = [c for d in localities.districts for c in d.communes]
    assert len(localities.districts) == 9
    assert len(communes) == 95
    kinds = [c.kind for c in communes]
    assert (kinds.count("xa"), kinds.count("phuong"), kinds.count("thi-tran")) == (80, 7, 8)
    assert len({c.id for c in communes}) == 95
    assert len({c.code for c in communes}) == 95
    tan_binh = [c for c in communes if c.name == "Xã Tân Bình"]
    assert len(tan_binh) == 2 and tan_binh[0].id != tan_binh[1].id
    expected = {c["code"]: c["name"] for d in reference["districts"] for c in d["communes"]}
    assert {c.code: c.name for c in communes} == expected


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
