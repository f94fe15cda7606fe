"""Editors' shortcodes in Markdown: ``{{ htx("id") }}``, ``{{ van_ban("id") }}``, ...

Only a call of a known shortcode with quoted arguments is replaced. Anything else that starts
like a call (``{{ name(``) is an error, so readers never see a misspelt one raw; any other
``{{`` is left as written, so an article that quotes a formula never breaks. Code (fenced
blocks and inline backticks) is left alone, so the editor guide can show calls.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ktt_site.site import SiteData

CALL = re.compile(
    r"\{\{\s*(?P<name>[a-z_]+)\s*\(\s*(?P<args>(?:\"[^\"\n]*\"|'[^'\n]*')"
    r"(?:\s*,\s*(?:\"[^\"\n]*\"|'[^'\n]*'))*)?\s*\)\s*\}\}"
)
_ARG = re.compile(r"\"([^\"\n]*)\"|'([^'\n]*)'")
_CODE = re.compile(r"^(?P<fence>```+|~~~+).*?^(?P=fence)[ \t]*$|`+[^`\n]*`+", re.S | re.M)


@lru_cache(maxsize=1 << 12)
def code_spans_of(markdown: str) -> tuple[tuple[int, int], ...]:
    """Where fenced blocks and inline code are: nothing in them is a call or a link. (Asked of
    every page when the site loads and again when it is built, and in each preview rebuild.)"""
    return tuple(m.span() for m in _CODE.finditer(markdown))


@dataclass(frozen=True)
class Shortcode:
    """A shortcode: how many arguments, how to check them, how to render a call."""

    name: str
    usage: str
    description: str
    arity: int
    check: Callable[[SiteData, tuple[str, ...]], str | None]
    render: Callable[[SiteData, tuple[str, ...], str], str]


def no_arguments_to_check(site: SiteData, args: tuple[str, ...]) -> str | None:
    """The ``check`` of a shortcode whose arguments need no look-up (arity already counted)."""
    return None


def html_block(html: str) -> str:
    """A shortcode's HTML as a block of its own: blank lines around it make Markdown keep the
    HTML whole instead of running it into the editor's paragraph."""
    return f"\n\n{html.strip()}\n\n"


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[str, ...]
    start: int
    end: int


def find_calls(markdown: str, known: dict[str, Shortcode]) -> Iterator[Call]:
    """Shortcode calls outside code, in order."""
    # Most pages have no shortcode at all: a substring test spares them both regex scans.
    if "{{" not in markdown:
        return
    code_spans: tuple[tuple[int, int], ...] | None = None
    for match in CALL.finditer(markdown):
        if match.group("name") not in known:
            continue
        if code_spans is None:
            code_spans = code_spans_of(markdown)
        if any(start <= match.start() < end for start, end in code_spans):
            continue
        args = tuple(a or b for a, b in _ARG.findall(match.group("args") or ""))
        yield Call(match.group("name"), args, match.start(), match.end())


def check_markdown(site: SiteData, markdown: str, known: dict[str, Shortcode]) -> list[tuple[int, str, str]]:
    """Problems in a Markdown text's shortcodes as (line within the text, shortcode, message)."""
    problems = _misspelled_calls(markdown, known)
    for call in find_calls(markdown, known):
        code = known[call.name]
        line = markdown.count("\n", 0, call.start) + 1
        if len(call.args) != code.arity:
            problems.append((line, call.name, f"cần {code.arity} tham số, cách viết: {code.usage}"))
            continue
        message = code.check(site, call.args)
        if message:
            problems.append((line, call.name, message))
    return problems


def _misspelled_calls(markdown: str, known: dict[str, Shortcode]) -> list[tuple[int, str, str]]:
    """``{{ name(`` outside code that is not a shortcode call as written: an unknown or misspelt
    name, curly quotes, a missing brace. Readers would see it raw."""
    if "{{" not in markdown:
        return []
    valid = {call.start for call in find_calls(markdown, known)}
    code_spans = code_spans_of(markdown)
    problems = []
    for attempt in _ATTEMPT.finditer(markdown):
        if attempt.start() in valid or any(start <= attempt.start() < end for start, end in code_spans):
            continue
        name = attempt.group("name")
        line = markdown.count("\n", 0, attempt.start()) + 1
        if name in known:
            message = (
                f"viết chưa đúng cách gọi; cách viết: {known[name].usage} (dấu nháy thẳng \" hoặc ', đóng bằng }}}})"
            )
        else:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"có phải ý bạn là '{close[0]}'? " if close else ""
            message = (
                f"không có shortcode '{name}'; {hint}các shortcode có: {', '.join(sorted(known))} "
                "(muốn viết nguyên văn thì đặt trong dấu `...`)"
            )
        problems.append((line, name, message))
    return problems


#: What looks like the start of a shortcode call, well written or not.
_ATTEMPT = re.compile(r"\{\{\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\(")


def expand(site: SiteData, markdown: str, page_src_uri: str, known: dict[str, Shortcode]) -> str:
    """Replace every valid shortcode call with its rendering for the page at ``page_src_uri``."""
    pieces, last = [], 0
    for call in find_calls(markdown, known):
        code = known[call.name]
        if len(call.args) != code.arity or code.check(site, call.args):
            continue
        pieces.append(markdown[last : call.start])
        pieces.append(code.render(site, call.args, page_src_uri))
        last = call.end
    pieces.append(markdown[last:])
    return "".join(pieces)
