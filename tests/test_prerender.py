"""Making generated content ahead, in a forked child: same results as on demand, errors where
the engine reports them, and nothing left running."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from functools import partial

import pytest
from conftest import ROOT, file_tree

from ktt_site.prerender import Prerenderer

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")


def _run(script: str) -> subprocess.CompletedProcess[str]:
    """In a fresh interpreter, so the process is single-threaded and may fork."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def test_results_made_ahead_equal_results_made_on_demand_in_any_order():
    result = _run(
        """
        from functools import partial
        from ktt_site.prerender import Prerenderer

        def page(n):
            return f"# Trang {n}\\n" + "Hợp tác xã " * n

        jobs = [(("file", n), partial(page, n)) for n in range(300)]
        ahead = Prerenderer(jobs)
        assert ahead.forked
        asked = [5, 0, 299, *range(1, 5), *range(6, 299)]  # not the order they were made in
        assert [ahead.get(("file", n)) for n in asked] == [page(n) for n in asked]
        ahead.close()
        print("ok")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_job_that_fails_ahead_fails_again_where_the_engine_asks_for_it():
    result = _run(
        """
        from ktt_site.prerender import Prerenderer

        def broken():
            raise ValueError("trang hỏng")

        ahead = Prerenderer([("a", lambda: "A"), ("b", broken), ("c", lambda: "C")])
        assert ahead.forked
        assert ahead.get("a") == "A"
        try:
            ahead.get("b")
        except ValueError as exc:
            print("raised:", exc)
        assert ahead.get("c") == "C"
        ahead.close()
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "raised: trang hỏng"


def test_closing_with_results_never_asked_for_stops_the_child():
    # As after a failed build: the child is blocked on a full pipe; close must not hang, and
    # must leave no process behind.
    result = _run(
        """
        import os
        from ktt_site.prerender import Prerenderer

        jobs = [(n, (lambda n=n: "x" * 100_000)) for n in range(200)]  # 20 MB: more than the pipe holds
        ahead = Prerenderer(jobs)
        child = ahead._child
        assert ahead.get(0) == "x" * 100_000
        ahead.close()
        try:
            os.waitpid(child, os.WNOHANG)
        except ChildProcessError:
            print("reaped")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "reaped"


def test_no_fork_while_another_thread_runs_and_results_are_the_same():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        made: list[int] = []

        def job(n: int) -> int:
            made.append(n)
            return n * n

        inline = Prerenderer([(n, partial(job, n)) for n in range(10)])
        assert not inline.forked
        assert made == []  # nothing made until asked for
        assert [inline.get(n) for n in (3, 1)] == [9, 1]
        assert made == [3, 1]
        inline.close()
    finally:
        stop.set()
        other.join()


def test_the_shipped_site_is_the_same_made_ahead_or_on_demand(shipped_site, tmp_path, monkeypatch):
    # shipped_site is built by `mkdocs build` in its own process, which forks the makers ahead.
    # Built here with another thread running, nothing is forked: every page and file is made
    # on demand. The two sites must not differ by a byte.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from ktt_site.mkdocs_plugin.plugin import KttSitePlugin

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764115200")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(ROOT)
    forked: list[bool] = []
    original = KttSitePlugin.on_files

    def on_files(self, files, *, config):  # type: ignore[no-untyped-def]
        result = original(self, files, config=config)
        forked.append(self.prerender.forked)
        return result

    monkeypatch.setattr(KttSitePlugin, "on_files", on_files)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True))
    finally:
        stop.set()
        other.join()
    assert forked == [False]
    assert file_tree(tmp_path / "site") == file_tree(shipped_site)
