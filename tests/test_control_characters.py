"""Invisible control characters (Word's manual line break U+000B, a bell in a pasted name) are
refused with file, line and column, in Vietnamese, before anything is built: they used to crash
the feeds after the check had passed."""

from __future__ import annotations

import pytest
from bulletin_support import article, issue

ARTICLE = "content/ban-tin/2018-so-01/bai-a.md"
COOP = "models_data/cooperatives/htx-dong-tam.yaml"


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        (ARTICLE, f"{ARTICLE}:7: cột 10: có dấu ngắt dòng của Word (U+000B)"),
        (COOP, f"{COOP}:1: cột 26: có ký tự điều khiển (U+0007)"),
    ],
)
def test_a_control_character_is_refused_with_line_and_column(project, rel, expected):
    project.write("content/ban-tin/2018-so-01/index.md", issue(1, "2018-05-01", "Số 1"))
    project.write(
        ARTICLE,
        article("Bài A", "2018-05-01", body="Dòng một.\nDòng hai.\vDòng ba.\n" if rel == ARTICLE else "Nội dung.\n"),
    )
    if rel == COOP:
        text = project.path(COOP).read_text(encoding="utf-8")
        project.write(COOP, text.replace("Hợp tác xã Đồng Tâm", "Hợp tác xã Đồng Tâm\x07", 1))
    previous = project.write("site/index.html", "bản trước")
    check_command, build_command = project.commands(real=rel == ARTICLE)
    check = check_command()
    assert check.returncode == 1
    assert expected in check.stderr, check.stderr
    build = build_command()
    assert build.returncode != 0
    assert expected in build.stderr
    assert previous.read_text(encoding="utf-8") == "bản trước"
