"""An editor's mistakes in the bulletin stop the build and the check with file, line and field."""

from __future__ import annotations

import pytest
from bulletin_support import article, issue

ARTICLE = "content/ban-tin/2018-so-01/bai-a.md"

CASES = {
    "unknown_cooperative": (
        "categories: [Mô hình hay]\ncooperatives: [htx-dong-tam, htx-khong-co]",
        f"{ARTICLE}:5: cooperatives[1]: không có HTX/THT mang mã 'htx-khong-co'",
    ),
    "unknown_legal": (
        "legal:\n  - luat-htx-2012\n  - luat-khong-co",
        f"{ARTICLE}:6: legal[1]: không có văn bản mang mã 'luat-khong-co'",
    ),
    "two_spellings_of_a_category": (
        "categories: [Pháp luật, Pháp Luật]",
        f"{ARTICLE}:4: categories[1]: chuyên mục 'Pháp Luật' trùng với chuyên mục 'Pháp luật'",
    ),
    "category_without_letters": (
        "categories: ['!!!']",
        f"{ARTICLE}:4: categories[0]: tên chuyên mục '!!!' phải có ít nhất một chữ cái hoặc chữ số",
    ),
}


#: Also run through the real commands, each in a new process; the others run in this one.
END_TO_END = {"unknown_cooperative"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_front_matter_is_reported_by_build_and_check(project, name):
    extra, expected = CASES[name]
    project.write("content/ban-tin/2018-so-01/index.md", issue(1, "2018-05-01", "Số 1"))
    project.write(ARTICLE, article("Bài A", "2018-05-01", extra=extra))
    check_command, build_command = project.commands(real=name in END_TO_END)

    check = check_command()
    assert check.returncode != 0
    assert expected in check.stderr, check.stderr

    build = build_command()
    assert build.returncode != 0
    assert expected in build.stderr + build.stdout
    assert not (project.built() / "feed.xml").exists()


def test_an_editor_page_at_the_bulletin_home_is_refused(project):
    project.write("content/ban-tin/index.md", "# Bản tin của tôi\n")
    check = project.check_in_process()
    assert check.returncode != 0
    assert "content/ban-tin/index.md: trang content/ban-tin/index.md do hệ thống tự sinh" in check.stderr
