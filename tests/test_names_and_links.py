"""Names that become file names and addresses, and links to generated pages.

A file or id named like a Windows device (``con``, ``aux``), with a character Windows refuses
(``a:b.md``), or so long the address breaks (a 320-character category crashed the build after
the check passed) is refused with a Vietnamese message; so are two pages at one address
(``gioi-thieu.md`` beside ``gioi-thieu/index.md``: one silently replaced the other). A link from
an editor's page to a generated page works written as its address (``../../hop-tac-xa/<id>/``,
as copied from the browser) as well as its file; one naming a record that does not exist is an
error with file, line and id."""

from __future__ import annotations

import pytest
from bulletin_support import article, issue
from conftest import file_tree
from cooperatives_support import broken_links, content, links, page_file, parse

COOP = "models_data/cooperatives/htx-dong-tam.yaml"
LAW = "models_data/legal/luat-htx-2012.yaml"
ISSUE = "content/ban-tin/2018-so-01/index.md"
ARTICLE = "content/ban-tin/2018-so-01/bai-a.md"
LONG = "-".join(["rau-an-toan"] * 10)


WINDOWS = "là tên dành riêng của Windows (con, prn, aux, nul, com1–com9, lpt1–lpt9)"
TOO_LONG = "(tối đa 100): địa chỉ trang và tên tệp sẽ quá dài; hãy rút gọn"
#: Files written over the fixture ('+' before a text adds it to the file), and the message.
NAMES = {
    "file_name_too_long": (
        {f"content/ban-tin/2018-so-01/{LONG}.md": article("Bài", "2018-05-01")},
        f"content/ban-tin/2018-so-01/{LONG}.md: tên tệp '{LONG[:37]}...' dài 122 ký tự {TOO_LONG}",
    ),
    "colon_in_file_name": (
        {"content/gioi-thieu:2018.md": "# Giới thiệu\n"},
        "content/gioi-thieu:2018.md: tên 'gioi-thieu:2018.md' có ký tự ':', không dùng được trong tên tệp trên Windows",
    ),
    "windows_device_page": ({"content/con.md": "# Con\n"}, f"content/con.md: tên tệp 'con.md' {WINDOWS}"),
    "windows_device_record": ({"models_data/cooperatives/aux.yaml": "name: A\n"}, f"tên tệp 'aux.yaml' {WINDOWS}"),
    "trailing_dot": ({"content/images/anh.": "x"}, "content/images/anh.: tên 'anh.' kết thúc bằng dấu chấm"),
    "names_differing_in_case": (
        {"content/Gioi-thieu.md": "# A\n", "content/gioi-thieu.md": "# B\n"},
        "content/gioi-thieu.md: trùng tên với 'Gioi-thieu.md' nếu không phân biệt chữ hoa, chữ thường",
    ),
    "category_too_long": (
        {ARTICLE: article("Bài A", "2018-05-01", extra="categories: [" + "Kinh tế tập thể " * 20 + "]")},
        f"{ARTICLE}:4: categories[0]: tên chuyên mục 'Kinh tế tập thể Kinh tế tập thể Kinh ...': địa chỉ trang của "
        f"nó, 'kinh-te-tap-the-kinh-te-tap-the-kinh-...', dài 319 ký tự {TOO_LONG}",
    ),
    "category_named_like_a_device": (
        {ARTICLE: article("Bài A", "2018-05-01", extra="categories: [Con]")},
        f"{ARTICLE}:4: categories[0]: tên chuyên mục 'Con': địa chỉ trang của nó, 'con', {WINDOWS}",
    ),
    "sector_too_long": ({COOP: f"+sectors: [{'Trồng trọt ' * 12}]\n"}, f"{COOP}:10: sectors[0]: tên lĩnh vực"),
    "id_named_like_a_device": ({LAW: "+related: [nul]\n"}, f"{LAW}:8: related[0]: mã 'nul' {WINDOWS}"),
    "id_too_long": ({LAW: f"+related: [{LONG}]\n"}, f"{LAW}:8: related[0]: mã '{LONG[:37]}...' dài 119 ký tự"),
    "page_beside_folder_index": (
        {"content/gioi-thieu.md": "# A\n", "content/gioi-thieu/index.md": "# B\n"},
        "content/gioi-thieu.md: trang này và content/gioi-thieu/index.md cùng ra địa chỉ /gioi-thieu/: một trang "
        "sẽ đè mất trang kia; hãy đổi tên hoặc gộp hai tệp",
    ),
    "readme_beside_index": (
        {"content/lien-he/index.md": "# A\n", "content/lien-he/README.md": "# B\n"},
        "content/lien-he/index.md: trang này và content/lien-he/README.md cùng ra địa chỉ /lien-he/",
    ),
}


