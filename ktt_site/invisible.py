"""Invisible characters in editors' files, named and shown where they are.

Some never belong in a page (control characters, which crash the feeds; a byte-order mark
past the start; the characters that reverse the direction of text). Others are harmless in an
article's text but not in data: a non-breaking space or a zero-width space from a web page or
Word makes a YAML line unreadable, an id unmatchable, two names that look the same different.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

#: Control characters (tab, line feed and a lone carriage return are ordinary text), a BOM
#: anywhere but where the file's encoding puts it, and the characters that reverse text.
NEVER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u202a-\u202e\u2066-\u2069]")
#: Spaces and marks that cannot be seen, refused in YAML (data files and front matter).
IN_DATA = re.compile(NEVER.pattern[:-1] + r"\u00a0\u00ad\u200b-\u200f\u2028\u2029\u202f\u2060]")

NAMES = {
    "\x0b": "dấu ngắt dòng của Word",
    "\x0c": "dấu ngắt trang của Word",
    "\ufeff": "dấu BOM (đánh dấu thứ tự byte)",
    "\u00a0": "khoảng trắng không ngắt",
    "\u202f": "khoảng trắng hẹp không ngắt",
    "\u00ad": "dấu gạch nối mềm",
    "\u200b": "khoảng trắng độ rộng 0",
    "\u200c": "ký tự không nối độ rộng 0",
    "\u200d": "ký tự nối độ rộng 0",
    "\u2060": "ký tự nối từ",
    "\u200e": "dấu hướng chữ trái sang phải",
    "\u200f": "dấu hướng chữ phải sang trái",
    "\u2028": "dấu ngắt dòng Unicode",
    "\u2029": "dấu ngắt đoạn Unicode",
}
_SPACES = "\u00a0\u202f\u200b"
#: At most this many are listed per file: a pasted text can hold hundreds.
LIMIT = 10


@dataclass(frozen=True)
class Invisible:
    line: int
    column: int
    char: str
    shown: str
    """The text around it, the character written as ``[U+00A0]``."""

    @property
    def message(self) -> str:
        if self.char in _SPACES:
            fix = "hãy xóa nó (thường do chép từ Word hay trang web) rồi gõ lại dấu cách thường"
        elif self.char < " ":
            fix = "hãy xóa nó (thường do chép từ Word), và xuống dòng bằng phím Enter nếu cần"
        else:
            fix = "hãy xóa nó (thường do chép từ Word hay trang web)"
        return f"cột {self.column}: có {described(self.char)}, ở '{self.shown}'; {fix}"


def described(char: str) -> str:
    """An invisible character as an editor is told of it: its name, as they may know it, and code."""
    name = NAMES.get(char, "ký tự điều khiển hướng chữ" if char > "\u2000" else "ký tự điều khiển")
    return f"{name} (U+{ord(char):04X}), một ký tự vô hình không được đăng"


def find(text: str, pattern: re.Pattern[str], first_line: int = 1) -> Iterator[Invisible]:
    """Each line's first character matching ``pattern``, with its line and column (1-based)."""
    last_line = 0
    for match in pattern.finditer(text):
        line = text.count("\n", 0, match.start()) + first_line
        if line == last_line:
            continue
        last_line = line
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        line_text = text[start : end if end >= 0 else len(text)]
        column = match.start() - start
        yield Invisible(line, column + 1, match.group(), _shown(line_text, column))


def _shown(line: str, column: int, width: int = 20) -> str:
    before = line[max(0, column - width) : column].lstrip()
    after = line[column + 1 : column + 1 + width].rstrip()
    return visible(before + line[column] + after)


def visible(text: str) -> str:
    """``text`` with every invisible character written out as ``[U+00A0]``."""
    return IN_DATA.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)
