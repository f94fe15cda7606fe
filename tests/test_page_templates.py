"""``template:`` in front matter names a template the theme has, or it is an error: a typo or a
path crashed the build after the check had passed. Broken front matter on a page is reported."""

from __future__ import annotations

import pytest
from bulletin_support import article, issue

ARTICLE = "content/ban-tin/2018-so-01/bai-a.md"
PAGE = "content/gioi-thieu.md"


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        (
            ARTICLE,
            article("Bài A", "2018-05-01", extra="template: mian.html"),
            f"{ARTICLE}:4: template: giá trị 'mian.html' không hợp lệ",
        ),
        (
            PAGE,
            "---\ntitle: Giới thiệu\ntemplate: ../../etc/passwd\n---\n\n# Giới thiệu\n",
            f"{PAGE}:3: template: không có mẫu trang '../../etc/passwd'",
        ),
        (
            PAGE,
            "---\ntitle: [Giới thiệu\n---\n\n# Giới thiệu\n",
            f"{PAGE}:2: phần đầu trang (giữa hai dòng ---): cú pháp YAML sai",
        ),
    ],
    ids=["article-typo", "page-path", "page-broken-front-matter"],
)
def test_a_template_the_theme_lacks_is_an_error(project, rel, text, expected):
    project.write("content/ban-tin/2018-so-01/index.md", issue(1, "2018-05-01", "Số 1"))
    project.write(rel, text)
    check = project.check_in_process()
    assert check.returncode == 1
    assert expected in check.stderr, check.stderr
    build = project.build_in_process()
    assert build.returncode != 0
    assert "Traceback" not in build.stderr


def test_a_template_the_theme_has_is_accepted(project):
    project.write(PAGE, "---\ntitle: Giới thiệu\ntemplate: ktt-page.html\n---\n\n# Giới thiệu\n\nNội dung.\n")
    assert project.check_in_process().returncode == 0
    assert project.build_in_process().returncode == 0
    assert "Nội dung." in project.output("gioi-thieu/index.html")
