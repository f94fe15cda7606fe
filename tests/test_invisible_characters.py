"""Characters an editor cannot see are named and shown: a non-breaking or zero-width space, a
soft hyphen, a byte-order mark in the middle of a file. In data (YAML and front matter) they are
refused with line and column; in an article's text only those that never belong in a page are.
Letters typed with separate accent marks (NFD) are read as the same letters typed whole (NFC),
so two spellings that look the same are the same. A front matter never closed says so."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from bulletin_support import article, issue

from ktt_site.site import ProjectPaths, load_site

COOP = "models_data/cooperatives/htx-dong-tam.yaml"
LAW = "models_data/legal/luat-htx-2012.yaml"
ISSUE = "content/ban-tin/2018-so-01/index.md"
ARTICLE = "content/ban-tin/2018-so-01/bai-a.md"
OTHER = "content/ban-tin/2018-so-01/bai-b.md"


def _load(project):
    root = project.root
    return load_site(ProjectPaths(root, root / "models_data", root / "content"), as_of=dt.date(2018, 12, 31))


@pytest.mark.parametrize(
    ("rel", "old", "new", "expected"),
    [
        pytest.param(
            COOP,
            "commune: xa-dong-tam",
            "commune: xa-dong\u00a0tam",
            f"{COOP}:4: cột 17: có khoảng trắng không ngắt (U+00A0), một ký tự vô hình không được đăng, "
            "ở 'commune: xa-dong[U+00A0]tam'; hãy xóa nó (thường do chép từ Word hay trang web) rồi gõ lại "
            "dấu cách thường",
            id="nbsp_in_an_id",
        ),
        pytest.param(
            COOP,
            "kind: htx",
            "kind:\u00a0htx",
            f"{COOP}:2: cột 6: có khoảng trắng không ngắt (U+00A0)",
            id="nbsp_after_colon",
        ),
        pytest.param(
            COOP,
            "Hợp tác xã Đồng Tâm",
            "Hợp tác xã\u200b Đồng Tâm",
            f"{COOP}:1: cột 17: có khoảng trắng độ rộng 0 (U+200B)",
            id="zero_width_space",
        ),
        pytest.param(
            LAW,
            "title: Luật Hợp tác xã",
            "title: Luật Hợp tác\u00ad xã",
            f"{LAW}:3: cột 20: có dấu gạch nối mềm (U+00AD)",
            id="soft_hyphen",
        ),
        pytest.param(
            LAW,
            "issuer: Quốc hội",
            "issuer: Quốc\u200d hội",
            f"{LAW}:4: cột 13: có ký tự nối độ rộng 0 (U+200D)",
            id="zero_width_joiner",
        ),
        pytest.param(
            LAW,
            "issuer: Quốc hội",
            "issuer: Quốc\u200c hội",
            f"{LAW}:4: cột 13: có ký tự không nối độ rộng 0 (U+200C)",
            id="zero_width_non_joiner",
        ),
        pytest.param(
            COOP,
            "status: active",
            "status: active\ufeff",
            f"{COOP}:5: cột 15: có dấu BOM (đánh dấu thứ tự byte) (U+FEFF)",
            id="bom_in_the_middle",
        ),
        pytest.param(
            ARTICLE,
            "title: 'Bài A'",
            "title: 'Bài\u00a0A'",
            f"{ARTICLE}:2: cột 12: có khoảng trắng không ngắt (U+00A0)",
            id="nbsp_in_front_matter",
        ),
        pytest.param(
            ARTICLE,
            "Nội dung bài.",
            "Nội dung\ufeff bài.",
            f"{ARTICLE}:6: cột 9: có dấu BOM (đánh dấu thứ tự byte) (U+FEFF)",
            id="bom_in_an_article",
        ),
        pytest.param(
            ARTICLE,
            "Nội dung bài.",
            "Nội dung \u202ebài.",
            f"{ARTICLE}:6: cột 10: có ký tự điều khiển hướng chữ (U+202E)",
            id="text_direction_override",
        ),
    ],
)
def test_an_invisible_character_is_named_and_shown(project, rel, old, new, expected):
    project.write(ISSUE, issue(1, "2018-05-01", "Số 1"))
    project.write(ARTICLE, article("Bài A", "2018-05-01"))
    project.edit(rel, old, new, 1)
    result = project.check_in_process()
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr


def test_every_line_with_one_is_listed(project):
    project.edit(COOP, "kind: htx", "kind:\u00a0htx")
    project.edit(COOP, "status: active", "status:\u00a0active")
    result = project.check_in_process()
    assert f"{COOP}:2: cột 6:" in result.stderr and f"{COOP}:5: cột 8:" in result.stderr, result.stderr


def test_spaces_and_marks_in_an_articles_text_are_typography(project):
    """A non-breaking space before a unit, a soft hyphen: harmless where readers read."""
    project.write(ISSUE, issue(1, "2018-05-01", "Số 1"))
    project.write(ARTICLE, article("Bài A", "2018-05-01", body="Diện tích 50\u00a0ha, hợp\u00adtác xã.\n"))
    assert project.check_in_process().returncode == 0


def test_an_invisible_character_in_a_shortcode_is_shown(project):
    project.write("content/trang.md", '# Trang\n\n{{ van_ban("luat-htx-2012\u200b") }}\n')
    result = project.check_in_process()
    assert "content/trang.md:3: van_ban: không có văn bản mang mã 'luat-htx-2012[U+200B]'" in result.stderr, (
        result.stderr
    )


def test_decomposed_letters_are_the_same_letters(project):
    """'Pháp luật' typed with separate accent marks (as some Mac and web tools save it) is the
    category 'Pháp luật': one page, no duplicate reported."""
    decomposed = unicodedata.normalize("NFD", "Pháp luật")
    assert decomposed != "Pháp luật"
    project.write(ISSUE, issue(1, "2018-05-01", "Số 1"))
    project.write(ARTICLE, article("Bài A", "2018-05-01", extra="categories: [Pháp luật]"))
    project.write(OTHER, article("Bài B", "2018-05-01", extra=f"categories: [{decomposed}]"))
    project.edit(COOP, "Hợp tác xã Đồng Tâm", unicodedata.normalize("NFD", "Hợp tác xã Đồng Tâm"))
    site = _load(project)
    assert {tuple(a.meta.categories) for a in site.articles} == {("Pháp luật",)}
    assert site.cooperatives["htx-dong-tam"].name == "Hợp tác xã Đồng Tâm"


def test_two_category_spellings_say_how_they_differ(project):
    project.write(ISSUE, issue(1, "2018-05-01", "Số 1"))
    project.write(ARTICLE, article("Bài A", "2018-05-01", extra="categories: [Pháp luật]"))
    project.write(OTHER, article("Bài B", "2018-05-01", extra="categories: [Pháp  luật]"))
    result = project.check_in_process()
    assert (
        f"{OTHER}:4: categories[0]: chuyên mục 'Pháp  luật' trùng với chuyên mục 'Pháp luật' (trong "
        f"{ARTICLE}) vì hai tên chỉ khác nhau ở dấu cách" in result.stderr
    ), result.stderr


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        pytest.param(
            ARTICLE,
            "---\ntitle: Bài A\ndate: 2018-05-01\n\nNội dung bài.\n",
            f"{ARTICLE}:1: phần đầu trang mở bằng dòng '---' nhưng không có dòng '---' nào đóng lại",
            id="article",
        ),
        pytest.param(
            ARTICLE,
            "---\ntitle: Bài A\ndate: 2018-05-01\n----\n\nNội dung bài.\n",
            f"{ARTICLE}:4: dòng đóng phần đầu trang phải là đúng ba dấu gạch ngang '---', không phải '----'",
            id="four_dashes",
        ),
        pytest.param(
            ARTICLE,
            "---\ntitle: Bài A\ndate: 2018-05-01\n —\n\nNội dung bài.\n",
            f"{ARTICLE}:4: dòng đóng phần đầu trang phải là đúng ba dấu gạch ngang '---', không phải '—'",
            id="word_dash",
        ),
        pytest.param(
            "content/gioi-thieu.md",
            "---\ntitle: Giới thiệu\n\n# Giới thiệu\n",
            "content/gioi-thieu.md:1: phần đầu trang mở bằng dòng '---' nhưng không có dòng '---' nào đóng lại",
            id="page",
        ),
    ],
)
def test_a_front_matter_never_closed_says_so(project, rel, text, expected):
    project.write(ISSUE, issue(1, "2018-05-01", "Số 1"))
    project.write(rel, text)
    result = project.check_in_process()
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "thiếu trường bắt buộc" not in result.stderr


def test_an_invisible_character_stops_the_real_build_and_keeps_the_site(project):
    project.edit(COOP, "commune: xa-dong-tam", "commune: xa-dong\u00a0tam")
    previous = project.write("site/index.html", "bản trước")
    expected = f"{COOP}:4: cột 17: có khoảng trắng không ngắt (U+00A0)"
    check = project.check()
    assert check.returncode == 1 and expected in check.stderr, check.stderr
    build = project.build()
    assert build.returncode != 0 and expected in build.stderr + build.stdout
    assert previous.read_text(encoding="utf-8") == "bản trước"
