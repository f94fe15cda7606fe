"""``ktt-site``: commands for editors (check the data, scaffold a record, write schemas)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ktt_site.dates import build_date
from ktt_site.errors import DataValidationError
from ktt_site.project import read_project
from ktt_site.site import load_site


def _check(args: argparse.Namespace) -> int:
    paths, options = read_project(Path(args.config))
    as_of = options.get("as_of") or build_date()
    try:
        site = load_site(paths, as_of=as_of)
    except DataValidationError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(
        f"Dữ liệu hợp lệ: {len(site.cooperatives)} HTX/THT, {len(site.legal)} văn bản, "
        f"{len(site.plans)} kế hoạch, {len(site.bulletin)} số bản tin, {len(site.articles)} bài viết."
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ktt-site", description="Công cụ cho biên tập viên trang Kinh tế tập thể.")
    parser.add_argument("--config", default="mkdocs.yml", help="tệp mkdocs.yml của trang (mặc định: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="kiểm tra toàn bộ dữ liệu mà không xây dựng trang")
    check.set_defaults(run=_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
