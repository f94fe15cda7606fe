"""``ktt-site new <kind>``: a commented skeleton an editor fills in, for every kind of file.

Ids are slugged from names and the ids a file refers to (commune, organisation, plan year,
issue folder) are checked before anything is written; an existing file is never overwritten;
and the first line (of a YAML file, or of a page's front matter) points the editor's YAML
language server at the file's JSON Schema so it completes keys and flags mistakes while typing.
What an editor must still fill in is marked ``ĐIỀN``: the schema accepts the skeleton as
written where the model has a clear message for an empty field, so only a wrong value is
underlined, and the check names every field left to fill.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ktt_site.bulletin.load import ISSUE_FOLDER
from ktt_site.bulletin.model import BULLETIN_DIR
from ktt_site.dates import build_date
from ktt_site.errors import ProblemLog
from ktt_site.localities import load_localities
from ktt_site.organizations import FILE_NAME as ORGANIZATIONS_FILE
from ktt_site.placeholders import has_placeholder
from ktt_site.schema import modeline, schema_path, write_schemas
from ktt_site.site import ProjectPaths
from ktt_site.sources import split_front_matter
from ktt_site.text import fold, slugify

#: Preferred legal basis of a new record, the current document first, by kind.
LEGAL_BASIS_PREFERENCE = {
    "htx": ("luat-htx-2023", "luat-htx-2012"),
    "lien-hiep": ("luat-htx-2023", "luat-htx-2012"),
    "tht": ("nd-77-2019", "nd-151-2007"),
}


class ScaffoldError(Exception):
    """Why a file was not written, in Vietnamese, for the editor."""


@dataclass(frozen=True)
class Scaffolded:
    path: Path
    record_id: str
    schemas_written: list[Path]
    note: str = ""
    """Said after the path, e.g. the id."""
    next_step: str = "điền các trường còn trống"

    @property
    def cooperative_id(self) -> str:
        return self.record_id


def guess_kind(name: str) -> str:
    """The kind a full Vietnamese name announces ("Tổ hợp tác ..." is a THT)."""
    folded = fold(name).strip()
    if folded.startswith(("to hop tac", "tht ")):
        return "tht"
    if folded.startswith(("lien hiep", "lhhtx")):
        return "lien-hiep"
    return "htx"


def _commune_label(paths: ProjectPaths, commune_id: str) -> str:
    log = ProblemLog(paths.root)
    localities = load_localities(paths.data_dir, log, today=build_date())
    if localities is None:
        problems = "; ".join(str(p) for p in log.problems) or "không đọc được"
        raise ScaffoldError(f"không đọc được danh sách xã ({problems})")
    index = localities.today.commune_index()
    if commune_id in index:
        district, commune = index[commune_id]
        return f"{commune.name}, {district.name}" if district else commune.name
    # Editors often type the commune's name instead of its id: offer the ids that match.
    by_name = [cid for cid, (_, c) in index.items() if fold(c.name).endswith(fold(commune_id).replace("-", " "))]
    close = by_name or difflib.get_close_matches(commune_id, list(index), n=3)
    hint = f"; có phải ý bạn là: {', '.join(close)}?" if close else ""
    raise ScaffoldError(
        f"không có xã/phường/thị trấn mang mã '{commune_id}' trong "
        f"{paths.data_dir.name}/localities/{localities.today.id}.yaml{hint}"
    )


def _legal_basis(paths: ProjectPaths, kind: str) -> str:
    for doc_id in LEGAL_BASIS_PREFERENCE[kind]:
        if (paths.data_dir / "legal" / f"{doc_id}.yaml").exists():
            return doc_id
    return ""


def skeleton(
    name: str,
    kind: str,
    commune_id: str,
    commune_label: str,
    legal_basis: str,
    cooperative_id: str,
    schema_line: str,
) -> str:
    """The commented YAML an editor starts from; required keys first, optional ones commented."""
    quoted = json.dumps(name, ensure_ascii=False)
    basis_comment = (
        "mã văn bản trong models_data/legal/" if legal_basis else "CHƯA CÓ: ghi mã một văn bản trong models_data/legal/"
    )
    return f"""{schema_line}
