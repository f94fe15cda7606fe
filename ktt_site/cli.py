"""``ktt-site``: commands for editors (check the data, scaffold a record, write schemas)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ktt_site.dates import build_date, vn_date
from ktt_site.errors import DataValidationError
from ktt_site.project import read_project
from ktt_site.reporting import FORMATS, write_report
from ktt_site.site import load_site


def _check(args: argparse.Namespace) -> int:
    paths, options = read_project(Path(args.config))
    as_of = options.get("as_of") or build_date()
    try:
        site = load_site(paths, as_of=as_of)
    except DataValidationError as exc:
        write_report(exc.problems, args.format, args.output)
        print(exc, file=sys.stderr)
        return 1
    write_report([], args.format, args.output)
    # A GitLab report on standard output must stay pure JSON.
    out = sys.stderr if args.format == "gitlab" and args.output is None else sys.stdout
    print(
        f"Dữ liệu hợp lệ: {len(site.cooperatives)} HTX/THT, {len(site.legal)} văn bản, "
        f"{len(site.plans)} kế hoạch, {len(site.bulletin)} số bản tin, {len(site.articles)} bài viết.",
        file=out,
    )
    for article in sorted((a for issue in site.bulletin for a in issue.scheduled), key=lambda a: a.meta.date):
        print(f"Hẹn đăng ngày {vn_date(article.meta.date)}: content/{article.src_uri}", file=out)
    return 0


def _new(args: argparse.Namespace) -> int:
    from ktt_site.scaffold import ScaffoldError, new_cooperative

    paths, _ = read_project(Path(args.config))
    try:
        made = new_cooperative(paths, args.name, args.commune, kind=args.kind)
    except ScaffoldError as exc:
        print(f"Không tạo được hồ sơ: {exc}", file=sys.stderr)
        return 1
    for schema in made.schemas_written:
        print(f"Đã ghi lược đồ {schema.relative_to(paths.root).as_posix()}")
    print(
        f"Đã tạo {made.path.relative_to(paths.root).as_posix()} (mã: {made.cooperative_id}). "
        "Hãy điền ngày thành lập (founded) và các mục khác, rồi chạy 'ktt-site check'."
    )
    return 0


def _schema(args: argparse.Namespace) -> int:
    from ktt_site.schema import write_schemas

    paths, _ = read_project(Path(args.config))
    out = args.out if args.out.is_absolute() else paths.root / args.out
    for path in write_schemas(out, paths.data_dir):
        print(f"Đã ghi {path.relative_to(paths.root).as_posix() if path.is_relative_to(paths.root) else path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ktt-site", description="Công cụ cho biên tập viên trang Kinh tế tập thể.")
    parser.add_argument("--config", default="mkdocs.yml", help="tệp mkdocs.yml của trang (mặc định: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="kiểm tra toàn bộ dữ liệu mà không xây dựng trang")
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="cách ghi lỗi: text (cho người đọc), github (chú thích trên dòng lỗi trong pull request), "
        "gitlab (báo cáo Code Quality cho merge request)",
    )
    check.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="TỆP",
        help="ghi báo cáo vào tệp này thay vì màn hình (ví dụ gl-code-quality-report.json)",
    )
    check.set_defaults(run=_check)
    new = commands.add_parser("new", help="tạo tệp dữ liệu mới từ mẫu có chú thích")
    new.add_argument("what", choices=["cooperative"], help="loại hồ sơ: cooperative (HTX, THT, liên hiệp HTX)")
    new.add_argument("name", help='tên đầy đủ, ví dụ "Hợp tác xã Đồng Tâm"')
    new.add_argument(
        "--commune", required=True, help="mã xã, phường hiện nay trong localities/2025.yaml, ví dụ phuong-binh-minh"
    )
    new.add_argument("--kind", choices=["htx", "tht", "lien-hiep"], help="loại (mặc định: đoán từ tên)")
    new.set_defaults(run=_new)
    schema = commands.add_parser(
        "schema", help="ghi lược đồ JSON Schema cho mọi loại tệp dữ liệu (để trình soạn thảo gợi ý, báo lỗi)"
    )
    schema.add_argument(
        "--out", type=Path, default=Path("schemas"), help="thư mục ghi lược đồ (mặc định: schemas, cạnh mkdocs.yml)"
    )
    schema.set_defaults(run=_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
