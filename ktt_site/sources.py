"""Reading editors' files: safe text decoding and YAML that remembers line numbers.

Every value loaded from YAML keeps where it came from, so a validation message can name the
file and line an editor has to fix. Mappings load as :class:`YamlMapping` (a ``dict``) and
sequences as :class:`YamlSequence` (a ``list``); both carry their own line and their
children's lines.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ktt_site import invisible
from ktt_site.errors import ProblemLog
from ktt_site.yaml_syntax import explain_syntax_error

MAX_FILE_BYTES = 1_000_000
_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlMapping(dict[Any, Any]):
    """A YAML mapping with the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line) if hasattr(self, "key_lines") else self.line


class YamlSequence(list[Any]):
    """A YAML sequence with the 1-based line of itself and of each item."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        lines = getattr(self, "item_lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


class YamlSourceError(Exception):
    """A file that cannot be read as YAML; carries the line and a Vietnamese message."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def text_scalars(cls: Any) -> None:
    """Make a loader (or dumper) read every plain scalar as text, but for an empty value, ``~``
    and ``null``.

    YAML 1.1, which PyYAML follows, reads ``phone: 0276372145`` as an octal number, ``status:
    off`` and ``name: yes`` as booleans, ``title: 2018-05-01`` as a date and ``time: 1:20`` as
    80. Here the data models give each field its type: pydantic reads ``"12"`` as 12 where a
    number is wanted and ``"2018-05-01"`` as a date where a date is, and a text field keeps what
    the editor typed.
    """
    cls.yaml_implicit_resolvers = {}
    cls.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
    cls.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"])


_MAP = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_SEQ = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
_STR = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
_NULL = "tag:yaml.org,2002:null"


class _LineLoader(_BaseLoader):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text
        self.building: set[yaml.Node] = set()

    def value(self, node: yaml.Node) -> Any:
        """What ``node`` holds, each mapping and sequence with its lines.

        Text, nothing, mappings and sequences, all a data file has, are made here directly;
        PyYAML's own construction, which keeps state for every node, is left to explicit tags
        (``!!int``): it took a third of a file's parsing time.
        """
        if node.tag == _STR and isinstance(node, yaml.ScalarNode):
            return _text(self, node)
        if node.tag == _NULL:
            return None
        if node in self.constructed_objects:  # an alias (*name) of a node already made
            return self.constructed_objects[node]
        if node in self.building:
            line = node.start_mark.line + 1
            raise YamlSourceError(line, "cú pháp YAML sai: tham chiếu (*) nằm ngay trong neo (&) của nó")
        self.building.add(node)
        if node.tag == _MAP and isinstance(node, yaml.MappingNode):
            made: Any = _mapping(self, node)
        elif node.tag == _SEQ and isinstance(node, yaml.SequenceNode):
            made = _sequence(self, node)
        else:
            made = self.construct_object(node, deep=True)
        self.building.discard(node)
        self.constructed_objects[node] = made
        return made


class TextDumper(yaml.SafeDumper):
    """Writes values the way :func:`parse_yaml` reads them back: ``2018`` unquoted is text."""


text_scalars(_LineLoader)
text_scalars(TextDumper)


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> YamlMapping:
    loader.flatten_mapping(node)
    result = YamlMapping()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.value(key_node)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise YamlSourceError(line, "tên trường phải là một chữ, không phải danh sách hay bảng") from None
        if key in result:
            raise YamlSourceError(line, f"trường '{key}' xuất hiện hai lần (lần đầu ở dòng {result.key_lines[key]})")
        result[key] = loader.value(value_node)
        result.key_lines[key] = line
    return result