# Hồ sơ {name}.
# Mã hồ sơ là tên tệp ({cooperative_id}); trang sẽ ở /hop-tac-xa/{cooperative_id}/.
# Điền các trường bắt buộc, bỏ dấu '#' trước những trường tùy chọn muốn dùng,
# rồi chạy 'ktt-site check' để kiểm tra.

# --- Bắt buộc ---
name: {quoted}
kind: {kind}  # htx (hợp tác xã), tht (tổ hợp tác) hoặc lien-hiep (liên hiệp HTX)
founded:  # ngày thành lập: 2018-03-15, hoặc 2018-03 nếu chỉ biết tháng
commune: {commune_id}  # {commune_label} (xã, phường hiện nay)

# --- Chỉ ghi khi có nguồn (để trống thì trang ghi "Chưa rõ") ---
# commune_2018: xa-thanh-tan  # xã năm 2018, trong models_data/localities/2018.yaml
# status: active  # active (đang hoạt động) hoặc dissolved (đã giải thể, thêm dissolved: NGÀY)
# legal_basis: {legal_basis}  # {basis_comment}

# --- Tùy chọn ---
# summary: Một câu giới thiệu (tối đa 300 ký tự), hiện trong danh bạ.
# founded_by: [hoi-nong-dan]  # mã các tổ chức có hội viên sáng lập
# sectors: [Trồng trọt]
# area_ha: 5  # diện tích sản xuất (ha)
# members:  # số thành viên theo năm
#   2018: 10
# avg_income:  # thu nhập bình quân (đồng/thành viên/năm) theo năm
#   2018: 45000000
# capital:  # vốn điều lệ (đồng) theo năm
#   2018: 300000000
# revenue:  # doanh thu (đồng) theo năm
#   2018: 1000000000
# products:
#   - name: Tên sản phẩm
#     ocop_stars: 3  # số sao OCOP, 1 đến 5, chỉ ghi khi đã được công nhận
#     ocop_year: 2020
#     certifications: [VietGAP]
#     key_product: true  # sản phẩm chủ lực của địa phương
# value_chain:
#   - partner: Tên đối tác
#     relation: buys  # buys, supplies, processes, sells hoặc supports
#     what: Thu mua sản phẩm gì
#     since: 2018
# exemplary:
#   - year: 2018
#     recognized_by: Cơ quan công nhận
#     reason: Thành tích
#     criteria: []  # mã tiêu chí trong models_data/exemplary_criteria.yaml
# story: |
#   Câu chuyện của hợp tác xã, viết bằng Markdown.
# images:
#   - path: images/hop-tac-xa/{cooperative_id}/anh-1.jpg
#     alt: Mô tả ảnh cho người không xem được ảnh
#     caption: Chú thích
#     credit: Tác giả ảnh
# contact:
#   representative: Họ tên, chức vụ
#   address: Địa chỉ
#   phone: Số điện thoại
#   email: thu@example.org
# sources:
#   - https://địa-chỉ-bài-báo-hoặc-văn-bản-nguồn
# illustrative: true  # chỉ khi đây là dữ liệu minh họa, không phải thông tin thật
"""


def new_cooperative(
    paths: ProjectPaths,
    name: str,
    commune_id: str,
    *,
    kind: str | None = None,
    schema_dir: Path | None = None,
) -> Scaffolded:
    """Write ``models_data/cooperatives/<id>.yaml``; refuse to overwrite or to use an unknown commune."""
    name = " ".join(name.split())
    cooperative_id = slugify(name)
    if not cooperative_id:
        raise ScaffoldError(f"tên '{name}' không tạo được mã; hãy ghi tên đầy đủ, ví dụ \"Hợp tác xã Đồng Tâm\"")
    target = paths.data_dir / "cooperatives" / f"{cooperative_id}.yaml"
    _refuse_existing(paths, target)
    commune_label = _commune_label(paths, commune_id)
    kind = kind or guess_kind(name)
    schema_file, written = _schema(paths, "cooperative", schema_dir)
    text = skeleton(
        name,
        kind,
        commune_id,
        commune_label,
        _legal_basis(paths, kind),
        cooperative_id,
        modeline(target, schema_file),
    )
    _write_new(target, text)
    return Scaffolded(
        target,
        cooperative_id,
        written,
        f" (mã: {cooperative_id})",
        "điền ngày thành lập (founded) và các mục khác có nguồn",
    )


def _refuse_existing(paths: ProjectPaths, target: Path) -> None:
    if target.exists():
        raise ScaffoldError(
            f"tệp {target.relative_to(paths.root).as_posix()} đã có; không ghi đè. Hãy sửa tệp đó, hoặc đặt tên khác"
        )


def _schema(paths: ProjectPaths, kind_name: str, schema_dir: Path | None) -> tuple[Path, list[Path]]:
    """The schema a new file points at, written first when the project has none yet."""
    schema_dir = schema_dir or paths.root / "schemas"
    schema_file = schema_path(schema_dir, kind_name)
    return schema_file, [] if schema_file.exists() else write_schemas(schema_dir, paths.data_dir)


def _write_new(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None


def _yaml_text(value: str) -> str:
    """A value written so YAML reads it back as this text (quotes only where needed)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, default_style=None, width=10_000).strip()
    return dumped.removesuffix("...").strip()


