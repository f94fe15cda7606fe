"""Editors' mistakes around legal documents, reported with file, line and a Vietnamese message."""

from __future__ import annotations

import pytest

LAW_2023 = """\
number: 17/2023/QH15
type: luat
title: Luật Hợp tác xã
issuer: Quốc hội khóa XV
issued: 2023-06-20
effective: 2024-07-01
replaced_by: luat-htx-2012
"""
UNKNOWN = "không có văn bản mang mã 'luat-2099' (xem các tệp trong models_data/legal/)"
DECREE = "number: 77/2019/NĐ-CP\ntype: nghi-dinh\ntitle: về tổ hợp tác\nissuer: Chính phủ\n"
USAGE = 'cần 1 tham số, cách viết: {{ van_ban("mã-văn-bản") }}'


def problems(result) -> list[str]:
    assert result.returncode == 1, result.stdout + result.stderr
    return [line.strip() for line in result.stderr.splitlines()[1:] if line.startswith("  ")]


def test_a_replacement_cycle_is_an_error_with_file_and_line(project):
    project.write("models_data/legal/luat-htx-2023.yaml", LAW_2023)
    law_2012 = project.path("models_data/legal/luat-htx-2012.yaml").read_text(encoding="utf-8")
    project.write("models_data/legal/luat-htx-2012.yaml", law_2012 + "replaced_by: luat-htx-2023\n")
    assert problems(project.check_in_process()) == [
        "models_data/legal/luat-htx-2012.yaml:8: replaced_by: chuỗi thay thế bị vòng lặp "
        "(luat-htx-2012 → luat-htx-2023 → luat-htx-2012); hãy sửa replaced_by để chuỗi đi từ "
        "văn bản cũ tới văn bản mới"
    ]


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        (
            "content/index.md",
            '# Trang chủ\n\nXem {{ van_ban("luat-2099") }}.\n',
            f"content/index.md:3: van_ban: {UNKNOWN}",
        ),
        (
            "content/ban-tin/2018-so-01/bai.md",
            '---\ntitle: Bài\ndate: 2018-06-01\n---\n\nĐoạn một.\n\nTheo {{ van_ban("luat-2099") }}.\n',
            f"content/ban-tin/2018-so-01/bai.md:8: van_ban: {UNKNOWN}",
        ),
        (
            "content/ghi-chu.md",
            "Dòng một.\n{{ van_ban() }}\n",
            f"content/ghi-chu.md:2: van_ban: {USAGE}",
        ),
        (
            "content/ghi-chu.md",
            "{{ van_ban('luat-htx-2012', 'thua') }}\n",
            f"content/ghi-chu.md:1: van_ban: {USAGE}",
        ),
    ],
)
def test_shortcode_mistakes_name_file_and_line(project, rel, text, expected):
    if rel.startswith("content/ban-tin/"):
        project.write(
            "content/ban-tin/2018-so-01/index.md",
            "---\nissue: 1\ndate: 2018-06-01\ntitle: Số 1\n---\n",
        )
    project.write(rel, text)
    assert problems(project.check_in_process()) == [expected]


def test_literal_braces_and_examples_in_code_are_not_errors(project):
    project.write(
        "content/ghi-chu.md",
        "# Hướng dẫn\n\nGiá trị {{ x }} và {{ a + b }}.\n\n"
        '```\n{{ van_ban("vi-du") }}\n```\n\nHoặc `{{ van_ban("vi-du") }}`.\n',
    )
    result = project.check_in_process()
    assert result.returncode == 0, result.stderr


def test_a_call_without_quotes_or_of_an_unknown_shortcode_is_an_error(project):
    project.write("content/ghi-chu.md", '# Hướng dẫn\n\n{{ van_ban(abc) }} và {{ khong_co("a") }}.\n')
    result = project.check_in_process()
    assert result.returncode == 1
    assert "content/ghi-chu.md:3: van_ban: viết chưa đúng cách gọi" in result.stderr
    assert "content/ghi-chu.md:3: khong_co: không có shortcode 'khong_co'" in result.stderr


def test_the_build_stops_on_an_unknown_document_before_writing_anything(project):
    project.write("content/index.md", '# Trang chủ\n\n{{ van_ban("luat-2099") }}\n')
    result = project.build()
    assert result.returncode != 0
    assert f"content/index.md:3: van_ban: {UNKNOWN}" in result.stderr
    assert not project.built().exists()


def test_a_partial_date_is_accepted_but_an_invalid_one_is_explained(project):
    project.write(
        "models_data/legal/nd-77-2019.yaml",
        DECREE + "issued: 2019\n",
    )
    assert project.check_in_process().returncode == 0
    project.write(
        "models_data/legal/nd-77-2019.yaml",
        DECREE + "issued: 2019-13\n",
    )
    (problem,) = problems(project.check_in_process())
    assert problem.startswith("models_data/legal/nd-77-2019.yaml:5: issued: ngày '2019-13' không hợp lệ")


def test_number_and_issued_must_be_written_even_when_unknown(project):
    project.write(
        "models_data/legal/ke-hoach.yaml",
        "type: ke-hoach\ntitle: Kế hoạch phối hợp\nissuer: Liên minh Hợp tác xã\n",
    )
    assert problems(project.check_in_process()) == [
        "models_data/legal/ke-hoach.yaml:1: issued: thiếu trường bắt buộc",
        "models_data/legal/ke-hoach.yaml:1: number: thiếu trường bắt buộc",
    ]
    project.write(
        "models_data/legal/ke-hoach.yaml",
        "number: null\ntype: ke-hoach\ntitle: Kế hoạch phối hợp\nissuer: Liên minh Hợp tác xã\nissued: null\n",
    )
    assert project.check_in_process().returncode == 0
