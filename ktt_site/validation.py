"""Typed validation with pydantic, reported to editors in plain Vietnamese with file:line."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from ktt_site import reuse
from ktt_site.errors import ProblemLog
from ktt_site.file_names import address_problem, name_problem
from ktt_site.invisible import NEVER, described
from ktt_site.sources import YamlMapping, line_at, load_yaml_file
from ktt_site.text import slugify

M = TypeVar("M", bound=BaseModel)

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NOT_IN_ADDRESS = re.compile(r'[\s"<>\\^`{|}\x00-\x1f\x7f]')
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_DANGEROUS_MARKDOWN = re.compile(
    r"<\s*/?\s*(script|style|iframe|object|embed|form|input|button|link|meta|base)\b"
    r"|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text/html",
    re.I,
)


def is_slug(value: object) -> bool:
    return isinstance(value, str) and _SLUG.match(value) is not None


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError("slug")
    problem = address_problem(value)  # an id names a page's folder, and often a file
    if problem:
        raise ValueError(f"mã {_show(value)} {problem}")
    return value


@dataclass(frozen=True)
class _PageName:
    """A name that becomes the address of a page of its own (a category, a sector)."""

    what: str

    def __call__(self, value: str) -> str:
        slug = slugify(value)
        if not slug:
            raise ValueError(f"tên {self.what} '{value}' phải có ít nhất một chữ cái hoặc chữ số")
        problem = address_problem(slug)
        if problem:
            raise ValueError(f"tên {self.what} {_show(value)}: địa chỉ trang của nó, {_show(slug)}, {problem}")
        return value


def _check_plain_text(value: str) -> str:
    _refuse_invisible(value)
    if _HTML_TAG.search(value):
        raise ValueError("html")
    return value.strip()


def _check_markdown(value: str) -> str:
    _refuse_invisible(value)
    if _DANGEROUS_MARKDOWN.search(value):
        raise ValueError("unsafe_markdown")
    return value


def _refuse_invisible(value: str) -> None:
    """What the file's text cannot hold unseen, YAML can still spell as an escape ("\\x1F"):
    such a character crashes the Excel downloads and the feeds just the same."""
    found = NEVER.search(value)
    if found:
        raise ValueError(f"chứa {described(found.group())}; hãy xóa nó")


def _check_web_address(value: str) -> str:
    # Only http(s): a 'javascript:' address in an href would run in readers' browsers.
    if not value.startswith(("https://", "http://")):
        raise ValueError(f"địa chỉ '{value}' phải bắt đầu bằng https:// hoặc http://")
    # What no address holds unencoded (RFC 3986): pasted with it, Markdown or HTML around it.
    odd = _NOT_IN_ADDRESS.search(value)
    if odd:
        shown = "dấu cách" if odd.group().isspace() else f"'{odd.group()}'"
        raise ValueError(f"địa chỉ '{value}' chứa {shown}, không có trong một địa chỉ web; hãy chép lại đúng địa chỉ")
    try:
        host = urlsplit(value).hostname
    except ValueError:  # a malformed "[...]" host
        host = None
    if not host:
        raise ValueError(f"địa chỉ '{value}' thiếu tên miền, ví dụ https://vanban.chinhphu.vn/")
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]
"""An id: lowercase ASCII letters, digits and single hyphens."""

PlainText = Annotated[str, Field(min_length=1), AfterValidator(_check_plain_text)]
"""Text shown as is; HTML is refused (it is always escaped on output anyway)."""

MarkdownText = Annotated[str, AfterValidator(_check_markdown)]
"""Markdown written by an editor; scripts, frames and event handlers are refused."""

WebAddress = Annotated[str, AfterValidator(_check_web_address)]
"""An http(s) address: sources, official links, websites."""

Category = Annotated[PlainText, AfterValidator(_PageName("chuyên mục"))]
"""A bulletin category: each gets a page named after it."""

Sector = Annotated[PlainText, AfterValidator(_PageName("lĩnh vực"))]
"""A cooperative's sector: each gets a page of the directory."""


