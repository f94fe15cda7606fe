"""YAML as editors type it: a syntax slip is explained in Vietnamese on the line to fix (an
indentation off by a space, a list item out of line, a tab, a quote left open, no space after
':'), and YAML 1.1's surprises never reach the site: a phone number keeps its leading zero,
``off`` and ``yes`` stay words, a date-looking title stays a title."""

from __future__ import annotations

import datetime as dt

import pytest
from bulletin_support import article, issue
from test_bad_inputs_foundation import COOP, GOOD_COOP

from ktt_site.site import ProjectPaths, load_site

#: A file as an editor slipped, and the message (after the file's name) the check gives.
SLIPS = {
    "extra_space": (
        GOOD_COOP.replace("kind: htx", " kind: htx"),
        ":2: cú pháp YAML sai: dòng này thụt vào 1 dấu cách, nhiều hơn trường 'name' ở dòng 1 (0 dấu cách); "
        "các dòng cùng cấp phải thẳng cột với nhau (bỏ 1 dấu cách ở đầu dòng)",
    ),
    "missing_space": (
        GOOD_COOP + "contact:\n  address: Ấp 1\n phone: '0276'\n",
        ":9: cú pháp YAML sai: dòng này thụt vào 1 dấu cách, lệch với trường 'address' ở dòng 8 (2 dấu cách) "
        "và trường 'contact' ở dòng 7 (0 dấu cách)",
    ),
    "dedented_list_item": (
        GOOD_COOP + "sectors:\n  - Trồng trọt\n - Chăn nuôi\n",
        ":9: cú pháp YAML sai: mục danh sách này thụt vào 1 dấu cách, còn mục phía trên ở dòng 8 thụt vào "
        "2 dấu cách; các mục của một danh sách phải thẳng cột với nhau",
    ),
    "indented_list_item": (
        GOOD_COOP + "sectors:\n  - Trồng trọt\n   - Chăn nuôi\n",
        ":9: cú pháp YAML sai: mục danh sách này thụt vào sâu hơn dòng 8 nên bị đọc nối vào dòng đó",
    ),
    "item_field_out_of_line": (
        GOOD_COOP + "products:\n  - name: Rau muống\n  ocop_stars: 3\n",
        ":9: cú pháp YAML sai: dòng này thẳng cột với dấu '-' của danh sách ở dòng 8 (2 dấu cách): trường của "
        "mục đó phải thẳng cột với trường 'name' ở dòng 8 (4 dấu cách), còn một mục mới phải bắt đầu bằng '- '",
    ),
    "tab": (
        GOOD_COOP + "contact:\n\taddress: Ấp 1\n",
        ":8: cú pháp YAML sai: có ký tự tab ở đầu dòng; hãy thụt lề bằng dấu cách",
    ),
    "unclosed_quote": (
        GOOD_COOP.replace("name: Hợp tác xã Đồng Tâm", 'name: "Hợp tác xã Đồng Tâm'),
        ':1: cú pháp YAML sai: dấu ngoặc " mở ở cột 7 chưa được đóng',
    ),
    "unclosed_quote_closed_later": (
        GOOD_COOP.replace("name: Hợp tác xã Đồng Tâm", 'name: "Hợp tác xã Đồng Tâm').replace(
            "status: active", 'status: "active"'
        ),
        ':1: cú pháp YAML sai: dấu ngoặc " mở ở cột 7 chưa được đóng trên dòng này, nên giá trị kéo tới dòng 5',
    ),
    "no_space_after_colon": (
        GOOD_COOP.replace("kind: htx", "kind:htx"),
        ":2: cú pháp YAML sai: thiếu dấu cách sau dấu ':' (viết 'kind: htx')",
    ),
    "colon_in_value": (
        GOOD_COOP + "summary: Rau sạch: trồng theo VietGAP\n",
        ":7: cú pháp YAML sai: có dấu ':' trong giá trị",
    ),
    "item_without_dash": (
        GOOD_COOP + "sectors:\n  - Trồng trọt\n  Chăn nuôi\n",
        ":9: cú pháp YAML sai: dòng này nằm giữa các mục danh sách nhưng không bắt đầu bằng '- '",
    ),
    "block_text_not_indented": (
        GOOD_COOP + "story: |\nHTX thành lập năm 2018.\n",
        ":8: cú pháp YAML sai: nội dung sau dấu '|' (hoặc '>') phải thụt vào sâu hơn tên trường ở dòng trên",
    ),
    "at_sign": (
        GOOD_COOP + "summary: @htx_dong_tam\n",
        ":7: cú pháp YAML sai: giá trị không được bắt đầu bằng ký tự '@'; hãy đặt cả giá trị trong dấu ngoặc kép",
    ),
    "nested_no_space_after_colon": (
        GOOD_COOP + "contact:\n  phone:0276372145\n",
        ":7: contact: phải là một bảng các trường (tên: giá trị), không phải 'phone:0276372145'; "
        "có phải thiếu dấu cách sau dấu ':'?",
    ),
}


@pytest.mark.parametrize("name", sorted(SLIPS))
def test_a_yaml_slip_is_explained_on_its_line(project, name):
    text, expected = SLIPS[name]
    project.write(COOP, text)
    result = project.check_in_process()
    assert result.returncode == 1
    assert f"{COOP}{expected}" in result.stderr, result.stderr
    assert "found" not in result.stderr and "expected" not in result.stderr  # no PyYAML English


