"""JSON Schema for every kind of data file, so editors' YAML editors complete and flag mistakes.

The schemas come from the same pydantic models that validate a build (``model_json_schema``),
adjusted for how a YAML editor sees a file: ``id`` is the file name (not required inside),
years are mapping keys, dates may be partial, and ids from the project's stable lists (communes
and districts, organisations, exemplary criteria) are listed as ``enum``, so a mistyped commune
id is underlined as it is typed.

Ids of records editors add every week (cooperatives, legal documents) are deliberately not
listed: the committed ``schemas/`` would go stale with each new profile or document, and an
editor's YAML tool would then underline the very id they just created. ``ktt-site check``
names a dangling one with its file and line instead. The stable lists change only with an
administrative reform or a new plan: re-run ``ktt-site schema`` then (a test compares the
committed schemas with freshly generated ones).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ktt_site.bulletin.model import ArticleMeta, IssueMeta
from ktt_site.cooperatives.exemplary import FILE_NAME as CRITERIA_FILE
from ktt_site.cooperatives.exemplary import ExemplaryCriteria
from ktt_site.cooperatives.model import Cooperative
from ktt_site.dates import PartialDate
from ktt_site.legal.model import LegalDocument
from ktt_site.localities import FOLDER as LOCALITIES_FOLDER
from ktt_site.localities import FORMER_SET, LocalitySet
from ktt_site.organizations import FILE_NAME as ORGANIZATIONS_FILE
from ktt_site.organizations import Organization
from ktt_site.plans.model import Plan, ProgressFile
from ktt_site.references import listed_ids
from ktt_site.sources import YamlSourceError, parse_yaml

DEFAULT_DIR = "schemas"
DRAFT = "http://json-schema.org/draft-07/schema#"


@dataclass(frozen=True)
class Ids:
    """Ids that exist in a project, by what they name (empty when a file cannot be read)."""

    communes: list[str]
    """Today's communes (the newest set of units)."""
    communes_2018: list[str]
    districts_2018: list[str]
    organizations: list[str]
    criteria: list[str]


@dataclass(frozen=True)
class SchemaKind:
    """One kind of data file: its schema's file name, what it describes, how it is built."""

    name: str
    title: str
    files: str
    model: Any
    folder_record: bool = False
    """``id`` comes from the file name, so it is optional inside the file."""
    restrict: Callable[[dict[str, Any], Ids], None] | None = None
    left_empty: tuple[str, ...] = ()
    """Required fields ``ktt-site new`` writes empty for the editor to fill: the schema accepts
    them empty, so a fresh file is not underlined in red with "null is not allowed", and the
    check names each one with what to write."""


class _EditorSchema(GenerateJsonSchema):
    """pydantic's generator, with YAML-editor views of partial dates and year keys."""

    def dataclass_schema(self, schema: core_schema.DataclassSchema) -> JsonSchemaValue:
        if schema["cls"] is PartialDate:
            return {
                "anyOf": [
                    {"type": "string", "format": "date"},
                    {"type": "string", "pattern": "^[0-9]{4}-(0?[1-9]|1[0-2])$"},
                    {"type": "integer", "minimum": 1900, "maximum": 2100},
                ],
                "description": "2005-09-14, hoặc 2005-09 nếu chỉ biết tháng, hoặc 2005 nếu chỉ biết năm.",
            }
        return super().dataclass_schema(schema)

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        result = super().dict_schema(schema)
        keys = schema.get("keys_schema") or {}
        if keys.get("type") == "int":
            # YAML keys like 2018 reach the editor's validator as the strings "2018".
            result["propertyNames"] = {"pattern": "^[0-9]{4}$"}
        return result


def _branch(node: dict[str, Any]) -> dict[str, Any]:
    """The non-null branch of an optional field, where an enum belongs."""
    for option in node.get("anyOf", []):
        if option.get("type") != "null":
            return option
    return node


def _enum(node: dict[str, Any], values: list[str]) -> None:
    if values:
        _branch(node)["enum"] = sorted(values)


def _items(node: dict[str, Any]) -> dict[str, Any]:
    return _branch(node)["items"]


def _restrict_cooperative(schema: dict[str, Any], ids: Ids) -> None:
    props = schema["properties"]
    _enum(props["commune"], ids.communes)
    # At least one place (the model says so in Vietnamese; here the editor's YAML tool sees it).
    schema["anyOf"] = [{"required": [name]} for name in ("commune", "commune_2018", "district_2018")]
    _enum(props["commune_2018"], ids.communes_2018)
    _enum(props["district_2018"], ids.districts_2018)
    _enum(_items(props["founded_by"]), ids.organizations)
    _enum(_items(schema["$defs"]["Recognition"]["properties"]["criteria"]), ids.criteria)


def _restrict_plan(schema: dict[str, Any], ids: Ids) -> None:
    props = schema["properties"]
    if ids.organizations:
        props["assignments"]["propertyNames"] = {"enum": sorted(ids.organizations)}


def _restrict_criteria(schema: dict[str, Any], ids: Ids) -> None:
    props = schema["properties"]
    _enum(_items(props["set_by"]), ids.organizations)