def _front_matter_modeline(target: Path, schema_file: Path) -> str:
    # No YAML tool reads a page's front matter on its own; the comment names the schema for
    # those that do (and for the editor), and YAML ignores it.
    return modeline(target, schema_file)


def _issue_folders(paths: ProjectPaths) -> list[Path]:
    root = paths.docs_dir / BULLETIN_DIR
    if not root.is_dir():
        return []
    return sorted((p for p in root.iterdir() if p.is_dir() and ISSUE_FOLDER.match(p.name)), key=_issue_order)


def _issue_order(folder: Path) -> tuple[int, int]:
    match = ISSUE_FOLDER.match(folder.name)
    assert match is not None
    return int(match[1]), int(match[2])


def categories_in_use(paths: ProjectPaths) -> list[str]:
    """Category names written in the bulletin's articles, read leniently (for comments)."""
    found: dict[str, str] = {}
    for folder in _issue_folders(paths):
        for page in sorted(folder.glob("*.md")):
            if page.name == "index.md":
                continue
            try:
                front, _, _ = split_front_matter(page.read_text(encoding="utf-8-sig"))
                meta = yaml.safe_load(front or "")
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                continue
            names = meta.get("categories") if isinstance(meta, dict) else None
            for name in [names] if isinstance(names, str) else names or []:
                if isinstance(name, str) and name.strip() and not has_placeholder(name):
                    found.setdefault(slugify(name), name.strip())
    return sorted(found.values(), key=fold)


