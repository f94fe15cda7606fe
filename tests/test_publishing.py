"""The published site is replaced only by a whole build: a failed, interrupted or killed build
leaves the previous site/ exactly as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
from conftest import BIN, file_tree


def _leftovers(project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site."))


def test_a_whole_build_replaces_the_site_and_leaves_nothing_beside_it(project):
    project.write("site/cu.html", "trang cũ")
    result = project.build_in_process()
    assert result.returncode == 0, result.stderr
    assert not (project.built() / "cu.html").exists()
    assert (project.built() / "index.html").is_file()
    assert _leftovers(project) == []


def test_a_strict_warning_found_late_keeps_the_previous_site(project):
    assert project.build_in_process().returncode == 0
    before = file_tree(project.built())
    # A broken link is only found while MkDocs renders pages, long after the data was checked.
    project.write("content/index.md", "# Trang chủ\n\nXem [trang không có](khong-co.md).\n")
    result = project.build_in_process()
    assert result.returncode != 0
    assert "khong-co.md" in result.stderr
    assert file_tree(project.built()) == before
    assert _leftovers(project) == []


@pytest.mark.parametrize(("sig", "fraction"), [(signal.SIGKILL, 0.2), (signal.SIGINT, 0.5), (signal.SIGKILL, 0.9)])
def test_a_build_stopped_at_any_moment_keeps_the_previous_site(project, sig, fraction):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764115200"}
    started = time.monotonic()
    assert project.build(env=env).returncode == 0  # timed as the real command runs
    duration = time.monotonic() - started
    before = file_tree(project.built())
    project.write("content/index.md", "# Trang chủ mới\n\nNội dung mới.\n")
    build = subprocess.Popen(
        [str(BIN / "mkdocs"), "build", "--strict"],
        cwd=project.root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(duration * fraction)
    build.send_signal(sig)
    build.wait(timeout=60)
    after = file_tree(project.built())
    # The previous site, whole; or, where the signal came after the new site was published (the
    # last step of a build), the new one, whole. Never a mix, never an emptied folder.
    if after != before:
        pages = {name for name in before if not name.startswith("pagefind/")}
        assert pages == {name for name in after if not name.startswith("pagefind/")}
        assert "Nội dung mới.".encode() in after["index.html"]
        assert any(name.endswith(".pf_meta") for name in after)

    # The next build clears what the stopped one left and publishes the new site.
    assert project.build_in_process(env=env).returncode == 0
    assert "Nội dung mới." in project.output("index.html")
    assert _leftovers(project) == []


def test_an_output_folder_that_cannot_be_made_gives_one_vietnamese_line(project):
    project.write("khong-phai-thu-muc", "một tệp, không phải thư mục")
    result = project.build("--site-dir", "khong-phai-thu-muc/site")
    assert result.returncode != 0
    assert "không ghi được vào thư mục" in result.stderr
    assert "Traceback" not in result.stderr
