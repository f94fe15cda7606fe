"""The plan and its progress through a real ``mkdocs build --strict`` of a small fixture site
(run in the test process; tests that only read a site share one build per as-of date)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import new_project
from plans_fixture import cooperative, read_page, set_as_of, write_plan_site


def _build(project):
    result = project.build_in_process()
    assert result.returncode == 0, result.stderr
    return {t["id"]: t for t in json.loads(project.output("tien-do/2018/tien-do.json"))}


@pytest.fixture(scope="module")
def plan_site(tmp_path_factory):
    """``plan_site(as_of)``: the fixture plan site and its targets as of that date, built once
    per date for the tests that only read it."""
    sites = {}

    def built(as_of):
        if as_of not in sites:
            project = new_project(tmp_path_factory.mktemp(f"plan-{as_of}"))
            write_plan_site(project, as_of=as_of)
            sites[as_of] = (project, _build(project))
        return sites[as_of]

    return built


def _statuses(targets):
    return {key: (t["value"], t["status"]) for key, t in targets.items()}


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        # Period ended (the as-of date is the last day): final statuses.
        (
            "2018-12-31",
            {
                "tht-moi": (2, "achieved"),  # met exactly
                "htx-moi": (3, "exceeded"),  # range 1 to 2 exceeded
                "lop-tap-huan": (2, "achieved"),
                "xa-co-htx": (25, "not_achieved"),  # 1 commune of 4, counted once
                "thu-nhap": (5.6, "achieved"),
            },
        ),
        # Mid-year: 181 of 365 days gone.
        (
            "2018-06-30",
            {
                "tht-moi": (2, "achieved"),  # 2018-06 counts from 30/06
                "htx-moi": (3, "exceeded"),
                "lop-tap-huan": (1, "on_track"),  # 1 >= 2 x 181/365
                "xa-co-htx": (25, "behind"),  # 25 < 100 x 181/365
                "thu-nhap": (5.6, "achieved"),
            },
        ),
        (
            "2018-06-29",
            {
                "tht-moi": (1, "on_track"),  # 1 >= 2 x 180/365
                "htx-moi": (3, "exceeded"),
                "lop-tap-huan": (1, "on_track"),
                "xa-co-htx": (25, "behind"),
                "thu-nhap": (5.6, "achieved"),
            },
        ),
        (
            "2018-03-30",
            {
                "tht-moi": (1, "on_track"),
                "htx-moi": (1, "achieved"),
                "lop-tap-huan": (None, "no_data"),  # nobody has reported yet
                "xa-co-htx": (0, "behind"),
                "thu-nhap": (None, "no_data"),  # no profile founded by then has income
            },
        ),
        # Before the period.
        (
            "2017-12-31",
            {
                "tht-moi": (0, "not_started"),
                "htx-moi": (0, "not_started"),
                "lop-tap-huan": (None, "not_started"),
                "xa-co-htx": (0, "not_started"),
                "thu-nhap": (None, "not_started"),
            },
        ),
    ],
)
def test_values_and_statuses_at_fixed_dates(plan_site, as_of, expected):
    _, targets = plan_site(as_of)
    assert _statuses(targets) == expected
    assert {t["as_of"] for t in targets.values()} == {as_of}


def test_download_format_json_and_csv(plan_site, tmp_path):
    project, targets = plan_site("2018-12-31")
    assert list(targets) == ["tht-moi", "htx-moi", "lop-tap-huan", "xa-co-htx", "thu-nhap"]
    assert targets["htx-moi"]["target"] == {"min": 1, "max": 2}
    assert targets["tht-moi"]["target"] == {"min": 2}
    assert targets["lop-tap-huan"]["target"] == {"min": 2} and targets["lop-tap-huan"]["unit"] == "tổ chức"
    assert targets["tht-moi"]["title"] == "Thành lập mới 2 tổ hợp tác"
    assert targets["tht-moi"]["unit"] == "THT"
    raw = (project.built() / "tien-do/2018/tien-do.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["id"], r["value"], r["target_min"], r["target_max"], r["status"]) for r in rows] == [
        ("tht-moi", "2", "2", "", "achieved"),
        ("htx-moi", "3", "1", "2", "exceeded"),
        ("lop-tap-huan", "2", "2", "", "achieved"),
        ("xa-co-htx", "25", "100", "", "not_achieved"),
        ("thu-nhap", "5.6", "0", "", "achieved"),
    ]
    assert rows[0]["title"] == "Thành lập mới 2 tổ hợp tác"
    first = {p: (project.built() / p).read_bytes() for p in ("tien-do/2018/tien-do.json", "tien-do/2018/tien-do.csv")}
    # Built again by another process (another hash seed): the same bytes.
    again = project.build("--site-dir", str(tmp_path / "again"))
    assert again.returncode == 0, again.stderr
    assert {p: (tmp_path / "again" / p).read_bytes() for p in first} == first


def test_one_more_tht_raises_the_value_in_page_and_json(plan_site, project):
    shared, targets = plan_site("2018-12-31")  # the same data, without the new group
    before = targets["tht-moi"]
    page_before = read_page(shared.output("tien-do/2018/tht-moi/index.html"))
    assert before["value"] == 2 and "2 THT" in page_before.text
    write_plan_site(project, as_of="2018-12-31")
    project.write(
        "models_data/cooperatives/tht-moi-them.yaml",
        cooperative("Tổ hợp tác Mới Thêm", "tht", "2018-11-05", "xa-tan-binh"),
    )
    after = _build(project)["tht-moi"]
    page_after = read_page(project.output("tien-do/2018/tht-moi/index.html"))
    assert after["value"] == before["value"] + 1 == 3
    assert "3 THT" in page_after.text and "Tổ hợp tác Mới Thêm" in page_after.text
    assert "../../../hop-tac-xa/tht-moi-them/" in page_after.links
    overview = read_page(project.output("tien-do/2018/index.html"))
    assert "3 THT" in overview.text


def test_target_page_shows_chart_table_records_and_breakdown(plan_site):
    project, _ = plan_site("2018-12-31")
    page = read_page(project.output("tien-do/2018/tht-moi/index.html"))
    assert page.svg_titles == ["Thành lập mới 2 tổ hợp tác: giá trị cộng dồn theo tháng"]
    assert page.scripts_in_svg == 0
    text = page.text
    # The chart's data table: one row per month end, the month-only THT counted from 30/06.
    assert "31/05/2018 1 " in text and "30/06/2018 2 " in text
    assert "Tổ hợp tác A" in text and "Tổ hợp tác B" in text and "Tổ hợp tác Cũ" not in text
    assert "06/2018 30/06/2018" in text  # founded, counted from
    assert "Huyện Đồng A 1" in text and "Thành phố B 1" in text
    bar = page.progressbars[0]
    assert (bar["aria-valuenow"], bar["aria-valuemax"], bar["aria-label"]) == (
        "2.00",
        "2.00",
        "Thành lập mới 2 tổ hợp tác",
    )
    assert "Đã đạt" in bar["aria-valuetext"].capitalize() or "đã đạt" in bar["aria-valuetext"]
    assert "Số liệu minh họa" in text  # the fixture profiles are illustrative
    head = project.output("tien-do/2018/tht-moi/index.html")
    assert '<meta name="description"' in head


def test_coverage_page_lists_districts_and_communes_without(plan_site):
    project, _ = plan_site("2018-12-31")
    text = read_page(project.output("tien-do/2018/xa-co-htx/index.html")).text
    assert "Huyện Đồng A 1 2 50%" in text and "Thành phố B 0 2 0%" in text and "Toàn tỉnh 1 4 25%" in text
    assert "Xã Đồng Tâm Huyện Đồng A Hợp tác xã Hai (minh họa); Hợp tác xã Một (minh họa)" in text
    assert "Các xã, phường, thị trấn chưa có (3)" in text
    assert "Phường 1, Xã Tân Bình" in text  # the dissolved HTX of Phường 1 does not count


def test_income_page_shows_method_and_rows(plan_site):
    project, _ = plan_site("2018-12-31")
    page = read_page(project.output("tien-do/2018/thu-nhap/index.html"))
    assert page.svg_titles == ["Thu nhập bình quân của thành viên, năm 2017 và 2018"]
    text = page.text
    assert "bình quân gia quyền theo số thành viên" in text
    assert "2017 37.500.000" in text and "2018 39.600.000" in text
    assert "+5,6%" in text
    assert "Hợp tác xã Thiếu Số Liệu (minh họa): thiếu thu nhập bình quân năm 2017" in text


def test_training_page_per_organisation_and_reports(plan_site):
    project, _ = plan_site("2018-06-30")
    page = read_page(project.output("tien-do/2018/lop-tap-huan/index.html"))
    assert "Liên minh HTX 1 ít nhất 1 lớp Đạt 31/03/2018" in page.text
    assert "Hội Nông dân – ít nhất 1 lớp Chưa báo cáo" in page.text
    assert "../bao-cao/#lien-minh-htx" in page.links
    assert "Số liệu báo cáo của các tổ chức dùng trên trang này là số liệu minh họa" in page.text
    reports = project.output("tien-do/2018/bao-cao/index.html")
    assert 'id="lien-minh-htx"' in reports and 'id="hoi-nong-dan"' in reports
    assert "30/09/2018" in read_page(reports).text


def test_overview_and_plan_pages(plan_site):
    project, _ = plan_site("2018-06-30")
    overview = read_page(project.output("tien-do/2018/index.html"))
    assert len(overview.progressbars) == 5
    for bar in overview.progressbars:
        assert bar["aria-label"] and bar["aria-valuetext"]
        assert 0 <= float(bar["aria-valuenow"]) <= float(bar["aria-valuemax"])
    assert "Số liệu tính đến ngày 30/06/2018" in overview.text
    assert "Cách xác định trạng thái" in overview.text and "Chậm tiến độ" in overview.text
    assert "tien-do.json" in overview.links and "tien-do.csv" in overview.links
    assert "Số liệu minh họa" in overview.text
    plan = read_page(project.output("ke-hoach/2018/index.html"))
    # Matrix: organisations by tasks, lead or support.
    assert "Liên minh HTX Chủ trì" in plan.text
    assert "Hội Nông dân Chủ trì Phối hợp" in plan.text
    assert "Kế hoạch phối hợp thử nghiệm năm 2018" in plan.text


def test_not_started_page_says_so(plan_site):
    project, _ = plan_site("2017-12-31")
    text = read_page(project.output("tien-do/2018/index.html")).text
    assert "(chưa bắt đầu)" in text and "Chưa đến kỳ thực hiện" in text


def test_no_reports_means_no_data_and_no_illustrative_report_notice(project):
    write_plan_site(project, as_of="2018-12-31", progress=False)
    targets = _build(project)
    assert (targets["lop-tap-huan"]["value"], targets["lop-tap-huan"]["status"]) == (None, "no_data")
    text = read_page(project.output("tien-do/2018/lop-tap-huan/index.html")).text
    assert "Số liệu báo cáo của các tổ chức dùng trên trang này là số liệu minh họa" not in text


def test_shortcodes_embed_a_bar_and_the_tiles(project):
    write_plan_site(project, as_of="2018-12-31")
    project.write("content/index.md", '# Trang chủ\n\n{{ tong_quan_tien_do("2018") }}\n')
    project.write("content/bai.md", '# Bài viết\n\nTiến độ: {{ tien_do("2018", "htx-moi") }} như trên.\n')
    _build(project)
    home = read_page(project.output("index.html"))
    assert len(home.progressbars) == 5 and "tien-do/2018/htx-moi/" in home.links
    article = read_page(project.output("bai/index.html"))
    assert [b["aria-label"] for b in article.progressbars] == ["Thành lập mới từ 1 đến 2 HTX"]
    assert "../tien-do/2018/htx-moi/" in article.links
    assert "3 HTX" in article.text and "Vượt chỉ tiêu" in article.text


def test_shortcode_with_an_unknown_target_stops_the_build(project):
    write_plan_site(project, as_of="2018-12-31")
    project.write("content/bai.md", '# Bài\n\n{{ tien_do("2018", "khong-co") }}\n')
    result = project.build_in_process()
    assert result.returncode != 0
    assert "content/bai.md:3: tien_do: kế hoạch 2018 không có chỉ tiêu 'khong-co'" in result.stderr


def test_bad_plan_references_are_reported_with_lines(project):
    write_plan_site(project, as_of="2018-12-31")
    plan = project.path("models_data/plans/2018.yaml").read_text(encoding="utf-8")
    project.write("models_data/plans/2018.yaml", plan.replace("tasks: [dao-tao]", "tasks: [khong-co]"))
    project.write(
        "models_data/progress/2018/hoi-nong-dan.yaml", "reports:\n  - date: 2019-02-01\n    training_classes: 1\n"
    )
    result = project.check_in_process()
    assert result.returncode == 1
    assert (
        "models_data/plans/2018.yaml:20: assignments.lien-minh-htx[0].tasks[0]: không có nhiệm vụ mang mã 'khong-co'"
        in result.stderr
    )
    assert (
        "models_data/progress/2018/hoi-nong-dan.yaml:2: reports[0].date: "
        "ngày chốt số liệu 01/02/2019 nằm ngoài kỳ kế hoạch" in result.stderr
    )


def test_an_ended_plan_is_shown_as_of_its_last_day_whatever_the_build_date(project):
    write_plan_site(project, as_of="2018-12-31", complete=False)
    set_as_of(project, "2026-11-30")
    targets = _build(project)
    assert targets["tht-moi"]["as_of"] == "2018-12-31" and targets["tht-moi"]["value"] == 2
    for uri in ("tien-do/2018/index.html", "tien-do/2018/tht-moi/index.html", "ke-hoach/2018/index.html"):
        text = read_page(project.output(uri)).text
        assert "30/11/2026" not in text.replace("xét đến ngày 30/11/2026", ""), uri
    overview = read_page(project.output("tien-do/2018/index.html")).text
    assert "Cần đạt đến ngày 31/12/2018" in overview
    assert "Số liệu mới nhất có ngày 30/09/2018" in overview  # the newest report
    assert "Dữ liệu trên trang được xét đến ngày 30/11/2026" in overview


def test_without_a_complete_register_a_shortfall_is_not_a_verdict(project):
    """A showcase of profiles is a floor: it proves a target met, never one missed."""
    write_plan_site(project, as_of="2018-12-31", complete=False)
    targets = _build(project)
    assert _statuses(targets) == {
        "tht-moi": (2, "achieved"),  # the floor reaches the target: proven
        "htx-moi": (3, "exceeded"),
        "lop-tap-huan": (2, "achieved"),  # every organisation reported
        "xa-co-htx": (25, "insufficient_data"),  # 25% on file proves nothing about the rest
        "thu-nhap": (5.6, "insufficient_data"),  # an average over two profiles is a sample
    }
    assert targets["xa-co-htx"]["complete"] is False and targets["lop-tap-huan"]["complete"] is True
    page = read_page(project.output("tien-do/2018/xa-co-htx/index.html")).text
    assert "ghi nhận ít nhất 25%" in page and "Chưa đủ dữ liệu để đánh giá" in page
    assert "Không đạt" not in page.split("Cách xác định")[0]
    assert "không phải sổ đăng ký của tỉnh" in page
    rows = list(csv.DictReader(io.StringIO(project.output("tien-do/2018/tien-do.csv").lstrip("\ufeff"))))
    assert {row["id"]: row["status"] for row in rows}["xa-co-htx"] == "insufficient_data"
    assert {row["complete"] for row in rows} == {"true", "false"}


def test_with_a_complete_register_a_shortfall_is_not_achieved_and_the_page_names_the_register(plan_site):
    project, targets = plan_site("2018-12-31")
    assert targets["xa-co-htx"]["status"] == "not_achieved" and targets["xa-co-htx"]["complete"] is True
    page = read_page(project.output("tien-do/2018/xa-co-htx/index.html")).text
    assert "Sổ đăng ký HTX, THT thử nghiệm (đến ngày 31/12/2018" in page
    assert "Không đạt" in page


def test_reported_new_groups_count_without_counting_a_record_twice(project):
    write_plan_site(project, as_of="2018-12-31", complete=False)
    # tht-a (on file) was founded by Hội Nông dân's members, who report 3 new groups: tht-a is
    # one of them. Liên minh reports none. tht-b names no founder: it is added.
    text = project.path("models_data/cooperatives/tht-a.yaml").read_text(encoding="utf-8")
    project.write("models_data/cooperatives/tht-a.yaml", text + "founded_by: [hoi-nong-dan]\n")
    project.write(
        "models_data/progress/2018/hoi-nong-dan.yaml",
        "illustrative: true\nreports:\n  - date: 2018-09-30\n    training_classes: 2\n    new_tht: 3\n",
    )
    project.write(
        "models_data/progress/2018/lien-minh-htx.yaml",
        "illustrative: true\nreports:\n  - date: 2018-03-31\n    training_classes: 1\n    new_tht: 0\n",
    )
    targets = _build(project)
    assert targets["tht-moi"]["value"] == 4  # max(3 reported, 1 on file) + 0 + tht-b
    assert targets["tht-moi"]["complete"] is True  # every organisation reported new THT
    page = read_page(project.output("tien-do/2018/tht-moi/index.html")).text
    assert "Số mới mà các tổ chức báo cáo" in page and "không bị tính hai lần" in page
