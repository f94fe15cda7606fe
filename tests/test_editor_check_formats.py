"""`ktt-site check --format text|github|gitlab`: each problem where the editor will see it.

Run in the test process (``test_in_process.py`` holds it to printing what the real command
prints), but for the GitLab report, where only the real command shows standard output stays
pure JSON."""

from __future__ import annotations

import json

from ktt_site.errors import Problem
from ktt_site.reporting import fingerprint, github_line, gitlab_report

COOP = "models_data/cooperatives/htx-dong-tam.yaml"
BROKEN_COOP = """name: Hợp tác xã Đồng Tâm
kind: htx
founded: 2018-02-30
commune: xa-dong-tam
status: hoat-dong
legal_basis: luat-htx-2012
"""
MISNAMED = "models_data/cooperatives/htx-moi.yml"

FOUNDED = (
    "founded: ngày '2018-02-30' không hợp lệ; viết NĂM-THÁNG-NGÀY (2005-09-14), hoặc NĂM-THÁNG "
    "(2005-09) nếu chỉ biết tháng, hoặc chỉ NĂM (2005)"
)
STATUS = "status: giá trị 'hoat-dong' không hợp lệ; chỉ chấp nhận: 'active', 'dissolved', 'unknown'"
YML = "tệp không có đuôi .yaml nên không được đọc (đổi đuôi .yml thành .yaml)"


def _break(project, coop: str = BROKEN_COOP) -> None:
    project.write(COOP, coop)
    project.write(MISNAMED, "name: Tổ hợp tác Mới\n")


def test_text_format_lists_every_problem_for_people(project):
    _break(project)
    result = project.check_in_process("--format", "text")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Dữ liệu có 3 lỗi, chưa xây dựng trang (sửa các lỗi sau rồi chạy lại):",
        f"  {COOP}:3: {FOUNDED}",
        f"  {COOP}:5: {STATUS}",
        f"  {MISNAMED}: {YML}",
    ]


def test_github_format_gives_one_annotation_per_problem_on_its_line(project):
    _break(project)
    result = project.check_in_process("--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file={COOP},line=3,title=Lỗi dữ liệu ở trường founded::{FOUNDED}",
        f"::error file={COOP},line=5,title=Lỗi dữ liệu ở trường status::{STATUS}",
        f"::error file={MISNAMED},title=Lỗi dữ liệu::{YML}",
    ]
    # The log still reads as a list for people.
    assert f"  {COOP}:5: {STATUS}" in result.stderr.splitlines()


def test_gitlab_format_is_a_code_quality_report(project):
    _break(project)
    result = project.check("--format", "gitlab")
    assert result.returncode == 1
    issues = json.loads(result.stdout)
    assert [
        (i["location"]["path"], i["location"]["lines"]["begin"], i["description"], i["severity"], i["check_name"])
        for i in issues
    ] == [
        (COOP, 3, FOUNDED, "critical", "ktt-site-check"),
        (COOP, 5, STATUS, "critical", "ktt-site-check"),
        (MISNAMED, 1, YML, "critical", "ktt-site-check"),
    ]
    assert all(i["type"] == "issue" and i["categories"] for i in issues)
    assert len({i["fingerprint"] for i in issues}) == 3


def test_gitlab_fingerprints_survive_lines_added_above(project):
    """GitLab compares fingerprints of the base and the merge request: a problem that only
    moved down must not show as fixed and new again."""
    _break(project)
    before = json.loads(project.check_in_process("--format", "gitlab").stdout)
    _break(project, "# ghi chú mới\n# thêm một dòng\n" + BROKEN_COOP)
    after = json.loads(project.check_in_process("--format", "gitlab").stdout)
    assert [i["location"]["lines"]["begin"] for i in after] == [5, 7, 1]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


def test_gitlab_report_to_a_file_keeps_the_log_readable(project):
    _break(project)
    result = project.check_in_process("--format", "gitlab", "--output", "gl-code-quality-report.json")
    assert result.returncode == 1
    assert result.stdout == ""
    report = json.loads(project.path("gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert [i["location"]["lines"]["begin"] for i in report] == [3, 5, 1]
    assert f"  {COOP}:3: {FOUNDED}" in result.stderr.splitlines()


def test_valid_data_gives_an_empty_report_and_success(project):
    github = project.check_in_process("--format", "github")
    assert github.returncode == 0 and github.stdout.startswith("Dữ liệu hợp lệ: 1 HTX/THT")
    assert "::error" not in github.stdout
    gitlab = project.check_in_process("--format", "gitlab")
    assert gitlab.returncode == 0
    assert json.loads(gitlab.stdout) == []
    assert gitlab.stderr.startswith("Dữ liệu hợp lệ")


def test_unknown_format_is_refused(project):
    result = project.check_in_process("--format", "xml")
    assert result.returncode == 2
    assert "xml" in result.stderr


def test_github_escaping_follows_githubs_rules():
    """% first, then CR and LF everywhere; ':' and ',' too in properties (actions/toolkit)."""
    problem = Problem("models_data/a,b:c%.yaml", 7, "members[2018]", "lãi 5%, dòng 1\r\ndòng 2: hết")
    assert github_line(problem) == (
        "::error file=models_data/a%2Cb%3Ac%25.yaml,line=7,title=Lỗi dữ liệu ở trường members[2018]"
        "::members[2018]: lãi 5%25, dòng 1%0D%0Adòng 2: hết"
    )
    titled = Problem("a.yaml", None, "x,y:z", "m")
    assert github_line(titled) == "::error file=a.yaml,title=Lỗi dữ liệu ở trường x%2Cy%3Az::x,y:z: m"


def test_identical_problems_get_distinct_stable_fingerprints():
    same = [Problem("a.yaml", 3, "f", "m"), Problem("a.yaml", 9, "f", "m")]
    issues = json.loads(gitlab_report(same))
    assert [i["fingerprint"] for i in issues] == [fingerprint(same[0], 0), fingerprint(same[1], 1)]
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]
