"""Sharing the work on pages with a forked child: each job made once, by one of the two
processes; the same results and the same warnings wherever a page is made; errors where the
engine reports them; nothing left running."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
from functools import partial

import pytest
from bulletin_support import article, write_bulletin
from conftest import BIN, ROOT, file_tree

from ktt_site.prerender import Prerenderer

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")


# The build forks only where two processors are free to run it; these tests fork on any
# machine, so what they check is checked on a one-processor runner too.
ANY_PROCESSORS = "import ktt_site.prerender\nktt_site.prerender._processors = lambda: 2\n"


def _prints(script: str, expected: str = "ok") -> None:
    """Run ``script`` in a fresh interpreter (single-threaded, so it may fork); it must succeed
    and print ``expected``."""
    result = subprocess.run(
        [sys.executable, "-c", ANY_PROCESSORS + textwrap.dedent(script)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_results_made_ahead_equal_results_made_on_demand_in_any_order():
    _prints(
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


def test_the_work_is_shared_and_each_job_is_made_once():
    # The engine's process takes jobs from the front as it asks for them, the child from the
    # back; a job that takes time lets both get some.
    _prints(
        """
        import os, time
        from ktt_site.prerender import Prerenderer

        def job(n):
            time.sleep(0.02)
            return n, os.getpid()

        ahead = Prerenderer([(n, (lambda n=n: job(n))) for n in range(30)])
        assert ahead.forked
        made = [ahead.get(n) for n in range(30)]
        ahead.close()
        assert [n for n, _ in made] == list(range(30))
        here = [n for n, pid in made if pid == os.getpid()]
        there = [n for n, pid in made if pid != os.getpid()]
        assert here and there, made
        assert here == list(range(len(here))) and there == list(range(len(here), 30)), made
        print("ok")
        """
    )


def test_made_ahead_is_none_for_a_job_left_to_this_process():
    _prints(
        """
        from ktt_site.prerender import Prerenderer

        ahead = Prerenderer([(n, (lambda n=n: n * 10)) for n in range(3)])
        assert ahead.made_ahead(0) is None  # claimed here: the caller makes it its own way
        ahead.let_child_finish()  # the child makes the rest
        assert [ahead.made_ahead(1), ahead.made_ahead(2)] == [10, 20]
        assert ahead.made_ahead("unknown") is None
        ahead.close()
        print("ok")
        """
    )


def test_a_job_that_fails_ahead_fails_again_where_the_engine_asks_for_it():
    _prints(
        """
        from ktt_site.prerender import Prerenderer

        def broken():
            raise ValueError("trang hỏng")

        ahead = Prerenderer([("a", lambda: "A"), ("b", broken), ("c", lambda: "C")])
        assert ahead.forked
        ahead.let_child_finish()  # every job tried in the child first
        assert ahead.get("a") == "A"
        assert ahead.made_ahead("b") is None
        try:
            ahead.get("b")
        except ValueError as exc:
            print("raised:", exc)
        assert ahead.get("c") == "C"
        ahead.close()
        """,
        "raised: trang hỏng",
    )


def test_closing_with_results_never_asked_for_stops_the_child():
    # As after a failed build: the child is blocked on a full pipe; close must not hang, and
    # must leave no process behind.
    _prints(
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
        """,
        "reaped",
    )


def test_a_claims_lock_left_held_costs_a_wait_not_a_hang():
    # As if the child were killed while it held the lock: both processes give up waiting for
    # it and make what they ask for, and the results are still right.
    _prints(
        """
        import ktt_site.prerender as prerender

        prerender.LOCK_WAIT = 0.2
        ahead = prerender.Prerenderer([(n, (lambda n=n: n + 1)) for n in range(5)])
        assert ahead.forked
        ahead._claims._lock.acquire()  # never released
        assert [ahead.get(n) for n in range(5)] == [1, 2, 3, 4, 5]
        ahead.close()
        print("ok")
        """
    )


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="processor affinity is Linux only")
def test_no_fork_with_one_processor_to_run_on():
    # A child would only take turns with the engine on the one processor.
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(
            """
            import os
            from ktt_site.prerender import Prerenderer

            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
            ahead = Prerenderer([(n, (lambda n=n: n)) for n in range(3)])
            print(ahead.forked, [ahead.get(n) for n in range(3)])
            """
        )],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False [0, 1, 2]"


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
    # shipped_site is built by `mkdocs build` in its own process, which shares the pages with
    # a forked child. Built here with another thread running, nothing is forked: every page
    # and file is made on demand. The two sites must not differ by a byte.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from ktt_site.mkdocs_plugin.plugin import KttSitePlugin

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764115200")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(ROOT)
    forked: list[bool] = []
    original = KttSitePlugin.on_nav

    def on_nav(self, nav, *, config, files):  # type: ignore[no-untyped-def]
        result = original(self, nav, config=config, files=files)
        forked.append(self.prerender.forked)
        return result

    monkeypatch.setattr(KttSitePlugin, "on_nav", on_nav)
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


