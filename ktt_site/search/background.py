"""Indexing pages for search in a second process while the site engine renders the others.

Search indexing (reading each page's words, Pagefind's index, re-chunking) is the largest
piece of the plugin's own work: about as long as the engine takes to render 3,000 pages'
templates. Done after the build, it made a 3,000-page build 1.5 times as long as the same
pages without the plugin. So each page is handed over the moment its body exists
(:meth:`BackgroundIndexer.add`, which never waits): a feeder thread pickles it into a pipe,
and a worker process (``python -m ktt_site.search.background``), started at lower priority
so the engine keeps its core, turns it into a record and streams it on to Pagefind. The
engine goes on rendering; :meth:`BackgroundIndexer.finish` then waits for the bundle.

Pages are indexed in the order they are added. An engine renders pages in the same order on
every build of a commit, so the bundle stays byte-identical from build to build.

The worker is a fresh interpreter (not a fork): it works the same on every platform and
whatever threads the engine runs (``mkdocs serve`` runs several).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from ktt_site.search.chunking import TARGET_CHUNK_BYTES
from ktt_site.search.records import PageToIndex

#: Nice value added to the worker: when it and the engine want the same core, the engine wins.
WORKER_NICENESS = 19


class SearchIndexError(RuntimeError):
    """The worker stopped before it wrote the bundle; the message says why."""


class BackgroundIndexer:
    """One worker process writing ``site_dir/pagefind/``; use as a context manager, or call
    :meth:`close` (which stops an unfinished worker)."""

    def __init__(self, site_dir: Path, *, chunk_bytes: int = TARGET_CHUNK_BYTES) -> None:
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__, str(site_dir), str(chunk_bytes)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )
        self._pages: queue.SimpleQueue[PageToIndex | None] = queue.SimpleQueue()
        # Started with the first page, not here: until then this process stays single-threaded,
        # so the engine's process may still be forked (see ``ktt_site.prerender``).
        self._feeder = threading.Thread(target=self._feed, daemon=True)
        self._finished = False
        self._all_added = False

    def add(self, page: PageToIndex) -> None:
        """Queue one page; returns at once."""
        self._put(page)

    def _put(self, page: PageToIndex | None) -> None:
        if self._feeder.ident is None:
            self._feeder.start()
        self._pages.put(page)

    def _feed(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        broken = False
        while True:
            page = self._pages.get()
            if broken:  # the worker is gone: drain, and let finish() say why
                if page is None:
                    return
                continue
            try:
                item = page and (page.src_uri, page.title, page.body_html, page.filters)
                stdin.write(pickle.dumps(item, pickle.HIGHEST_PROTOCOL))
                if page is None:
                    stdin.close()
                    return
            except (BrokenPipeError, OSError, ValueError):
                broken = True
                if page is None:
                    return

    def all_added(self) -> None:
        """Say that no page will follow, so the worker can write the bundle while the engine
        finishes (MkDocs has every page's body before it renders the first template)."""
        if not self._all_added:
            self._all_added = True
            self._put(None)

    def finish(self) -> None:
        """Wait for the bundle; raise :class:`SearchIndexError` if the worker failed."""
        if self._finished:
            return
        self._finished = True
        self.all_added()
        self._feeder.join()
        if self._process.wait() != 0:
            raise SearchIndexError(self._stderr() or f"mã thoát {self._process.returncode}")

    def _stderr(self) -> str:
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else ""

    def close(self) -> None:
        """Release everything; a worker still running (the build failed) is stopped."""
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        if not self._finished:
            self._finished = True
            if self._feeder.ident is not None:  # let the feeder see the end and stop
                self.all_added()
                self._feeder.join(timeout=30)
        with contextlib.suppress(OSError, ValueError):
            if self._process.stdin is not None:
                self._process.stdin.close()
        self._log.close()

    def __enter__(self) -> BackgroundIndexer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _lower_priority() -> None:
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)


def worker_main(argv: list[str]) -> int:
    """Read pickled pages from standard input until ``None``; write the bundle."""
    from ktt_site.search.pagefind_index import write_bundle
    from ktt_site.search.records import page_record

    site_dir, chunk_bytes = Path(argv[0]), int(argv[1])
    _lower_priority()
    stream = sys.stdin.buffer

    def records():  # type: ignore[no-untyped-def]
        while (item := pickle.load(stream)) is not None:
            yield page_record(PageToIndex(*item))

    try:
        write_bundle(records(), site_dir, chunk_bytes=chunk_bytes)
    except EOFError:
        print("chương trình dựng trang dừng giữa chừng", file=sys.stderr)
        return 1
    except Exception as exc:  # reported by finish() in the engine's process
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(worker_main(sys.argv[1:]))
