"""Text from YAML is always escaped: a name with ``&``, ``<`` and quotes reaches readers intact
in every HTML page, data download and feed, and never becomes markup."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser
import html5lib
import pytest
from quality_support import full_project

# Allowed by the data contract (no tag: "<1" does not start one), dangerous if printed raw.
NAME = """HTX "Sạch" & Ngon <100% hữu cơ> 'Mới'"""
# What survives of it wherever a long title is shortened at its end (sharing cards).
HEAD = """HTX "Sạch" & Ngon <100%"""
RAW = "& Ngon <100%"

PROFILE = "hop-tac-xa/htx-dong-tam/index.html"
LEGAL = "van-ban/luat-htx-2012/index.html"
ARTICLE = "ban-tin/2018-so-01/bai-mot/index.html"


def _replace(project, rel: str, old: str, new: str) -> None:
    text = project.path(rel).read_text(encoding="utf-8")
    assert old in text
    project.write(rel, text.replace(old, new))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = full_project(tmp_path_factory.mktemp("escaping"))
    quoted = lambda text: json.dumps(text, ensure_ascii=False)  # noqa: E731 - YAML accepts JSON strings
    _replace(
        project,
        "models_data/cooperatives/htx-dong-tam.yaml",
        "name: Hợp tác xã Đồng Tâm",
        f"name: {quoted(NAME)}",
    )
    _replace(
        project,
        "models_data/legal/luat-htx-2012.yaml",
        "title: Luật Hợp tác xã",
        f"title: {quoted('Luật ' + NAME)}",
    )
    _replace(
        project,
        "models_data/organizations.yaml",
        "name: Hội Nông dân tỉnh",
        f"name: {quoted('Hội ' + NAME)}",
    )
    _replace(
        project,
        "content/ban-tin/2018-so-01/bai-mot.md",
        "title: Hội Nông dân tập huấn về hợp tác xã",
        f"title: {quoted('Bài ' + NAME)}",
    )
    result = project.build_in_process(env={"SOURCE_DATE_EPOCH": "1546214400"})
    assert result.returncode == 0, result.stderr
    return project.built()


def _strings(node: Any) -> list[str]:
    """Every text node and attribute value of a parsed document."""
    found: list[str] = []
    for element in node.iter():
        found.extend(v for v in element.attrib.values())
        found.extend(t for t in (element.text, element.tail) if t)
    return found


def _parse(path: Path) -> Any:
    return html5lib.parse(
        path.read_bytes(),
        treebuilder="etree",
        namespaceHTMLElements=False,
        transport_encoding="utf-8",
    )


def test_every_html_page_escapes_the_name_and_keeps_it_whole(built):
    pages = sorted(built.rglob("*.html"))
    mentioning = 0
    for page in pages:
        source = page.read_text(encoding="utf-8")
        assert RAW not in source, f"{page}: name printed without escaping"
        for text in _strings(_parse(page)):
            if "Sạch" in text:
                mentioning += 1
                # A raw quote or "<" would end an attribute or start a tag and cut the name.
                assert HEAD in text, f"{page}: {text!r}"
    assert mentioning >= 10


@pytest.mark.parametrize("rel, shown", [(PROFILE, NAME), (LEGAL, "Luật " + NAME), (ARTICLE, "Bài " + NAME)])
def test_pages_show_the_name_as_written(built, rel, shown):
    document = _parse(built / rel)
    heading = "".join(document.find(".//h1").itertext()).strip()
    assert heading.startswith(shown)  # a legal document's heading goes on with its number
    assert "".join(document.find(".//title").itertext()).startswith(shown)


def _values(data: Any) -> list[Any]:
    if isinstance(data, dict):
        return [v for value in data.values() for v in _values(value)]
    if isinstance(data, list):
        return [v for value in data for v in _values(value)]
    return [data]


def test_data_downloads_carry_the_name_exactly(built):
    records = json.loads((built / "du-lieu/hop-tac-xa.json").read_text(encoding="utf-8"))
    assert NAME in _values(records)
    rows = list(csv.reader(io.StringIO((built / "du-lieu/hop-tac-xa.csv").read_text(encoding="utf-8-sig"))))
    assert NAME in [cell for row in rows for cell in row]


def test_feeds_are_well_formed_and_carry_the_title_exactly(built):
    for xml_file in sorted(built.rglob("*.xml")):
        ET.parse(xml_file)  # raises on any unescaped "&" or "<"
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((built / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert [entry.title for entry in feed.entries] == ["Bài " + NAME + " (minh họa)"]  # illustrative issue
    items = json.loads((built / "feed.json").read_text(encoding="utf-8"))["items"]
    assert [item["title"] for item in items] == ["Bài " + NAME + " (minh họa)"]
