"""Live preview: `mkdocs serve` (what `make serve` runs) rebuilds when data or pages change,
and shows validation errors in the browser without stopping."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bulletin_support import article, issue
from conftest import BIN, make_dry_run

#: Started first in a run (tests/conftest.py): each test waits for `mkdocs serve` to rebuild,
#: fifteen seconds in all.
pytestmark = pytest.mark.runs_long

ROOT = Path(__file__).parent.parent
COOP = "models_data/cooperatives/htx-dong-tam.yaml"
WAIT = 90.0  # seconds; a rebuild of the fixture takes one or two


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def wait_for(url: str, condition: Callable[[int, str], bool], server: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + WAIT
    last = (0, "")
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')}"
        try:
            last = fetch(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            last = (0, "")
        if condition(*last):
            return last[1]
        time.sleep(0.3)
    raise AssertionError(f"timed out on {url} (last status {last[0]}):\n{log.read_text(encoding='utf-8')[-3000:]}")


#: What `make serve` runs (checked below): only the pages a change touches are made again.
MAKE_SERVE = ("serve", "--dirty", "--no-strict")


@contextmanager
def serving(project, command: tuple[str, ...] = MAKE_SERVE) -> Iterator[tuple[str, subprocess.Popen, Path]]:
    port = free_port()
    log = project.root.parent / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [str(BIN / "mkdocs"), *command, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project.root,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    try:
        yield f"http://127.0.0.1:{port}/", server, log
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=15)


def test_make_serve_runs_mkdocs_serve_on_localhost(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    fake = tmp_path / "no-venv"
    dry = make_dry_run(tmp_path, "serve", f"VENV={fake}")
    assert dry.stdout.splitlines()[-1] == f"{fake}/bin/mkdocs {' '.join(MAKE_SERVE)} --dev-addr 127.0.0.1:8000"
    assert not fake.exists()


def test_preview_rebuilds_on_data_and_page_changes_and_shows_errors(project):
    with serving(project) as (url, server, log):
        profile = url + "hop-tac-xa/htx-dong-tam/"
        wait_for(profile, lambda status, body: status == 200 and "Hợp tác xã Đồng Tâm" in body, server, log)

        coop = project.path(COOP)
        good = coop.read_text(encoding="utf-8")
        coop.write_text(good.replace("Hợp tác xã Đồng Tâm", "Hợp tác xã Đồng Tâm Mới"), encoding="utf-8")
        wait_for(profile, lambda status, body: status == 200 and "Hợp tác xã Đồng Tâm Mới" in body, server, log)
        # A list that names it is made again too, not kept from the previous rebuild.
        assert "Hợp tác xã Đồng Tâm Mới" in answers(url + "hop-tac-xa/theo-loai/htx/")

        project.write("content/index.md", "# Trang chủ thử nghiệm\n\nĐã sửa trang chủ.\n")
        wait_for(url, lambda status, body: "Đã sửa trang chủ." in body, server, log)

        coop.write_text(good.replace("status: active", "status: hoat-dong"), encoding="utf-8")
        body = wait_for(profile, lambda status, body: "ktt-preview-errors" in body, server, log)
        assert "Dữ liệu có 1 lỗi" in body
        assert (
            f"<code>{COOP}:5</code> status: giá trị 'hoat-dong' không hợp lệ; "
            "chỉ chấp nhận: 'active', 'dissolved'"
        ) in body
        home = wait_for(url, lambda status, body: "ktt-preview-errors" in body, server, log)
        assert "Đã sửa trang chủ." not in home
        assert server.poll() is None

        coop.write_text(good, encoding="utf-8")
        wait_for(
            profile,
            lambda status, body: "ktt-preview-errors" not in body and "Hợp tác xã Đồng Tâm" in body,
            server,
            log,
        )
    assert "Dữ liệu có 1 lỗi" in log.read_text(encoding="utf-8")


def test_preview_starts_even_when_the_data_is_broken(project):
    project.write(COOP, project.path(COOP).read_text(encoding="utf-8") + "comune: xa-dong-tam\n")
    # Plain `mkdocs serve` (not dirty, strict from mkdocs.yml) keeps working too.
    with serving(project, ("serve",)) as (url, server, log):
        body = wait_for(url, lambda status, body: status == 200 and "ktt-preview-errors" in body, server, log)
        assert "comune: trường không có trong mẫu dữ liệu; có phải ý bạn là 'commune'?" in body
        coop = project.path(COOP)
        coop.write_text(coop.read_text(encoding="utf-8").replace("comune: xa-dong-tam\n", ""), encoding="utf-8")
        wait_for(
            url + "hop-tac-xa/htx-dong-tam/",
            lambda status, body: status == 200 and "Hợp tác xã Đồng Tâm" in body,
            server,
            log,
        )


def test_a_data_change_reaches_the_pages_that_show_it_and_drafts_show_only_in_preview(project):
    project.write("content/ban-tin/2018-so-01/index.md", issue(1, "2018-05-01", "Số 1"))
    project.write(
        "content/ban-tin/2018-so-01/bai-a.md", article("Bài A", "2018-05-01", extra="cooperatives: [htx-dong-tam]")
    )
    project.write(
        "content/ban-tin/2018-so-01/bai-nhap.md",
        article("Bài nháp", "2018-05-02", extra="draft: true", body="Nội dung chưa đăng."),
    )
    with serving(project) as (url, server, log):
        page = url + "ban-tin/2018-so-01/bai-a/"
        wait_for(page, lambda status, body: status == 200 and "Hợp tác xã Đồng Tâm" in body, server, log)
        draft = wait_for(url + "ban-tin/2018-so-01/bai-nhap/", lambda status, body: status == 200, server, log)
        assert "Bản nháp" in draft and "Nội dung chưa đăng." in draft
        assert "DRAFT" not in draft

        # The article's own file is untouched: only the cooperative's YAML changes.
        coop = project.path(COOP)
        coop.write_text(
            coop.read_text(encoding="utf-8").replace("Hợp tác xã Đồng Tâm", "HTX Đồng Tâm Đổi Tên"), encoding="utf-8"
        )
        wait_for(page, lambda status, body: "HTX Đồng Tâm Đổi Tên" in body, server, log)
        # The open data, made again for the changed profile only, as a download is.
        data = wait_for(url + "du-lieu/hop-tac-xa.json", lambda status, body: status == 200, server, log)
        assert "HTX Đồng Tâm Đổi Tên" in data and "Hợp tác xã Đồng Tâm" not in data
    assert "trang cần dựng lại" in log.read_text(encoding="utf-8")

    built = project.build()
    assert built.returncode == 0, built.stderr
    assert not (project.built() / "ban-tin/2018-so-01/bai-nhap").exists()
    assert "Nội dung chưa đăng." not in "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in project.built().rglob("*") if p.is_file()
    )


OVERRIDE = "overrides/partials/copyright.html"
GOOD_OVERRIDE = '<div class="md-copyright">Bản quyền thử nghiệm</div>\n'
#: A site's own MkDocs hook (mkdocs.yml `hooks:`) that fails on a word, as a buggy plugin would.
HOOKS = """
def on_page_markdown(markdown, **kwargs):
    if "GÂY-LỖI" in markdown:
        raise RuntimeError("móc thử nghiệm gặp chữ GÂY-LỖI")
    return markdown