KINDS: tuple[SchemaKind, ...] = (
    SchemaKind(
        "organizations",
        "Danh sách tổ chức",
        f"models_data/{ORGANIZATIONS_FILE}",
        list[Organization],
    ),
    SchemaKind(
        "localities", "Danh sách đơn vị hành chính", f"models_data/{LOCALITIES_FOLDER}/<năm>.yaml", LocalitySet, True
    ),
    SchemaKind(
        "cooperative",
        "Hồ sơ hợp tác xã, tổ hợp tác",
        "models_data/cooperatives/<mã>.yaml",
        Cooperative,
        True,
        _restrict_cooperative,
        left_empty=("founded",),
    ),
    SchemaKind(
        "legal",
        "Văn bản pháp lý",
        "models_data/legal/<mã>.yaml",
        LegalDocument,
        True,
    ),
    SchemaKind("plan", "Kế hoạch phối hợp", "models_data/plans/<năm>.yaml", Plan, True, _restrict_plan),
    SchemaKind(
        "progress",
        "Báo cáo tiến độ của một tổ chức",
        "models_data/progress/<năm>/<mã tổ chức>.yaml",
        ProgressFile,
        True,
    ),
    SchemaKind(
        "exemplary-criteria",
        "Tiêu chí HTX điển hình tiên tiến",
        f"models_data/{CRITERIA_FILE}",
        ExemplaryCriteria,
        False,
        _restrict_criteria,
    ),
    SchemaKind(
        "article",
        "Phần đầu (front matter) của một bài Bản tin",
        "content/ban-tin/<số>/<bài>.md",
        ArticleMeta,
    ),
    SchemaKind(
        "issue",
        "Phần đầu (front matter) của một số Bản tin",
        "content/ban-tin/<số>/index.md",
        IssueMeta,
    ),
)


def _strip_titles(node: Any) -> None:
    """Drop pydantic's English titles made from field names; the Vietnamese descriptions stay."""
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for value in props.values():
                if isinstance(value, dict):
                    value.pop("title", None)
        for value in node.values():
            _strip_titles(value)
    elif isinstance(node, list):
        for value in node:
            _strip_titles(value)


def schema_for(kind: SchemaKind, ids: Ids | None = None) -> dict[str, Any]:
    """The JSON Schema of one kind of file, with the project's ids when given."""
    if isinstance(kind.model, type) and issubclass(kind.model, BaseModel):
        generated = kind.model.model_json_schema(schema_generator=_EditorSchema)
    else:
        generated = TypeAdapter(kind.model).json_schema(schema_generator=_EditorSchema)
    _strip_titles(generated)
    generated.pop("title", None)
    if kind.folder_record and "id" in generated.get("required", []):
        generated["required"] = [name for name in generated["required"] if name != "id"]
        generated["properties"]["id"]["description"] = "Không cần ghi: mã là tên tệp (không có đuôi .yaml)."
    for name in kind.left_empty:
        node = generated["properties"][name]
        description = node.pop("description", None)
        generated["properties"][name] = {
            "anyOf": [node, {"type": "null"}],
            **({"description": description} if description else {}),
        }
    if ids is not None and kind.restrict is not None:
        kind.restrict(generated, ids)
    return {
        "$schema": DRAFT,
        "title": f"{kind.title} ({kind.files})",
        **{key: value for key, value in generated.items() if key != "$schema"},
    }


def read_yaml_leniently(path: Path) -> Any:
    """A data file's values, or None where it is missing or broken (parsed once per build: cached)."""
    try:
        return parse_yaml(path.read_text(encoding="utf-8-sig"))
    except (OSError, YamlSourceError, UnicodeDecodeError):
        return None


def _under(data: Any, key: str) -> Any:
    return data.get(key) if isinstance(data, dict) else None


def _districts(locality_set: Any) -> list[dict[str, Any]]:
    found = locality_set.get("districts") if isinstance(locality_set, dict) else None
    return [d for d in found or [] if isinstance(d, dict)]


def _commune_ids(locality_set: Any) -> list[str]:
    """Ids of a set's communes, under its districts or directly under it."""
    if not isinstance(locality_set, dict):
        return []
    communes = [c for d in _districts(locality_set) for c in d.get("communes") or []]
    communes += locality_set.get("communes") or []
    return [str(c["id"]) for c in communes if isinstance(c, dict) and "id" in c]


def project_ids(data_dir: Path) -> Ids:
    """Ids as the data folder has them now, read leniently: a broken file only means no enum."""
    sets = sorted((data_dir / LOCALITIES_FOLDER).glob("*.yaml"))
    former = read_yaml_leniently(data_dir / LOCALITIES_FOLDER / f"{FORMER_SET}.yaml")
    newest = read_yaml_leniently(sets[-1]) if sets else None
    return Ids(
        communes=_commune_ids(newest),
        communes_2018=_commune_ids(former),
        districts_2018=[str(d["id"]) for d in _districts(former) if "id" in d],
        organizations=sorted(listed_ids(read_yaml_leniently(data_dir / ORGANIZATIONS_FILE)) or ()),
        criteria=sorted(listed_ids(_under(read_yaml_leniently(data_dir / CRITERIA_FILE), "criteria")) or ()),
    )


def schema_path(schema_dir: Path, kind_name: str) -> Path:
    return schema_dir / f"{kind_name}.schema.json"


def write_schemas(schema_dir: Path, data_dir: Path | None = None) -> list[Path]:
    """Write one ``<kind>.schema.json`` per kind of file; return the paths written."""
    ids = project_ids(data_dir) if data_dir is not None else None
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = schema_path(schema_dir, kind.name)
        text = json.dumps(schema_for(kind, ids), ensure_ascii=False, indent=2) + "\n"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def modeline(yaml_file: Path, schema_file: Path) -> str:
    """The first line that tells the YAML language server (VS Code, vim, ...) which schema applies."""
    relative = Path(os.path.relpath(schema_file.resolve(), yaml_file.resolve().parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}"
