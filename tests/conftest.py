"""Fixtures: small sites built in a temporary folder, as an editor's repository would be."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import in_process
import pytest
from in_process import Result
from search_support import browser_or_skip

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
#: Facts the shipped data is checked against, copied into the repository with their sources.
REFERENCE = Path(__file__).parent / "reference"
BIN = Path(sys.executable).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``runs_long`` first, in their order, the others after them as collected: a
    parallel run then ends on short tests, with no long one left running alone. A file whose
    tests share a browser or a built site marks them all (``pytestmark``), so they stay together."""
    items.sort(key=lambda item: item.get_closest_marker("runs_long") is None)


@dataclass
class SiteProject:
    """A site's repository in a temp folder: edit files, then check or build it, for real (a new
    process, as an editor runs the command) or in this process (the same code, much faster)."""

    root: Path

    def path(self, rel: str) -> Path:
        return self.root / rel

    def write(self, rel: str, text: str | bytes) -> Path:
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
        return target

    def edit(self, rel: str, old: str, new: str, count: int = -1) -> Path:
        """Replace ``old`` with ``new`` in a file; fails loudly if a fixture changed and ``old`` is gone."""
        text = self.path(rel).read_text(encoding="utf-8")
        assert old in text, f"{rel} no longer contains {old!r}"
        return self.write(rel, text.replace(old, new, count))

    def remove(self, rel: str) -> None:
        target = self.root / rel
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
        return subprocess.run(list(args), cwd=self.root, capture_output=True, text=True, env=full_env, timeout=600)

    def build(self, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """``mkdocs build --strict``, as ``make site`` runs it."""
        return self.run(str(BIN / "mkdocs"), "build", "--strict", *extra, env=env)

    def check(self, *extra: str) -> subprocess.CompletedProcess[str]:
        """``ktt-site check``, as an editor or a pre-commit hook runs it."""
        return self.run(str(BIN / "ktt-site"), "check", *extra)

    def build_in_process(self, *, site_dir: Path | None = None, env: Mapping[str, str | None] | None = None) -> Result:
        """What ``build()`` does and prints, run in this process (see ``in_process.py``)."""
        return in_process.build(self.root, site_dir=site_dir, env=env)

    def check_in_process(self, *extra: str) -> Result:
        """What ``check()`` does and prints, run in this process (see ``in_process.py``)."""
        return in_process.ktt_site(self.root, "check", *extra)

    def ktt_site_in_process(self, *argv: str) -> Result:
        """``ktt-site ARGV`` (``new``, ``schema``...) typed in the site's folder, run in this process."""
        return in_process.ktt_site(self.root, *argv)

    def commands(self, *, real: bool) -> tuple[Callable[..., Result], Callable[..., Result]]:
        """``(check, build)``: the real commands, or the same code run in this process."""
        return (self.check, self.build) if real else (self.check_in_process, self.build_in_process)

    def output(self, rel: str) -> str:
        return (self.root / "site" / rel).read_text(encoding="utf-8")

    def built(self) -> Path:
        return self.root / "site"


def make_dry_run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``make -n ARGS`` as a user would type it, even when the suite itself runs under make:
    the outer make's variables would otherwise add "Entering directory" lines and flags."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    return subprocess.run(
        ["make", "--no-print-directory", "-n", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def new_project(folder: Path) -> SiteProject:
    """A copy of the minimal fixture site in ``folder/repo``."""
    root = folder / "repo"
    shutil.copytree(FIXTURES / "minimal", root)
    return SiteProject(root)


@pytest.fixture
def project(tmp_path: Path) -> SiteProject:
    """A copy of the minimal fixture site."""
    return new_project(tmp_path)


#: The build dates (SOURCE_DATE_EPOCH) of the shared sites below.
MINIMAL_EPOCH, PROFILES_EPOCH = "1546214400", "1529000000"


def built_once(
    factory: pytest.TempPathFactory,
    name: str,
    prepare: Callable[[SiteProject], None] | None = None,
    env: Mapping[str, str | None] | None = None,
) -> SiteProject:
    """A copy of the minimal site, changed by ``prepare``, built in this process: for session
    fixtures shared by the tests that only read what was built."""
    project = new_project(factory.mktemp(name))
    if prepare is not None:
        prepare(project)
    result = project.build_in_process(env=env)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium through Playwright, one per test process (skips, or fails under
    KTT_REQUIRE_TOOLS=1, where it is missing). Each test opens its own context, with its own
    cache and storage; starting the browser again for each file took 0.5 s each time."""
    with browser_or_skip() as launched:
        yield launched


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    """The minimal site as it is (the editor guide, empty feeds)."""
    return built_once(tmp_path_factory, "minimal", env={"SOURCE_DATE_EPOCH": MINIMAL_EPOCH})


@pytest.fixture(scope="session")
def bulletin_site(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    """The minimal site with ``write_bulletin``'s three issues (bulletin pages, feeds)."""
    from bulletin_support import write_bulletin

    return built_once(tmp_path_factory, "bulletin", write_bulletin)


@pytest.fixture(scope="session")
def profiles_site(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    """The minimal site with the cooperative fixture's profiles (profile pages, open data)."""
    from cooperatives_support import add_profiles

    return built_once(tmp_path_factory, "profiles", add_profiles, env={"SOURCE_DATE_EPOCH": PROFILES_EPOCH})


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site (this repository's content), built once for the whole session, in this
    process (``test_quality_reproducible.py`` builds it with the real command)."""
    out = tmp_path_factory.mktemp("shipped") / "site"
    result = SiteProject(ROOT).build_in_process(site_dir=out, env={"SOURCE_DATE_EPOCH": "1764115200"})
    assert result.returncode == 0, result.stderr
    return out


def file_tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path, with its bytes (to compare two builds)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