"""


def with_override_and_hook(project) -> None:
    config = project.path("mkdocs.yml")
    text = config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    config.write_text(text + "hooks:\n  - hooks.py\n", encoding="utf-8")
    project.write(OVERRIDE, GOOD_OVERRIDE)
    project.write("hooks.py", HOOKS)


def answers(url: str) -> str:
    """The page, at once: a server that stopped answering fails the test instead of hanging it."""
    status, body = fetch(url)
    assert status == 200, body
    return body


def is_good(status: int, body: str) -> bool:
    return status == 200 and "Bản quyền thử nghiệm" in body and "ktt-preview-errors" not in body


def shows_error(status: int, body: str) -> bool:
    return status == 200 and "ktt-preview-errors" in body


def test_preview_shows_template_page_and_hook_errors_and_keeps_answering(project):
    with_override_and_hook(project)
    profile = "hop-tac-xa/htx-dong-tam/"
    with serving(project) as (url, server, log):
        wait_for(url, is_good, server, log)

        # A theme override failing inside MkDocs' own page rendering, after the data passed.
        project.write(OVERRIDE, "{{ config.extra.khong_co.thuoc_tinh }}\n")
        body = wait_for(url, shows_error, server, log)
        assert "Trang xem trước gặp lỗi" in body
        assert "mẫu giao diện &#x27;overrides/partials/copyright.html&#x27;, dòng 1: UndefinedError" in body
        assert "ktt-preview-errors" in answers(url + profile)
        project.write(OVERRIDE, GOOD_OVERRIDE)
        wait_for(url, is_good, server, log)
        wait_for(url + profile, is_good, server, log)

        # A Jinja syntax error in the override.
        project.write(OVERRIDE, "{% if %}\n")
        body = wait_for(url, shows_error, server, log)
        assert "copyright.html&#x27;, dòng 1: lỗi cú pháp Jinja" in body
        project.write(OVERRIDE, GOOD_OVERRIDE)
        wait_for(url, is_good, server, log)

        # Broken front matter on an editor's page.
        project.write("content/index.md", "---\ntitle: [chưa đóng\n---\n\n# Trang chủ\n")
        body = wait_for(url, shows_error, server, log)
        assert "<code>content/index.md:" in body
        project.write("content/index.md", "# Trang chủ\n\nĐã sửa.\n")
        wait_for(url, lambda status, body: is_good(status, body) and "Đã sửa." in body, server, log)

        # A hook raising in the middle of a rebuild: MkDocs' server used to hang on every request.
        project.write("content/index.md", "# Trang chủ\n\nGÂY-LỖI\n")
        body = wait_for(url, shows_error, server, log)
        assert "RuntimeError: móc thử nghiệm gặp chữ GÂY-LỖI (tại &#x27;hooks.py&#x27;, dòng 4)" in body
        assert "ktt-preview-errors" in answers(url + profile)
        assert "ktt-preview-errors" in fetch(url + "khong-co-trang-nay/")[1]  # MkDocs' 404 page
        project.write("content/index.md", "# Trang chủ\n\nĐã sửa lần nữa.\n")
        wait_for(url, lambda status, body: is_good(status, body) and "Đã sửa lần nữa." in body, server, log)
        wait_for(url + profile, is_good, server, log)
        assert server.poll() is None
    printed = log.read_text(encoding="utf-8")
    assert "Không dựng được trang xem trước: RuntimeError: móc thử nghiệm" in printed
    assert "The server will appear stuck" not in printed


def test_preview_starts_with_a_broken_theme_override_and_recovers(project):
    with_override_and_hook(project)
    project.write(OVERRIDE, "{{ config.extra.khong_co.thuoc_tinh }}\n")
    with serving(project, ("serve",)) as (url, server, log):
        body = wait_for(url, shows_error, server, log)
        assert "overrides/partials/copyright.html&#x27;, dòng 1" in body
        project.write(OVERRIDE, GOOD_OVERRIDE)
        wait_for(url, is_good, server, log)
        wait_for(url + "hop-tac-xa/htx-dong-tam/", is_good, server, log)
