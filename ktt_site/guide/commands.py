"""The commands editors run, read from the CLI's own parser so the guide lists exactly the
commands and options that exist."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, replace


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


#: The ``make`` targets, for machines that have make; each runs the ktt-site command named.
MAKE_TARGETS: tuple[tuple[str, str], ...] = (
    ("make serve", "Như ktt-site serve: xem trước trang tại http://127.0.0.1:8000."),
    ("make check", "Như ktt-site check: kiểm tra toàn bộ dữ liệu, không dựng trang."),
    ("make site", "Như ktt-site build: dựng toàn bộ trang vào thư mục site/, đúng như khi xuất bản."),
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
    """Every sub-command of ``parser`` with a usage line and its options' help; a command with
    sub-commands of its own (``new cooperative``, ``new article``...) is listed by those."""
    found: list[Command] = []
    for action in parser._actions:  # argparse has no public way to list sub-commands
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
        for name, sub in action.choices.items():
            nested = commands(sub)
            if nested:
                found += [replace(command, name=f"{name} {command.name}") for command in nested]
                continue
            options = tuple(
                Option(_option_usage(a), a.help or "") for a in sub._actions if not isinstance(a, argparse._HelpAction)
            )
            usage = " ".join([sub.prog, *(o.usage for o in options)])
            found.append(Command(name, usage, helps.get(name, ""), options))
    return found
