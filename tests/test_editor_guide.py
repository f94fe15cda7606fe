"""The editor guide under /huong-dan/: every field of every data model, generated from the
models themselves; examples and error messages that the real check produces."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import pkgutil
import shutil
import typing
from pathlib import Path

import html5lib
import pytest
from pydantic import BaseModel, Field, create_model

import ktt_site
from ktt_site.cli import build_parser
from ktt_site.errors import DataValidationError, ProblemLog
from ktt_site.guide.errors import COMMON_ERRORS
from ktt_site.guide.kinds import COOPERATIVE, PAGES, Part
from ktt_site.guide.pages import example_data, example_text, part_view
from ktt_site.site import ProjectPaths, load_site
from ktt_site.sources import parse_yaml
from ktt_site.validation import Record, validate_record

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
PNG = (FIXTURES / "minimal" / "content" / "images" / "chia-se.png").read_bytes()
JPEG = (FIXTURES / "files" / "anh.jpg").read_bytes()
#: Shared lists the examples refer to; their guide examples are excerpts of these files.
REFERENCE_FILES = (
    "localities/2018.yaml",
    "localities/2025.yaml",
    "organizations.yaml",
    "exemplary_criteria.yaml",
)


def all_parts() -> list[Part]:
    return [part for page in PAGES for part in page.parts]


def model_fields_recursively(model: type[BaseModel]) -> set[tuple[str, str]]:
    """(model, field) of every field reachable from ``model``: written here independently of
    the guide's own walker, so the two cannot share a blind spot."""
    found: set[tuple[str, str]] = set()
    seen: set[type[BaseModel]] = set()

    def models_in(annotation: typing.Any) -> list[type[BaseModel]]:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return [annotation]
        return [m for arg in typing.get_args(annotation) for m in models_in(arg)]

    def walk(current: type[BaseModel]) -> None:
        if current in seen:
            return
        seen.add(current)
        for name, info in current.model_fields.items():
            found.add((current.__name__, name))
            for inner in models_in(info.annotation):
                walk(inner)

    walk(model)
    return found


def parse(path: Path):
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.fixture(scope="module")
def guide(minimal_site) -> Path:
    return minimal_site.built() / "huong-dan"


def rows_by_page(guide: Path) -> dict[str, dict[tuple[str, str], list[str]]]:
    pages = {}
    for guide_page in PAGES:
        doc = parse(guide / guide_page.slug / "index.html")
        rows: dict[tuple[str, str], list[str]] = {}
        for tr in doc.iter("tr"):
            if tr.get("data-model"):
                rows[(tr.get("data-model"), tr.get("data-field"))] = [text(td) for td in tr.findall("td")]
        pages[guide_page.slug] = rows
    return pages


def test_guide_lists_every_field_of_every_data_model(guide):
    pages = rows_by_page(guide)
    for guide_page in PAGES:
        rows = pages[guide_page.slug]
        expected = set().union(*(model_fields_recursively(part.model) for part in guide_page.parts))
        assert expected - set(rows) == set(), guide_page.slug
        for (model_name, field_name), cells in rows.items():
            name, required, meaning, allowed, example = cells
            assert name == field_name
            assert meaning, (model_name, field_name)
            assert allowed, (model_name, field_name)
            assert example, f"{guide_page.slug}: {model_name}.{field_name} has no example"
            assert required in {"Bắt buộc", "Bắt buộc (ghi null nếu chưa rõ)", "Không", "Tự động (theo tên tệp)"}


def test_required_and_meaning_are_read_from_the_models(guide):
    pages = rows_by_page(guide)
    for part in all_parts():
        rows = next(rows for slug, rows in pages.items() if any(p is part for p in _page(slug).parts))
        for name, info in part.model.model_fields.items():
            _, required, meaning, _, _ = rows[(part.model.__name__, name)]
            assert meaning == " ".join(info.description.split())
            if part.id_from_file_name and name == "id":
                assert required == "Tự động (theo tên tệp)"
            else:
                assert required.startswith("Bắt buộc") == info.is_required(), (part.key, name)


def _page(slug: str):
    return next(p for p in PAGES if p.slug == slug)


def test_every_data_model_of_the_package_is_in_the_guide():
    """A model added for a new kind of file must get a place in the guide (guide/kinds.py)."""
    # feedgen.util uses lxml.etree without importing it; feedgen.feed imports it first in a build.
    importlib.import_module("lxml.etree")
    for module in pkgutil.walk_packages(ktt_site.__path__, "ktt_site."):
        importlib.import_module(module.name)
    every: set[type] = set()
    stack = list(Record.__subclasses__())
    while stack:
        cls = stack.pop()
        every.add(cls)
        stack.extend(cls.__subclasses__())
    documented = {name for part in all_parts() for name, _ in model_fields_recursively(part.model)}
    missing = {
        cls.__module__ + "." + cls.__name__ for cls in every if cls.__name__ not in documented and cls.model_fields
    }
    assert missing == set()


