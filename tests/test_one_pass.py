"""Every problem in one pass: ids (communes, documents, organisations, plans, shortcodes) are
matched while each file is validated, against the ids every file defines. A file whose other
fields are wrong still defines its id, so a reference to it is not reported as unknown, and an
editor (or CI) never needs a second round to see the rest."""

from __future__ import annotations

from bulletin_support import issue
from conftest import file_tree

COOP_B = "models_data/cooperatives/htx-b.yaml"
COOP_C = "models_data/cooperatives/htx-c.yaml"
OLD_LAW = "models_data/legal/luat-cu.yaml"
PLAN = "models_data/plans/2019.yaml"
ARTICLE = "content/ban-tin/2018-so-01/bai.md"
COOP = """name: {name}
kind: {kind}
founded: 2018-03-15
commune: {commune}
status: active
legal_basis: {basis}
"""


def _several_mistakes(project) -> list[str]:
    """Independent mistakes in five files; the problems ``ktt-site check`` must list, all of them."""
    project.write(COOP_B, COOP.format(name="HTX B", kind="htx", commune="xa-khong-co", basis="luat-htx-2012"))
    # A bad field, and a reference to a document that is itself invalid (not reported).
    project.write(COOP_C, COOP.format(name="HTX C", kind="htxx", commune="xa-dong-tam", basis="luat-cu"))
    project.write(OLD_LAW, "number: 1/2003/QH11\ntype: luatt\ntitle: Luật cũ\nissuer: Quốc hội\nissued: 2003-11-26\n")
    project.write(PLAN, "title: Kế hoạch 2019\nperiod:\n  start: 2019-01-01\n")
    project.write("content/ban-tin/2018-so-01/index.md", issue(1, "2018-05-01", "Số 1"))
    project.write(
        ARTICLE,
        "---\ntitle: Bài\ndate: 2018-05-01\ncooperatives: [htx-c, htx-khong-co]\nlegal: [luat-cu]\n---\n\n"
        '{{ van_ban("luat-cu") }} và {{ van_ban("luat-khong-co") }}.\n\n'
        '{{ tien_do("2019", "tht-moi") }}\n\n{{ tong_quan_tien_do("2030") }}\n',
    )
    return [
        f"{ARTICLE}:4: cooperatives[1]: không có HTX/THT mang mã 'htx-khong-co'",
        f"{ARTICLE}:8: van_ban: không có văn bản mang mã 'luat-khong-co'",
        f"{ARTICLE}:12: tong_quan_tien_do: không có kế hoạch '2030' (các kế hoạch: 2019)",
        f"{COOP_B}:4: commune: không có xã/phường/thị trấn mang mã 'xa-khong-co'",
        f"{COOP_C}:2: kind: giá trị 'htxx' không hợp lệ",
        f"{OLD_LAW}:2: type: giá trị 'luatt' không hợp lệ",
        f"{PLAN}:2: period.end: thiếu trường bắt buộc",
    ]


def test_one_check_lists_every_problem_and_never_an_invalid_record_as_missing(project):
    expected = _several_mistakes(project)
    assert project.build_in_process().returncode != 0  # no site yet: the data is checked first
    project.write("site/index.html", "bản trước")
    project.write("site/ban-tin/index.html", "bản trước")
    before = file_tree(project.built())

    check = project.check_in_process()
    assert check.returncode == 1
    assert f"Dữ liệu có {len(expected)} lỗi" in check.stderr, check.stderr
    for line in expected:
        assert line in check.stderr, line
    for present in ("'htx-c'", "'luat-cu'", "'2019'", "'tht-moi'"):
        assert present not in check.stderr, present
    assert "Lưu ý" not in check.stderr

    build = project.build_in_process()
    assert build.returncode != 0
    for line in expected:
        assert line in build.stderr + build.stdout, line
    assert file_tree(project.built()) == before


def test_a_list_file_with_mistakes_still_defines_its_ids(project):
    """An organisation whose name is wrong is still there for the profiles that name it."""
    orgs = project.path("models_data/organizations.yaml")
    text = orgs.read_text(encoding="utf-8")
    project.write("models_data/organizations.yaml", text.replace("name:", "name: <b>", 1))
    project.write(COOP_B, COOP.format(name="HTX B", kind="htx", commune="xa-dong-tam", basis="luat-htx-2012"))
    project.write(COOP_B, project.path(COOP_B).read_text(encoding="utf-8") + "founded_by: [hoi-nong-dan, hoi-khac]\n")
    result = project.check_in_process()
    assert "Dữ liệu có 2 lỗi" in result.stderr, result.stderr
    assert "models_data/organizations.yaml:2: [0].name: không được chứa mã HTML" in result.stderr
    assert f"{COOP_B}:7: founded_by[1]: không có tổ chức mang mã 'hoi-khac'" in result.stderr


def test_an_unreadable_list_file_hides_no_other_problem(project):
    """Where the communes cannot be read at all, no commune is called unknown (that would be one
    mistake reported many times), and every other file is still checked."""
    project.write("models_data/localities/2018.yaml", "as_of: 2018-01-01\ndistricts: [không đóng\n")
    project.write(COOP_B, COOP.format(name="HTX B", kind="htx", commune="xa-dong-tam", basis="luat-khong-co"))
    result = project.check_in_process()
    assert "Dữ liệu có 2 lỗi" in result.stderr, result.stderr
    assert "models_data/localities/2018.yaml:2: cú pháp YAML sai" in result.stderr
    assert f"{COOP_B}:6: legal_basis: không có văn bản pháp lý mang mã 'luat-khong-co'" in result.stderr


def test_a_record_with_a_wrong_field_has_its_ids_checked_too(project):
    project.write(COOP_B, COOP.format(name="HTX B", kind="htxx", commune="xa-khong-co", basis="luat-htx-2012"))
    result = project.check_in_process()
    assert f"{COOP_B}:2: kind:" in result.stderr and f"{COOP_B}:4: commune: không có" in result.stderr, result.stderr


def test_articles_of_an_issue_with_mistakes_are_checked_in_the_same_pass(project):
    project.write("content/ban-tin/2018-so-01/index.md", "---\nissue: một\ndate: 2018-05-01\ntitle: Số 1\n---\n")
    project.write(ARTICLE, "---\ntitle: Bài\ndate: 2018-05-01\nlegal: [luat-khong-co]\n---\n")
    result = project.check_in_process()
    assert "content/ban-tin/2018-so-01/index.md:2: issue:" in result.stderr, result.stderr
    assert f"{ARTICLE}:4: legal[0]: không có văn bản mang mã 'luat-khong-co'" in result.stderr
