"""The form editor at ``/quan-tri/`` as an editor uses it, in Debian's chromium.

A copy of the minimal site (plus one bulletin issue) is built; the built ``site/`` is served over
HTTP, and ``decap-server`` (from ``npm ci``) reads and writes the copy, as ``npx decap-server``
does on an editor's machine. Through the forms: a cooperative is created (a commune and a legal
basis picked from drop-downs), then an article citing a legal document with an uploaded picture.
The files on disk must then pass ``ktt-site check`` and build.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, SiteProject
from quality_support import ROOT, missing_tool
from search_support import chromium, chromium_path, serve

from ktt_site.sources import split_front_matter

DECAP_SERVER = ROOT / "node_modules/decap-server/dist/index.js"
DECAP_BUNDLE = ROOT / "node_modules/decap-cms/dist/decap-cms.js"
PICTURE = FIXTURES / "files/anh.jpg"
ISSUE = "content/ban-tin/2018-so-01/index.md"
WAIT_MS = 30_000


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def project(tmp_path: Path) -> SiteProject:
    root = tmp_path / "du-an"
    shutil.copytree(FIXTURES / "minimal", root)
    site = SiteProject(root)
    site.write(ISSUE, "---\nissue: 1\ndate: 2018-06-15\ntitle: Bản tin số 1 năm 2018\nillustrative: true\n---\n")
    return site


@pytest.fixture
def decap_server(project: SiteProject) -> Iterator[int]:
    """``decap-server`` on a free port, reading and writing the project's folder."""
    node = shutil.which("node")
    if node is None or not DECAP_SERVER.is_file() or not DECAP_BUNDLE.is_file():
        missing_tool("decap-cms / decap-server are not installed (run 'npm ci' in the project folder)")
    if chromium_path() is None:
        missing_tool("chromium not installed (apt-get install chromium)")
    assert node is not None
    port = _free_port()
    env = {**os.environ, "PORT": str(port), "GIT_REPO_DIRECTORY": str(project.root), "MODE": "fs"}
    log = project.root.parent / "decap-server.log"
    with log.open("w") as out:
        server = subprocess.Popen([node, str(DECAP_SERVER)], cwd=project.root, env=env, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"decap-server did not start: {log.read_text()}")
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def _pick(page: Any, field_id: str, text: str) -> None:
    """Choose an option of a drop-down (Decap's react-select) by typing part of it."""
    box = page.locator(f"#{field_id}")
    box.click()
    box.press_sequentially(text)
    page.locator("[class*='option']", has_text=text).first.click()


def _field_id(page: Any, name: str) -> str:
    """The id Decap gives the input of the field ``name`` (``<name>-field-<n>``)."""
    label = page.locator(f"label[for^='{name}-field-']").first
    label.wait_for(timeout=WAIT_MS)
    return str(label.get_attribute("for"))


def _fill(page: Any, name: str, text: str) -> None:
    page.locator(f"#{_field_id(page, name)}").fill(text)


def _publish(page: Any) -> None:
    """Save as an editor does: «Công bố» then «Công bố ngay»; saved, Decap opens the entry's own page."""
    page.get_by_text("Công bố", exact=True).first.click()
    page.get_by_text("Công bố ngay").first.click()
    page.wait_for_url("**/entries/**", timeout=WAIT_MS)


def _front_matter(path: Path) -> dict[str, Any]:
    meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    return yaml.safe_load(meta or "") or {}


def _edit(page: Any, base: str) -> None:
    page.goto(base + "quan-tri/")
    page.get_by_role("button", name="Đăng nhập").click()  # the local backend asks nothing more
    page.goto(base + "quan-tri/#/collections/hop-tac-xa/new")
    _fill(page, "name", "Hợp tác xã Đồng Thuận")
    _pick(page, _field_id(page, "kind"), "Hợp tác xã")
    _fill(page, "founded", "2019-03")
    _pick(page, _field_id(page, "commune"), "Xã Tân Bình")
    _pick(page, _field_id(page, "status"), "Đang hoạt động")
    _pick(page, _field_id(page, "legal_basis"), "23/2012/QH13")
    _fill(page, "summary", "HTX trồng mãng cầu, bao tiêu cho thành viên.")
    page.locator(f"#{_field_id(page, 'illustrative')}").click()
    _publish(page)

    page.goto(base + "quan-tri/#/collections/bai-2018-so-01/new")
    _fill(page, "title", "Hợp tác xã mới theo Luật 2012")
    page.locator(f"#{_field_id(page, 'date')}").fill("2018-06-15")  # the browser's own date picker
    _pick(page, _field_id(page, "legal"), "23/2012/QH13")
    page.get_by_text("Chọn một hình").first.click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Tải lên", exact=True).first.click()
    chooser.value.set_files(str(PICTURE))
    page.get_by_text("Lấy những cái đã chọn").first.click()
    _fill(page, "image_alt", "Vườn mãng cầu của hợp tác xã")
    page.locator("[data-slate-editor='true']").last.click()
    page.keyboard.type('Hợp tác xã được thành lập theo {{ van_ban("luat-htx-2012") }}.')
    _publish(page)


