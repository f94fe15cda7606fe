"""Sharing a list of jobs with a forked child while the site engine works through them.

The engine asks for its pages one at a time, in an order known in advance, and most of the
work on each (making a generated page, converting its Markdown) depends on nothing but the
data already loaded. So the jobs are listed in the order the engine will ask for them and
split, as the work goes, between two processes: the engine's process takes each job as it
asks for it; a forked copy of it takes them from the other end of the list, on the other
core, and sends each result down a pipe. Each job is claimed once, by one process (a flag in
shared memory, under a lock): they meet somewhere in the list, wherever the busier of the
two has got to, and neither waits for the other except for the one job the child is still
finishing there.

Results are the same whichever process makes them: the child is a copy of this process (same
data, same hash seed). A job that fails in the child comes back empty and is made again
here, so its error is raised where the engine reports it. Where forking is not safe or not
available (Windows, or other threads running, as under ``mkdocs serve``), or of no use (one
processor to run on), every job is made here, on demand.
"""

from __future__ import annotations

import contextlib
import gc
import mmap
import os
import pickle
import select
import struct
import threading
from collections.abc import Callable, Hashable, Sequence
from typing import Any

Job = Callable[[], Any]

_FREE, _HERE, _THERE = 0, 1, 2
#: Seconds to wait for the claims' lock before deciding its holder died holding it.
LOCK_WAIT = 10.0
_LENGTH = struct.Struct("<Q")
_FAILED = object()
_MISSING = object()


class _Claims:
    """Which process makes each job: one byte per job in memory both processes share."""

    def __init__(self, count: int) -> None:
        import multiprocessing  # only when forking: a lock both processes can take

        self._flags = mmap.mmap(-1, max(count, 1))  # anonymous and shared across fork
        self._lock = multiprocessing.get_context("fork").Lock()

    def take(self, index: int, who: int) -> bool:
        """Claim job ``index`` for ``who``; ``False`` if the other process has it."""
        if not self._lock.acquire(timeout=LOCK_WAIT):
            # Held for microseconds at a time: still held, it went down with a process that
            # was killed. Then each process makes what it asks for (a job may be made twice).
            return True
        try:
            if self._flags[index] != _FREE:
                return False
            self._flags[index] = who
            return True
        finally:
            self._lock.release()

    def take_all(self, who: int) -> None:
        if not self._lock.acquire(timeout=LOCK_WAIT):
            return
        try:
            for index in range(len(self._flags)):
                if self._flags[index] == _FREE:
                    self._flags[index] = who
        finally:
            self._lock.release()