def new_article(
    paths: ProjectPaths, title: str, *, issue_folder: str | None = None, schema_dir: Path | None = None
) -> Scaffolded:
    """Write ``content/ban-tin/<issue>/<NN>-<slug>.md``, a draft dated today, after the issue's
    other articles."""
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"tiêu đề '{title}' không tạo được tên tệp; hãy ghi tiêu đề bằng chữ")
    folders = _issue_folders(paths)
    if issue_folder is None:
        if not folders:
            raise ScaffoldError("chưa có số bản tin nào; hãy tạo một số trước: ktt-site new issue <số>")
        folder = folders[-1]
    else:
        folder = paths.docs_dir / BULLETIN_DIR / issue_folder.strip("/")
        if folder not in folders:
            names = ", ".join(f.name for f in folders) or "chưa có"
            raise ScaffoldError(f"không có thư mục số bản tin '{issue_folder}'; các số đang có: {names}")
    numbers = [int(m[1]) for p in folder.glob("*.md") if (m := re.match(r"^(\d+)-", p.name))]
    target = folder / f"{max(numbers, default=0) + 1:02d}-{slug}.md"
    if any(p.name.split("-", 1)[-1] == f"{slug}.md" for p in folder.glob("*.md")):
        raise ScaffoldError(
            f"số {folder.name} đã có bài '{slug}.md'; không ghi đè. Hãy sửa bài đó, hoặc đặt tiêu đề khác"
        )
    _refuse_existing(paths, target)
    schema_file, written = _schema(paths, "article", schema_dir)
    in_use = categories_in_use(paths)
    categories = (
        "# Chuyên mục đang có: "
        + ", ".join(in_use)
        + ". Ghi đúng tên một chuyên mục có sẵn; tên mới tạo chuyên mục mới."
        if in_use
        else "# Chưa có chuyên mục nào; tên đầu tiên bạn ghi sẽ tạo chuyên mục."
    )
    text = f"""---
{_front_matter_modeline(target, schema_file)}
title: {_yaml_text(title)}
date: {build_date().isoformat()}  # ngày đăng, NĂM-THÁNG-NGÀY; ngày sau hôm nay: bài được hẹn đăng
draft: true  # bản nháp: chỉ hiện khi xem trước (ktt-site serve); đổi thành false để đăng
authors: [ĐIỀN tên tác giả]
{categories}
categories: [ĐIỀN tên chuyên mục]
summary: ĐIỀN một hai câu tóm tắt (tối đa 400 ký tự), hiện khi chia sẻ và trong nguồn tin RSS.
# image: images/ban-tin/{folder.name}/anh.jpg  # ảnh đại diện, trong content/
# image_alt: Mô tả ảnh cho người không xem được ảnh
# cooperatives: [htx-dong-tam]  # mã các HTX, THT được nhắc tới (tên tệp trong models_data/cooperatives/)
# legal: [luat-htx-2023]  # mã các văn bản được nhắc tới (tên tệp trong models_data/legal/)
# illustrative: true  # chỉ khi sự kiện trong bài là minh họa, không có thật
---

ĐIỀN nội dung bài, viết bằng Markdown. Cách trích dẫn một văn bản, chèn thanh tiến độ, liên kết
tới hồ sơ HTX hay tới bài khác: trang «Viết bài» của hướng dẫn (/huong-dan/viet-bai/).
"""
    _write_new(target, text)
    return Scaffolded(
        target,
        target.stem,
        written,
        f" (bài nháp trong số {folder.name})",
        "thay các chữ ĐIỀN bằng nội dung, đổi draft thành false khi bài sẵn sàng đăng",
    )


def new_issue(
    paths: ProjectPaths,
    number: int,
    *,
    year: int | None = None,
    title: str | None = None,
    schema_dir: Path | None = None,
) -> Scaffolded:
    """Write ``content/ban-tin/<year>-so-<NN>/index.md``; refuse a number another issue has."""
    if number < 1:
        raise ScaffoldError(f"số bản tin phải là số nguyên dương, không phải {number}")
    today = build_date()
    year = year or today.year
    for folder in _issue_folders(paths):
        meta = _read_yaml_front_matter(folder / "index.md")
        if int(ISSUE_FOLDER.match(folder.name)[2]) == number or (  # type: ignore[index]
            isinstance(meta, dict) and meta.get("issue") == number
        ):
            raise ScaffoldError(
                f"số {number} đã có: content/{BULLETIN_DIR}/{folder.name}/; không ghi đè. "
                "Số bản tin không lặp lại, kể cả qua các năm"
            )
    folder = paths.docs_dir / BULLETIN_DIR / f"{year}-so-{number:02d}"
    target = folder / "index.md"
    _refuse_existing(paths, target)
    schema_file, written = _schema(paths, "issue", schema_dir)
    day = today if today.year == year else dt.date(year, 1, 1)
    text = f"""---
{_front_matter_modeline(target, schema_file)}
issue: {number}
date: {day.isoformat()}  # ngày phát hành, NĂM-THÁNG-NGÀY
title: {_yaml_text(title) if title else "ĐIỀN tiêu đề của số bản tin"}
summary: ĐIỀN một câu giới thiệu số bản tin.
# cover: images/ban-tin/{folder.name}-bia.png  # ảnh bìa, trong content/
# cover_alt: Bìa Bản tin Kinh tế tập thể số {number}
# illustrative: true  # chỉ khi số bản tin là minh họa
---

ĐIỀN lời giới thiệu của số bản tin (Markdown). Mỗi bài là một tệp .md khác trong thư mục này:
ktt-site new article "Tiêu đề bài" --issue {folder.name}
"""
    _write_new(target, text)
    return Scaffolded(
        target, folder.name, written, f" (số {number})", "thay các chữ ĐIỀN, rồi thêm bài bằng 'ktt-site new article'"
    )


