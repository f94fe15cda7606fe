"""Decap CMS's ``config.yml``, generated from the pydantic models that validate the data.

Every field of every model in a collection becomes a form field (label and hint from the field's
Vietnamese description, ``required`` and allowed values as the model says), unless it is listed
in ``EXCLUDED`` with the reason the form cannot or should not show it; ``tests/test_cms_config.py``
fails when a model gains a field that is neither. Ids that must name an existing record are
relation widgets (legal documents, cooperatives: live from the repository) or drop-downs made
from the data at build time (communes, organisations, criteria). Rules a form cannot express
(a founding date before a dissolution, a category typed almost like another) are left to
``ktt-site check``, which CI runs on every commit the CMS makes.

The output is deterministic: same data, same bytes.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from annotated_types import Ge, Gt, Le, Lt, MaxLen
from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo

from ktt_site import reuse
from ktt_site.bulletin.model import BULLETIN_DIR, ArticleMeta, IssueMeta
from ktt_site.cooperatives.exemplary import FILE_NAME as CRITERIA_FILE
from ktt_site.cooperatives.model import KINDS, RELATIONS, STATUSES, Cooperative, Image, ValueChainLink
from ktt_site.dates import PartialDate
from ktt_site.legal.model import TYPES, LegalDocument
from ktt_site.localities import FOLDER as LOCALITIES_FOLDER
from ktt_site.organizations import FILE_NAME as ORGANIZATIONS_FILE
from ktt_site.plans.model import ProgressFile
from ktt_site.schema import Ids, project_ids, read_yaml_leniently
from ktt_site.text import fold
from ktt_site.validation import _check_markdown, _check_slug, _check_web_address

CMS_DIR = "quan-tri"
MEDIA_FOLDER = "content/images"
PUBLIC_FOLDER = "images"
"""Data refers to images by their path relative to ``content/`` (``images/hop-tac-xa/...``)."""

SLUG_PATTERN = ["^[a-z0-9]+(-[a-z0-9]+)*$", "Chỉ chữ thường không dấu, số và dấu gạch nối, ví dụ 'htx-dong-tam'."]
PARTIAL_DATE_PATTERN = [
    "^[0-9]{4}(-(0?[1-9]|1[0-2])(-[0-9]{1,2})?)?$",
    "Viết 2005-09-14, hoặc 2005-09 nếu chỉ biết tháng, hoặc 2005 nếu chỉ biết năm.",
]
WEB_PATTERN = ["^https?://", "Địa chỉ phải bắt đầu bằng https:// hoặc http://"]
#: A legal document as the list and the drop-downs name it; a plan may carry no number (else "null").
LEGAL_NAME = "{{number | default('(không số hiệu)')}} {{title}}"

#: Fields the form leaves out, with why (shown to editors in the guide, hence Vietnamese).
#: (Model, field name) -> reason. A text editor (or ``ktt-site new``) still reaches them, and
#: ``ktt-site check`` validates them all.
EXCLUDED: dict[tuple[type[BaseModel], str], str] = {
    (Cooperative, "id"): "mã là tên tệp, biểu mẫu tự đặt theo tên HTX khi tạo hồ sơ mới",
    **{
        (Cooperative, name): "bảng năm → số (ví dụ 2018: 60): Decap chưa có ô nhập kiểu này; sửa trong tệp YAML"
        for name in ("members", "avg_income", "capital", "revenue")
    },
    (IssueMeta, "template"): "mẫu trang của giao diện: phần kỹ thuật, không dành cho biên tập viên",
    (ArticleMeta, "template"): "mẫu trang của giao diện: phần kỹ thuật, không dành cho biên tập viên",
}

#: Kinds of data file with no form, and why (shown in the guide). Schema kind name as in
#: ``ktt_site/schema.py`` -> reason.
NO_COLLECTION: dict[str, str] = {
    "organizations": "tệp là một danh sách ngay từ dòng đầu; Decap chỉ sửa được tệp dạng «tên: giá trị»",
    "localities": "danh sách đơn vị hành chính chép từ văn bản chính thức, không sửa tay",
    "plan": "chỉ tiêu của kế hoạch gắn với cách tính tự động; ít khi thay đổi, người phát triển trang sửa",
    "exemplary-criteria": "tiêu chí chép từ quyết định ban hành; ít khi thay đổi, người phát triển trang sửa",
}

#: Which model each collection edits (by collection name, or its prefix for per-folder ones).
COLLECTION_MODELS: dict[str, type[BaseModel]] = {
    "hop-tac-xa": Cooperative,
    "van-ban": LegalDocument,
    "so-ban-tin": IssueMeta,
    "bai-": ArticleMeta,
    "tien-do-": ProgressFile,
}

#: What the form adds to a field's description: how the CMS names a new file from it.
FORM_HINTS: dict[tuple[type[BaseModel], str], str] = {
    (Cooperative, "name"): "Hồ sơ mới được lưu thành tệp mang tên này viết không dấu, ví dụ hop-tac-xa-dong-tam.yaml.",
    (LegalDocument, "id"): "Cần ghi khi tạo văn bản mới: mã thành tên tệp, ví dụ luat-htx-2023.",
    (ProgressFile, "id"): "Cần chọn khi tạo báo cáo mới: tên tổ chức thành tên tệp.",
    (IssueMeta, "issue"): "Số mới được lưu trong thư mục NĂM-so-0SỐ, ví dụ 2026-so-03.",
}

#: Labels the form shows instead of the start of the field's description, where two fields would
#: read alike or the description is a sentence (the field name is still added in brackets).
FORM_LABELS: dict[tuple[type[BaseModel], str], str] = {
    (Cooperative, "commune"): "Xã, phường hiện nay",
    (Cooperative, "commune_2018"): "Xã, phường, thị trấn năm 2018",
    (Cooperative, "district_2018"): "Huyện năm 2018",
    (Cooperative, "founded_at_latest"): "Chỉ biết HTX đã hoạt động vào ngày trên",
    (Cooperative, "exemplary"): "Công nhận điển hình tiên tiến",
    (Cooperative, "sources"): "Nguồn thông tin",
    (Image, "path"): "Tệp ảnh",
}

UPLOAD_HINT = "Bấm «Chọn một hình», rồi «Tải lên» để chọn ảnh trong máy (JPEG, PNG, GIF hoặc SVG)."

#: Hints the form shows instead of the field's description, where the description speaks of the
#: codes and paths written in the file, which the form hides: its drop-downs list names, its
#: image fields upload.
FORM_DESCRIPTIONS: dict[tuple[type[BaseModel], str], str] = {
    (Cooperative, "kind"): "Hợp tác xã, tổ hợp tác hay liên hiệp hợp tác xã.",
    (Cooperative, "founded_at_latest"): (
        "Bật khi nguồn không nêu ngày thành lập, chỉ cho biết HTX đã hoạt động vào ngày ghi ở «Ngày thành lập»."
    ),
    (Cooperative, "commune"): (
        "Xã, phường từ ngày 01/07/2025; gõ vài chữ của tên để lọc. Để trống nếu nguồn chỉ nêu xã năm 2018 "
        "và xã đó nhập nguyên vào một xã, phường mới: trang tự suy ra."
    ),
    (Cooperative, "commune_2018"): "Xã, phường, thị trấn trước ngày 01/07/2025, nếu nguồn nêu.",
    (Cooperative, "district_2018"): "Huyện trước ngày 01/07/2025, khi nguồn chỉ nêu huyện mà không nêu xã.",
    (Cooperative, "status"): "Để trống khi không nguồn nào cho biết: trang ghi «Chưa rõ».",
    (Cooperative, "dissolved"): "Ngày giải thể, khi tình trạng là «Đã giải thể».",
    (ProgressFile, "id"): "Tổ chức báo cáo.",
    (Cooperative, "legal_basis"): (
        "Luật còn hiệu lực khi HTX thành lập, nếu nguồn nêu; gõ số hiệu để lọc. Để trống khi nguồn không nêu."
    ),
    (Cooperative, "sources"): "Địa chỉ web (https://...) của bài báo, văn bản nêu các thông tin trên.",
    (Image, "path"): UPLOAD_HINT,
    (ArticleMeta, "image"): UPLOAD_HINT,
    (IssueMeta, "cover"): UPLOAD_HINT,
}

#: Fields the form shows earlier than the model lists them: (model, field) -> the field it goes
#: before. Today's commune is what an editor knows; the 2018 units are for older sources.
FORM_BEFORE: dict[tuple[type[BaseModel], str], str] = {
    (Cooperative, "commune"): "commune_2018",
}

#: Allowed values shown with their Vietnamese names.
OPTION_LABELS: dict[tuple[type[BaseModel], str], dict[str, str]] = {
    (Cooperative, "kind"): KINDS,
    (Cooperative, "status"): STATUSES,
    (LegalDocument, "type"): TYPES,
    (ValueChainLink, "relation"): RELATIONS,
}


@dataclass(frozen=True)
class CmsSettings:
    """Where the CMS reads and writes: the ``cms_*`` options of ``mkdocs.yml``."""

    backend: str = "github"
    repo: str | None = None
    branch: str = "main"
    base_url: str | None = None
    auth_type: str | None = None
    app_id: str | None = None
    editorial_workflow: bool = False
    site_url: str | None = None


@dataclass
class _Context:
    ids: Ids
    names: dict[str, str]
    """Names of communes, districts (today's first) and organisations, by id (drop-down labels)."""
    issues: list[str]
    progress_years: list[str]
    relation_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    criteria_titles: dict[str, str] = field(default_factory=dict)
    """Titles of the exemplary criteria by id (the drop-down shows titles, saves ids)."""


def _metadata(info: FieldInfo, annotation: Any) -> list[Any]:
    found = list(info.metadata)
    if typing.get_origin(annotation) is typing.Annotated:
        found += list(annotation.__metadata__)
    return found


def _validators(metadata: list[Any]) -> set[Any]:
    return {m.func for m in metadata if isinstance(m, AfterValidator)}


def _optional(annotation: Any) -> tuple[Any, bool]:
    """The type without ``None``, and whether ``None`` was allowed."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _base(annotation: Any) -> tuple[Any, list[Any]]:
    """The type under ``Annotated``, and the metadata it carried."""
    if typing.get_origin(annotation) is typing.Annotated:
        return typing.get_args(annotation)[0], list(annotation.__metadata__)
    return annotation, []


def _bounds(metadata: list[Any], widget: dict[str, Any]) -> None:
    for item in metadata:
        if isinstance(item, Ge):
            widget["min"] = item.ge
        elif isinstance(item, Gt):
            widget["min"] = int(item.gt) + 1  # type: ignore[call-overload]  # the models use ints
        elif isinstance(item, Le):
            widget["max"] = item.le
        elif isinstance(item, Lt):
            widget["max"] = int(item.lt) - 1  # type: ignore[call-overload]
        elif hasattr(item, "metadata"):  # pydantic's grouped constraints (Field(ge=..., le=...))
            _bounds(list(item.metadata), widget)


def _select(values: list[str], labels: dict[str, str] | None = None) -> dict[str, Any]:
    if labels:
        return {"widget": "select", "options": [{"label": labels.get(v, v), "value": v} for v in values]}
    return {"widget": "select", "options": list(values)}


def _units(values: list[str], names: dict[str, str]) -> dict[str, Any]:
    """A drop-down of units or organisations, by name (and id: two units may share a name)."""
    labelled = sorted(values, key=lambda v: (fold(names.get(v) or v), v))  # "Đ" beside "D", as readers expect
    return _select(labelled, {v: f"{names[v]} ({v})" for v in labelled if v in names})


def _unit_names(data_dir: Path) -> dict[str, str]:
    """Names of units and organisations, read leniently (a broken file only loses labels)."""
    names: dict[str, str] = {}

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str) and isinstance(node.get("name"), str):
                names.setdefault(node["id"], node["name"])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    today_first = sorted((data_dir / LOCALITIES_FOLDER).glob("*.yaml"), reverse=True)
    for path in [*today_first, data_dir / ORGANIZATIONS_FILE]:
        visit(read_yaml_leniently(path))
    return names


def _criteria_titles(data_dir: Path) -> dict[str, str]:
    """Titles of the exemplary criteria, read leniently (a broken file only loses labels)."""
    data = read_yaml_leniently(data_dir / CRITERIA_FILE)
    listed = data.get("criteria") if isinstance(data, dict) else None
    return {
        str(item["id"]): str(item["title"])
        for item in listed or []
        if isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("title"), str)
    }


def _relation(collection: str, display: list[str], search: list[str]) -> dict[str, Any]:
    return {
        "widget": "relation",
        "collection": collection,
        "value_field": "{{slug}}",
        "search_fields": search,
        "display_fields": display,
        "options_length": 500,
    }


def _ids_widget(model: type[BaseModel], name: str, ctx: _Context) -> dict[str, Any] | None:
    """Drop-downs and relations for fields that hold ids of other records."""
    legal = _relation("van-ban", [LEGAL_NAME], ["number", "title"])
    cooperatives = _relation("hop-tac-xa", ["{{name}}"], ["name"])
    units: dict[tuple[type[BaseModel], str], list[str]] = {
        (Cooperative, "commune"): ctx.ids.communes,
        (Cooperative, "commune_2018"): ctx.ids.communes_2018,
        (Cooperative, "district_2018"): ctx.ids.districts_2018,
        (Cooperative, "founded_by"): ctx.ids.organizations,
        (ProgressFile, "id"): ctx.ids.organizations,
    }
    if (model, name) in units:  # sorted by name only for the few fields that hold them
        widget = _units(units[(model, name)], ctx.names)
        return {**widget, "multiple": True} if name == "founded_by" else widget
    special: dict[tuple[type[BaseModel], str], dict[str, Any]] = {
        (Cooperative, "legal_basis"): legal,
        (LegalDocument, "replaced_by"): legal,
        (LegalDocument, "related"): {**legal, "multiple": True},
        (ArticleMeta, "legal"): {**legal, "multiple": True},
        (ArticleMeta, "cooperatives"): {**cooperatives, "multiple": True},
    }
    if model.__name__ == "Recognition" and name == "criteria":
        return {**_select(ctx.ids.criteria, ctx.criteria_titles), "multiple": True}
    if (model, name) in {(IssueMeta, "cover"), (ArticleMeta, "image")} or (
        model.__name__ == "Image" and name == "path"
    ):
        return {"widget": "image", "choose_url": False}
    return special.get((model, name))


def _widget(model: type[BaseModel], name: str, annotation: Any, metadata: list[Any], ctx: _Context) -> dict[str, Any]:
    """The Decap widget for one field's type."""
    ids = _ids_widget(model, name, ctx)
    if ids is not None:
        return dict(ids)
    annotation, inner = _base(annotation)
    metadata = metadata + inner
    checks = _validators(metadata)
    origin = typing.get_origin(annotation)
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int:
        widget: dict[str, Any] = {"widget": "number", "value_type": "int"}
        _bounds(metadata, widget)
        return widget
    if annotation is float:
        widget = {"widget": "number", "value_type": "float"}
        _bounds(metadata, widget)
        return widget
    if annotation is dt.date:
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "DD/MM/YYYY",
            "time_format": False,
            "picker_utc": True,
        }
    if annotation is PartialDate:
        return {"widget": "string", "pattern": PARTIAL_DATE_PATTERN}
    if origin is Literal:
        return _select([str(v) for v in typing.get_args(annotation)], OPTION_LABELS.get((model, name)))
    if annotation is str:
        if _check_markdown in checks:
            return {"widget": "markdown", "modes": ["rich_text", "raw"]}
        widget = {"widget": "string"}
        if _check_slug in checks:
            widget["pattern"] = SLUG_PATTERN
        elif _check_web_address in checks:
            widget["pattern"] = WEB_PATTERN
        return widget
    if origin is list:
        (item,) = typing.get_args(annotation)
        item_type, item_meta = _base(item)
        if isinstance(item_type, type) and issubclass(item_type, BaseModel):
            return {"widget": "list", "fields": model_fields(item_type, ctx)}
        return {"widget": "list", "field": {"name": "item", "label": "Mục", **_widget(model, name, item, [], ctx)}}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"widget": "object", "fields": model_fields(annotation, ctx)}
    raise TypeError(f"{model.__name__}.{name}: no Decap widget for {annotation!r}; add one or an exclusion")


