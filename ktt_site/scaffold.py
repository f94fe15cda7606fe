"""``ktt-site new cooperative``: a commented YAML skeleton an editor fills in.

The file's id is slugged from the full name, the commune is checked against the province's
list, an existing file is never overwritten, and the first line points the editor's YAML
language server at the JSON Schema so it completes keys and flags mistakes while typing.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from ktt_site.dates import build_date
from ktt_site.errors import ProblemLog
from ktt_site.localities import load_localities
from ktt_site.schema import modeline, schema_path, write_schemas
from ktt_site.site import ProjectPaths
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
    cooperative_id: str
    schemas_written: list[Path]


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
    if target.exists():
        raise ScaffoldError(
            f"tệp {target.relative_to(paths.root).as_posix()} đã có; không ghi đè. Hãy sửa tệp đó, hoặc đặt tên khác"
        )
    commune_label = _commune_label(paths, commune_id)
    kind = kind or guess_kind(name)
    schema_dir = schema_dir or paths.root / "schemas"
    schema_file = schema_path(schema_dir, "cooperative")
    written = [] if schema_file.exists() else write_schemas(schema_dir, paths.data_dir)
    text = skeleton(
        name,
        kind,
        commune_id,
        commune_label,
        _legal_basis(paths, kind),
        cooperative_id,
        modeline(target, schema_file),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    return Scaffolded(target, cooperative_id, written)
