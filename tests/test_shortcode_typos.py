"""A shortcode typed almost right (a misspelt name, curly quotes, a missing brace) is an error
with a suggestion, not raw text shown to readers; other double braces stay as written."""

from __future__ import annotations

import pytest

PAGE = "content/ghi-chu.md"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Xem {{ vanban("luat-htx-2012") }}.', "vanban: không có shortcode 'vanban'; có phải ý bạn là 'van_ban'?"),
        (
            "Xem {{ van_ban(“luat-htx-2012”) }}.",
            'van_ban: viết chưa đúng cách gọi; cách viết: {{ van_ban("mã-văn-bản") }}',
        ),
        ('Xem {{ van_ban("luat-htx-2012") }.', "van_ban: viết chưa đúng cách gọi"),
    ],
    ids=["misspelt-name", "curly-quotes", "missing-brace"],
)
def test_a_shortcode_typed_almost_right_is_an_error_with_a_suggestion(project, text, expected):
    project.write(PAGE, f"# Ghi chú\n\n{text}\n")
    check = project.check_in_process()
    assert check.returncode == 1
    assert f"{PAGE}:3: {expected}" in check.stderr, check.stderr


def test_other_double_braces_and_calls_in_code_stay_as_written(project):
    project.write(
        PAGE,
        '# Ghi chú\n\nCông thức {{ a + b }} và `{{ vanban("x") }}` giữ nguyên.\n\n'
        '```\n{{ van_ban(“x”) }}\n```\n\nĐúng: {{ van_ban("luat-htx-2012") }}\n',
    )
    check = project.check_in_process()
    assert check.returncode == 0, check.stderr
    build = project.build_in_process()
    assert build.returncode == 0, build.stderr
    page = project.output("ghi-chu/index.html")
    assert "{{ a + b }}" in page
