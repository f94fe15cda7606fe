"""Random input never crashes the loader: it loads, or it raises the project's own
``DataValidationError`` with messages an editor can act on. What loads also renders."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quality_support import full_project

from ktt_site.errors import DataValidationError
from ktt_site.outputs import BuildSettings, build_outputs
from ktt_site.site import ProjectPaths, load_site

#: Every data kind: the file, and whether its YAML is a Markdown file's front matter.
KINDS = {
    "organizations": ("models_data/organizations.yaml", False),
    "localities": ("models_data/localities/2018.yaml", False),
    "cooperative": ("models_data/cooperatives/htx-dong-tam.yaml", False),
    "legal": ("models_data/legal/luat-htx-2012.yaml", False),
    "plan": ("models_data/plans/2018.yaml", False),
    "progress": ("models_data/progress/2018/hoi-nong-dan.yaml", False),
    "issue": ("content/ban-tin/2018-so-01/index.md", True),
    "article": ("content/ban-tin/2018-so-01/bai-mot.md", True),
}
SETTINGS = BuildSettings(site_url="https://thu-nghiem.example.org/", site_name="Trang thử nghiệm")
# Moderate by default so the suite stays fast; KTT_HYPOTHESIS_EXAMPLES=1000 searches harder.
FAST = settings(
    max_examples=int(os.environ.get("KTT_HYPOTHESIS_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def base() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="ktt-hypothesis-"))
    yield full_project(folder).root
    shutil.rmtree(folder, ignore_errors=True)


def _valid(root: Path, kind: str) -> Any:
    rel, front_matter = KINDS[kind]
    text = (root / rel).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1] if front_matter else text)


def _load_or_refuse(base: Path, kind: str, content: str | bytes) -> None:
    """Write ``content`` as the ``kind`` file of a fresh copy of ``base``, then load it."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(base, root, symlinks=True)
        target = root / KINDS[kind][0]
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        paths = ProjectPaths(root, root / "models_data", root / "content")
        try:
            site = load_site(paths, as_of=dt.date(2018, 12, 31))
        except DataValidationError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert not Path(problem.path).is_absolute(), problem
                assert problem.message.strip(), problem
                # pydantic's own English would mean a case the Vietnamese messages miss.
                assert (
                    "Input should" not in problem.message and "Value error" not in problem.message
                ), problem
            return
        build_outputs(site, SETTINGS)


def _as_file(kind: str, data: Any) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{text}---\n\nNội dung.\n" if KINDS[kind][1] else text


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.dates()
    | st.sampled_from(
        [
            "xa-dong-tam",
            "luat-htx-2012",
            "hoi-nong-dan",
            "htx-dong-tam",
            "2018-02-30",
            "<b>",
            "&",
            "tht",
        ]
    )
)
structures = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=12) | st.integers(), children, max_size=4)
    ),
    max_leaves=12,
)


@pytest.mark.parametrize("kind", sorted(KINDS))
@FAST
@given(data=structures)
def test_random_structures_load_or_are_refused(base, kind, data):
    _load_or_refuse(base, kind, _as_file(kind, data))


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a loaded YAML value where a value can be swapped."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_paths(value, (*prefix, index)))
    return found


def _swap(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _swap(copy[head], tuple(rest), value)
    return copy


@pytest.mark.parametrize("kind", sorted(KINDS))
@FAST
@given(data=st.data())
def test_valid_records_with_one_value_changed_load_or_are_refused(base, kind, data):
    """A valid record with one value replaced: reaches deeper checks than random structures."""
    record = _valid(base, kind)
    places = _paths(record)
    where = data.draw(st.sampled_from(places)) if places else ()
    changed = _swap(record, where, data.draw(structures))
    if isinstance(changed, dict) and data.draw(st.booleans()):
        changed[data.draw(st.text(min_size=1, max_size=12))] = data.draw(scalars)
    _load_or_refuse(base, kind, _as_file(kind, changed))


@pytest.mark.parametrize("kind", ["cooperative", "article"])
@FAST
@given(text=st.text(max_size=300))
def test_random_text_loads_or_is_refused(base, kind, text):
    _load_or_refuse(base, kind, f"---\n{text}\n---\n" if KINDS[kind][1] else text)


@pytest.mark.parametrize("kind", ["legal", "issue"])
@FAST
@given(raw=st.binary(max_size=300))
def test_random_bytes_load_or_are_refused(base, kind, raw):
    _load_or_refuse(base, kind, raw)
