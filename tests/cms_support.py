"""The form editor at ``/quan-tri/`` driven as an editor drives it: ``decap-server`` reading and
writing a copy of the repository, and the clicks that sign in, pick, fill, upload and publish.

Used by ``tests/test_cms_browser.py`` and ``bench/cms_walkthrough.py``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from ktt_site.sources import split_front_matter

ROOT = Path(__file__).parent.parent
DECAP_SERVER = ROOT / "node_modules/decap-server/dist/index.js"
DECAP_BUNDLE = ROOT / "node_modules/decap-cms/dist/decap-cms.js"
WAIT_MS = 30_000


def decap_missing() -> str | None:
    """Why the form editor cannot run here, or None when node, Decap and decap-server are present."""
    if shutil.which("node") is None or not DECAP_SERVER.is_file() or not DECAP_BUNDLE.is_file():
        return "decap-cms / decap-server are not installed (run 'npm ci' in the project folder)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def decap_server(repository: Path, log: Path) -> Iterator[int]:
    """``decap-server`` on a free port, reading and writing ``repository``; yields the port.

    Started as ``npx decap-server`` starts it on an editor's machine, in its default mode
    (``fs``): it writes files into the folder and commits nothing.
    """
    node = shutil.which("node")
    assert node is not None, decap_missing()
    port = _free_port()
    env = {**os.environ, "PORT": str(port), "GIT_REPO_DIRECTORY": str(repository), "MODE": "fs"}
    with log.open("w") as out:
        server = subprocess.Popen([node, str(DECAP_SERVER)], cwd=repository, env=env, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"decap-server did not start: {log.read_text()}") from None
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def use_decap_server(site_dir: Path, port: int) -> dict[str, Any]:
    """Point the built ``quan-tri/config.yml`` at decap-server on ``port`` (not its default 8081);
    returns the configuration as built."""
    served = site_dir / "quan-tri/config.yml"
    text = served.read_text(encoding="utf-8")
    served.write_text(
        text.replace("local_backend: true", f"local_backend:\n  url: http://127.0.0.1:{port}/api/v1"),
        encoding="utf-8",
    )
    return dict(yaml.safe_load(text))


def sign_in(page: Any, base: str) -> None:
    """Open ``/quan-tri/`` and sign in: the local backend asks nothing more than the button."""
    page.goto(base + "quan-tri/")
    page.get_by_role("button", name="Đăng nhập").click()


def pick(page: Any, field_id: str, text: str) -> None:
    """Choose an option of a drop-down (Decap's react-select) by typing part of it."""
    box = page.locator(f"#{field_id}")
    box.click()
    box.press_sequentially(text)
    page.locator("[class*='option']", has_text=text).first.click()


def field_id(page: Any, name: str) -> str:
    """The id Decap gives the input of the field ``name`` (``<name>-field-<n>``); the first one."""
    label = page.locator(f"label[for^='{name}-field-']").first
    label.wait_for(timeout=WAIT_MS)
    return str(label.get_attribute("for"))


def fill(page: Any, name: str, text: str) -> None:
    page.locator(f"#{field_id(page, name)}").fill(text)


def upload_image(page: Any, picture: Path, *, within: Any = None) -> None:
    """«Chọn một hình» → «Tải lên» a file from the computer → «Dùng mục đã chọn»."""
    (within or page).get_by_text("Chọn một hình").first.click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Tải lên", exact=True).first.click()
    chooser.value.set_files(str(picture))
    page.get_by_text("Dùng mục đã chọn").first.click()


def type_body(page: Any, text: str) -> None:
    """Type into the body's rich-text editor (the last one on the form), as a keyboard does."""
    page.locator("[data-slate-editor='true']").last.click()
    page.keyboard.type(text)


def publish(page: Any) -> None:
    """Save as an editor does: «Công bố» then «Công bố ngay»; saved, Decap opens the entry's own page."""
    page.get_by_text("Công bố", exact=True).first.click()
    page.get_by_text("Công bố ngay").first.click()
    page.wait_for_url("**/entries/**", timeout=WAIT_MS)


def front_matter(path: Path) -> dict[str, Any]:
    meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    return yaml.safe_load(meta or "") or {}
