"""Reading a pydantic model as an editor needs it: each field's meaning, whether it is
required, the values allowed and an example, for every nested part of a data file."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Union

import annotated_types as at
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic.functional_validators import AfterValidator

from ktt_site import validation
from ktt_site.dates import PartialDate
from ktt_site.references import RefersTo

_EXAMPLE_IN_TEXT = re.compile(r"ví dụ (?:là )?'([^']+)'")


@dataclass(frozen=True)
class Step:
    """One step from a model to a nested value: a field, a list item, a map value, or the
    variant of a union chosen by its ``type``."""

    kind: Literal["field", "item", "value", "variant"]
    name: str = ""
    tag: str = ""


@dataclass
class FieldDoc:
    name: str
    required: bool
    nullable: bool
    meaning: str
    allowed: str
    info: FieldInfo
    example: Any = None
    has_example: bool = False
    section: str | None = None
    """Anchor of the section that lists the fields of this field's nested part, if any."""


@dataclass
class Section:
    """The fields of one model at one place of a data file (``products[]`` of a cooperative)."""

    anchor: str
    label: str
    model: type[BaseModel]
    path: tuple[Step, ...]
    fields: list[FieldDoc] = field(default_factory=list)
    variant: str = ""


def _unwrap_annotated(annotation: Any) -> tuple[Any, list[Any]]:
    metadata: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        annotation, metadata = args[0], metadata + list(args[1:])
    flat: list[Any] = []
    for item in metadata:
        flat.extend(item.metadata if isinstance(item, FieldInfo) else [item])
    return annotation, flat


def _without_none(annotation: Any) -> tuple[Any, bool]:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(annotation))
        if len(args) == 1:
            return args[0], nullable
        return Union[tuple(args)], nullable  # noqa: UP007 (rebuilding a runtime union)
    return annotation, False