def _form_order(model: type[BaseModel]) -> list[str]:
    names = list(model.model_fields)
    for (owner, name), before in FORM_BEFORE.items():
        if owner is model:
            names.remove(name)
            names.insert(names.index(before), name)
    return names


def model_fields(model: type[BaseModel], ctx: _Context) -> list[dict[str, Any]]:
    """The form fields of a model, in the model's order (but for ``FORM_BEFORE``)."""
    fields = []
    for name in _form_order(model):
        info = model.model_fields[name]
        if (model, name) in EXCLUDED:
            continue
        annotation, nullable = _optional(info.annotation)
        metadata = _metadata(info, info.annotation)
        widget = _widget(model, name, annotation, metadata, ctx)
        picks = widget["widget"] in ("select", "relation")
        text = FORM_LABELS.get((model, name)) or _label_text(info.description, name, picks)
        entry: dict[str, Any] = {"name": name, "label": f"{text} ({name})"}
        entry.update(widget)
        description = FORM_DESCRIPTIONS.get((model, name)) or _without_ids(info.description or "", picks)
        hint = " ".join(filter(None, (_hint(description, metadata, text), FORM_HINTS.get((model, name)))))
        if hint:
            entry["hint"] = hint
        # A field the model needs, unless it may be null (the form leaves it out when empty).
        entry["required"] = info.is_required() and not nullable
        if name == "id":  # taken from the file name when the file does not say it (an existing record)
            entry["required"] = False
        if entry["widget"] == "boolean":
            entry["default"] = bool(info.default)
            entry["required"] = False
        if entry["widget"] == "list":
            entry["label_singular"] = text[:1].lower() + text[1:]  # the button reads «Thêm <this>»
            entry.setdefault("collapsed", True)
            entry["default"] = []  # else Decap offers one empty item, saved as an empty record
            min_items = next((m.min_length for m in metadata if hasattr(m, "min_length")), None)
            if min_items:
                entry["min"] = min_items
        fields.append(entry)
    return fields