class Prerenderer:
    """Results of ``jobs`` by key, shared with a child process when ``ahead`` and possible.

    List ``jobs`` in the order this process will ask for them: the child starts from the
    last. :meth:`get` returns a job's result wherever it was made; :meth:`made_ahead` returns
    the child's result, or ``None`` when this process is to do the work itself (in its own
    way: the job is what the child runs).
    """

    def __init__(self, jobs: Sequence[tuple[Hashable, Job]], *, ahead: bool = True) -> None:
        self._jobs = dict(jobs)
        self._index = {key: index for index, (key, _) in enumerate(jobs)}
        self._ready: dict[Hashable, Any] = {}
        self._claims: _Claims | None = None
        self._results: int | None = None  # the pipe's read end, non-blocking
        self._received = bytearray()
        self._child: int | None = None
        self._froze = False
        if ahead and jobs and _can_fork():
            self._start(jobs)

    @property
    def forked(self) -> bool:
        return self._child is not None

    def _start(self, jobs: Sequence[tuple[Hashable, Job]]) -> None:
        try:
            claims = _Claims(len(jobs))
        except (OSError, ImportError):  # no shared semaphores here (some containers): made on demand
            return
        read_end, write_end = os.pipe()
        _widen(write_end)
        # What is alive now stays alive for the build. Frozen, the cycle collector stops walking
        # it, in both processes: those walks took half a second of the engine's time on a
        # 3,200-page site, and each one writes to the objects it visits, making the two
        # processes copy the memory they share.
        gc.freeze()
        self._froze = True
        child = os.fork()
        if child == 0:  # the copy: claim jobs from the end, send each result, leave without cleanup
            status = 0
            try:
                os.close(read_end)
                _make_from_the_end(jobs, claims, write_end)
            except BaseException:  # the engine stopped reading (it finished, or failed)
                status = 1
            finally:
                os._exit(status)
        os.close(write_end)
        os.set_blocking(read_end, False)
        self._claims = claims
        self._child = child
        self._results = read_end

    def get(self, key: Hashable) -> Any:
        """The result of the job ``key``: made by the child, or made now."""
        value = self._take(key)
        return self._jobs[key]() if value is _MISSING else value

    def made_ahead(self, key: Hashable) -> Any:
        """The child's result for ``key``, or ``None``: then this process makes it (the child
        will not, or could not)."""
        value = self._take(key)
        return None if value is _MISSING else value

    def let_child_finish(self) -> None:
        """Wait until the child has made every job not yet claimed here, and read it all (so a
        test can have every job made there)."""
        while self._results is not None:
            self._receive(wait=True)

    def _take(self, key: Hashable) -> Any:
        self._receive(wait=False)  # keeps the pipe from filling up while the child works ahead
        if key in self._ready:
            value = self._ready.pop(key)
            return _MISSING if value is _FAILED else value
        index = self._index.get(key)
        if self._claims is None or index is None or self._claims.take(index, _HERE):
            return _MISSING
        while key not in self._ready and self._results is not None:  # the child's: on its way
            self._receive(wait=True)
        value = self._ready.pop(key, _FAILED)
        return _MISSING if value is _FAILED else value

    def _receive(self, *, wait: bool) -> None:
        """Read the results the child has sent; with ``wait``, wait until some arrive."""
        if self._results is None:
            return
        if wait:
            select.select([self._results], [], [])
        while True:
            try:
                chunk = os.read(self._results, PIPE_BYTES)
            except BlockingIOError:
                break
            if not chunk:  # the child is done (or gone)
                self._stop_reading()
                break
            self._received += chunk
        self._unpack()

    def _unpack(self) -> None:
        start = 0
        buffer = self._received
        while len(buffer) - start >= _LENGTH.size:
            (length,) = _LENGTH.unpack_from(buffer, start)
            end = start + _LENGTH.size + length
            if len(buffer) < end:
                break
            key, made, value = pickle.loads(memoryview(buffer)[start + _LENGTH.size : end])
            self._ready[key] = value if made else _FAILED
            start = end
        del buffer[:start]

    def _stop_reading(self) -> None:
        if self._results is not None:
            os.close(self._results)
            self._results = None

    def close(self) -> None:
        """Stop the child (if still working) and reap it."""
        if self._claims is not None:
            self._claims.take_all(_HERE)  # the child claims nothing more
        self._stop_reading()
        self._ready.clear()
        self._received.clear()
        if self._child is not None:
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(self._child, 0)
            self._child = None
        if self._froze:
            gc.unfreeze()
            self._froze = False


def _make_from_the_end(jobs: Sequence[tuple[Hashable, Job]], claims: _Claims, out: int) -> None:
    for index in range(len(jobs) - 1, -1, -1):
        if not claims.take(index, _THERE):
            continue  # the engine's process has it
        key, job = jobs[index]
        try:
            data = pickle.dumps((key, True, job()), pickle.HIGHEST_PROTOCOL)
        except Exception:  # made again by the engine's process, which reports it
            data = pickle.dumps((key, False, None), pickle.HIGHEST_PROTOCOL)
        _write_all(out, _LENGTH.pack(len(data)) + data)


def _write_all(out: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(out, view) :]


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
    # child stuck on it, so fork only a single-threaded process. With one processor to run on,
    # a child would only take turns with this process, and add the cost of sending results.
    return hasattr(os, "fork") and threading.active_count() == 1 and _processors() > 1


def _processors() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
