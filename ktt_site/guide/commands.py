"""The commands editors run, read from the CLI's own parser so the guide lists exactly the
commands and options that exist."""

from __future__ import annotations

import argparse
from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    usage: str
    help: str


@dataclass(frozen=True)
class Command:
    name: str
    usage: str
    help: str
    options: tuple[Option, ...]


#: The ``make`` targets editors use, in the order of their day (the Makefile has the recipes).
MAKE_TARGETS: tuple[tuple[str, str], ...] = (
    (
        "make serve",
        "Xem trước trang trên máy mình tại http://127.0.0.1:8000. Mỗi lần lưu một tệp trong "
        "content/ hoặc models_data/, những trang bị ảnh hưởng tự dựng lại và trình duyệt tự tải lại. Nếu dữ liệu "
        "có lỗi, máy chủ vẫn chạy và mọi trang hiện danh sách lỗi (tệp, dòng, trường, cách sửa); sửa xong là trang "
        "hiện lại. Bài nháp (draft: true) chỉ hiện ở đây. Ô tìm kiếm chỉ chạy trên trang đã dựng bằng make site. "
        "Dừng bằng Ctrl+C.",
    ),
    ("make check", "Kiểm tra toàn bộ dữ liệu (chạy ktt-site check), không dựng trang. Nên chạy trước khi commit."),
    (
        "make site",
        "Dựng toàn bộ trang vào thư mục site/, đúng như khi xuất bản. Dừng lại, không ghi gì, nếu dữ liệu có lỗi.",
    ),
)


def _option_usage(action: argparse.Action) -> str:
    if action.option_strings:
        flag = max(action.option_strings, key=len)
        if action.nargs == 0:
            text = flag
        elif action.choices:
            text = f"{flag} {'|'.join(str(c) for c in action.choices)}"
        else:
            text = f"{flag} <{str(action.metavar or action.dest).lower()}>"
        return text if action.required else f"[{text}]"
    if action.choices:
        return "|".join(str(c) for c in action.choices)
    return f'"<{action.metavar or action.dest}>"'


def commands(parser: argparse.ArgumentParser) -> list[Command]:
    """Every sub-command of ``parser`` with a usage line and its options' help."""
    found: list[Command] = []
    prog = parser.prog
    for action in parser._actions:  # argparse has no public way to list sub-commands
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
        for name, sub in action.choices.items():
            options = tuple(
                Option(_option_usage(a), a.help or "") for a in sub._actions if not isinstance(a, argparse._HelpAction)
            )
            usage = " ".join([prog, name, *(o.usage for o in options)])
            found.append(Command(name, usage, helps.get(name, ""), options))
    return found