def _hint(description: str | None, metadata: list[Any], label: str) -> str:
    """The description under a field, worded for the form: a switch is «Bật», not true; a
    description that only repeats the label is left out."""
    hint = description or ""
    for old, new in (("true nếu ", "Bật nếu "), ("true: ", "Bật: ")):
        if hint.startswith(old):
            hint = new + hint.removeprefix(old)
    if fold(hint.rstrip(". ")) == fold(label):
        hint = ""
    for item in metadata:
        if isinstance(item, MaxLen) and "tối đa" not in hint:
            hint += f" (tối đa {item.max_length} ký tự)"
    return hint.strip()


def _without_ids(text: str, picks: bool) -> str:
    """A description that starts «Mã (các) ...» as the form says it where the editor picks by
    name from a drop-down: «Các ...», or without «Mã»."""
    if picks and text.startswith("Mã các "):
        return "Các " + text.removeprefix("Mã các ")
    if picks and text.startswith("Mã "):
        text = text.removeprefix("Mã ")
        return text[:1].upper() + text[1:]
    return text


def _label_text(description: str | None, name: str, picks: bool) -> str:
    """A short label: the description up to its first colon, comma or full stop."""
    if not description:
        return name
    text = _without_ids(description, picks).removeprefix("true nếu ").removeprefix("true: ")
    for stop in (":", ",", ".", " (", ";", " ví dụ"):
        text = text.split(stop)[0]
    text = text.strip()
    return text[:1].upper() + text[1:]


