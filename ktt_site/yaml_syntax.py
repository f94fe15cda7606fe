"""YAML syntax errors explained to an editor: which line, and what is wrong with it.

PyYAML says where it gave up, in English, often a line after the mistake ("did not find
expected key"). Most mistakes editors make are about indentation, so the lines above the one
it stopped at are read again to tell an extra space from a missing one, a list item out of line
from a field, a tab from a space; a few other slips (a quote left open, no space after ':')
are named too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

TAB = "có ký tự tab ở đầu dòng; hãy thụt lề bằng dấu cách"

_HINTS = {
    "found undefined tag handle": "có thẻ YAML lạ (bắt đầu bằng '!')",
    "found duplicate anchor": "tên neo (&) bị lặp",
    "found undefined alias": (
        "tham chiếu (*) tới neo không tồn tại; nếu dấu '*' là chữ, hãy đặt cả giá trị trong dấu ngoặc kép"
    ),
    "expected a single document in the stream": "tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thừa)",
    "found unexpected end of stream": "tệp kết thúc đột ngột (thiếu dấu ngoặc kép đóng?)",
    "found unexpected ':'": "có dấu ':' không đúng chỗ; nếu giá trị chứa ':', hãy đặt cả giá trị trong dấu ngoặc kép",
    "did not find expected node content": (
        "thiếu một giá trị: hai dấu phẩy liền nhau, hoặc dấu ',' hay ':' thừa trong ngoặc [ ] hay { }"
    ),
    "block sequence entries are not allowed": (
        "dấu '- ' không được viết ngay sau tên trường trên cùng dòng; hãy xuống dòng và thụt vào, hoặc đặt cả "
        "giá trị trong dấu ngoặc kép"
    ),
    "directive": "dòng bắt đầu bằng '%' bị YAML hiểu là chỉ thị; hãy đặt cả giá trị trong dấu ngoặc kép",
    "non-alphabetical character": "dòng bắt đầu bằng '%' bị YAML hiểu là chỉ thị; hãy đặt cả giá trị trong dấu ngoặc kép",
    "<document start>": "có dòng '---', '...' hoặc '%' làm YAML hiểu sai; hãy xóa dòng đó hoặc đặt giá trị trong ngoặc kép",
    "expected comment or line break": (
        "có chữ thừa sau dấu '|' hay '>' (hoặc sau một thẻ '!'); nội dung phải xuống dòng và thụt vào"
    ),
    "expected whitespace or line break": "thẻ YAML (bắt đầu bằng '!') viết sai; hãy bỏ thẻ hoặc đặt giá trị trong ngoặc kép",
}
#: When no hint fits: still Vietnamese, and what to look at.
_UNKNOWN = "YAML không đọc được dòng này; hãy xem lại dấu ':', dấu ngoặc, dấu '-' và khoảng trắng đầu dòng"
_KEY = re.compile(r"(?P<key>[^\s:#'\"\-?][^:#]*?)\s*:(?:\s|$)")
_ITEM = re.compile(r"-(?:\s|$)")


@dataclass(frozen=True)
class _Level:
    """A column in use above the faulty line: a field's key, or a list's '-'."""

    column: int
    line: int  # 0-based
    key: str | None  # the field's name, or None for a list's '-'

    def named(self) -> str:
        what = f"trường '{self.key}'" if self.key else "dấu '-' của danh sách"
        return f"{what} ở dòng {self.line + 1} ({_spaces(self.column)})"


def explain_syntax_error(text: str, exc: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """The 0-based line to point at and what is wrong there, in Vietnamese."""
    lines = text.split("\n")
    problem, context = exc.problem or "", exc.context or ""
    marks = [mark for mark in (exc.problem_mark, exc.context_mark) if mark is not None]
    for mark in marks:
        if mark.line < len(lines) and "\t" in _leading(lines[mark.line]):
            return mark.line, TAB
    if "tab" in problem and exc.problem_mark:
        return exc.problem_mark.line, TAB
    problem_mark, context_mark = exc.problem_mark, exc.context_mark
    if "quoted scalar" in context and context_mark is not None:
        quote = text[context_mark.index] if context_mark.index < len(text) else '"'
        return (
            context_mark.line,
            f"dấu ngoặc {quote} mở ở cột {context_mark.column + 1} chưa được đóng; hãy thêm {quote} ở cuối giá trị",
        )
    for opening, closing, name in (("[", "]", "vuông"), ("{", "}", "nhọn")):
        if f"expected ',' or '{closing}'" in problem and context_mark is not None:
            return context_mark.line, (
                f"dấu ngoặc {name} '{opening}' ở cột {context_mark.column + 1} chưa được đóng bằng '{closing}' "
                "(hoặc thiếu dấu phẩy giữa các mục)"
            )
    if "could not find expected ':'" in problem and context_mark is not None:
        return context_mark.line, _without_colon(lines, context_mark.line)
    if problem_mark is None or problem_mark.line >= len(lines):
        return _fallback(exc)
    line = problem_mark.line
    if "cannot start any token" in problem or "expected alphabetic or numeric" in problem:
        where = context_mark if "alias" in context or "anchor" in context else problem_mark
        char = text[where.index] if where is not None and where.index < len(text) else "?"
        return line, f"giá trị không được bắt đầu bằng ký tự '{char}'; hãy đặt cả giá trị trong dấu ngoặc kép"
    if "mapping values are not allowed" in problem:
        key = _KEY.match(lines[line], _indent(lines[line]) + _item_width(lines[line]))
        if key is None or key.end("key") + lines[line][key.end("key") :].index(":") != problem_mark.column:
            return line, (
                "có dấu ':' trong giá trị (nếu giá trị chứa ':', hãy đặt cả giá trị trong dấu ngoặc kép, "
                'ví dụ summary: "Rau sạch: trồng theo VietGAP")'
            )
        return line, _indentation(lines, line)
    if "expected key" in problem or "'-' indicator" in problem or "block end" in problem:
        if problem_mark.column > _indent(lines[line]):
            return _after_value(text, problem_mark)
        return line, _indentation(lines, line)
    return _fallback(exc)


def _fallback(exc: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line if mark else None
    if exc.context_mark and exc.problem_mark and "end of stream" in (exc.problem or ""):
        line = exc.context_mark.line  # found at the end of the file; point where it began
    text = f"{exc.context or ''} {exc.problem or ''}"
    for needle, hint in _HINTS.items():
        if needle in text:
            return line, hint
    if exc.problem and "tag" in exc.problem:
        return line, "có thẻ YAML không được phép (bắt đầu bằng '!')"
    return line, _UNKNOWN


def _without_colon(lines: list[str], index: int) -> str:
    """A line YAML read as the start of a field but found no ':' after."""
    line = lines[index]
    stripped = line.strip()
    glued = re.match(r"(?:-\s+)?([^\s:#'\"]+):(\S.*)", stripped)
    if glued:
        return f"thiếu dấu cách sau dấu ':' (viết '{glued.group(1)}: {glued.group(2)}')"
    above = _previous(lines, index)
    if above is not None and lines[above].rstrip().endswith(("|", ">", "|-", ">-")):
        return "nội dung sau dấu '|' (hoặc '>') phải thụt vào sâu hơn tên trường ở dòng trên"
    if above is not None and _ITEM.match(lines[above].lstrip()) and _indent(lines[above]) == _indent(line):
        return "dòng này nằm giữa các mục danh sách nhưng không bắt đầu bằng '- '"
    return "thiếu dấu ':' sau tên trường (viết 'tên: giá trị')"


def _after_value(text: str, mark: yaml.Mark) -> tuple[int, str]:
    """Something follows a complete value on its line: mostly text after a closing quote."""
    line = text.split("\n")[mark.line]
    before = line[: mark.column].rstrip()
    if before.endswith(('"', "'")):
        quote = before[-1]
        closing = text.rindex(quote, 0, mark.index)
        opening = _opening_quote(text, closing, quote)
        opened_on = text.count("\n", 0, opening)
        if opened_on < mark.line:
            column = opening - (text.rfind("\n", 0, opening) + 1) + 1
            return opened_on, (
                f"dấu ngoặc {quote} mở ở cột {column} chưa được đóng trên dòng này, nên giá trị kéo tới "
                f"dòng {mark.line + 1}; hãy thêm {quote} ở cuối giá trị"
            )
        return mark.line, (
            "có chữ sau dấu ngoặc đóng giá trị; nếu giá trị bắt đầu bằng dấu ngoặc, "
            "hãy đặt cả giá trị trong một cặp ngoặc khác loại, ví dụ 'HTX \"Đồng Tâm\" mới'"
        )
    if before.lstrip().startswith(":"):
        return mark.line, "thiếu tên trường trước dấu ':'"
    return mark.line, "có chữ thừa ở cuối dòng (hoặc thiếu dấu ':' sau tên trường)"


def _opening_quote(text: str, closing: int, quote: str) -> int:
    """Where the quoted value that ends at ``closing`` began (escaped quotes skipped)."""
    index = closing - 1
    while index >= 0:
        if text[index] == quote:
            escaped = text[index - 1] == "\\" if quote == '"' else text[index - 1 : index] == "'"
            if not escaped:
                return index
            index -= 1
        index -= 1
    return closing


def _indentation(lines: list[str], index: int) -> str:
    """What is wrong with the indentation of ``lines[index]``, compared with the lines above."""
    line = lines[index]
    column = _indent(line)
    is_item = _ITEM.match(line.lstrip()) is not None
    if line.lstrip().startswith(":"):
        return "thiếu tên trường trước dấu ':'"
    levels = _levels_above(lines, index)
    if not levels:
        return "thụt lề không đều hoặc thiếu tên trường"
    deepest = levels[0]
    if column > deepest.column:
        extra = column - deepest.column
        return (
            f"dòng này thụt vào {_spaces(column)}, nhiều hơn {deepest.named()}; các dòng cùng cấp phải thẳng cột "
            f"với nhau (bỏ {_spaces(extra)} ở đầu dòng)"
        )
    same = next((level for level in levels if level.column == column), None)
    if same is not None:
        if same.key is None and not is_item:
            field = next((level for level in levels if level.key and level.column > column), None)
            align = f"thẳng cột với {field.named()}" if field else "thụt vào sâu hơn"
            return (
                f"dòng này thẳng cột với {same.named()}: trường của mục đó phải {align}, "
                "còn một mục mới phải bắt đầu bằng '- '"
            )
        if same.key is not None and is_item:
            return (
                "mục danh sách phải nằm dưới một trường kết thúc bằng ':' (ví dụ 'sectors:') "
                "và thụt vào sâu hơn trường đó"
            )
        return "thụt lề không đều hoặc thiếu tên trường"
    higher = [level for level in levels if level.column > column][-1]
    lower = next((level for level in levels if level.column < column), None)
    if is_item and higher.key is None:
        return (
            f"mục danh sách này thụt vào {_spaces(column)}, còn mục phía trên ở dòng {higher.line + 1} thụt vào "
            f"{_spaces(higher.column)}; các mục của một danh sách phải thẳng cột với nhau"
        )
    lower_text = f" và {lower.named()}" if lower else ""
    return (
        f"dòng này thụt vào {_spaces(column)}, lệch với {higher.named()}{lower_text}; "
        "các dòng cùng cấp phải thẳng cột với nhau"
    )


def _levels_above(lines: list[str], index: int) -> list[_Level]:
    """Columns open at ``lines[index]``, deepest first: for each line above that is less indented
    than every line between, its key or '-' (and the key after a '- ')."""
    levels: list[_Level] = []
    limit: int | None = None
    current = _previous(lines, index)
    while current is not None and limit != 0:
        text = lines[current]
        column = _indent(text)
        if limit is None or column < limit:
            rest = text[column:]
            if _ITEM.match(rest):
                inner = column + _item_width(text)
                key = _KEY.match(text, inner)
                if key and not levels:
                    levels.append(_Level(inner, current, key.group("key")))
                levels.append(_Level(column, current, None))
            else:
                key = _KEY.match(text, column)
                levels.append(_Level(column, current, key.group("key") if key else None))
            limit = column
        current = _previous(lines, current)
    return [level for level in levels if level.key is not None or _ITEM.match(lines[level.line].lstrip())]


def _previous(lines: list[str], index: int) -> int | None:
    """The nearest line above with content (not blank, not only a comment)."""
    for candidate in range(index - 1, -1, -1):
        stripped = lines[candidate].strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return candidate
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _leading(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _item_width(line: str) -> int:
    """How many characters a line's '- ' marker and the spaces after it take (0 if none)."""
    rest = line.lstrip(" ")
    match = re.match(r"-[ ]+", rest)
    return match.end() if match and rest[match.end() :] else 0


def _spaces(count: int) -> str:
    return f"{count} dấu cách"
