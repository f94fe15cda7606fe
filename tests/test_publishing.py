"""The published site is replaced only by a whole build: a failed, interrupted or killed build,
a full disk or a read-only output folder leave the previous site/ exactly as it was, with one
Vietnamese line saying why."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import BIN, SiteProject, file_tree, new_project


def _leftovers(project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site."))


def test_a_whole_build_replaces_the_site_and_leaves_nothing_beside_it(project):
    project.write("site/cu.html", "trang cũ")
    result = project.build_in_process()
    assert result.returncode == 0, result.stderr
    assert not (project.built() / "cu.html").exists()
    assert (project.built() / "index.html").is_file()
    assert _leftovers(project) == []


def test_a_strict_warning_found_late_keeps_the_previous_site(republished):
    project = republished
    before = file_tree(project.built())
    # A broken link is only found while MkDocs renders pages, long after the data was checked.
    project.write("content/index.md", "# Trang chủ\n\nXem [trang không có](khong-co.md).\n")
    result = project.build_in_process()
    assert result.returncode != 0
    assert "khong-co.md" in result.stderr
    assert file_tree(project.built()) == before
    assert _leftovers(project) == []


STOPPED_BUILD = Path(__file__).parent / "stopped_build.py"
ENV = {"SOURCE_DATE_EPOCH": "1764115200"}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> SiteProject:
    """The minimal site, built once: the previous site the tests below must keep."""
    project = new_project(tmp_path_factory.mktemp("published"))
    assert project.build_in_process(env=ENV).returncode == 0
    return project


@pytest.fixture
def republished(published: SiteProject, tmp_path: Path) -> SiteProject:
    """A copy of ``published``, its site included, for one test to build again."""
    root = tmp_path / "repo"
    shutil.copytree(published.root, root, symlinks=True)
    return SiteProject(root)


def stopped_build(project, moment: str, action: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict``, its own process, met at ``moment`` by ``action`` (see stopped_build.py)."""
    return subprocess.run(
        [sys.executable, str(STOPPED_BUILD), moment, action],
        cwd=project.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **ENV},
        capture_output=True,
        text=True,
        timeout=300,
    )


def problem_lines(stderr: str) -> list[str]:
    """What a build printed beyond its progress lines."""
    return [line for line in stderr.splitlines() if line.strip() and not line.startswith("INFO")]


@pytest.mark.parametrize(
    ("moment", "action"),
    [
        ("indexing", "SIGKILL"),
        ("indexing", "SIGINT"),
        ("pages", "SIGKILL"),
        ("search", "SIGKILL"),
        ("swap", "SIGKILL"),
        ("publishing", "SIGKILL"),
        ("publishing", "SIGINT"),
    ],
)
def test_a_build_stopped_at_any_moment_leaves_a_whole_site(republished, moment, action):
    project = republished
    before = file_tree(project.built())
    project.write("content/index.md", "# Trang chủ mới\n\nNội dung mới.\n")
    stopped = stopped_build(project, moment, action)
    assert stopped.returncode == (-signal.SIGKILL if action == "SIGKILL" else 1), stopped.stderr
    after = file_tree(project.built())

    # The next build clears what the stopped one left and publishes the new site.
    assert project.build_in_process(env=ENV).returncode == 0
    assert "Nội dung mới." in project.output("index.html")
    assert _leftovers(project) == []
    # Before the swap, every file of the previous site as it was; after it, the new site, whole.
    assert after == (file_tree(project.built()) if moment == "publishing" else before)


@pytest.mark.parametrize("moment", ["pages", "search"])
def test_a_full_disk_gives_one_vietnamese_line_and_keeps_the_previous_site(republished, moment):
    project = republished
    before = file_tree(project.built())
    project.write("content/index.md", "# Trang chủ mới\n\nNội dung mới.\n")
    # The page MkDocs writes (or the search bundle we write) goes to /dev/full: a real ENOSPC.
    result = stopped_build(project, moment, "ENOSPC")
    assert result.returncode == 1
    assert problem_lines(result.stderr) == [
        f"Error: không ghi được vào thư mục '{project.built()}': ổ đĩa đã đầy (ENOSPC); trang đang có được giữ nguyên"
    ]
    assert file_tree(project.built()) == before
    assert _leftovers(project) == []


def test_a_file_over_the_size_limit_gives_one_vietnamese_line_and_keeps_the_previous_site(republished):
    project = republished
    before = file_tree(project.built())
    project.write("content/index.md", "# Trang chủ mới\n\nNội dung mới.\n")

    def small_files() -> None:  # the first big file MkDocs copies then fails (Python ignores SIGXFSZ)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"],
        cwd=project.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=small_files,
    )
    assert result.returncode == 1
    assert problem_lines(result.stderr) == [
        f"Error: không ghi được vào thư mục '{project.built()}': tệp vượt quá dung lượng tối đa mà hệ thống "
        "cho phép (EFBIG); trang đang có được giữ nguyên"
    ]
    assert file_tree(project.built()) == before
    assert _leftovers(project) == []


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` made read-only: by its mode, or for root, whom modes do not stop, by the
    immutable attribute."""
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("run as root, whom file modes do not stop, where chattr +i is not available")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


@pytest.mark.parametrize("locked", ["site", "its parent"])
def test_a_read_only_output_folder_gives_one_vietnamese_line_and_keeps_the_previous_site(project, locked):
    site = project.root / "xuat-ban" / "site"
    assert project.build_in_process(site_dir=site).returncode == 0
    before = file_tree(site)
    project.write("content/index.md", "# Trang chủ mới\n\nNội dung mới.\n")
    with read_only(site if locked == "site" else site.parent):
        result = project.build("--site-dir", str(site))
    assert result.returncode == 1
    (line,) = problem_lines(result.stderr)
    assert line.startswith(f"Error: không ghi được vào thư mục '{site}': không ")
    assert line.endswith("; trang đang có được giữ nguyên")
    assert file_tree(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_an_output_folder_that_cannot_be_made_gives_one_vietnamese_line(project):
    project.write("khong-phai-thu-muc", "một tệp, không phải thư mục")
    result = project.build("--site-dir", "khong-phai-thu-muc/site")
    assert result.returncode != 0
    assert "không ghi được vào thư mục" in result.stderr
    assert "Traceback" not in result.stderr
