"""Editors' mistakes: each gives a Vietnamese message with file and line, and nothing is written."""

from __future__ import annotations

import pytest

COOP = "models_data/cooperatives/htx-dong-tam.yaml"
GOOD_COOP = """name: Hợp tác xã Đồng Tâm
kind: htx
founded: 2018-03-15
commune: xa-dong-tam
status: active
legal_basis: luat-htx-2012
"""

# (file to write, its content, the expected "file:line: field: message" fragment)
BAD_INPUTS = {
    "malformed_yaml": (COOP, GOOD_COOP + "summary: [không đóng ngoặc\n", f"{COOP}:7: cú pháp YAML sai"),
    "wrong_type": (COOP, GOOD_COOP + "members: {2018: nhiều}\n", f"{COOP}:7: members[2018]: phải là số nguyên"),
    "missing_required": (COOP, GOOD_COOP.replace("kind: htx\n", ""), f"{COOP}:1: kind: thiếu trường bắt buộc"),
    "unknown_key": (
        COOP,
        GOOD_COOP + "comune: xa-dong-tam\n",
        f"{COOP}:7: comune: trường không có trong mẫu dữ liệu; có phải ý bạn là 'commune'?",
    ),
    "unknown_reference": (
        COOP,
        GOOD_COOP.replace("commune: xa-dong-tam", "commune: xa-khong-co"),
        f"{COOP}:4: commune: không có xã/phường/thị trấn mang mã 'xa-khong-co'",
    ),
    "unknown_legal": (
        COOP,
        GOOD_COOP.replace("legal_basis: luat-htx-2012", "legal_basis: luat-2099"),
        f"{COOP}:6: legal_basis: không có văn bản pháp lý mang mã 'luat-2099'",
    ),
    "unknown_org": (
        COOP,
        GOOD_COOP + "founded_by: [hoi-khong-co]\n",
        f"{COOP}:7: founded_by[0]: không có tổ chức mang mã 'hoi-khong-co'",
    ),
    "duplicate_key": (COOP, GOOD_COOP + "kind: tht\n", f"{COOP}:7: trường 'kind' xuất hiện hai lần (lần đầu ở dòng 2)"),
    "bad_date": (
        COOP,
        GOOD_COOP.replace("2018-03-15", "2018-02-30"),
        f"{COOP}:3: founded: ngày '2018-02-30' không hợp lệ",
    ),
    "non_utf8": (
        COOP,
        GOOD_COOP.replace("Đồng", "Dong").encode() + "summary: Tác\n".encode("latin-1"),
        f"{COOP}:7: tệp không lưu bằng mã UTF-8",
    ),
    "empty_file": (COOP, "", f"{COOP}: tệp rỗng"),
    "wrong_enum": (
        COOP,
        GOOD_COOP.replace("status: active", "status: hoat-dong"),
        f"{COOP}:5: status: giá trị 'hoat-dong' không hợp lệ; chỉ chấp nhận: 'active', 'dissolved', 'unknown'",
    ),
    "duplicate_org_id": (
        "models_data/organizations.yaml",
        "- {id: hoi-nong-dan, name: A, short_name: A, focal_unit: B}\n"
        "- {id: hoi-nong-dan, name: C, short_name: C, focal_unit: D}\n"
        "- {id: lien-minh-htx, name: E, short_name: E, focal_unit: F}\n",
        "models_data/organizations.yaml:2: id: mã tổ chức 'hoi-nong-dan' bị trùng",
    ),
    "duplicate_commune_id": (
        "models_data/localities/2018.yaml",
        "as_of: 2018-01-01\ndistricts:\n  - id: huyen-a\n    name: Huyện A\n    kind: huyen\n    communes:\n"
        "      - {id: xa-dong-tam, name: Xã Đồng Tâm, kind: xa}\n"
        "      - {id: xa-dong-tam, name: Xã Đồng Tâm 2, kind: xa}\n",
        "models_data/localities/2018.yaml:8: districts[0].communes[1].id: mã xã 'xa-dong-tam' đã dùng",
    ),
    "bad_file_name": (
        "models_data/cooperatives/HTX Moi.yaml",
        GOOD_COOP,
        "models_data/cooperatives/HTX Moi.yaml: tên tệp 'HTX Moi' không phải mã hợp lệ",
    ),
    "yml_ending": (
        "models_data/cooperatives/htx-moi.yml",
        GOOD_COOP,
        "models_data/cooperatives/htx-moi.yml: tệp không có đuôi .yaml",
    ),
    "article_unknown_coop": (
        "content/ban-tin/2018-so-01/bai-a.md",
        "---\ntitle: Bài A\ndate: 2018-05-01\ncooperatives: [htx-khong-co]\n---\n\nNội dung.\n",
        "content/ban-tin/2018-so-01/bai-a.md:4: cooperatives[0]: không có HTX/THT mang mã 'htx-khong-co'",
    ),
}