def _read_yaml_front_matter(path: Path) -> Any:
    try:
        front, _, _ = split_front_matter(path.read_text(encoding="utf-8-sig"))
        return yaml.safe_load(front or "")
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def new_progress(
    paths: ProjectPaths, organization: str, *, year: int | None = None, schema_dir: Path | None = None
) -> Scaffolded:
    """Write ``models_data/progress/<year>/<organisation>.yaml`` with one report to fill."""
    orgs = _read_yaml(paths.data_dir / ORGANIZATIONS_FILE)
    org_ids = [str(o["id"]) for o in orgs if isinstance(o, dict) and "id" in o] if isinstance(orgs, list) else []
    if organization not in org_ids:
        close = difflib.get_close_matches(organization, org_ids, n=3)
        hint = f"; có phải ý bạn là: {', '.join(close)}?" if close else f"; các mã có: {', '.join(org_ids)}"
        raise ScaffoldError(f"không có tổ chức mang mã '{organization}' trong models_data/{ORGANIZATIONS_FILE}{hint}")
    plan_years = sorted(p.stem for p in (paths.data_dir / "plans").glob("*.yaml"))
    if year is None and not plan_years:
        raise ScaffoldError("chưa có kế hoạch nào trong models_data/plans/; báo cáo tiến độ đo theo một kế hoạch")
    plan_year = str(year) if year is not None else plan_years[-1]
    if plan_year not in plan_years:
        raise ScaffoldError(
            f"không có kế hoạch năm {plan_year} (models_data/plans/{plan_year}.yaml); "
            f"các năm có kế hoạch: {', '.join(plan_years) or 'chưa có'}"
        )
    target = paths.data_dir / "progress" / plan_year / f"{organization}.yaml"
    _refuse_existing(paths, target)
    schema_file, written = _schema(paths, "progress", schema_dir)
    plan = _read_yaml(paths.data_dir / "plans" / f"{plan_year}.yaml")
    period = plan.get("period") if isinstance(plan, dict) else None
    day = build_date()
    if isinstance(period, dict):
        start, end = period.get("start"), period.get("end")
        if isinstance(end, dt.date) and day > end:
            day = end
        if isinstance(start, dt.date) and day < start:
            day = start
    text = f"""{modeline(target, schema_file)}
# Báo cáo tiến độ năm {plan_year} của tổ chức '{organization}'.
# Mỗi lần báo cáo thêm một mục vào reports, ngày sau mục trước: ghi số PHÁT SINH từ lần báo cáo
# trước tới ngày chốt (không cộng dồn). Để trống số nào không có số liệu. Chạy 'ktt-site check'.
reports:
  - date: {day.isoformat()}  # ngày chốt số liệu, trong kỳ kế hoạch năm {plan_year}
    training_classes:  # số lớp tập huấn đã tổ chức
    trainees:  # số người dự tập huấn
    new_tht:  # số tổ hợp tác mới do hội viên thành lập
    new_htx:  # số hợp tác xã mới do hội viên thành lập
    # notes: Ghi chú ngắn
# sources: [https://...]  # địa chỉ web văn bản báo cáo
# illustrative: true  # chỉ khi số liệu là minh họa
"""
    _write_new(target, text)
    return Scaffolded(target, organization, written, f" (năm {plan_year})", "điền số liệu báo cáo (ít nhất một số)")


