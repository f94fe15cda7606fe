"""Record files where the loader would ignore them or where their page would collide with a
generated one are errors naming the file, found by the check before anything is built."""

from __future__ import annotations

import pytest

COOP = "models_data/cooperatives/htx-dong-tam.yaml"


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("models_data/cooperatives/index.yaml", "'index' là tên dành cho trang danh sách của mục"),
        ("models_data/legal/index.yaml", "'index' là tên dành cho trang danh sách của mục"),
        (
            "models_data/cooperatives/cu/htx-cu.yaml",
            "thư mục con không được đọc; hãy đặt các tệp ngay trong cooperatives/",
        ),
    ],
)
def test_a_record_file_in_a_reserved_or_ignored_place_is_an_error(project, rel, expected):
    project.write(rel, project.path(COOP).read_text(encoding="utf-8"))
    where = rel if "/cu/" not in rel else "models_data/cooperatives/cu"
    check = project.check_in_process()
    assert check.returncode == 1
    assert f"{where}: {expected}" in check.stderr, check.stderr
    build = project.build_in_process()
    assert build.returncode != 0
    assert f"{where}: {expected}" in build.stderr
