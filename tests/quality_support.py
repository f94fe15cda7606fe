"""Shared by the quality gates: a fuller fixture site, a local web server, required tools."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, SiteProject
from search_support import serve  # noqa: F401 - the gates serve the site the way search tests do

ROOT = Path(__file__).parent.parent

#: CI sets this: a gate whose tool is missing fails there instead of skipping.
REQUIRE_TOOLS = os.environ.get("KTT_REQUIRE_TOOLS") == "1"


def full_project(tmp_path: Path) -> SiteProject:
    """The minimal fixture with ``tests/fixtures/quality`` laid over it: every data kind present."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "minimal", root)
    shutil.copytree(FIXTURES / "quality", root, dirs_exist_ok=True)
    (root / "README.md").unlink()
    return SiteProject(root)


def missing_tool(reason: str) -> None:
    """Skip a gate whose system tool is absent, or fail it where tools are required (CI)."""
    if REQUIRE_TOOLS:
        pytest.fail(f"{reason} (KTT_REQUIRE_TOOLS=1: this gate must run here)")
    pytest.skip(reason)


def which_or_missing(command: str, why: str) -> str:
    found = shutil.which(command)
    if found is None:
        missing_tool(f"'{command}' not found: {why}")
    assert found is not None
    return found
