"""Shared by the quality gates: a fuller fixture site, a local web server, required tools."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import FIXTURES, SiteProject

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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def end_headers(self) -> None:
        # LinkChecker paces itself (about 10 requests a second) on hosts that do not send this.
        self.send_header("LinkChecker", "allow")
        super().end_headers()


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (any free port) in a thread; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
