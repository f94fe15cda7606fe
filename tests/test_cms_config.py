"""Decap CMS's configuration follows the models: no field is left out without a stated reason."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from pydantic import BaseModel

from ktt_site import schema
from ktt_site.cms.config import (
    COLLECTION_MODELS,
    EXCLUDED,
    NO_COLLECTION,
    CmsSettings,
    cms_config,
    config_yaml,
)
from ktt_site.cms.page import cms_outputs

DATA, CONTENT = ROOT / "models_data", ROOT / "content"
#: What the theme serves at the site's root (assets/...).
THEME_ASSETS = ROOT / "ktt_site" / "theme"


def _model_of(collection: dict[str, Any]) -> type[BaseModel]:
    name = collection["name"]
    return next(model for key, model in COLLECTION_MODELS.items() if name == key or name.startswith(key))


def _nested(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (alone, optional or in a list), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _nested(arg)
        if found is not None:
            return found
    return None


def _missing(model: type[BaseModel], fields: list[dict[str, Any]], where: str) -> list[str]:
    """Fields of ``model`` (and of the models inside it) that the form has no field for."""
    by_name = {f["name"]: f for f in fields}
    missing = []
    for name, info in model.model_fields.items():
        if (model, name) in EXCLUDED:
            continue
        if name not in by_name:
            missing.append(f"{where}: {model.__name__}.{name}")
            continue
        inner = _nested(info.annotation)
        if inner is not None:
            missing += _missing(inner, by_name[name]["fields"], f"{where}.{name}")
    return missing


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    return cms_config(DATA, CONTENT, CmsSettings(repo="lien-minh-htx/ktt-site"))


def test_every_model_field_is_in_the_form_or_excluded_with_a_reason(config: dict[str, Any]) -> None:
    missing = [m for c in config["collections"] for m in _missing(_model_of(c), c["fields"], c["name"])]
    assert not missing, "add these to the CMS or to EXCLUDED with a reason: " + ", ".join(missing)


def test_exclusions_name_real_fields_and_say_why() -> None:
    for (model, name), reason in EXCLUDED.items():
        assert name in model.model_fields, f"{model.__name__}.{name} is no longer a field: drop its exclusion"
        assert len(reason) > 20 and reason.isascii() is False  # Vietnamese: editors read it


def test_every_kind_of_data_file_has_a_collection_or_a_reason(config: dict[str, Any]) -> None:
    edited = {_model_of(c) for c in config["collections"]}
    for kind in schema.KINDS:
        assert kind.model in edited or kind.name in NO_COLLECTION, f"{kind.name}: no collection and no reason"
    assert set(NO_COLLECTION) <= {k.name for k in schema.KINDS}


def test_forms_follow_the_models(config: dict[str, Any]) -> None:
    collections = {c["name"]: c for c in config["collections"]}
    cooperative = {f["name"]: f for f in collections["hop-tac-xa"]["fields"]}
    assert cooperative["name"]["required"] and cooperative["name"]["label"].startswith("Tên đầy đủ")
    assert [o["value"] for o in cooperative["kind"]["options"]] == ["htx", "tht", "lien-hiep"]
    assert cooperative["kind"]["options"][0]["label"] == "Hợp tác xã"
    assert cooperative["founded"]["required"] and "pattern" in cooperative["founded"]
    assert not cooperative["commune"]["required"]  # a 2018 commune alone may be enough
    communes = [o["value"] for o in cooperative["commune"]["options"]]
    assert len(communes) == 96  # the units in force since 01/07/2025
    assert cooperative["legal_basis"]["widget"] == "relation"
    assert cooperative["legal_basis"]["collection"] == "van-ban"
    assert cooperative["story"]["widget"] == "markdown"
    assert cooperative["illustrative"] == {**cooperative["illustrative"], "widget": "boolean", "default": False}
    assert cooperative["dissolved"]["widget"] == "datetime" and cooperative["dissolved"]["time_format"] is False
    image = {f["name"]: f for f in cooperative["images"]["fields"]}
    assert image["path"]["widget"] == "image" and image["alt"]["required"]
    recognition = {f["name"]: f for f in cooperative["exemplary"]["fields"]}
    criteria = {o["value"]: o["label"] for o in recognition["criteria"]["options"]}
    assert criteria["von-gop"] == "Góp vốn đúng quy định"  # the editor picks titles; the file keeps ids
    assert config["media_folder"] == "content/images" and config["public_folder"] == "images"
    assert config["locale"] == "vi"
    logo = config["logo"]["src"]  # the site's mark, as /quan-tri/ resolves it
    assert logo.startswith("../") and (THEME_ASSETS / logo.removeprefix("../")).is_file()

    articles = [c for name, c in collections.items() if name.startswith("bai-")]
    assert len(articles) == len(list((CONTENT / "ban-tin").glob("*/index.md")))
    article = {f["name"]: f for f in articles[0]["fields"]}
    assert article["legal"]["widget"] == "relation" and article["legal"]["multiple"]
    assert article["cooperatives"]["collection"] == "hop-tac-xa"
    assert article["draft"]["widget"] == "boolean"
    assert article["body"]["widget"] == "markdown"
    assert articles[0]["format"] == "frontmatter"
    assert collections["so-ban-tin"]["path"] == "{{slug}}/index"
    assert {"tien-do-2018"} <= set(collections)


def test_backend_settings_come_from_mkdocs_yml() -> None:
    github = cms_config(DATA, CONTENT, CmsSettings(repo="a/b"))
    assert github["backend"]["name"] == "github" and github["backend"]["repo"] == "a/b"
    assert "publish_mode" not in github and github["local_backend"] is True
    gitlab = cms_config(
        DATA,
        CONTENT,
        CmsSettings(
            backend="gitlab", repo="g/p", branch="xuat-ban", auth_type="pkce", app_id="abc", editorial_workflow=True
        ),
    )
    assert gitlab["backend"] == {
        **gitlab["backend"],
        "name": "gitlab",
        "branch": "xuat-ban",
        "auth_type": "pkce",
        "app_id": "abc",
    }
    assert gitlab["publish_mode"] == "editorial_workflow"


def test_config_is_the_same_bytes_every_time() -> None:
    settings = CmsSettings(repo="a/b")
    first = config_yaml(DATA, CONTENT, settings)
    assert first == config_yaml(DATA, CONTENT, settings)
    assert "&id" not in first and "*id" not in first  # no YAML aliases for a reader to chase
    assert yaml.safe_load(first) == cms_config(DATA, CONTENT, settings)


def test_without_decap_installed_the_page_says_how_to_add_it() -> None:
    page = cms_outputs(DATA, CONTENT, CmsSettings(), bundled=False)[0]
    text = page.content.decode() if isinstance(page.content, bytes) else page.content
    assert "npm ci" in text and "<script" not in text


def test_shipped_site_serves_the_editor(tmp_path: Path) -> None:
    """The real project builds /quan-tri/ with Decap's bundle (when npm ci has run)."""
    bundle = ROOT / "node_modules/decap-cms/dist/decap-cms.js"
    if not bundle.is_file():
        pytest.skip("decap-cms not installed (npm ci)")
    from in_process import build

    result = build(ROOT, site_dir=tmp_path / "site")
    assert result.returncode == 0, result.stderr
    admin = tmp_path / "site/quan-tri"
    assert (admin / "decap-cms.js").read_bytes() == bundle.read_bytes()
    assert not list(admin.glob("*.map"))
    assert "Content-Security-Policy" in (admin / "index.html").read_text(encoding="utf-8")
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))["backend"]["name"] == "github"


def test_guide_explains_sign_in_and_what_the_form_leaves_out() -> None:
    from ktt_site.guide.pages import CMS_PAGE, model_pages

    (guide,) = [o for o in model_pages() if o.src_uri == CMS_PAGE]
    # Data text reaches the Markdown as character references (rendering.text_html): read it as text.
    text = html.unescape(str(guide.content))
    for needed in ("cms_backend: github", "cms_backend: gitlab", "cms_auth_type: pkce", "cms_editorial_workflow: true"):
        assert needed in text
    assert "npx decap-server" in text and "ktt-site check" in text
    for (_model, name), _reason in EXCLUDED.items():
        assert name in text
    for reason in NO_COLLECTION.values():
        assert reason in text