@pytest.mark.parametrize("name", sorted(NAMES))
def test_a_name_that_breaks_a_file_or_an_address_is_refused(project, name):
    files, expected = NAMES[name]
    project.write(ISSUE, issue(1, "2018-05-01", "Số 1"))
    for rel, text in files.items():
        if text.startswith("+"):
            text = project.path(rel).read_text(encoding="utf-8") + text[1:]
        project.write(rel, text)
    result = project.check_in_process()
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "Dữ liệu có 1 lỗi" in result.stderr, result.stderr


def test_a_320_character_category_stops_check_and_build_and_keeps_the_site(project):
    """It crashed the build (file name too long) after the check had passed."""
    project.write(ISSUE, issue(1, "2018-05-01", "Số 1"))
    project.write(ARTICLE, article("Bài A", "2018-05-01"))
    assert project.build_in_process().returncode == 0
    before = file_tree(project.built())
    project.write(ARTICLE, article("Bài A", "2018-05-01", extra="categories: [" + "x" * 320 + "]"))
    expected = f"{ARTICLE}:4: categories[0]: tên chuyên mục 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'"
    check = project.check_in_process()
    assert check.returncode == 1 and expected in check.stderr, check.stderr
    build = project.build_in_process()
    assert build.returncode != 0 and expected in build.stderr + build.stdout
    assert "Traceback" not in build.stderr
    assert file_tree(project.built()) == before


def test_links_to_generated_pages_work_written_as_their_address(project):
    project.write(ISSUE, issue(1, "2018-05-01", "Số 1"))
    body = (
        "Xem [hồ sơ](../../hop-tac-xa/htx-dong-tam/), [liên hệ](/hop-tac-xa/htx-dong-tam/#ho-so), "
        "[tệp](../../hop-tac-xa/htx-dong-tam.md), [danh bạ](../../hop-tac-xa/), "
        "[theo huyện](../../hop-tac-xa/theo-huyen/), [luật](../../van-ban/luat-htx-2012/index.html) "
        "và [bản tin](../../ban-tin/).\n\n`[mã](../../hop-tac-xa/khong-co/)`\n"
    )
    project.write(ARTICLE, article("Bài A", "2018-05-01", body=body))
    # From the home folder, and written from the page's address as a browser reads it: both work.
    project.write("content/trang.md", "# Trang\n\n[Hồ sơ](hop-tac-xa/htx-dong-tam/) và [văn bản](../van-ban/)\n")
    result = project.build_in_process()
    assert result.returncode == 0, result.stderr
    assert "'ban-tin/2018-so-01/bai-a.md' contains an unrecognized relative link" not in result.stderr
    site = project.built()
    page = page_file(site, "ban-tin/2018-so-01/bai-a")
    hrefs = [href for _, href in links(content(parse(page)))]
    assert "../../../hop-tac-xa/htx-dong-tam/" in hrefs
    assert "../../../hop-tac-xa/htx-dong-tam/#ho-so" in hrefs
    assert "../../../hop-tac-xa/theo-huyen/" in hrefs
    assert "../../../van-ban/luat-htx-2012/" in hrefs
    assert broken_links(site, page) == []
    assert broken_links(site, page_file(site, "trang")) == []


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("../../hop-tac-xa/htx-khong-co/", "không có HTX/THT mang mã 'htx-khong-co'"),
        ("../../hop-tac-xa/htx-khong-co.md", "không có HTX/THT mang mã 'htx-khong-co'"),
        ("/hop-tac-xa/htx-khong-co/", "không có HTX/THT mang mã 'htx-khong-co'"),
        (
            "../../van-ban/luat-2099/",
            "không có văn bản mang mã 'luat-2099' (trích dẫn văn bản thì dùng {{ van_ban(\"mã-văn-bản\") }})",
        ),
        ("../../ke-hoach/2030/", "không có kế hoạch mang mã '2030'"),
        ("../../../tien-do/2030/", "không có kế hoạch mang mã '2030'"),
    ],
)
def test_a_link_to_a_generated_page_that_does_not_exist_names_the_id(project, link, expected):
    project.write(ISSUE, issue(1, "2018-05-01", "Số 1"))
    project.write(ARTICLE, article("Bài A", "2018-05-01", body=f"Dòng một.\n\nXem [trang]({link}).\n"))
    result = project.check_in_process()
    assert result.returncode == 1
    assert f"{ARTICLE}:8: liên kết '{link}' dẫn tới trang không có: {expected}" in result.stderr, result.stderr