@dataclass(frozen=True)
class Origin:
    """Where a record was loaded from, to point editors at the line of any of its fields."""

    path: Path
    data: Any

    def line(self, *loc: Any) -> int | None:
        return line_at(self.data, loc)


class Record(BaseModel):
    """Base of every model of the data contract: unknown keys are errors, values frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    _origin: Origin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Origin:
        assert self._origin is not None, "record was not loaded from a file"
        return self._origin


def validate_record(
    model: type[M],
    data: Any,
    path: Path,
    log: ProblemLog,
    *,
    prefix: tuple[Any, ...] = (),
    context: dict[str, Any] | None = None,
    source: object = None,
) -> M | None:
    """Validate ``data`` (loaded with lines) as ``model``; log every problem and return None.

    ``prefix`` is where ``data`` sits in its file (``("districts", 3)``), for the field path.
    ``source`` is the parsed YAML that ``data`` was copied from, if it is a copy.

    A valid record is kept for the next build of the live preview: the YAML parsed from an
    unchanged text is the same object (``sources.parse_yaml`` keeps it), so the same object
    with equal ``context`` gives the same record, which then compares equal at once.
    """
    return reuse.made(
        ("record", model, path, prefix),
        (reuse.SameObject(data if source is None else source), context),
        lambda: _validated(model, data, path, log, prefix, context),
    )


def _validated(
    model: type[M], data: Any, path: Path, log: ProblemLog, prefix: tuple[Any, ...], context: dict[str, Any] | None
) -> M | None:
    try:
        record = model.model_validate(data, context=context)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = _editor_loc(data, error)
            line = line_at(data, loc) or getattr(data, "line", None)
            log.add(path, line, field_path(prefix + loc), explain(error, model))
        return None
    if isinstance(record, Record):
        record._origin = Origin(path, data)
    return record


def validate_records(model: type[M], items: Any, path: Path, log: ProblemLog, field: str = "") -> list[M]:
    """Validate each item of a YAML list as ``model`` (each with its own origin)."""
    if not isinstance(items, list):
        log.add(path, getattr(items, "line", None), field, "phải là một danh sách (mỗi mục bắt đầu bằng '- ')")
        return []
    records = []
    for index, item in enumerate(items):
        record = validate_record(model, item, path, log, prefix=(field, index) if field else (index,))
        if record is not None:
            records.append(record)
    return records


def field_path(loc: tuple[Any, ...]) -> str:
    """A field path as an editor reads it: ``products[1].ocop_stars``."""
    parts: list[str] = []
    for step in loc:
        # A list index, or a year key (``members[2018]``: keys are read as text).
        if isinstance(step, int) or (isinstance(step, str) and step.isdigit()):
            parts.append(f"[{step}]")
        else:
            parts.append(("." if parts else "") + str(step))
    return "".join(parts)


class FieldError(ValueError):
    """Raised by a model-level validator to point the editor at one field (its key and line)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


_NAMED_FIELD = re.compile(r"\(([a-z_]+)\)")
#: ``phone:0276`` read as one word: a field written without a space after its ':'.
_GLUED_FIELD = re.compile(r"[A-Za-z_]+:\S")