# A hook run after the plugin's own: "all" lets the child make every page (and data file)
# before MkDocs reads the first; "none" stops the child first, so MkDocs' process makes all.
SHARING_HOOK = ANY_PROCESSORS + """
import os
from mkdocs.plugins import event_priority

@event_priority(-100)
def on_nav(nav, config, files):
    sharing = config.plugins["ktt-site"].prerender
    assert sharing.forked, "the build did not fork"
    if os.environ["KTT_TEST_SHARING"] == "all":
        sharing.let_child_finish()
    else:
        sharing.close()
    return nav
"""


def _build_sharing(root, mode: str, site_dir: str, extra_config: str = "", extra_hooks: str = ""):
    (root / "sharing_hook.py").write_text(SHARING_HOOK + extra_hooks, encoding="utf-8")
    (root / "mkdocs-sharing.yml").write_text(
        "INHERIT: mkdocs.yml\nhooks:\n  - sharing_hook.py\n" + extra_config, encoding="utf-8"
    )
    env = {
        **os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764115200",
        "KTT_TEST_SHARING": mode,
    }
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", "mkdocs-sharing.yml", "-d", site_dir],
        cwd=root, capture_output=True, text=True, env=env, timeout=600,
    )


def test_the_shipped_site_is_the_same_with_every_page_made_in_the_child(shipped_site, tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns(".venv", ".git", "site", "node_modules", "__pycache__"))
    (tmp_path / "shared").symlink_to(ROOT.parent / "shared")
    result = _build_sharing(root, "all", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert file_tree(tmp_path / "site") == file_tree(shipped_site)


def _warnings(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if line.startswith("WARNING"))


def test_warnings_are_the_same_whichever_process_makes_the_page(project, tmp_path):
    # Links are checked while a page is converted, and anchors after every page is: both must
    # reach MkDocs' own log (and fail --strict) from a page made in the child.
    write_bulletin(project)
    project.write(
        "content/ban-tin/2018-so-01/lien-ket.md",
        article(
            "Bài có liên kết hỏng",
            "2018-05-03",
            order=3,
            body="## Mục có thật\n\nXem [trang không có](khong-co.md), "
            "[mục không có](bai-giua.md#muc-khong-co), [mục có thật](#muc-co-that) "
            "và [bài giữa](bai-giua.md).\n",
        ),
    )
    anchors = "validation:\n  anchors: warn\n"
    made = {mode: _build_sharing(project.root, mode, f"site-{mode}", anchors) for mode in ("all", "none")}
    for mode, result in made.items():
        assert result.returncode != 0, f"{mode}: --strict must fail on the warnings"
    assert _warnings(made["all"].stderr) == _warnings(made["none"].stderr)
    warned = "\n".join(_warnings(made["all"].stderr))
    assert "contains a link 'khong-co.md'" in warned
    assert "'bai-giua.md#muc-khong-co'" in warned and "muc-khong-co" in warned
    assert "#muc-co-that" not in warned and len(_warnings(made["all"].stderr)) == 2


def test_a_later_plugin_changing_the_markdown_is_converted_by_mkdocs(project, tmp_path):
    # The child converts the Markdown as the plugin leaves it; a hook after the plugin's adds a
    # line, so MkDocs must convert the changed text itself, on every page. The same hook reads
    # every generated file as soon as the files are listed, before any is shared.
    write_bulletin(project)
    added = """

@event_priority(-100)
def on_files(files, config):
    for file in files:
        if file.generated_by:
            assert file.content_bytes, file.src_uri
    return files

@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    return markdown + "\\n\\nDòng thêm bởi hook.\\n"
"""
    result = _build_sharing(project.root, "all", "site", extra_hooks=added)
    assert result.returncode == 0, result.stderr
    for page in ("hop-tac-xa/htx-dong-tam/index.html", "ban-tin/2018-so-01/tin-dau/index.html", "index.html"):
        assert "<p>Dòng thêm bởi hook.</p>" in project.output(page), page