def _sequence(loader: _LineLoader, node: yaml.SequenceNode) -> YamlSequence:
    result = YamlSequence(loader.value(child) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _text(loader: _LineLoader, node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode):  # '!!str' put before a list or a mapping
        raise YamlSourceError(node.start_mark.line + 1, "cú pháp YAML sai: thẻ '!!str' chỉ dùng được cho một giá trị")
    if node.start_mark.line != node.end_mark.line:
        _check_continued(loader, node)
    return str(node.value)


_FIELD_LINE = re.compile(r"\s*[A-Za-z_][A-Za-z0-9_-]*:(?:\s|$)")


def _check_continued(loader: _LineLoader, node: yaml.ScalarNode) -> None:
    """A value running on over several lines without ``|`` is most often a slip: a list item
    indented one space too far joins the item above, a quote left open swallows the next fields."""
    lines = loader.text.split("\n")
    first = node.start_mark.line
    for index in range(first + 1, min(node.end_mark.line + 1, len(lines))):
        following = lines[index].strip()
        if not node.style and following.startswith("- "):
            raise YamlSourceError(
                index + 1,
                f"cú pháp YAML sai: mục danh sách này thụt vào sâu hơn dòng {first + 1} nên bị đọc nối vào "
                "dòng đó; các mục của một danh sách phải thẳng cột với nhau (nếu đây là một đoạn văn nhiều "
                "dòng, hãy viết dấu '|' sau tên trường rồi xuống dòng)",
            )
        if node.style in ('"', "'") and _FIELD_LINE.match(lines[index]):
            raise YamlSourceError(
                first + 1,
                f"cú pháp YAML sai: dấu ngoặc {node.style} mở ở cột {node.start_mark.column + 1} chưa được đóng "
                f"trên dòng này, nên giá trị nuốt cả dòng {index + 1} "
                f"('{lines[index].strip()}'); hãy thêm {node.style} ở cuối giá trị",
            )


def _timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    # Only an explicit !!timestamp gets here; an impossible date is a validation message.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


# Inside a value with an explicit tag (``!!set``), PyYAML's construction comes back here.
_LineLoader.add_constructor(_MAP, _LineLoader.value)
_LineLoader.add_constructor(_SEQ, _LineLoader.value)
_LineLoader.add_constructor(_STR, _text)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


# The live preview reloads every file on every save; parsing is most of that, and the parsed
# values are only read (records copy them), so a file whose text did not change is not parsed again.
@lru_cache(maxsize=1 << 13)
def parse_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse one YAML document; raise :class:`YamlSourceError` with a line on any problem.

    ``line_offset`` is how many lines of the file come before ``text`` (front matter's ``---``).
    """
    # Blank lines in front: every line YAML reports, and every one a message names, is the file's.
    text = "\n" * line_offset + text
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else loader.value(node)
    except YamlSourceError:
        raise
    except yaml.MarkedYAMLError as exc:
        index, explained = explain_syntax_error(text, exc)
        line = index + 1 if index is not None else None
        raise YamlSourceError(line, f"cú pháp YAML sai: {explained}") from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise YamlSourceError(line, f"có ký tự điều khiển không được phép ({code}); hãy xóa ký tự đó") from None
    except yaml.YAMLError as exc:
        raise YamlSourceError(None, f"cú pháp YAML sai: {exc}") from None
    except (ValueError, TypeError):
        # An explicit tag whose value does not fit it, such as ``!!int abc``.
        raise YamlSourceError(None, "có thẻ YAML (bắt đầu bằng '!!') không khớp với giá trị; hãy bỏ thẻ") from None
    except RecursionError:
        raise YamlSourceError(None, "tệp lồng nhau quá sâu, không đọc được") from None
    finally:
        loader.dispose()


def read_text(path: Path, log: ProblemLog) -> str | None:
    """Read an editor's text file as UTF-8, or log why it cannot be read and return None."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        log.add(path, None, "", f"không mở được tệp ({exc.strerror})")
        return None
    if size > MAX_FILE_BYTES:
        log.add(
            path,
            None,
            "",
            f"tệp quá lớn ({_thousands(size)} byte, tối đa {_thousands(MAX_FILE_BYTES)}); hãy tách hoặc rút gọn",
        )
        return None
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        log.add(path, 1, "", "tệp lưu bằng mã UTF-16; hãy lưu lại với mã hóa UTF-8")
        return None
    if b"\x00" in raw:
        log.add(path, None, "", "là tệp nhị phân, không phải văn bản; hãy lưu lại dưới dạng văn bản UTF-8")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        log.add(path, line, "", "tệp không lưu bằng mã UTF-8 (chữ có dấu sẽ bị lỗi); hãy lưu lại với mã hóa UTF-8")
        return None
    text = text.replace("\r\n", "\n")
    if refuse_invisible(path, text, log, invisible.NEVER):
        return None
    # The same letters typed two ways (Vietnamese diacritics composed, or as separate marks, as
    # some Mac and web tools save them) are one text everywhere names and ids are compared.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def refuse_invisible(
    path: Path, text: str, log: ProblemLog, pattern: re.Pattern[str] = invisible.IN_DATA, first_line: int = 1
) -> bool:
    """Log each line of ``text`` holding an invisible character ``pattern`` matches; True if any."""
    found = list(itertools.islice(invisible.find(text, pattern, first_line), invisible.LIMIT + 1))
    for item in found[: invisible.LIMIT]:
        log.add(path, item.line, "", item.message)
    if len(found) > invisible.LIMIT:
        log.add(path, None, "", f"còn ký tự vô hình ở các dòng sau dòng {found[-2].line}; hãy tìm và xóa hết")
    return bool(found)


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def load_yaml_file(path: Path, log: ProblemLog, *, empty_ok: bool = False) -> Any:
    """Load one YAML file, logging problems; return None when nothing usable was loaded."""
    text = read_text(path, log)
    if text is None:
        return None
    if not text.strip():
        if not empty_ok:
            log.add(path, None, "", "tệp rỗng; hãy điền nội dung hoặc xóa tệp")
        return None
    if refuse_invisible(path, text, log):
        return None
    try:
        data = parse_yaml(text)
    except YamlSourceError as exc:
        log.add(path, exc.line, "", exc.message)
        return None
    if data is None and not empty_ok:
        log.add(path, None, "", "tệp chỉ có chú thích, không có dữ liệu")
    return data


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split Markdown into (front matter YAML or None, body, line where the body starts)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    yaml_text = match.group(1) or ""
    body_line = text[: match.end()].count("\n") + 1
    return yaml_text, text[match.end() :], body_line


def parse_front_matter(path: Path, text: str, log: ProblemLog, *, prefix: str = "") -> tuple[Any, str, int]:
    """A Markdown file's front matter (lines as in the file; None when it cannot be used, with
    why logged, ``prefix`` before a YAML message), its body and the line the body starts on."""
    yaml_text, body, body_line = split_front_matter(text)
    if yaml_text is None:
        unclosed = _unclosed_front_matter(text)
        if unclosed is not None:
            log.add(path, unclosed[0], "", unclosed[1])
            return None, body, body_line
        return YamlMapping(), body, body_line
    if refuse_invisible(path, yaml_text, log, first_line=2):
        return None, body, body_line
    try:
        data = parse_yaml(yaml_text, line_offset=1)
    except YamlSourceError as exc:
        log.add(path, exc.line, "", prefix + exc.message)
        return None, body, body_line
    return (YamlMapping() if data is None else data), body, body_line


def load_front_matter(path: Path, log: ProblemLog) -> tuple[Any, str, int] | None:
    """Load a Markdown file's front matter (line numbers as in the file) and body."""
    text = read_text(path, log)
    if text is None:
        return None
    data, body, body_line = parse_front_matter(path, text, log)
    return None if data is None else (data, body, body_line)


_OPENING = re.compile(r"---[ \t]*\n")
#: Lines meant to close it: two or four dashes, Word's long dashes, or '---' pushed right.
_ALMOST_CLOSING = re.compile(r"(?:[ \t]*(?:--|-{4,}|[—–][-—– ]*)|[ \t]+---)[ \t]*")


def _unclosed_front_matter(text: str) -> tuple[int, str] | None:
    """A first line ``---`` with no line closing it: the page would be published with its
    front matter as text, and no title."""
    if not _OPENING.match(text):
        return None
    lines = text.split("\n")
    for index, line in enumerate(lines[1:], start=2):
        if _ALMOST_CLOSING.fullmatch(line):
            if line.strip() == "---":
                return index, "dòng '---' đóng phần đầu trang phải bắt đầu ngay đầu dòng, không có dấu cách phía trước"
            return index, f"dòng đóng phần đầu trang phải là đúng ba dấu gạch ngang '---', không phải '{line.strip()}'"
    return 1, (
        "phần đầu trang mở bằng dòng '---' nhưng không có dòng '---' nào đóng lại; "
        "hãy thêm một dòng '---' ngay sau trường cuối cùng, trước nội dung bài"
    )


def line_at(data: Any, loc: Iterable[Any]) -> int | None:
    """The line of the value found by following ``loc`` (keys and indexes) from ``data``."""
    line = getattr(data, "line", None) or None
    node = data
    for step in loc:
        if isinstance(node, YamlMapping):
            key = _find_key(node, step)
            if key is _MISSING:
                return line
            line = node.line_of(key)
            node = node[key]
        elif isinstance(node, YamlSequence) and isinstance(step, int):
            if not 0 <= step < len(node):
                return line
            line = node.line_of(step)
            node = node[step]
        else:
            return line
    return line


_MISSING = object()


def _find_key(mapping: YamlMapping, step: Any) -> Any:
    if step in mapping:
        return step
    for key in mapping:
        if str(key) == str(step):
            return key
    return _MISSING