#: The document type a new id announces, by its first word (``luat-htx-2023`` is a law).
TYPE_PREFIXES = {
    "luat": "luat",
    "nq": "nghi-quyet",
    "kl": "ket-luan",
    "ct": "chi-thi",
    "nd": "nghi-dinh",
    "qd": "quyet-dinh",
    "tt": "thong-tu",
    "kh": "ke-hoach",
    "ke-hoach": "ke-hoach",
}


def new_legal(
    paths: ProjectPaths, doc_id: str, *, doc_type: str | None = None, schema_dir: Path | None = None
) -> Scaffolded:
    """Write ``models_data/legal/<id>.yaml`` with the fields every document has."""
    from ktt_site.legal.model import TYPES

    if slugify(doc_id) != doc_id:
        raise ScaffoldError(
            f"mã '{doc_id}' không hợp lệ: chỉ chữ thường không dấu, số và dấu gạch ngang; "
            f"ví dụ {slugify(doc_id) or 'luat-htx-2023'}"
        )
    if doc_type is None:
        doc_type = next(
            (t for prefix, t in TYPE_PREFIXES.items() if doc_id == prefix or doc_id.startswith(prefix + "-")),
            "van-ban-khac",
        )
    elif doc_type not in TYPES:
        raise ScaffoldError(f"loại văn bản '{doc_type}' không có; chỉ chấp nhận: {', '.join(TYPES)}")
    target = paths.data_dir / "legal" / f"{doc_id}.yaml"
    _refuse_existing(paths, target)
    schema_file, written = _schema(paths, "legal", schema_dir)
    year = re.search(r"(19|20)\d\d", doc_id)
    text = f"""{modeline(target, schema_file)}
# Văn bản {doc_id}; trang sẽ ở /van-ban/{doc_id}/. Chép đúng như trên văn bản; chỉ ghi điều
# văn bản hoặc nguồn tin nói. Chạy 'ktt-site check' để kiểm tra.

# --- Bắt buộc ---
number: null  # ĐIỀN số hiệu, ví dụ 17/2023/QH15 (để null nếu nguồn không cho biết)
type: {doc_type}  # {", ".join(TYPES)}
title: ĐIỀN trích yếu  # tên luật ("Luật Hợp tác xã") hoặc nội dung, viết thường "về ..."
issuer: ĐIỀN cơ quan ban hành  # ví dụ Quốc hội khóa XV
issued: {year[0] if year else "null"}  # ĐIỀN ngày ban hành 2023-06-20 (chỉ năm nếu chỉ biết năm; null nếu chưa rõ)

# --- Tùy chọn ---
# effective: 2024-07-01  # ngày có hiệu lực
# expired: 2030-01-01  # ngày đầu tiên hết hiệu lực
# replaced_by: ma-van-ban-thay-the
# summary: |
#   Tóm tắt, viết bằng Markdown.
# key_points:
#   - Một điểm chính.
# related: [luat-htx-2012]  # mã các văn bản liên quan
# official_url: https://vanban.chinhphu.vn/
# sources: [https://...]  # địa chỉ web các nguồn đã dùng để tóm tắt
# source_notes: [Nguồn giấy, không có địa chỉ web]
"""
    _write_new(target, text)
    return Scaffolded(target, doc_id, written, f" (mã: {doc_id})", "thay các chữ ĐIỀN bằng nội dung văn bản")


# The command line's sub-commands, one per kind: arguments in, file out.


def run_cooperative(paths: ProjectPaths, args: Any) -> Scaffolded:
    return new_cooperative(paths, args.name, args.commune, kind=args.kind)


def run_article(paths: ProjectPaths, args: Any) -> Scaffolded:
    return new_article(paths, args.title, issue_folder=args.issue)


def run_issue(paths: ProjectPaths, args: Any) -> Scaffolded:
    return new_issue(paths, args.number, year=args.year, title=args.title)


def run_progress(paths: ProjectPaths, args: Any) -> Scaffolded:
    return new_progress(paths, args.organization, year=args.year)


def run_legal(paths: ProjectPaths, args: Any) -> Scaffolded:
    return new_legal(paths, args.doc_id, doc_type=args.doc_type)