#: Also run through the real ``ktt-site check`` and ``mkdocs build --strict``, each in a new
#: process as an editor runs them; the other cases run the same code in this process.
END_TO_END = {"non_utf8"}


def _prepare(project, name):
    rel, content, expected = BAD_INPUTS[name]
    if name == "article_unknown_coop":
        project.write("content/ban-tin/2018-so-01/index.md", "---\nissue: 1\ndate: 2018-05-01\ntitle: Số 1\n---\n")
    project.write(rel, content)
    return expected


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_reported_and_nothing_is_written(project, name):
    expected = _prepare(project, name)
    previous = project.write("site/index.html", "bản trước")
    check_command, build_command = project.commands(real=name in END_TO_END)

    check = check_command()
    assert check.returncode != 0
    assert expected in check.stderr, check.stderr

    build = build_command()
    assert build.returncode != 0
    assert expected in build.stderr + build.stdout
    assert previous.read_text(encoding="utf-8") == "bản trước"
    assert [p.name for p in project.built().iterdir()] == ["index.html"]


def test_every_problem_is_listed_at_once(project):
    project.write(COOP, GOOD_COOP.replace("status: active", "status: x").replace("xa-dong-tam", "xa-khong"))
    project.write("models_data/cooperatives/tht-b.yaml", "name: Tổ hợp tác B\nkind: nhom\n")
    result = project.check_in_process()
    assert result.returncode == 1
    assert "Dữ liệu có 5 lỗi" in result.stderr, result.stderr  # a missing place is said at once
    for fragment in (
        f"{COOP}:4: commune: không có xã/phường/thị trấn mang mã 'xa-khong'",
        f"{COOP}:5: status:",
        "tht-b.yaml:2: kind:",
        "tht-b.yaml:1: founded: thiếu",
        "tht-b.yaml:1: commune: thiếu",
    ):
        assert fragment in result.stderr


def test_a_file_that_does_not_read_still_defines_its_id(project):
    """Ids are matched in the same pass: a cooperative whose file does not read is still there
    for the article naming it, while a mistyped commune elsewhere is reported at once."""
    project.write(COOP, GOOD_COOP + "summary: [không đóng\n")
    project.write("models_data/cooperatives/htx-b.yaml", GOOD_COOP.replace("xa-dong-tam", "xa-khong-co"))
    project.write("content/ban-tin/2018-so-01/index.md", "---\nissue: 1\ndate: 2018-05-01\ntitle: Số 1\n---\n")
    project.write(
        "content/ban-tin/2018-so-01/bai.md", "---\ntitle: Bài\ndate: 2018-05-01\ncooperatives: [htx-dong-tam]\n---\n"
    )
    result = project.check_in_process()
    assert result.returncode == 1
    assert "Dữ liệu có 2 lỗi" in result.stderr, result.stderr
    assert f"{COOP}:7: cú pháp YAML sai" in result.stderr
    assert "htx-b.yaml:4: commune: không có xã/phường/thị trấn mang mã 'xa-khong-co'" in result.stderr
    assert "Lưu ý" not in result.stderr
