"""Making generated content in a forked child while the site engine renders other pages.

The engine must know every generated file before it renders the first page, but it reads
them one at a time over the following seconds (MkDocs converts each page's Markdown in turn).
Rendering them all up front kept the engine waiting: about a second on a site of 1,000
profiles and 2,000 articles. So each job (one generated file, or the parts around one
bulletin page) is listed in the order the engine will ask for it, and a forked copy of this
process makes them in that order on the other core, sending each result down a pipe; the
engine reads a result when it needs it, by then usually made.

Results are the same as when made here: the child is a copy of this process (same data, same
hash seed). A job that fails in the child comes back empty and is made again here, so its
error is raised where the engine reports it. Where forking is not safe or not available
(Windows, or other threads running, as under ``mkdocs serve``), every job is made here, on
demand.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import threading
from collections.abc import Callable, Hashable, Sequence
from typing import IO, Any

Job = Callable[[], Any]


class Prerenderer:
    """Results of ``jobs`` by key, made ahead in a child process when ``ahead`` and possible."""

    def __init__(self, jobs: Sequence[tuple[Hashable, Job]], *, ahead: bool = True) -> None:
        self._jobs = dict(jobs)
        self._ready: dict[Hashable, Any] = {}
        self._results: IO[bytes] | None = None
        self._child: int | None = None
        self._froze = False
        if ahead and jobs and _can_fork():
            self._start(jobs)

    @property
    def forked(self) -> bool:
        return self._child is not None

    def _start(self, jobs: Sequence[tuple[Hashable, Job]]) -> None:
        read_end, write_end = os.pipe()
        _widen(write_end)
        # What is alive now stays alive for the build. Frozen, the cycle collector stops walking
        # it, in both processes: those walks took half a second of the engine's time on a
        # 3,200-page site, and each one writes to the objects it visits, making the two
        # processes copy the memory they share.
        gc.freeze()
        self._froze = True
        child = os.fork()
        if child == 0:  # the copy: make every job, send each result, leave without cleanup
            status = 0
            try:
                os.close(read_end)
                with os.fdopen(write_end, "wb") as out:
                    for key, job in jobs:
                        try:
                            made, value = True, job()
                        except Exception:  # made again by the engine's process, which reports it
                            made, value = False, None
                        out.write(pickle.dumps((key, made, value), pickle.HIGHEST_PROTOCOL))
                        out.flush()
            except BaseException:  # the engine stopped reading (it finished, or failed)
                status = 1
            finally:
                os._exit(status)
        os.close(write_end)
        self._child = child
        self._results = os.fdopen(read_end, "rb")

    def get(self, key: Hashable) -> Any:
        """The result of the job ``key``: read from the child, or made now."""
        if key in self._ready:
            return self._ready.pop(key)
        while self._results is not None:
            try:
                got, made, value = pickle.load(self._results)
            except (EOFError, OSError, pickle.UnpicklingError):
                self._stop_reading()
                break
            if not made:
                continue  # made here when asked for
            if got == key:
                return value
            self._ready[got] = value
        return self._jobs[key]()

    def _stop_reading(self) -> None:
        if self._results is not None:
            self._results.close()
            self._results = None

    def close(self) -> None:
        """Stop the child (if still working) and reap it."""
        self._stop_reading()
        self._ready.clear()
        if self._child is not None:
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(self._child, 0)
            self._child = None
        if self._froze:
            gc.unfreeze()
            self._froze = False


#: Room for results made ahead of use: the child works on while the engine is busy, up to this.
PIPE_BYTES = 1 << 20


def _widen(pipe: int) -> None:
    """Let the pipe hold :data:`PIPE_BYTES` (Linux; elsewhere the system's size is kept)."""
    import fcntl  # POSIX only, like fork

    if hasattr(fcntl, "F_SETPIPE_SZ"):
        with contextlib.suppress(OSError):  # above the system's limit: keep the default
            fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _can_fork() -> bool:
    # A fork copies only the calling thread; another thread holding a lock would leave the
    # child stuck on it, so fork only a single-threaded process.
    return hasattr(os, "fork") and threading.active_count() == 1
