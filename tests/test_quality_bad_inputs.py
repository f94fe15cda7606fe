"""Bad input, nothing lost: every kind of editor mistake stops both ``ktt-site check`` and
``mkdocs build --strict`` with one Vietnamese ``file:line: field: message``, and the site
published before stays exactly as it was.

These cases add to ``test_bad_inputs_foundation.py`` (17 more); none repeats one of those.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import FIXTURES
from quality_support import full_project


def _fixture(rel: str) -> str:
    base = FIXTURES / "quality" / rel
    return (base if base.exists() else FIXTURES / "minimal" / rel).read_text(encoding="utf-8")


def edit(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced; fails loudly if a fixture changed and ``old`` is gone."""
    assert old in text, f"fixture no longer contains {old!r}"
    return text.replace(old, new)


ORGS, LOC = "models_data/organizations.yaml", "models_data/localities/2018.yaml"
COOP, LEGAL = "models_data/cooperatives/htx-dong-tam.yaml", "models_data/legal/luat-htx-2012.yaml"
PLAN, PROGRESS = "models_data/plans/2018.yaml", "models_data/progress/2018/hoi-nong-dan.yaml"
ISSUE, ARTICLE = "content/ban-tin/2018-so-01/index.md", "content/ban-tin/2018-so-01/bai-mot.md"
GOOD = {rel: _fixture(rel) for rel in (ORGS, LOC, COOP, LEGAL, PLAN, PROGRESS, ISSUE, ARTICLE)}

#: Stands for a file outside the repository, created by the test (a symlink's target).
OUTSIDE = "<outside the repository>"


@dataclass(frozen=True)
class Bad:
    """Files to write over the valid fixture, and the ``path:line: field: message`` expected."""

    files: dict[str, str | bytes]
    expected: str
    links: dict[str, str] = field(default_factory=dict)


def change(rel: str, old: str, new: str, expected: str) -> Bad:
    return Bad({rel: edit(GOOD[rel], old, new)}, expected)


def append(rel: str, extra: str, expected: str) -> Bad:
    return Bad({rel: GOOD[rel] + extra}, expected)


SCRIPT = "<script>alert(1)</script>"
HTML_REFUSED = "không được chứa mã HTML (dấu '<' liền chữ); hãy viết chữ thường"
UNSAFE = "chứa mã không an toàn (script, iframe, sự kiện on..., javascript:); hãy bỏ phần đó"
SLUG = "không hợp lệ; mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang"
DAY = "không hợp lệ; viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2018-05-31"

