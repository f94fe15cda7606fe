"""A pipelined client for the Pagefind binary's ``--service`` mode.

Pagefind's own Python API (``pagefind.index``) waits 0.1 s before reading each reply of the
binary, so adding 3,000 records one by one takes five minutes. The service protocol is small
(base64 JSON messages, each ended by a comma, one reply per request, tagged with the request's
``message_id``), so we speak it directly; the binary is the one ``pagefind-bin`` installs.

Requests are pipelined: :meth:`PagefindService.add_record` writes its message and returns, so
Pagefind indexes one page while Python prepares the next, and a thread drains the replies as
they come (so neither side can block the other on a full pipe). Pagefind 1.5 handles requests
one at a time in the order received, so pages are numbered in the order they were sent and
the bundle stays reproducible; replies are checked in that order, and any refusal is raised by
the next call that waits for a reply (:meth:`PagefindService.files` at the latest).
"""

from __future__ import annotations

import base64
import contextlib
import importlib
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from types import TracebackType
from typing import IO, Any


class PagefindError(RuntimeError):
    """The Pagefind binary is missing or refused a request."""


def get_executable() -> str | None:
    """The Pagefind binary, looked for where ``pagefind.service.get_executable`` looks (1.5),
    without importing that module: it brings asyncio in, 20-40 ms of every build's start."""
    if override := os.environ.get("PAGEFIND_BINARY_PATH"):
        return override
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            return str(importlib.import_module(package).get_executable())
        except ImportError:
            continue
    return shutil.which("pagefind_extended") or shutil.which("pagefind")


def _read_replies(stdout: IO[bytes], replies: queue.SimpleQueue[bytes | None]) -> None:
    """Put each raw reply (base64, comma dropped) on ``replies``; ``None`` once Pagefind ends."""
    buffer = bytearray()
    try:
        while chunk := stdout.read1(1 << 20):  # type: ignore[attr-defined]
            scanned = len(buffer)
            buffer += chunk
            start = 0
            # A reply ends at the first comma; base64 never holds one.
            end = buffer.find(b",", scanned)
            while end >= 0:
                replies.put(bytes(buffer[start:end]))
                start = end + 1
                end = buffer.find(b",", start)
            del buffer[:start]
    except (OSError, ValueError):  # the pipe closed under us: the process is gone
        pass
    finally:
        replies.put(None)


class PagefindService:
    """One ``pagefind --service`` process holding one in-memory index; use as a context manager."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        executable = get_executable()
        if executable is None:
            raise PagefindError("không tìm thấy chương trình Pagefind; hãy cài lại gói: pip install -e .")
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self._process = subprocess.Popen(
            [executable, "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
        )
        assert self._process.stdout is not None
        self._replies: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._reader = threading.Thread(target=_read_replies, args=(self._process.stdout, self._replies), daemon=True)
        self._reader.start()
        self._message_id = 0
        #: What each request still waiting for its reply asked, by message id, in sending order.
        self._pending: dict[int, str] = {}
        self._files_request: int | None = None
        message_id = self._post({"type": "NewIndex", "config": config}, "NewIndex")
        self._index_id: int = self._wait(message_id)["index_id"]

    def _post(self, payload: dict[str, Any], what: str) -> int:
        """Send one request without waiting for its reply; return its message id."""
        assert self._process.stdin is not None
        self._message_id += 1
        message = json.dumps({"message_id": self._message_id, "payload": payload}, ensure_ascii=False).encode("utf-8")
        try:
            self._process.stdin.write(base64.b64encode(message) + b",")
        except BrokenPipeError:
            raise PagefindError(f"Pagefind đã dừng: {self._stderr()}") from None
        self._pending[self._message_id] = what
        return self._message_id

    def _flush(self) -> None:
        assert self._process.stdin is not None
        try:
            self._process.stdin.flush()
        except BrokenPipeError:
            raise PagefindError(f"Pagefind đã dừng: {self._stderr()}") from None

    def _wait(self, message_id: int) -> dict[str, Any]:
        """Read replies, in order, up to the one for ``message_id``; return its payload."""
        self._flush()
        while True:
            raw = self._replies.get()
            if raw is None:
                self._replies.put(None)  # later waits must fail the same way
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._process.wait(timeout=10)  # so its last words are in the log
                raise PagefindError(f"Pagefind đã dừng: {self._stderr()}")
            reply = json.loads(base64.b64decode(raw))
            result: dict[str, Any] = reply["payload"]
            got = reply.get("message_id")
            if got is None:
                # Its answer to a request it could not read: sent at once, out of turn, with no
                # id, so which one is unknown (only our own bug could cause it).
                raise PagefindError(f"Pagefind không đọc được một yêu cầu: {result.get('message')}")
            expected = next(iter(self._pending), None)
            if got != expected:
                raise PagefindError(f"Pagefind trả lời sai thứ tự: {got} != {expected}")
            what = self._pending.pop(got)
            if result.get("type") == "Error":
                raise PagefindError(f"Pagefind từ chối yêu cầu {what}: {result.get('message')}")
            if got == message_id:
                return result

    def _stderr(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace").strip()[-2000:]

    def add_record(
        self,
        *,
        url: str,
        content: str,
        language: str,
        meta: dict[str, str],
        filters: dict[str, list[str]],
    ) -> None:
        """Queue one page for indexing (see the module docstring for when errors surface)."""
        self._post(
            {
                "type": "AddRecord",
                "index_id": self._index_id,
                "url": url,
                "content": content,
                "language": language,
                "meta": meta,
                "filters": filters,
                "sort": None,
            },
            f"AddRecord {url}",
        )

    def request_files(self) -> None:
        """Ask for the bundle now, without waiting: Pagefind builds it while we do other work,
        and :meth:`files` takes it. No record may be added after this."""
        if self._files_request is None:
            self._files_request = self._post({"type": "GetFiles", "index_id": self._index_id}, "GetFiles")
            self._flush()

    def files(self) -> dict[str, bytes]:
        """The bundle's files by path. (Its ``WriteFiles`` request answers before the files are
        all on disk, and may leave some empty when the process ends, so we write them ourselves.)"""
        self.request_files()
        assert self._files_request is not None
        reply = self._wait(self._files_request)
        return {item["path"]: base64.b64decode(item["content"]) for item in reply["files"]}

    def close(self) -> None:
        if self._process.stdin is not None:
            with contextlib.suppress(BrokenPipeError):  # it may have stopped already
                self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join(timeout=30)
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._log.close()

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