def test_cooperative_and_article_written_through_the_forms_pass_check_and_build(
    project: SiteProject, decap_server: int, tmp_path: Path
) -> None:
    site_dir = tmp_path / "site"
    built = project.build_in_process(site_dir=site_dir)
    assert built.returncode == 0, built.stderr
    served_config = site_dir / "quan-tri/config.yml"
    config = yaml.safe_load(served_config.read_text(encoding="utf-8"))
    assert config["locale"] == "vi" and config["local_backend"] is True
    # decap-server listens on a free port here, not its default 8081.
    served_config.write_text(
        served_config.read_text(encoding="utf-8").replace(
            "local_backend: true", f"local_backend:\n  url: http://127.0.0.1:{decap_server}/api/v1"
        ),
        encoding="utf-8",
    )
    # The same page with a CSP lacking 'unsafe-eval': why the real one has it.
    admin_page = (site_dir / "quan-tri/index.html").read_text(encoding="utf-8")
    assert "&#39;unsafe-eval&#39;" in admin_page
    (site_dir / "quan-tri/khong-eval.html").write_text(
        admin_page.replace(" &#39;unsafe-eval&#39;", ""), encoding="utf-8"
    )
    errors: list[str] = []
    with serve(site_dir) as base, chromium() as browser:
        strict = browser.new_page()
        refused: list[str] = []
        strict.on("console", lambda m: refused.append(m.text) if "unsafe-eval" in m.text else None)
        strict.on("pageerror", lambda error: refused.append(str(error)) if "unsafe-eval" in str(error) else None)
        strict.goto(base + "quan-tri/khong-eval.html")
        strict.wait_for_timeout(3000)
        assert refused and strict.get_by_role("button", name="Đăng nhập").count() == 0
        strict.close()

        page = browser.new_page()
        page.set_default_timeout(WAIT_MS)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
        try:
            _edit(page, base)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            (tmp_path / "failure.txt").write_text(page.inner_text("body"), encoding="utf-8")
            raise

    assert not errors, errors
    cooperative = project.path("models_data/cooperatives/hop-tac-xa-dong-thuan.yaml")
    data = yaml.safe_load(cooperative.read_text(encoding="utf-8"))
    assert data["commune"] == "xa-tan-binh" and data["legal_basis"] == "luat-htx-2012", data
    assert str(data["founded"]) == "2019-03" and data["illustrative"] is True
    (article,) = [p for p in project.path("content/ban-tin/2018-so-01").glob("*.md") if p.name != "index.md"]
    meta = _front_matter(article)
    assert meta["legal"] == ["luat-htx-2012"], meta
    assert meta["image"].startswith("images/") and project.path("content/" + meta["image"]).is_file(), meta
    assert 'van_ban("luat-htx-2012")' in article.read_text(encoding="utf-8")

    checked = project.check_in_process()
    assert checked.returncode == 0, checked.stdout + checked.stderr
    rebuilt = project.build_in_process(site_dir=tmp_path / "site-after")
    assert rebuilt.returncode == 0, rebuilt.stderr
    page_html = (tmp_path / "site-after/hop-tac-xa/hop-tac-xa-dong-thuan/index.html").read_text(encoding="utf-8")
    assert "Hợp tác xã Đồng Thuận" in page_html
    article_html = (tmp_path / f"site-after/ban-tin/2018-so-01/{article.stem}/index.html").read_text(encoding="utf-8")
    assert "23/2012/QH13" in article_html
