"""``ktt-site``: commands for editors (check the data, scaffold a file, preview and build the
site, write schemas). Everything it prints is Vietnamese, argparse's own messages included."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from ktt_site.dates import build_date, vn_date
from ktt_site.errors import DataValidationError, Problem
from ktt_site.project import read_project
from ktt_site.reporting import FORMATS, write_report
from ktt_site.site import load_site

#: argparse's English error messages (Python 3.11 to 3.13), each with its Vietnamese wording.
_ARGPARSE_ERRORS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"^the following arguments are required: (.+)$"), lambda m: f"thiếu tham số bắt buộc: {m[1]}"),
    (
        re.compile(r"^argument (.+?): invalid choice: (.+?) \(choose from (.+)\)$"),
        lambda m: f"tham số {m[1]}: không có lựa chọn {m[2]}; chỉ chấp nhận: {m[3]}",
    ),
    (re.compile(r"^unrecognized arguments: (.+)$"), lambda m: f"không hiểu tham số: {m[1]}"),
    (re.compile(r"^argument (.+?): expected one argument$"), lambda m: f"tham số {m[1]}: cần một giá trị ngay sau"),
    (re.compile(r"^argument (.+?): expected (.+) arguments?$"), lambda m: f"tham số {m[1]}: thiếu giá trị"),
    (
        re.compile(r"^argument (.+?): invalid (\w+) value: (.+)$"),
        lambda m: f"tham số {m[1]}: giá trị {m[3]} không hợp lệ" + (" (cần một số nguyên)" if m[2] == "int" else ""),
    ),
    (
        re.compile(r"^ambiguous option: (\S+) could match (.+)$"),
        lambda m: f"tùy chọn {m[1]} chưa rõ, có thể là: {m[2]}",
    ),
    (
        re.compile(r"^argument (.+?): not allowed with argument (.+)$"),
        lambda m: f"tham số {m[1]} không dùng chung được với {m[2]}",
    ),
    (
        re.compile(r"^argument (.+?): ignored explicit argument (.+)$"),
        lambda m: f"tham số {m[1]} không nhận giá trị {m[2]}",
    ),
)


def vietnamese_error(message: str) -> str:
    """argparse's English message in Vietnamese (unchanged when it is one we do not know)."""
    for pattern, wording in _ARGPARSE_ERRORS:
        match = pattern.match(message)
        if match:
            return wording(match)
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class VietnameseArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose usage, help and errors editors read in Vietnamese.

    argparse words its own text in English; instead of patching its module, the help option and
    the section titles are declared here in Vietnamese and its error messages are reworded."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.arguments = self.add_argument_group("tham số")
        self.options = self.add_argument_group("tùy chọn")
        self.options.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {vietnamese_error(message)}\n(xem thêm: {self.prog} --help)\n")


def _check(args: argparse.Namespace) -> int:
    paths, options = read_project(Path(args.config))
    as_of = options.get("as_of") or build_date()
    try:
        site = load_site(paths, as_of=as_of)
    except DataValidationError as exc:
        write_report(exc.problems, args.format, args.output)
        print(exc, file=sys.stderr)
        return 1
    write_report(site.warnings, args.format, args.output)
    # A GitLab report on standard output must stay pure JSON.
    out = sys.stderr if args.format == "gitlab" and args.output is None else sys.stdout
    if site.warnings:
        print(warnings_text(site.warnings), file=sys.stderr)
    print(
        f"Dữ liệu hợp lệ: {len(site.cooperatives)} HTX/THT, {len(site.legal)} văn bản, "
        f"{len(site.plans)} kế hoạch, {len(site.bulletin)} số bản tin, {len(site.articles)} bài viết.",
        file=out,
    )
    for article in sorted((a for issue in site.bulletin for a in issue.scheduled), key=lambda a: a.meta.date):
        print(f"Hẹn đăng ngày {vn_date(article.meta.date)}: content/{article.src_uri}", file=out)
    # The published build is strict: it would stop on these, so the check says so too.
    return 1 if site.warnings else 0