def _folder_collection(
    name: str, label: str, folder: str, model: type[BaseModel], ctx: _Context, **extra: Any
) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "folder": folder,
        "create": True,
        **extra,
        "fields": model_fields(model, ctx),
    }


def _issue_folders(content_dir: Path) -> list[str]:
    root = content_dir / BULLETIN_DIR
    return sorted(p.parent.name for p in root.glob("*/index.md")) if root.is_dir() else []


def _progress_years(data_dir: Path) -> list[str]:
    years = {p.name for p in (data_dir / "progress").glob("*") if p.is_dir()}
    years |= {p.stem for p in (data_dir / "plans").glob("*.yaml")}
    return sorted(years)


def collections(data_dir: Path, content_dir: Path) -> list[dict[str, Any]]:
    ctx = _Context(
        project_ids(data_dir),
        _unit_names(data_dir),
        _issue_folders(content_dir),
        _progress_years(data_dir),
        criteria_titles=_criteria_titles(data_dir),
    )
    data = data_dir.name
    content = content_dir.name
    yaml_file = {"extension": "yaml", "format": "yaml"}
    front_matter = {"extension": "md", "format": "frontmatter"}
    body = {
        "name": "body",
        "label": "Nội dung bài",
        "widget": "markdown",
        "required": False,
        "hint": (
            'Trích dẫn văn bản: {{ van_ban("luat-htx-2012") }}, mã văn bản ghi cuối mỗi dòng của mục «Văn bản '
            'pháp lý»; nhúng chỉ tiêu: {{ tien_do("2018", "tht-moi") }}.'
        ),
    }
    found = [
        _folder_collection(
            "hop-tac-xa",
            "Hợp tác xã, tổ hợp tác",
            f"{data}/cooperatives",
            Cooperative,
            ctx,
            label_singular="hồ sơ",
            identifier_field="name",
            slug="{{slug}}",
            summary="{{name}}",
            sortable_fields=["name", "founded"],
            **yaml_file,
        ),
        _folder_collection(
            "van-ban",
            "Văn bản pháp lý",
            f"{data}/legal",
            LegalDocument,
            ctx,
            label_singular="văn bản",
            identifier_field="title",
            slug="{{id}}",
            # The file name is the id an article cites ({{ van_ban("<mã>") }}): shown on the list.
            summary=LEGAL_NAME + " · mã: {{filename}}",
            **yaml_file,
        ),
        _folder_collection(
            "so-ban-tin",
            "Số Bản tin",
            f"{content}/{BULLETIN_DIR}",
            IssueMeta,
            ctx,
            label_singular="số bản tin",
            path="{{slug}}/index",
            slug="{{year}}-so-0{{issue}}",
            summary="Số {{issue}}: {{title}}",
            **front_matter,
        ),
    ]
    for folder in ctx.issues:
        found.append(
            {
                **_folder_collection(
                    f"bai-{folder}",
                    f"Bài viết: {folder}",
                    f"{content}/{BULLETIN_DIR}/{folder}",
                    ArticleMeta,
                    ctx,
                    label_singular="bài viết",
                    slug="{{slug}}",
                    summary="{{title}}",
                    **front_matter,
                ),
            }
        )
        found[-1]["fields"].append(body)
    for year in ctx.progress_years:
        found.append(
            _folder_collection(
                f"tien-do-{year}",
                f"Báo cáo tiến độ {year}",
                f"{data}/progress/{year}",
                ProgressFile,
                ctx,
                label_singular="báo cáo",
                identifier_field="id",
                slug="{{id}}",
                summary="{{id}}",
                **yaml_file,
            )
        )
    return found


