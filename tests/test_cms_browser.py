"""The form editor at ``/quan-tri/`` as an editor uses it, in Debian's chromium.

A copy of the minimal site (plus one bulletin issue) is built; the built ``site/`` is served over
HTTP, and ``decap-server`` (from ``npm ci``) reads and writes the copy, as ``npx decap-server``
does on an editor's machine. Through the forms: a cooperative is created (a commune and a legal
basis picked from drop-downs), then an article citing a legal document with an uploaded picture.
The files on disk must then pass ``ktt-site check`` and build.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from cms_support import (
    WAIT_MS,
    decap_missing,
    decap_server,
    field_id,
    fill,
    front_matter,
    pick,
    publish,
    sign_in,
    type_body,
    upload_image,
    use_decap_server,
)
from conftest import FIXTURES, SiteProject
from quality_support import missing_tool
from search_support import chromium_path, serve

PICTURE = FIXTURES / "files/anh.jpg"
ISSUE = "content/ban-tin/2018-so-01/index.md"


#: Started first in a run (tests/conftest.py): the walk through the forms takes ten seconds.
pytestmark = pytest.mark.runs_long


@pytest.fixture
def project(tmp_path: Path) -> SiteProject:
    root = tmp_path / "du-an"
    shutil.copytree(FIXTURES / "minimal", root)
    site = SiteProject(root)
    site.write(ISSUE, "---\nissue: 1\ndate: 2018-06-15\ntitle: Bản tin số 1 năm 2018\nillustrative: true\n---\n")
    return site


@pytest.fixture
def decap_server_port(project: SiteProject) -> Iterator[int]:
    """``decap-server`` on a free port, reading and writing the project's folder."""
    missing = decap_missing()
    if missing:
        missing_tool(missing)
    if chromium_path() is None:
        missing_tool("chromium not installed (apt-get install chromium)")
    with decap_server(project.root, project.root.parent / "decap-server.log") as port:
        yield port


def _edit(page: Any, base: str) -> None:
    sign_in(page, base)
    page.goto(base + "quan-tri/#/collections/hop-tac-xa/new")
    fill(page, "name", "Hợp tác xã Đồng Thuận")
    pick(page, field_id(page, "kind"), "Hợp tác xã")
    fill(page, "founded", "2019-03")
    pick(page, field_id(page, "commune"), "Xã Tân Bình")
    pick(page, field_id(page, "status"), "Đang hoạt động")
    pick(page, field_id(page, "legal_basis"), "23/2012/QH13")
    fill(page, "summary", "HTX trồng mãng cầu, bao tiêu cho thành viên.")
    page.locator(f"#{field_id(page, 'illustrative')}").click()
    publish(page)

    page.goto(base + "quan-tri/#/collections/bai-2018-so-01/new")
    fill(page, "title", "Hợp tác xã mới theo Luật 2012")
    page.locator(f"#{field_id(page, 'date')}").fill("2018-06-15")  # the browser's own date picker
    pick(page, field_id(page, "legal"), "23/2012/QH13")
    upload_image(page, PICTURE)
    fill(page, "image_alt", "Vườn mãng cầu của hợp tác xã")
    type_body(page, 'Hợp tác xã được thành lập theo {{ van_ban("luat-htx-2012") }}.')
    publish(page)


def test_cooperative_and_article_written_through_the_forms_pass_check_and_build(
    project: SiteProject, decap_server_port: int, browser: Any, tmp_path: Path
) -> None:
    site_dir = tmp_path / "site"
    built = project.build_in_process(site_dir=site_dir)
    assert built.returncode == 0, built.stderr
    config = use_decap_server(site_dir, decap_server_port)
    assert config["locale"] == "vi" and config["local_backend"] is True
    # The same page with a CSP lacking 'unsafe-eval': why the real one has it.
    admin_page = (site_dir / "quan-tri/index.html").read_text(encoding="utf-8")
    assert "&#39;unsafe-eval&#39;" in admin_page
    (site_dir / "quan-tri/khong-eval.html").write_text(
        admin_page.replace(" &#39;unsafe-eval&#39;", ""), encoding="utf-8"
    )
    errors: list[str] = []
    with serve(site_dir) as base:
        strict = browser.new_page()
        refused: list[str] = []
        strict.on("console", lambda m: refused.append(m.text) if "unsafe-eval" in m.text else None)
        strict.on("pageerror", lambda error: refused.append(str(error)) if "unsafe-eval" in str(error) else None)
        strict.goto(base + "quan-tri/khong-eval.html")

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
        # Meanwhile the editor without 'unsafe-eval', opened first, had all the time the real
        # one took to sign in and save two entries: it was refused and never offered to sign in.
        assert refused and strict.get_by_role("button", name="Đăng nhập").count() == 0
        strict.close()
        page.close()

    assert not errors, errors
    cooperative = project.path("models_data/cooperatives/hop-tac-xa-dong-thuan.yaml")
    data = yaml.safe_load(cooperative.read_text(encoding="utf-8"))
    assert data["commune"] == "xa-tan-binh" and data["legal_basis"] == "luat-htx-2012", data
    assert str(data["founded"]) == "2019-03" and data["illustrative"] is True
    (article,) = [p for p in project.path("content/ban-tin/2018-so-01").glob("*.md") if p.name != "index.md"]
    meta = front_matter(article)
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