def warnings_text(warnings: list[Problem]) -> str:
    lines = [f"Có {len(warnings)} cảnh báo; bản dựng để đăng (ktt-site build) sẽ dừng cho tới khi xử lý:"]
    lines += [f"  {warning}" for warning in warnings]
    return "\n".join(lines)


def _new(args: argparse.Namespace) -> int:
    from ktt_site import scaffold

    paths, _ = read_project(Path(args.config))
    try:
        made = args.scaffold(paths, args)
    except scaffold.ScaffoldError as exc:
        print(f"Không tạo được tệp: {exc}", file=sys.stderr)
        return 1
    for schema in made.schemas_written:
        print(f"Đã ghi lược đồ {schema.relative_to(paths.root).as_posix()}")
    print(f"Đã tạo {made.path.relative_to(paths.root).as_posix()}{made.note}.")
    print(f"Tiếp theo: {made.next_step}, rồi chạy 'ktt-site check'.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from ktt_site.schema import write_schemas

    paths, _ = read_project(Path(args.config))
    out = args.out if args.out.is_absolute() else paths.root / args.out
    for path in write_schemas(out, paths.data_dir):
        print(f"Đã ghi {path.relative_to(paths.root).as_posix() if path.is_relative_to(paths.root) else path}")
    return 0


def run_mkdocs(argv: list[str]) -> int:
    """MkDocs' own command line, run in this process: what ``make serve`` and ``make site`` do,
    without make, on any system where ktt-site is installed."""
    from mkdocs.__main__ import cli as mkdocs_cli

    # Material's notice about MkDocs 2 is for developers; the Makefile hides it the same way.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        mkdocs_cli.main(args=argv, prog_name="mkdocs", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return 0


def _serve(args: argparse.Namespace) -> int:
    print(f"Xem trước trang tại http://{args.dev_addr}/ (dừng bằng Ctrl+C).", file=sys.stderr)
    # --dirty: a saved change redoes only the pages it touches (ktt-site tells MkDocs which);
    # --no-strict: MkDocs warns about every dirty build, which strict mode would make fatal.
    return run_mkdocs(["serve", "-f", args.config, "--dirty", "--no-strict", "--dev-addr", args.dev_addr])


def _build(args: argparse.Namespace) -> int:
    code = run_mkdocs(["build", "-f", args.config, "--strict"])
    if code == 0:
        print("Đã dựng xong trang vào thư mục site/.", file=sys.stderr)
    else:
        print("Chưa dựng được trang: xem các dòng lỗi (ERROR) và cảnh báo (WARNING) ở trên.", file=sys.stderr)
    return code


def _add_new_commands(new: VietnameseArgumentParser) -> None:
    from ktt_site import scaffold

    kinds = new.add_subparsers(
        dest="what", required=True, metavar="LOẠI", parser_class=VietnameseArgumentParser, title="loại tệp"
    )

    def kind(name: str, help_text: str, make: Callable[..., object]) -> VietnameseArgumentParser:
        parser = kinds.add_parser(name, help=help_text, description=help_text[:1].upper() + help_text[1:] + ".")
        parser.set_defaults(scaffold=make)
        return parser

    coop = kind("cooperative", "hồ sơ HTX, THT, liên hiệp HTX (models_data/cooperatives/)", scaffold.run_cooperative)
    coop.arguments.add_argument("name", metavar="TÊN", help='tên đầy đủ, ví dụ "Hợp tác xã Đồng Tâm"')
    coop.options.add_argument(
        "--commune",
        required=True,
        metavar="MÃ_XÃ",
        help="mã xã, phường hiện nay trong models_data/localities/2025.yaml, ví dụ phuong-binh-minh",
    )
    coop.options.add_argument("--kind", choices=["htx", "tht", "lien-hiep"], help="loại (mặc định: đoán từ tên)")

    article = kind("article", "bài viết của Bản tin (content/ban-tin/<số>/)", scaffold.run_article)
    article.arguments.add_argument("title", metavar="TIÊU_ĐỀ", help='tiêu đề bài, ví dụ "Bán rau qua mạng"')
    article.options.add_argument(
        "--issue", metavar="THƯ_MỤC_SỐ", help="thư mục số bản tin, ví dụ 2025-so-04 (mặc định: số mới nhất)"
    )

    issue = kind("issue", "số Bản tin mới (content/ban-tin/<năm>-so-<số>/index.md)", scaffold.run_issue)
    issue.arguments.add_argument("number", metavar="SỐ", type=int, help="số của bản tin, ví dụ 5")
    issue.options.add_argument("--title", metavar="TIÊU_ĐỀ", help="tiêu đề số bản tin")
    issue.options.add_argument("--year", metavar="NĂM", type=int, help="năm phát hành (mặc định: năm nay)")

    progress = kind("progress", "báo cáo tiến độ của một tổ chức (models_data/progress/<năm>/)", scaffold.run_progress)
    progress.arguments.add_argument(
        "organization", metavar="MÃ_TỔ_CHỨC", help="mã tổ chức trong models_data/organizations.yaml, ví dụ hoi-nong-dan"
    )
    progress.options.add_argument(
        "--year", metavar="NĂM", type=int, help="năm kế hoạch (mặc định: kế hoạch mới nhất trong models_data/plans/)"
    )

    legal = kind("legal", "văn bản pháp lý (models_data/legal/)", scaffold.run_legal)
    legal.arguments.add_argument("doc_id", metavar="MÃ", help="mã văn bản: loại, tên ngắn, năm, ví dụ luat-htx-2023")
    legal.options.add_argument(
        "--type", dest="doc_type", metavar="LOẠI_VĂN_BẢN", help="luat, nghi-dinh, quyet-dinh... (mặc định: đoán từ mã)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseArgumentParser(prog="ktt-site", description="Công cụ cho biên tập viên trang Kinh tế tập thể.")
    parser.options.add_argument(
        "--config", default="mkdocs.yml", metavar="TỆP", help="tệp mkdocs.yml của trang (mặc định: mkdocs.yml)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH", title="lệnh")

    def command(name: str, help_text: str, run: Callable[[argparse.Namespace], int]) -> VietnameseArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text[:1].upper() + help_text[1:] + ".")
        sub.set_defaults(run=run)
        return sub

    check = command("check", "kiểm tra toàn bộ dữ liệu mà không xây dựng trang", _check)
    check.options.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="cách ghi lỗi: text (cho người đọc), github (chú thích trên dòng lỗi trong pull request), "
        "gitlab (báo cáo Code Quality cho merge request)",
    )
    check.options.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="TỆP",
        help="ghi báo cáo vào tệp này thay vì màn hình (ví dụ gl-code-quality-report.json)",
    )
    new = command("new", "tạo tệp mới từ mẫu có chú thích (không ghi đè tệp đã có)", _new)
    _add_new_commands(new)
    serve = command(
        "serve",
        "xem trước trang trên máy mình; trang tự dựng lại mỗi khi lưu tệp, bài nháp cũng hiện",
        _serve,
    )
    serve.options.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="ĐỊA_CHỈ",
        help="địa chỉ và cổng của trang xem trước (mặc định: 127.0.0.1:8000)",
    )
    command(
        "build", "dựng toàn bộ trang vào thư mục site/, đúng như khi xuất bản (dừng nếu có lỗi hay cảnh báo)", _build
    )
    schema = command(
        "schema", "ghi lược đồ JSON Schema cho mọi loại tệp dữ liệu (để trình soạn thảo gợi ý, báo lỗi)", _schema
    )
    schema.options.add_argument(
        "--out",
        type=Path,
        default=Path("schemas"),
        metavar="THƯ_MỤC",
        help="thư mục ghi lược đồ (mặc định: schemas, cạnh mkdocs.yml)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