def test_yaml_1_1_surprises_stay_as_typed_where_text_is_meant(project):
    project.write(
        COOP,
        GOOD_COOP.replace("name: Hợp tác xã Đồng Tâm", "name: yes")
        + "founded_by: [hoi-nong-dan]\nsectors: [off, 1e3]\ncontact:\n  phone: 0276372145\n"
        "products:\n  - name: 2018-05-01\n    ocop_stars: 3\nmembers:\n  2018: 012\nillustrative: yes\n",
    )
    locations = project.path("models_data/localities/2018.yaml")
    locations.write_text(
        locations.read_text(encoding="utf-8").replace("{id: xa-dong-tam,", "{id: xa-dong-tam, code: 07300,"),
        encoding="utf-8",
    )
    project.write("content/ban-tin/2018-so-01/index.md", issue(1, "2018-05-01", "Số 1"))
    project.write(
        "content/ban-tin/2018-so-01/bai.md", "---\ntitle: 2018-05-01\ndate: 2018-5-1\ncategories: [no]\n---\n"
    )
    root = project.root
    site = load_site(ProjectPaths(root, root / "models_data", root / "content"), as_of=dt.date(2018, 12, 31))
    coop = site.cooperatives["htx-dong-tam"]
    assert coop.name == "yes"
    assert coop.sectors == ["off", "1e3"]
    assert coop.contact is not None and coop.contact.phone == "0276372145"
    assert coop.products[0].name == "2018-05-01" and coop.products[0].ocop_stars == 3
    assert coop.founded.first_day == dt.date(2018, 3, 15)
    assert coop.members == {2018: 12}  # a number where a number is meant, decimal as typed
    assert coop.illustrative is True
    assert site.localities.today.commune_index()["xa-dong-tam"][1].code == "07300"
    (bai,) = site.articles
    assert bai.meta.title == "2018-05-01" and bai.meta.categories == ["no"]
    assert bai.meta.date == dt.date(2018, 5, 1)  # a date where a date is meant, unpadded as YAML 1.1 took it


def test_off_where_a_choice_is_meant_is_shown_as_typed(project):
    project.write(COOP, GOOD_COOP.replace("status: active", "status: off"))
    result = project.check_in_process()
    assert f"{COOP}:5: status: giá trị 'off' không hợp lệ; chỉ chấp nhận: 'active', 'dissolved'" in result.stderr, (
        result.stderr
    )


def test_a_yaml_slip_in_an_article_stops_the_build_and_keeps_the_site(project):
    project.write("content/ban-tin/2018-so-01/index.md", issue(1, "2018-05-01", "Số 1"))
    text = article("Bài A", "2018-05-01", extra="categories:\n  - Tin tức\n - Mô hình hay")
    project.write("content/ban-tin/2018-so-01/bai-a.md", text)
    previous = project.write("site/index.html", "bản trước")
    expected = (
        "content/ban-tin/2018-so-01/bai-a.md:6: cú pháp YAML sai: mục danh sách này thụt vào 1 dấu cách, "
        "còn mục phía trên ở dòng 5 thụt vào 2 dấu cách"
    )
    check = project.check_in_process()
    assert check.returncode == 1
    assert expected in check.stderr, check.stderr
    build = project.build_in_process()
    assert build.returncode != 0
    assert expected in build.stderr + build.stdout
    assert previous.read_text(encoding="utf-8") == "bản trước"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n", {"base": {"x": "1"}, "c": {"x": "1", "y": "2"}}),
        ("x: &a [&b [1, 2], *b]\ny: *a\n", {"x": [["1", "2"], ["1", "2"]], "y": [["1", "2"], ["1", "2"]]}),
        ("a: !!int 5\nc: !!str 12\nd: ~\ne: null\nf:\n", {"a": 5, "c": "12", "d": None, "e": None, "f": None}),
    ],
)
def test_the_loader_reads_aliases_merges_and_explicit_tags(text, expected):
    from ktt_site.sources import parse_yaml

    data = parse_yaml(text)
    assert data == expected
    assert data.line_of(list(expected)[-1]) == text.count("\n", 0, text.rindex(list(expected)[-1] + ":")) + 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x [1, *x]\n", (1, "cú pháp YAML sai: tham chiếu (*) nằm ngay trong neo (&) của nó")),
        ("a: 1\nb: !!str {c: 1}\n", (2, "cú pháp YAML sai: thẻ '!!str' chỉ dùng được cho một giá trị")),
        ("a: !!int mười\n", (None, "có thẻ YAML (bắt đầu bằng '!!') không khớp với giá trị; hãy bỏ thẻ")),
    ],
)
def test_the_loader_refuses_what_it_cannot_make_in_vietnamese(text, expected):
    from ktt_site.sources import YamlSourceError, parse_yaml

    with pytest.raises(YamlSourceError) as raised:
        parse_yaml(text)
    assert (raised.value.line, raised.value.message) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a: {id:] b}\n",
        "a: [b,, c]\n",
        "%a: b\n",
        "a: b\n...\nc: d\n",
        "story: |x\n  text\n",
        "a: !}!str b\n",
        "a: - b\n",
    ],
)
def test_rarer_slips_are_explained_in_vietnamese_too(text):
    from ktt_site.sources import YamlSourceError, parse_yaml

    with pytest.raises(YamlSourceError) as raised:
        parse_yaml(text)
    message = raised.value.message
    assert message.startswith("cú pháp YAML sai: ")
    assert not any(word in message for word in ("found", "expected", "while", "allowed")), message