CASES: dict[str, Bad] = {
    # organizations.yaml
    "org_missing_focal_unit": change(
        ORGS,
        "  focal_unit: Ban Kinh tế - Xã hội\n",
        "",
        f"{ORGS}:5: [1].focal_unit: thiếu trường bắt buộc",
    ),
    "org_file_not_a_list": Bad(
        {ORGS: "lien-minh-htx: Liên minh HTX tỉnh\n"},
        f"{ORGS}:1: phải là một danh sách (mỗi mục bắt đầu bằng '- ')",
    ),
    "org_name_with_html": change(
        ORGS,
        "name: Hội Nông dân tỉnh",
        "name: Hội <b>Nông dân</b> tỉnh",
        f"{ORGS}:6: [1].name: {HTML_REFUSED}",
    ),
    "org_id_with_diacritics": change(
        ORGS, "id: hoi-nong-dan", "id: Hội Nông Dân", f"{ORGS}:5: [1].id: mã 'Hội Nông Dân' {SLUG}"
    ),
    # localities.yaml
    "district_kind_unknown": change(
        LOC,
        "kind: thanh-pho",
        "kind: tinh",
        f"{LOC}:12: districts[1].kind: giá trị 'tinh' không hợp lệ; chỉ chấp nhận: 'thanh-pho', 'thi-xa', 'huyen'",
    ),
    "district_id_duplicate": change(
        LOC, "id: tp-b", "id: huyen-a", f"{LOC}:10: districts[1].id: mã huyện 'huyen-a' bị trùng"
    ),
    "localities_month_13": change(
        LOC, "as_of: 2018-01-01", "as_of: 2018-13-01", f"{LOC}:1: as_of: ngày '2018-13-01' {DAY}"
    ),
    "commune_id_with_space": change(
        LOC,
        "{id: phuong-1,",
        "{id: Phuong 1,",
        f"{LOC}:14: districts[1].communes[0].id: mã 'Phuong 1' {SLUG}",
    ),
    "localities_without_districts": Bad(
        {LOC: "as_of: 2018-01-01\ndistricts: []\n"}, f"{LOC}:2: districts: không được để trống"
    ),
    # cooperatives/<id>.yaml
    "members_negative": append(
        COOP,
        "members:\n  2018: -5\n",
        f"{COOP}:11: members[2018]: phải lớn hơn hoặc bằng 0, không phải '-5'",
    ),
    "ocop_six_stars": append(
        COOP,
        "products:\n  - name: Rau muống\n    ocop_stars: 6\n",
        f"{COOP}:12: products[0].ocop_stars: phải nhỏ hơn hoặc bằng 5, không phải '6'",
    ),
    "ocop_zero_stars": append(
        COOP,
        "products:\n  - name: Rau muống\n    ocop_stars: 0\n",
        f"{COOP}:12: products[0].ocop_stars: phải lớn hơn hoặc bằng 1, không phải '0'",
    ),
    "story_with_script": append(COOP, f"story: |\n  Câu chuyện.\n  {SCRIPT}\n", f"{COOP}:10: story: {UNSAFE}"),
    "coop_name_with_html": change(
        COOP,
        "name: Hợp tác xã Đồng Tâm",
        "name: Hợp tác xã <i>Đồng Tâm</i>",
        f"{COOP}:1: name: {HTML_REFUSED}",
    ),
    "image_missing": append(
        COOP,
        "images:\n  - path: images/hop-tac-xa/htx-dong-tam/khong-co.jpg\n    alt: Ruộng rau\n",
        f"{COOP}:11: images[0].path: không tìm thấy ảnh 'content/images/hop-tac-xa/htx-dong-tam/khong-co.jpg'",
    ),
    "image_outside_content": append(
        COOP,
        "images:\n  - path: ../models_data/organizations.yaml\n    alt: Ruộng rau\n",
        f"{COOP}:11: images[0].path: ảnh '../models_data/organizations.yaml' phải là đường dẫn trong thư mục content/",
    ),
    "source_not_a_url": append(
        COOP,
        "sources:\n  - baotayninh.vn/bai-viet\n",
        f"{COOP}:11: sources[0]: địa chỉ 'baotayninh.vn/bai-viet' phải bắt đầu bằng https:// hoặc http://",
    ),
    "dissolved_before_founded": Bad(
        {COOP: edit(GOOD[COOP], "status: active", "status: dissolved") + "dissolved: 2017-01-01\n"},
        f"{COOP}:10: dissolved: ngày giải thể trước ngày thành lập",
    ),
    "contact_website_script": append(
        COOP,
        "contact:\n  website: javascript:alert(1)\n",
        f"{COOP}:11: contact.website: địa chỉ 'javascript:alert(1)' phải bắt đầu bằng https:// hoặc http://",
    ),
    "dissolved_date_but_active": append(
        COOP,
        "dissolved: 2019-01-01\n",
        f"{COOP}:10: dissolved: có ngày giải thể (dissolved) nhưng status không phải 'dissolved'",
    ),
    "summary_too_long": change(
        COOP,
        "summary: HTX trồng rau an toàn.",
        "summary: " + "Rau an toàn " * 30,
        f"{COOP}:8: summary: quá dài (tối đa 300)",
    ),
    "symlink_leaving_repository": Bad(
        {},
        "models_data/cooperatives/htx-ngoai.yaml: là liên kết (symlink), không phải tệp thật",
        links={"models_data/cooperatives/htx-ngoai.yaml": OUTSIDE},
    ),
    "huge_file": append(
        COOP,
        "story: |\n" + "  Dòng chữ rất dài về hợp tác xã.\n" * 40_000,
        f"{COOP}: tệp quá lớn (1.840.217 byte, tối đa 1.000.000); hãy tách hoặc rút gọn",
    ),
    "binary_file": Bad(
        {COOP: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"},
        f"{COOP}: là tệp nhị phân, không phải văn bản; hãy lưu lại dưới dạng văn bản UTF-8",
    ),
    "utf16_file": Bad(
        {COOP: GOOD[COOP].encode("utf-16")},
        f"{COOP}:1: tệp lưu bằng mã UTF-16; hãy lưu lại với mã hóa UTF-8",
    ),
    "tab_indentation": append(
        COOP,
        "contact:\n\taddress: Ấp 1\n",
        f"{COOP}:11: cú pháp YAML sai: có ký tự tab ở đầu dòng; hãy thụt lề bằng dấu cách",
    ),
    "area_negative": append(COOP, "area_ha: -3.5\n", f"{COOP}:10: area_ha: phải lớn hơn hoặc bằng 0"),
    "founded_month_13": change(
        COOP,
        "founded: 2018-03-15",
        "founded: 2018-13",
        f"{COOP}:3: founded: ngày '2018-13' không hợp lệ",
    ),
    "founded_in_words": change(
        COOP,
        "founded: 2018-03-15",
        "founded: ngày 15 tháng 3",
        f"{COOP}:3: founded: ngày 'ngày 15 tháng 3' không hợp lệ",
    ),
    "id_differs_from_file_name": Bad(
        {COOP: "id: htx-khac\n" + GOOD[COOP]},
        f"{COOP}:1: id: mã 'htx-khac' phải trùng tên tệp 'htx-dong-tam'",
    ),
    "python_tag": append(
        COOP,
        "story: !!python/object/apply:os.system ['echo hi']\n",
        f"{COOP}:10: cú pháp YAML sai: có thẻ YAML không được phép (bắt đầu bằng '!')",
    ),
    "exemplary_year_1800": append(
        COOP,
        "exemplary:\n  year: 1800\n  recognized_by: UBND tỉnh\n  reason: Sản xuất giỏi\n",
        f"{COOP}:10: exemplary[0].year: phải lớn hơn hoặc bằng 1950, không phải '1800'",
    ),
    "kind_is_a_list": change(
        COOP,
        "kind: htx",
        "kind: [htx, tht]",
        f"{COOP}:2: kind: phải là một giá trị, không phải một danh sách; chỉ chấp nhận: 'htx', 'tht', 'lien-hiep'",
    ),
    "products_not_a_list": append(
        COOP,
        "products: Rau muống\n",
        f"{COOP}:10: products: phải là một danh sách (mỗi mục một dòng bắt đầu bằng '- '), không phải 'Rau muống'",
    ),
    "value_chain_relation_unknown": append(
        COOP,
        "value_chain:\n  - partner: Saigon Co.op\n    relation: mua\n",
        f"{COOP}:12: value_chain[0].relation: giá trị 'mua' không hợp lệ; chỉ chấp nhận: 'buys'",
    ),
    "undefined_alias": append(
        COOP,
        "sectors: [*trong-trot]\n",
        f"{COOP}:10: cú pháp YAML sai: tham chiếu (*) tới neo không tồn tại",
    ),
    "two_yaml_documents": append(
        COOP,
        "---\nname: HTX khác\n",
        f"{COOP}:10: cú pháp YAML sai: tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thừa)",
    ),
    "income_year_in_words": append(
        COOP,
        "avg_income:\n  hai-nghin: 40000000\n",
        f"{COOP}:11: avg_income.hai-nghin: phải là số nguyên, không phải 'hai-nghin'",
    ),
    # legal/<id>.yaml
    "legal_effective_before_issued": change(
        LEGAL,
        "effective: 2013-07-01",
        "effective: 2012-01-01",
        f"{LEGAL}:6: effective: ngày có hiệu lực (effective) trước ngày ban hành (issued)",
    ),
    "legal_replaced_by_unknown": append(
        LEGAL,
        "replaced_by: luat-htx-2099\n",
        f"{LEGAL}:8: replaced_by: không có văn bản mang mã 'luat-htx-2099'",
    ),
    "legal_related_unknown": append(
        LEGAL,
        "related: [nd-khong-co]\n",
        f"{LEGAL}:8: related[0]: không có văn bản mang mã 'nd-khong-co'",
    ),
    "legal_type_unknown": change(
        LEGAL,
        "type: luat",
        "type: bo-luat",
        f"{LEGAL}:2: type: giá trị 'bo-luat' không hợp lệ; chỉ chấp nhận: 'luat'",
    ),
    "legal_replaces_itself": append(
        LEGAL,
        "replaced_by: luat-htx-2012\n",
        f"{LEGAL}:8: replaced_by: văn bản không thể tự thay thế chính nó (replaced_by)",
    ),
    "legal_missing_number": change(LEGAL, "number: 23/2012/QH13\n", "", f"{LEGAL}:1: number: thiếu trường bắt buộc"),
    "legal_summary_iframe": change(
        LEGAL,
        "summary: Luật quy định về hợp tác xã.",
        "summary: 'Xem <iframe src=\"https://x.example\"></iframe>'",
        f"{LEGAL}:7: summary: {UNSAFE}",
    ),
    "legal_summary_javascript_link": change(
        LEGAL,
        "summary: Luật quy định về hợp tác xã.",
        "summary: '[Xem](javascript:alert(1))'",
        f"{LEGAL}:7: summary: {UNSAFE}",
    ),
    "legal_title_is_a_list": change(
        LEGAL,
        "title: Luật Hợp tác xã",
        "title: [Luật, Hợp tác xã]",
        f"{LEGAL}:3: title: phải là một đoạn chữ, không phải một danh sách",
    ),
    "control_character": change(
        LEGAL,
        "summary: Luật quy định",
        "summary: Luật\x07 quy định",
        f"{LEGAL}:7: cột 14: có ký tự điều khiển (U+0007), một ký tự vô hình không được đăng",
    ),
    # plans/<year>.yaml
    "plan_period_reversed": change(
        PLAN,
        "end: 2018-12-31",
        "end: 2017-12-31",
        f"{PLAN}:5: period.end: ngày kết thúc (end) trước ngày bắt đầu (start)",
    ),
    "measure_type_unknown": change(
        PLAN,
        "type: count_cooperatives",
        "type: dem_htx",
        f"{PLAN}:22: targets[0].measure.type: loại 'dem_htx' không hợp lệ; chỉ chấp nhận: 'count_cooperatives'",
    ),
    "measure_type_missing": change(
        PLAN,
        "      type: count_cooperatives\n",
        "",
        f"{PLAN}:21: targets[0].measure: thiếu trường 'type' để biết loại",
    ),
    "target_id_duplicate": change(
        PLAN,
        "id: lop-tap-huan",
        "id: tht-moi",
        f"{PLAN}:27: targets[1].id: mã chỉ tiêu 'tht-moi' bị trùng",
    ),
    "assignment_unknown_org": change(
        PLAN,
        "  hoi-nong-dan:\n",
        "  hoi-nong-dan-tinh:\n",
        f"{PLAN}:14: assignments.hoi-nong-dan-tinh: không có tổ chức mang mã 'hoi-nong-dan-tinh'",
    ),
    "assignment_unknown_task": change(
        PLAN,
        "- task: tuyen-truyen",
        "- task: tap-huan",
        f"{PLAN}:15: assignments.hoi-nong-dan[0].task: không có nhiệm vụ mang mã 'tap-huan'",
    ),
    "plan_basis_unknown": change(
        PLAN,
        "basis: [luat-htx-2012]",
        "basis: [luat-htx-2012, nq-99-2030]",
        f"{PLAN}:2: basis[1]: không có văn bản mang mã 'nq-99-2030'",
    ),
    "target_max_below_min": change(
        PLAN,
        "      min: 2\n",
        "      min: 5\n      max: 2\n",
        f"{PLAN}:24: targets[0].target: max nhỏ hơn min",
    ),
    "target_negative": change(
        PLAN,
        "      min: 2\n",
        "      min: -2\n",
        f"{PLAN}:25: targets[0].target.min: phải lớn hơn hoặc bằng 0",
    ),
    "assignment_role_unknown": change(
        PLAN,
        "role: lead",
        "role: chu-tri",
        f"{PLAN}:16: assignments.hoi-nong-dan[0].role: giá trị 'chu-tri' không hợp lệ; "
        "chỉ chấp nhận: 'lead', 'support'",
    ),
    "reported_field_unknown": change(
        PLAN,
        "field: training_classes",
        "field: so_lop",
        f"{PLAN}:31: targets[1].measure.field: giá trị 'so_lop' không hợp lệ",
    ),
    # progress/<year>/<organisation>.yaml
    "progress_negative_count": change(
        PROGRESS,
        "trainees: 80",
        "trainees: -80",
        f"{PROGRESS}:5: reports[0].trainees: phải lớn hơn hoặc bằng 0, không phải '-80'",
    ),
    "progress_year_without_plan": Bad(
        {"models_data/progress/2019/hoi-nong-dan.yaml": edit(GOOD[PROGRESS], "2018-06-30", "2019-06-30")},
        "models_data/progress/2019/hoi-nong-dan.yaml: không có kế hoạch năm 2019 (plans/2019.yaml)",
    ),
    "progress_unknown_org": Bad(
        {"models_data/progress/2018/hoi-nong-dan-xa.yaml": GOOD[PROGRESS]},
        "models_data/progress/2018/hoi-nong-dan-xa.yaml: tên tệp phải là mã một tổ chức; "
        "không có tổ chức 'hoi-nong-dan-xa'",
    ),
    "progress_no_reports": Bad({PROGRESS: "reports: []\n"}, f"{PROGRESS}:1: reports: không được để trống"),
    "progress_february_29_2018": change(
        PROGRESS,
        "2018-06-30",
        "2018-02-29",
        f"{PROGRESS}:3: reports[0].date: ngày '2018-02-29' {DAY}",
    ),
    "progress_fractional_count": change(
        PROGRESS,
        "training_classes: 2",
        "training_classes: 2.5",
        f"{PROGRESS}:4: reports[0].training_classes: phải là số nguyên, không phải '2.5'",
    ),
    "progress_unknown_field": change(
        PROGRESS,
        "trainees: 80",
        "hoc_vien: 80",
        f"{PROGRESS}:5: reports[0].hoc_vien: trường không có trong mẫu dữ liệu. Các trường được phép: date,",
    ),
    # bulletin issue front matter (content/ban-tin/<issue>/index.md)
    "issue_number_zero": change(ISSUE, "issue: 1", "issue: 0", f"{ISSUE}:2: issue: phải lớn hơn 0, không phải '0'"),
    "issue_number_duplicate": Bad(
        {"content/ban-tin/2018-so-02/index.md": edit(GOOD[ISSUE], "Bản tin số 1", "Bản tin số 2")},
        "content/ban-tin/2018-so-02/index.md:2: issue: số 1 đã dùng cho '2018-so-01'",
    ),
    "issue_folder_name": Bad(
        {"content/ban-tin/so-3/index.md": edit(GOOD[ISSUE], "issue: 1", "issue: 3")},
        "content/ban-tin/so-3: tên thư mục số bản tin phải có dạng NĂM-so-SỐ, ví dụ '2018-so-01'",
    ),
    "issue_without_index": Bad(
        {"content/ban-tin/2018-so-04/bai.md": GOOD[ARTICLE]},
        "content/ban-tin/2018-so-04/index.md: thiếu tệp index.md giới thiệu số bản tin",
    ),
    "issue_cover_missing": change(
        ISSUE,
        "illustrative: true",
        "illustrative: true\ncover: images/bia-so-1.jpg",
        f"{ISSUE}:6: cover: không tìm thấy ảnh 'content/images/bia-so-1.jpg'",
    ),
    "issue_date_in_words": change(
        ISSUE, "date: 2018-05-01", "date: đầu tháng 5", f"{ISSUE}:3: date: ngày 'đầu tháng 5' {DAY}"
    ),
    # article front matter (content/ban-tin/<issue>/<article>.md)
    "article_unknown_legal": change(
        ARTICLE,
        "legal: [luat-htx-2012]",
        "legal: [luat-htx-2099]",
        f"{ARTICLE}:8: legal[0]: không có văn bản mang mã 'luat-htx-2099'",
    ),
    "article_draft_in_words": change(
        ARTICLE,
        "illustrative: true",
        "illustrative: true\ndraft: có",
        f"{ARTICLE}:10: draft: phải là true hoặc false, không phải 'có'",
    ),
    "article_unclosed_quote": change(
        ARTICLE,
        "title: Hội Nông dân tập huấn về hợp tác xã",
        'title: "Hội Nông dân tập huấn',
        f'{ARTICLE}:2: cú pháp YAML sai: dấu ngoặc " mở ở cột 8 chưa được đóng; hãy thêm " ở cuối giá trị',
    ),
    "article_title_with_script": change(
        ARTICLE,
        "title: Hội Nông dân tập huấn về hợp tác xã",
        f"title: Tập huấn {SCRIPT}",
        f"{ARTICLE}:2: title: {HTML_REFUSED}",
    ),
    "article_image_missing": change(
        ARTICLE,
        "illustrative: true",
        "illustrative: true\nimage: images/khong-co.jpg",
        f"{ARTICLE}:10: image: không tìm thấy ảnh 'content/images/khong-co.jpg'",
    ),
    "article_without_date": change(ARTICLE, "date: 2018-05-01\n", "", f"{ARTICLE}:2: date: thiếu trường bắt buộc"),
    "page_in_generated_section": Bad(
        {"content/hop-tac-xa/gioi-thieu.md": "# Giới thiệu\n"},
        "content/hop-tac-xa/gioi-thieu.md: thư mục content/hop-tac-xa/ do hệ thống tự sinh",
    ),
    "article_key_misspelt": change(
        ARTICLE,
        "authors:",
        "author:",
        f"{ARTICLE}:4: author: trường không có trong mẫu dữ liệu; có phải ý bạn là 'authors'?",
    ),
    "article_front_matter_is_a_list": Bad(
        {ARTICLE: "---\n- title\n- date\n---\n\nNội dung.\n"},
        f"{ARTICLE}:2: phải là một bảng các trường (tên: giá trị), không phải một danh sách",
    ),
    "article_key_twice": change(
        ARTICLE,
        "illustrative: true",
        "illustrative: true\ntitle: Tiêu đề khác",
        f"{ARTICLE}:10: trường 'title' xuất hiện hai lần (lần đầu ở dòng 2)",
    ),
    "article_summary_too_long": change(
        ARTICLE,
        "summary: Bài viết thử nghiệm.",
        "summary: " + "Bài viết thử nghiệm. " * 30,
        f"{ARTICLE}:6: summary: quá dài (tối đa 400)",
    ),
    "article_saved_as_windows_1258": Bad(
        # The body line (12) as a Windows editor saves it: "à" and "Đ" are single bytes there.
        {
            ARTICLE: edit(GOOD[ARTICLE], "Nội dung bài viết thử nghiệm.", "@")
            .encode()
            .replace(b"@", "Núi Bà Đen.".encode("cp1258"))
        },
        f"{ARTICLE}:12: tệp không lưu bằng mã UTF-8 (chữ có dấu sẽ bị lỗi); hãy lưu lại với mã hóa UTF-8",
    ),
}


#: Also run through the real commands, each in a new process; the others run in this one.
#: A YAML tag that would run a command, and a file in another encoding than UTF-8.
END_TO_END = {"python_tag", "article_saved_as_windows_1258"}


def _snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Each file with its inode, size and modification time: a file written (its time), replaced
    (its inode), added or removed changes it, without reading the 6 MB site twice a case."""
    found = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            status = p.stat()
            found[p.relative_to(folder).as_posix()] = (status.st_ino, status.st_size, status.st_mtime_ns)
    return found


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built from the valid fixture: what readers saw before the bad commit."""
    project = full_project(tmp_path_factory.mktemp("published"))
    check = project.check_in_process()
    assert check.returncode == 0, check.stderr
    build = project.build_in_process()
    assert build.returncode == 0, build.stderr
    return project.built()


def test_cases_cover_every_data_kind_and_count_forty_with_the_foundation():
    from test_bad_inputs_foundation import BAD_INPUTS

    assert len(CASES) + len(BAD_INPUTS) >= 40
    touched = " ".join(list(rel for case in CASES.values() for rel in [*case.files, *case.links]))
    for kind in (
        "organizations.yaml",
        "localities/",
        "cooperatives/",
        "legal/",
        "plans/",
        "progress/",
        "/index.md",
        "content/ban-tin/2018-so-01/bai-mot.md",
    ):
        assert kind in touched, kind
    assert not {case.expected for case in CASES.values()} & {exp for *_, exp in BAD_INPUTS.values()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_stops_check_and_build_and_keeps_the_published_site(tmp_path, published, name):
    case = CASES[name]
    project = full_project(tmp_path)
    for rel, content in case.files.items():
        project.write(rel, content)
    for rel, target in case.links.items():
        outside = tmp_path / "outside" / Path(rel).name
        outside.parent.mkdir(exist_ok=True)
        outside.write_text(GOOD[COOP], encoding="utf-8")
        assert target == OUTSIDE
        project.path(rel).symlink_to(outside)
    # Hard links: the published files without copying them for each case (most of a case's
    # time). Anything a command wrote to one would change the file both names share, and the
    # snapshot taken after would still differ.
    shutil.copytree(published, project.built(), copy_function=os.link)
    before = _snapshot(project.built())
    check_command, build_command = project.commands(real=name in END_TO_END)

    check = check_command()
    assert check.returncode == 1, check.stdout + check.stderr
    assert "Dữ liệu có 1 lỗi" in check.stderr, check.stderr
    assert case.expected in check.stderr, check.stderr
    assert "Traceback" not in check.stderr

    build = build_command()
    output = build.stdout + build.stderr
    assert build.returncode != 0, output
    assert case.expected in output, output
    assert "Traceback" not in output
    assert _snapshot(project.built()) == before


@pytest.mark.parametrize(
    "chosen",
    [
        # Mistakes found while reading files, one per file.
        [
            "members_negative",
            "legal_type_unknown",
            "target_negative",
            "progress_negative_count",
            "issue_number_zero",
            "district_kind_unknown",
            "org_name_with_html",
        ],
        # Ids that name nothing, checked once every file has loaded.
        ["article_unknown_legal", "plan_basis_unknown", "legal_related_unknown", "image_missing"],
    ],
    ids=["while-reading", "references"],
)
def test_the_same_mistakes_together_are_all_listed_once(tmp_path, chosen):
    """An editor fixing one thing at a time would need many runs: all are listed in one."""
    project = full_project(tmp_path)
    for name in chosen:
        for rel, content in CASES[name].files.items():
            project.write(rel, content)
    check = project.check_in_process()
    assert check.returncode == 1
    assert f"Dữ liệu có {len(chosen)} lỗi" in check.stderr, check.stderr
    for name in chosen:
        assert CASES[name].expected in check.stderr


def test_windows_1258_case_really_is_not_utf8():
    raw = CASES["article_saved_as_windows_1258"].files[ARTICLE]
    assert isinstance(raw, bytes)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    line_12 = raw.split(b"\n")[11]
    assert unicodedata.is_normalized("NFC", line_12.decode("cp1258"))
    assert line_12.decode("cp1258") == "Núi Bà Đen."