def _models_of(annotation: Any) -> list[type[BaseModel]]:
    """The models a union is made of, when it is a union of models (a discriminated choice)."""
    annotation, _ = _unwrap_annotated(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if typing.get_origin(annotation) in (Union, types.UnionType):
        found = [_unwrap_annotated(a)[0] for a in typing.get_args(annotation)]
        if found and all(isinstance(a, type) and issubclass(a, BaseModel) for a in found):
            return found
    return []


def _text_kind(metadata: list[Any]) -> str:
    funcs = {m.func for m in metadata if isinstance(m, AfterValidator)}
    refers = next((f for f in funcs if isinstance(f, RefersTo)), None)
    if refers is not None:
        return f"mã của một {refers.what} đã có trong dữ liệu (a-z, 0-9, -)"
    if validation._check_slug in funcs:
        return "mã: chữ thường không dấu, số và dấu gạch ngang (a-z, 0-9, -)"
    if validation._check_markdown in funcs:
        return "chữ, viết bằng Markdown (nhiều dòng: ghi | rồi xuống dòng, thụt lề)"
    if validation._check_plain_text in funcs:
        return "chữ (không chứa mã HTML)"
    return "chữ"


def _bounds(metadata: list[Any]) -> list[str]:
    low = next((m.ge for m in metadata if isinstance(m, at.Ge)), None)
    above = next((m.gt for m in metadata if isinstance(m, at.Gt)), None)
    high = next((m.le for m in metadata if isinstance(m, at.Le)), None)
    notes = []
    if low is not None and high is not None:
        notes.append(f"từ {low} đến {high}")
    elif low is not None:
        notes.append(f"từ {low} trở lên")
    elif high is not None:
        notes.append(f"tối đa {high}")
    if above is not None:
        notes.append(f"lớn hơn {above}")
    return notes


def _lengths(metadata: list[Any], container: bool) -> list[str]:
    notes = []
    shortest = next((m.min_length for m in metadata if isinstance(m, at.MinLen)), None)
    longest = next((m.max_length for m in metadata if isinstance(m, at.MaxLen)), None)
    if container and shortest:
        notes.append(f"ít nhất {shortest} mục")
    if longest is not None:
        notes.append(f"tối đa {longest} {'mục' if container else 'ký tự'}")
    return notes


def allowed_values(annotation: Any, metadata: list[Any] | None = None) -> str:
    """What may be written, in Vietnamese (type, allowed values, bounds)."""
    inner, extra = _unwrap_annotated(annotation)
    metadata = list(metadata or []) + extra
    inner, _ = _without_none(inner)
    inner, extra = _unwrap_annotated(inner)
    metadata += extra
    origin = typing.get_origin(inner)
    if origin is Literal:
        return "một trong: " + ", ".join(str(v) for v in typing.get_args(inner))
    variants = _models_of(inner)
    if len(variants) > 1:
        tags = [_variant_tag(m) for m in variants]
        return "một bảng; trường type chọn một trong: " + ", ".join(tags)
    if variants:
        return "một bảng các trường (xem mục bên dưới)"
    if origin in (list, tuple, set):
        (item,) = typing.get_args(inner)[:1]
        parts = ["danh sách (mỗi mục một dòng bắt đầu bằng '- ')", *_lengths(metadata, True)]
        return "; ".join(parts) + "; mỗi mục: " + allowed_values(item)
    if origin is dict:
        key, value = typing.get_args(inner)
        return f"bảng các dòng «khóa: giá trị»; khóa: {allowed_values(key)}; giá trị: {allowed_values(value)}"
    if inner is bool:
        return "true hoặc false"
    if inner is int:
        return "; ".join(["số nguyên", *_bounds(metadata)])
    if inner is float:
        return "; ".join(["số (dấu chấm thập phân, ví dụ 12.5)", *_bounds(metadata)])
    if inner is dt.date:
        return "ngày NĂM-THÁNG-NGÀY"
    if inner is PartialDate:
        return "ngày NĂM-THÁNG-NGÀY, hoặc NĂM-THÁNG nếu chỉ biết tháng, hoặc NĂM"
    if inner is str:
        return "; ".join([_text_kind(metadata), *_lengths(metadata, False)])
    return str(getattr(inner, "__name__", inner))


def _variant_tag(model: type[BaseModel]) -> str:
    info = model.model_fields.get("type")
    args = typing.get_args(info.annotation) if info else ()
    return str(args[0]) if args else model.__name__


def _nested(annotation: Any) -> tuple[list[Step], list[type[BaseModel]]]:
    """How to reach the model(s) inside a field's type (through lists and maps), if any."""
    inner, _ = _unwrap_annotated(annotation)
    inner, _ = _without_none(inner)
    inner, _ = _unwrap_annotated(inner)
    origin = typing.get_origin(inner)
    if origin in (list, tuple, set):
        steps, models = _nested(typing.get_args(inner)[0])
        return [Step("item"), *steps], models
    if origin is dict:
        steps, models = _nested(typing.get_args(inner)[1])
        return [Step("value"), *steps], models
    return [], _models_of(inner)


def _meaning(info: FieldInfo) -> str:
    return (info.description or "").strip()


def example_in_description(info: FieldInfo) -> str | None:
    found = _EXAMPLE_IN_TEXT.search(info.description or "")
    return found.group(1) if found else None


_MISSING = object()


def find_example(data: Any, path: tuple[Step, ...]) -> Any:
    """The first value at ``path`` in an example document (searching every list item)."""
    if not path:
        return data
    step, rest = path[0], path[1:]
    if step.kind == "field":
        if isinstance(data, dict) and step.name in data:
            return find_example(data[step.name], rest)
        return _MISSING
    if step.kind == "variant":
        if isinstance(data, dict) and str(data.get("type")) == step.tag:
            return find_example(data, rest)
        return _MISSING
    items = (
        data
        if step.kind == "item" and isinstance(data, list)
        else (list(data.values()) if step.kind == "value" and isinstance(data, dict) else [])
    )
    for item in items:
        found = find_example(item, rest)
        if found is not _MISSING:
            return found
    return _MISSING


def _label(path: tuple[Step, ...]) -> str:
    text = ""
    for step in path:
        if step.kind == "field":
            text += ("." if text else "") + step.name
        elif step.kind == "item":
            text += "[]"
        elif step.kind == "value":
            text += ".<khóa>"
        elif step.kind == "variant":
            text += f" (type: {step.tag})"
    return text


def _anchor(prefix: str, path: tuple[Step, ...]) -> str:
    """A stable HTML id for the section of ``path``: ``hop-tac-xa-products``."""
    parts = [s.name if s.kind == "field" else s.tag for s in path if s.kind in ("field", "variant")]
    # The part's own heading already uses ``prefix`` as its id.
    return "-".join([prefix, *(p.replace("_", "-") for p in parts)]) if parts else f"{prefix}-cac-truong"


def sections(
    model: type[BaseModel],
    *,
    prefix: str,
    example: Any = None,
    id_from_file_name: bool = False,
) -> list[Section]:
    """Every part of a data file, depth first: the file's own fields, then each nested part."""
    found: list[Section] = []
    _walk(model, (), prefix, example, id_from_file_name, found, "")
    return found


def _walk(
    model: type[BaseModel],
    path: tuple[Step, ...],
    prefix: str,
    example: Any,
    id_from_file_name: bool,
    found: list[Section],
    variant: str,
) -> None:
    anchor = _anchor(prefix, path)
    section = Section(anchor, _label(path), model, path, variant=variant)
    found.append(section)
    children: list[tuple[tuple[Step, ...], type[BaseModel], str]] = []
    for name, info in model.model_fields.items():
        nullable = _without_none(info.annotation)[1]
        meaning = _meaning(info)
        if not meaning and variant and name == "type":
            meaning = f"Chọn loại này: ghi đúng type: {variant}."
        doc = FieldDoc(
            name=name,
            required=info.is_required() and not (id_from_file_name and not path and name == "id"),
            nullable=nullable,
            meaning=meaning,
            allowed=allowed_values(info.annotation, list(info.metadata)),
            info=info,
        )
        value = _MISSING if example is None else find_example(example, (*path, Step("field", name)))
        if value is _MISSING:
            value = example_in_description(info)
        if value is not None and value is not _MISSING:
            doc.example, doc.has_example = value, True
        steps, models = _nested(info.annotation)
        if models:
            base = (*path, Step("field", name), *steps)
            if len(models) == 1:
                children.append((base, models[0], ""))
            else:
                for variant_model in models:
                    tag = _variant_tag(variant_model)
                    children.append(((*base, Step("variant", tag=tag)), variant_model, tag))
            doc.section = _anchor(prefix, children[-len(models)][0])
            # The nested section is the example: its own fields each carry one.
            doc.has_example = True
        section.fields.append(doc)
    for child_path, child_model, tag in children:
        _walk(child_model, child_path, prefix, example, False, found, tag)
