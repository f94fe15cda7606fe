"""The shipped 2018 plan: true to the plan's text, and its progress pages built from the data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REFERENCE
from plans_fixture import read_page

from ktt_site.dates import build_date
from ktt_site.plans.progress import compute_progress
from ktt_site.site import ProjectPaths, load_site

ROOT = Path(__file__).parent.parent
PLAN_TEXT = REFERENCE / "ke-hoach-phoi-hop-ktt-2018.txt"
EPOCH = "1764115200"  # what the shipped_site fixture builds with


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def shipped_data():
    return load_site(
        ProjectPaths(ROOT, ROOT / "models_data", ROOT / "content"), as_of=build_date({"SOURCE_DATE_EPOCH": EPOCH})
    )


def test_plan_text_is_copied_from_the_reference(shipped_data):
    reference = _squash(PLAN_TEXT.read_text(encoding="utf-8"))
    plan = shipped_data.plans["2018"]
    verbatim = [
        *plan.purposes,
        *plan.requirements,
        *plan.general_targets,
        *plan.funding,
        *(task.text for task in plan.tasks),
        *(t.text for t in plan.targets if t.text),
    ]
    for text in verbatim:
        assert _squash(text) in reference, text
    assert [task.number for task in plan.tasks] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    assert len(plan.targets) == 5
    assert set(plan.assignments) == set(shipped_data.organizations)
    for duties in plan.assignments.values():
        for duty in duties:
            # Duties quote III.1; the role follows its words ("chủ trì" lead, "phối hợp" support).
            quoted = _squash(duty.duty).split(";")[0].rstrip(".").lower()
            assert quoted in reference.lower(), duty.duty
            if duty.role == "lead":
                assert duty.duty.startswith("Chủ trì")
            elif duty.role == "support":
                assert duty.duty.startswith("Phối hợp")


def test_shipped_progress_reports_are_marked_illustrative(shipped_data):
    reports = shipped_data.progress["2018"]
    assert set(reports) == set(shipped_data.organizations)
    assert all(report.illustrative for report in reports.values())


def test_shipped_downloads_match_the_data(shipped_site, shipped_data):
    computed = compute_progress(shipped_data)["2018"]
    targets = json.loads((shipped_site / "tien-do/2018/tien-do.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in targets] == ["tht-moi", "htx-moi", "lop-tap-huan", "xa-co-htx", "thu-nhap-thanh-vien"]
    for record, progress in zip(targets, computed.targets, strict=True):
        value = progress.value
        assert record["value"] == (None if value is None else pytest.approx(round(value, 2)))
        assert record["status"] == progress.status
        assert record["as_of"] == "2018-12-31"  # the plan has ended: shown as of its last day
        assert set(record) >= {"id", "title", "value", "target", "unit", "status", "as_of"}
    assert targets[1]["target"] == {"min": 5, "max": 10}
    assert (shipped_site / "tien-do/2018/tien-do.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_shipped_pages_exist_with_notice_bars_and_nav(shipped_site):
    overview_html = (shipped_site / "tien-do/2018/index.html").read_text(encoding="utf-8")
    overview = read_page(overview_html)
    assert len(overview.progressbars) == 5
    assert "Số liệu minh họa" in overview.text
    for target_id in ("tht-moi", "htx-moi", "lop-tap-huan", "xa-co-htx", "thu-nhap-thanh-vien"):
        page = read_page((shipped_site / f"tien-do/2018/{target_id}/index.html").read_text(encoding="utf-8"))
        assert page.svg_titles, target_id
        assert page.progressbars, target_id
    plan_html = (shipped_site / "ke-hoach/2018/index.html").read_text(encoding="utf-8")
    plan = read_page(plan_html)
    assert "Hội Nông dân Chủ trì Chủ trì Phối hợp" in plan.text  # 2.1 and 2.3 lead, 2.6 support
    assert "Ban Gia đình và Xã hội" in plan.text  # focal units (III.3)
    for html in (overview_html, plan_html):
        assert "Kế hoạch 2018" in html and "Tiến độ" in html  # sidebar/tab entries
    home = read_page((shipped_site / "index.html").read_text(encoding="utf-8"))
    assert len(home.progressbars) == 5


def test_the_ended_2018_plan_asks_nothing_of_a_later_day(shipped_site):
    """The plan ended on 31/12/2018: no page gives a later deadline, and no count of showcase
    profiles is announced as a verdict ("Không đạt") when no register is declared."""
    deadlines = set()
    for page in [shipped_site / "ke-hoach/2018/index.html", *(shipped_site / "tien-do/2018").rglob("index.html")]:
        text = read_page(page.read_text(encoding="utf-8")).text
        deadlines |= set(re.findall(r"Cần đạt đến ngày (\d\d/\d\d/\d{4})", text))
        assert "kết quả cuối cùng" not in text, page
    assert deadlines == {"31/12/2018"}
    targets = json.loads((shipped_site / "tien-do/2018/tien-do.json").read_text(encoding="utf-8"))
    by_id = {t["id"]: t for t in targets}
    for target_id in ("tht-moi", "htx-moi", "xa-co-htx", "thu-nhap-thanh-vien"):
        assert by_id[target_id]["complete"] is False
        assert by_id[target_id]["status"] in {"achieved", "exceeded", "insufficient_data"}, target_id