def test_a_new_field_shows_in_the_guide_with_its_description():
    extended = create_model(
        "Cooperative",
        __base__=COOPERATIVE.model,
        website_shop=(str | None, Field(default=None, description="Gian hàng trên sàn thương mại điện tử.")),
    )
    view = part_view(dataclasses.replace(COOPERATIVE, model=extended))
    rows = {row.name: row for row in view.sections[0].rows}
    assert rows["website_shop"].meaning == "Gian hàng trên sàn thương mại điện tử."
    assert rows["website_shop"].required == "Không"
    assert set(rows) - set(
        part_view(COOPERATIVE).sections[0].rows and {r.name for r in part_view(COOPERATIVE).sections[0].rows}
    ) == {"website_shop"}


def test_guide_ids_are_unique_and_field_links_resolve(guide):
    for guide_page in PAGES:
        doc = parse(guide / guide_page.slug / "index.html")
        all_ids = [e.get("id") for e in doc.iter() if e.get("id")]
        ids = set(all_ids)
        assert len(all_ids) == len(ids), sorted(i for i in ids if all_ids.count(i) > 1)
        links = [
            a.get("href")[1:] for a in doc.iter("a") if (a.get("href") or "").startswith("#") and a.get("href") != "#"
        ]
        assert links, guide_page.slug
        assert set(links) - ids == set(), guide_page.slug


@pytest.fixture
def reference_site(tmp_path) -> ProjectPaths:
    """A fresh site with the shipped shared lists (communes, organisations, legal documents)."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "minimal", root)
    (root / "models_data/cooperatives/htx-dong-tam.yaml").unlink()
    for name in REFERENCE_FILES:
        (root / "models_data" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "models_data" / name, root / "models_data" / name)
    shutil.rmtree(root / "models_data/legal")
    shutil.copytree(ROOT / "models_data/legal", root / "models_data/legal")
    return ProjectPaths(root, root / "models_data", root / "content")


def _write(root: Path, rel: str, content: str | bytes) -> None:
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")


def test_worked_examples_pass_the_check(reference_site):
    root = reference_site.root
    for part in all_parts():
        if part.example_path.removeprefix("models_data/") in REFERENCE_FILES:
            data = parse_yaml(example_text(part))
            log = ProblemLog(root)
            if part.id_from_file_name:
                data = {"id": Path(part.example_path).stem, **data}
            for item in data if part.list_file else [data]:
                assert validate_record(part.model, item, root / part.example_path, log) is not None
            assert not log.problems, log.problems
            continue
        _write(root, part.example_path, example_text(part))
    for image in (
        "images/hop-tac-xa/hop-tac-xa-rau-an-toan-vi-du/anh-1.jpg",
        "images/ban-tin/2025-so-04/rau.jpg",
        "images/ban-tin/2025-so-04-bia.png",
    ):
        _write(root, f"content/{image}", JPEG if image.endswith(".jpg") else PNG)
    try:
        site = load_site(reference_site, as_of=dt.date(2025, 12, 31))
    except DataValidationError as exc:
        pytest.fail(str(exc))
    assert "hop-tac-xa-rau-an-toan-vi-du" in site.cooperatives
    assert [a.meta.title for a in site.articles] == ["Một hợp tác xã bán rau qua mạng (ví dụ)"]
    assert site.progress["2018"]["hoi-nong-dan"].reports[1].trainees == 120
    assert site.cooperatives["hop-tac-xa-rau-an-toan-vi-du"].illustrative is True
    assert example_data(COOPERATIVE)["illustrative"] == "true"  # as typed; the model makes it a boolean


@pytest.mark.parametrize("error", COMMON_ERRORS, ids=lambda e: e.title)
def test_common_error_messages_are_what_the_check_says(reference_site, error):
    for rel, content in error.other_files:
        _write(reference_site.root, rel, content)
    _write(reference_site.root, error.path, error.content)
    with pytest.raises(DataValidationError) as raised:
        load_site(reference_site, as_of=dt.date(2025, 12, 31))
    lines = [str(p) for p in raised.value.problems]
    assert any(line.startswith(error.message) for line in lines), lines


def test_commands_page_lists_every_command_and_error(guide):
    page = text(parse(guide / "lenh-va-loi" / "index.html").find(".//article"))
    for target in ("make serve", "make check", "make site"):
        assert target in page
    parser_actions = [a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction"]
    (subcommands,) = parser_actions
    assert {"check", "new"} <= set(subcommands.choices)
    for name, sub in subcommands.choices.items():
        assert f"ktt-site {name}" in page
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in page, flag
    for error in COMMON_ERRORS:
        assert error.title in page and error.message in page


def test_guide_is_linked_from_the_about_page_but_not_the_readers_menu(shipped_site):
    about = parse(shipped_site / "gioi-thieu" / "index.html")
    links = [a.get("href") for a in about.find(".//article").iter("a")]
    assert "../huong-dan/" in links
    home = parse(shipped_site / "index.html")
    for nav in home.iter("nav"):
        assert not [a for a in nav.iter("a") if "huong-dan" in (a.get("href") or "")]
    assert (shipped_site / "huong-dan" / "hop-tac-xa" / "index.html").is_file()