def _backend(settings: CmsSettings) -> dict[str, Any]:
    backend: dict[str, Any] = {"name": settings.backend}
    if settings.repo:
        backend["repo"] = settings.repo
    backend["branch"] = settings.branch
    for key in ("base_url", "auth_type", "app_id"):
        value = getattr(settings, key)
        if value:
            backend[key] = value
    backend["commit_messages"] = {
        "create": "Thêm {{collection}} “{{slug}}”",
        "update": "Sửa {{collection}} “{{slug}}”",
        "delete": "Xóa {{collection}} “{{slug}}”",
        "uploadMedia": "Tải ảnh “{{path}}”",
        "deleteMedia": "Xóa ảnh “{{path}}”",
    }
    return backend


def cms_config(data_dir: Path, content_dir: Path, settings: CmsSettings) -> dict[str, Any]:
    """The configuration as a mapping (what ``config.yml`` holds)."""
    config: dict[str, Any] = {
        "backend": _backend(settings),
        "locale": "vi",
        # The site's own mark on the sign-in page and in the header, not Decap's (beside
        # /quan-tri/, so it works under a project sub-path too).
        "logo": {"src": "../assets/ktt/logo.svg", "show_in_header": True},
        # decap-server (npx decap-server) on the editor's machine: read and write the local copy.
        "local_backend": True,
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(data_dir, content_dir),
    }
    if settings.editorial_workflow:
        config["publish_mode"] = "editorial_workflow"
    if settings.site_url:
        config["site_url"] = settings.site_url
        config["display_url"] = settings.site_url
    return config


def config_yaml(data_dir: Path, content_dir: Path, settings: CmsSettings) -> str:
    """``config.yml``, deterministic."""
    header = "# Tự sinh từ các mô hình dữ liệu của ktt-site mỗi lần dựng trang: đừng sửa tay.\n"
    config = cms_config(data_dir, content_dir, settings)
    # Kept by the live preview while the configuration is equal (most saves change no option).
    return header + reuse.made(
        "cms config",
        config,
        lambda: yaml.dump(config, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100),
    )


#: libyaml's emitter where PyYAML has it: the same text, twenty times faster than PyYAML's own.
_SAFE_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _NoAliases(_SAFE_DUMPER):  # type: ignore[valid-type,misc]
    """Each field written out in full: anchors and aliases only confuse a reader of the file."""

    def ignore_aliases(self, data: Any) -> bool:
        return True