def _editor_loc(data: Any, error: Any) -> tuple[Any, ...]:
    """The error's location in the editor's file, without the steps pydantic adds for unions.

    pydantic puts a union member's name (``str``, ``date``) or a discriminated union's tag
    (``reported``) into the location; those are dropped where the file has no such key, so a
    real field named ``date`` stays. A model-level error is moved onto the field it names:
    a :class:`FieldError`'s field, else the first ``(field)`` its message mentions.
    """
    raw = tuple(step for step in error["loc"] if step != "[key]")
    keeps_last = error["type"] in ("missing", "extra_forbidden")
    loc: list[Any] = []
    node = data
    for index, step in enumerate(raw):
        last = index == len(raw) - 1
        if isinstance(node, dict):
            key = next((k for k in node if k == step or str(k) == str(step)), _ABSENT)
            if key is not _ABSENT:
                loc.append(step)
                node = node[key]
            elif not (last and keeps_last) and isinstance(step, str) and _is_union_step(node, step):
                continue
            else:
                loc.append(step)
                node = None
        elif isinstance(node, list) and isinstance(step, int):
            loc.append(step)
            node = node[step] if 0 <= step < len(node) else None
        elif isinstance(step, str) and node is not None:
            continue  # a union member's name below a scalar or a list
        else:
            loc.append(step)
            node = None
    if error["type"] == "union_tag_invalid" and isinstance(node, dict):
        discriminator = str((error.get("ctx") or {}).get("discriminator", "")).strip("'")
        if discriminator in node:
            loc.append(discriminator)
    if error["type"] == "value_error" and isinstance(node, dict):
        cause = (error.get("ctx") or {}).get("error")
        named = cause.field if isinstance(cause, FieldError) else None
        if named is None:
            found = _NAMED_FIELD.search(str(cause or ""))
            named = found.group(1) if found else None
        if named in node:
            loc.append(named)
    return tuple(loc)


_ABSENT = object()


def _is_union_step(node: dict[Any, Any], step: str) -> bool:
    tags = {value for value in node.values() if isinstance(value, str)}
    return step in tags or step in _UNION_MEMBER_NAMES or step.startswith("function-")


