"""``ktt-site new cooperative`` and ``ktt-site schema``, used as an editor would from a shell
(once each as the real command; the other runs are the same code in the test process)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import BIN, ROOT
from cooperatives_support import content, page_file, parse, text
from schema_support import as_editor_sees

KTT = str(BIN / "ktt-site")
SCAFFOLD = "models_data/cooperatives/hop-tac-xa-dong-tam-moi.yaml"


def _validator(schema_file: Path) -> jsonschema.Validator:
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _errors(validator: jsonschema.Validator, yaml_text: str) -> list[str]:
    data = as_editor_sees(yaml.safe_load(yaml_text))
    return sorted(
        "/".join(str(p) for p in error.absolute_path) + ": " + error.validator for error in validator.iter_errors(data)
    )


def _new(project, name: str, commune: str):
    """``ktt-site new cooperative NAME --commune COMMUNE``, run in this process."""
    return project.ktt_site_in_process("new", "cooperative", name, "--commune", commune)


def test_new_cooperative_writes_a_commented_skeleton_pointing_at_its_schema(project):
    result = project.run(KTT, "new", "cooperative", "Hợp tác xã Đồng Tâm Mới", "--commune", "xa-dong-tam")
    assert result.returncode == 0, result.stderr
    assert f"Đã tạo {SCAFFOLD} (mã: hop-tac-xa-dong-tam-moi)" in result.stdout
    written = project.path(SCAFFOLD).read_text(encoding="utf-8")
    first = written.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/cooperative.schema.json"
    schema_file = (project.path(SCAFFOLD).parent / first.split("$schema=")[1]).resolve()
    assert schema_file == project.path("schemas/cooperative.schema.json").resolve()
    assert schema_file.is_file()
    data = yaml.safe_load(written)
    assert data["name"] == "Hợp tác xã Đồng Tâm Mới"
    assert (data["kind"], data["commune"]) == ("htx", "xa-dong-tam")
    assert "status" not in data  # only what a source gives: left for the editor, commented
    assert "# legal_basis: luat-htx-2012" in written  # the fixture's only cooperative law
    assert "commune: xa-dong-tam  # Xã Đồng Tâm, Huyện Đồng A" in written
    assert "# founded_by: [hoi-nong-dan]" in written

    # Left empty on purpose: the check names the field and how to fill it.
    check = project.check_in_process()
    assert check.returncode == 1
    lines = written.splitlines()
    line = lines.index(next(row for row in lines if row.startswith("founded:"))) + 1
    assert f"{SCAFFOLD}:{line}: founded: chưa điền ngày thành lập" in check.stderr

    project.write(SCAFFOLD, written.replace("founded:  #", "founded: 2018-05  #"))
    assert project.check_in_process().returncode == 0
    assert project.build_in_process().returncode == 0
    article = content(parse(page_file(project.built(), "hop-tac-xa/hop-tac-xa-dong-tam-moi")))
    assert text(article.find("h1")) == "Hợp tác xã Đồng Tâm Mới"


def test_new_cooperative_slugs_vietnamese_names_and_guesses_the_kind(project):
    result = _new(project, "Tổ hợp tác  Rau sạch Đức Hòa", "phuong-1")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(
        project.path("models_data/cooperatives/to-hop-tac-rau-sach-duc-hoa.yaml").read_text(encoding="utf-8")
    )
    assert data["name"] == "Tổ hợp tác Rau sạch Đức Hòa"
    assert data["kind"] == "tht"
    result = _new(project, "Hợp tác xã Đồng Tâm", "xa-dong-tam")
    assert result.returncode == 0, result.stderr
    assert project.path("models_data/cooperatives/hop-tac-xa-dong-tam.yaml").is_file()


def test_new_cooperative_refuses_to_overwrite(project):
    assert _new(project, "Hợp tác xã Đồng Tâm Mới", "xa-dong-tam").returncode == 0
    project.write(SCAFFOLD, "name: Đã sửa\n")
    again = _new(project, "Hợp tác xã Đồng Tâm Mới", "tp-b")
    assert again.returncode == 1
    assert f"tệp {SCAFFOLD} đã có; không ghi đè" in again.stderr
    assert project.path(SCAFFOLD).read_text(encoding="utf-8") == "name: Đã sửa\n"


def test_new_cooperative_refuses_an_unknown_commune_in_vietnamese(project):
    result = _new(project, "Hợp tác xã Đồng Tâm Mới", "dong-tam")
    assert result.returncode == 1
    assert (
        "Không tạo được tệp: không có xã/phường/thị trấn mang mã 'dong-tam' trong "
        "models_data/localities/2018.yaml; có phải ý bạn là: xa-dong-tam?"
    ) in result.stderr
    assert not project.path(SCAFFOLD).exists()
    assert not list(project.path("models_data/cooperatives").glob("hop-tac-xa-dong-tam-moi*"))


def test_uncommented_skeleton_is_valid_for_the_schema(project):
    """Every optional key the skeleton suggests is one the schema (and the model) accepts."""
    assert _new(project, "Hợp tác xã Đồng Tâm Mới", "xa-dong-tam").returncode == 0
    lines = project.path(SCAFFOLD).read_text(encoding="utf-8").splitlines()
    start = lines.index("# --- Tùy chọn ---")
    opened = lines[:start] + [line[2:] if line.startswith("# ") else line for line in lines[start + 1 :]]
    filled = "\n".join(opened).replace("founded:  #", "founded: 2018-05  #")
    validator = _validator(project.path("schemas/cooperative.schema.json"))
    assert _errors(validator, filled) == []


@pytest.fixture
def schemas(project) -> Path:
    result = project.ktt_site_in_process("schema")
    assert result.returncode == 0, result.stderr
    return project.path("schemas")


def test_schema_command_writes_one_schema_per_kind_of_file(project, schemas):
    names = sorted(p.name for p in schemas.glob("*.schema.json"))
    assert names == sorted(
        f"{kind}.schema.json"
        for kind in (
            "organizations",
            "localities",
            "cooperative",
            "legal",
            "plan",
            "progress",
            "exemplary-criteria",
            "article",
            "issue",
        )
    )
    for path in schemas.glob("*.json"):
        _validator(path)  # each is a well-formed JSON Schema
    again = project.run(KTT, "schema")  # the real command
    assert again.returncode == 0
    assert "Đã ghi schemas/cooperative.schema.json" in again.stdout


def test_schema_flags_an_editors_mistakes_as_they_type(project, schemas):
    validator = _validator(schemas / "cooperative.schema.json")
    good = project.path("models_data/cooperatives/htx-dong-tam.yaml").read_text(encoding="utf-8")
    assert _errors(validator, good) == []
    assert _errors(validator, good.replace("commune:", "comune:")) == [
        ": additionalProperties",
        ": anyOf",  # no place at all: commune, commune_2018 or district_2018
    ]
    assert _errors(validator, good.replace("commune: xa-dong-tam", "commune: xa-khong-co")) == ["commune: anyOf"]
    assert _errors(validator, good.replace("kind: htx", "kind: htx2")) == ["kind: enum"]
    assert _errors(validator, good.replace("founded: 2018-03-15", "founded: 2018-13")) == ["founded: anyOf"]
    assert _errors(validator, good.replace("founded: 2018-03-15", "founded: 2018-03")) == []
    assert _errors(validator, good + "members:\n  2018: -1\n") == ["members/2018: minimum"]
    assert _errors(validator, good + "members:\n  nam-2018: 5\n") == ["members: pattern"]  # key must be a year
    assert _errors(validator, good.replace("[hoi-nong-dan]", "[hoi-nong-dan, hoi-khac]")) == ["founded_by/1: enum"]
    # Ids of records added every week are not listed (they would go stale): the check names them.
    assert _errors(validator, good.replace("legal_basis: luat-htx-2012", "legal_basis: luat-2099")) == []
    # The id comes from the file name, so a file without one is complete.
    assert "id" not in json.loads((schemas / "cooperative.schema.json").read_text(encoding="utf-8"))["required"]


def test_shipped_data_files_satisfy_the_schemas(tmp_path):
    """The repository's own YAML validates against schemas generated from its data."""
    from ktt_site.schema import write_schemas

    out = write_schemas(tmp_path, ROOT / "models_data")
    validators = {p.name.removesuffix(".schema.json"): _validator(p) for p in out}
    data = ROOT / "models_data"
    files = [
        ("organizations", data / "organizations.yaml"),
        ("localities", data / "localities" / "2018.yaml"),
    ]
    files += [("cooperative", p) for p in sorted((data / "cooperatives").glob("*.yaml"))]
    files += [("legal", p) for p in sorted((data / "legal").glob("*.yaml"))]
    files += [("plan", p) for p in sorted((data / "plans").glob("*.yaml"))]
    files += [("progress", p) for p in sorted((data / "progress").glob("*/*.yaml"))]
    if (data / "exemplary_criteria.yaml").exists():
        files.append(("exemplary-criteria", data / "exemplary_criteria.yaml"))
    assert len([kind for kind, _ in files if kind == "cooperative"]) >= 8
    for kind, path in files:
        assert _errors(validators[kind], path.read_text(encoding="utf-8")) == [], path


def test_shipped_cooperatives_point_at_the_committed_schema():
    for path in sorted((ROOT / "models_data/cooperatives").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/cooperative.schema.json", path
    assert (ROOT / "schemas/cooperative.schema.json").is_file()
