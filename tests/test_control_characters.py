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


def test_a_control_character_written_as_a_yaml_escape_is_refused_too(project):
    """YAML can spell what the file does not show ("\\x1F"): found by random input, it got past
    the check and crashed the Excel download of the organisations' figures."""
    rel = "models_data/organizations.yaml"
    text = project.path(rel).read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.lstrip("- ").startswith("name: "))
    line_number = text.splitlines().index(name) + 1
    project.write(rel, text.replace(name, name.split("name: ")[0] + 'name: "Hội\\x1FNông dân"', 1))
    check = project.check_in_process()
    assert check.returncode == 1
    assert (
        f"{rel}:{line_number}: " in check.stderr
        and "name: chứa ký tự điều khiển (U+001F), một ký tự vô hình không được đăng; hãy xóa nó" in check.stderr
    ), check.stderr