# Names pydantic gives to the members of a plain union, e.g. ``('sources', 'str')``.
_UNION_MEMBER_NAMES = {"str", "int", "float", "bool", "date", "datetime", "list", "dict", "none"}


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or step not in fields:
            return []
        current = _inner_model(fields[step].annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def explain(error: Any, model: type[BaseModel] | None = None) -> str:
    """One pydantic error in plain Vietnamese: what is wrong and what is allowed."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    shown = _show(value)
    if kind == "missing":
        return "thiếu trường bắt buộc"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        allowed = _allowed_keys(model, error["loc"]) if model else []
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"; có phải ý bạn là '{close[0]}'?" if close else ""
        listed = f" Các trường được phép: {', '.join(allowed)}." if allowed else ""
        return f"trường không có trong mẫu dữ liệu{hint or ('.' if listed else '')}{listed}".rstrip()
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "")
        expected = expected.replace(" or ", ", ")
        if isinstance(value, (list, dict)):
            return f"phải là một giá trị, không phải {shown}; chỉ chấp nhận: {expected}"
        return f"giá trị {shown} không hợp lệ; chỉ chấp nhận: {expected}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"ngày {shown} không hợp lệ; viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2018-05-31"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"phải là số nguyên, không phải {shown}"
    if kind in ("float_type", "float_parsing", "decimal_parsing"):
        return f"phải là một số, không phải {shown}"
    if kind in ("bool_type", "bool_parsing"):
        return f"phải là true hoặc false, không phải {shown}"
    if kind == "string_type":
        return f"phải là một đoạn chữ, không phải {shown}"
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"phải là một danh sách (mỗi mục một dòng bắt đầu bằng '- '), không phải {shown}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        glued = isinstance(value, str) and _GLUED_FIELD.match(value)
        hint = "; có phải thiếu dấu cách sau dấu ':'?" if glued else ""
        return f"phải là một bảng các trường (tên: giá trị), không phải {shown}{hint}"
    if kind == "greater_than_equal":
        return f"phải lớn hơn hoặc bằng {ctx.get('ge')}, không phải {shown}"
    if kind == "greater_than":
        return f"phải lớn hơn {ctx.get('gt')}, không phải {shown}"
    if kind == "less_than_equal":
        return f"phải nhỏ hơn hoặc bằng {ctx.get('le')}, không phải {shown}"
    if kind == "less_than":
        return f"phải nhỏ hơn {ctx.get('lt')}, không phải {shown}"
    if kind in ("string_too_short", "too_short"):
        return "không được để trống"
    if kind in ("string_too_long", "too_long"):
        return f"quá dài (tối đa {ctx.get('max_length')})"
    if kind == "url_parsing" or kind == "url_scheme" or kind == "url_type":
        return f"địa chỉ web {shown} không hợp lệ; phải bắt đầu bằng https:// hoặc http://"
    if kind == "value_error":
        return _explain_value_error(str(ctx.get("error", "")), shown)
    if kind == "union_tag_invalid":
        return f"loại {_show(ctx.get('tag'))} không hợp lệ; chỉ chấp nhận: {ctx.get('expected_tags', '')}"
    if kind == "union_tag_not_found":
        return f"thiếu trường '{ctx.get('discriminator', '').strip(chr(39))}' để biết loại"
    return f"giá trị {shown} không hợp lệ ({error.get('msg', kind)})"


_VALUE_ERRORS = {
    "slug": "mã {shown} không hợp lệ; mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ 'hop-tac-xa-dong-tam'",
    "html": "không được chứa mã HTML (dấu '<' liền chữ); hãy viết chữ thường",
    "unsafe_markdown": "chứa mã không an toàn (script, iframe, sự kiện on..., javascript:); hãy bỏ phần đó",
}


def _explain_value_error(message: str, shown: str) -> str:
    for key, text in _VALUE_ERRORS.items():
        if message.endswith(key):
            return text.format(shown=shown)
    return message.removeprefix("Value error, ") if message else f"giá trị {shown} không hợp lệ"


def _show(value: Any) -> str:
    if value is None:
        return "rỗng"
    if isinstance(value, dict):
        return "một bảng"
    if isinstance(value, list):
        return "một danh sách"
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"'{text}'"


#: File names a record may not take: its page would stand where the section's own list is.
RESERVED_IDS = frozenset({"index"})


def load_record_folder(
    folder: Path, model: type[M], log: ProblemLog, context: dict[str, Any] | None = None
) -> dict[str, M]:
    """Load ``folder/<id>.yaml`` files as ``model``, each id taken from its file name.

    An ``id`` written inside a file must equal the file name. Files with another ending
    (``.yml``, ``.txt``) are reported, so an editor's file is never silently ignored.
    """
    records: dict[str, M] = {}
    if not folder.is_dir():
        return records
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir():
            log.add(path, None, "", f"thư mục con không được đọc; hãy đặt các tệp ngay trong {folder.name}/")
            continue
        if path.suffix != ".yaml":
            hint = " (đổi đuôi .yml thành .yaml)" if path.suffix == ".yml" else ""
            log.add(path, None, "", f"tệp không có đuôi .yaml nên không được đọc{hint}")
            continue
        if name_problem(path.name):
            continue  # reported with every other file's name (check_file_names)
        if not _SLUG.match(path.stem):
            log.add(
                path,
                None,
                "",
                f"tên tệp '{path.stem}' không phải mã hợp lệ; chỉ dùng chữ thường "
                "không dấu, số và dấu gạch ngang, ví dụ 'hop-tac-xa-dong-tam.yaml'",
            )
            continue
        if path.stem in RESERVED_IDS:
            log.add(path, None, "", f"'{path.stem}' là tên dành cho trang danh sách của mục; hãy đặt tên tệp khác")
            continue
        data = load_yaml_file(path, log)
        if data is None:
            continue
        if not isinstance(data, YamlMapping):
            log.add(path, getattr(data, "line", 1), "", "tệp phải là một bảng các trường (tên: giá trị)")
            continue
        if "id" in data and data["id"] != path.stem:
            log.add(path, data.line_of("id"), "id", f"mã '{data['id']}' phải trùng tên tệp '{path.stem}'")
            continue
        with_id = YamlMapping(data)
        with_id.line, with_id.key_lines = data.line, dict(data.key_lines)
        with_id.setdefault("id", path.stem)
        record = validate_record(model, with_id, path, log, context=context, source=data)
        if record is not None:
            records[path.stem] = record
    return records
