"""A synchronous client for the Pagefind binary's ``--service`` mode.

Pagefind's own Python API (``pagefind.index``) waits 0.1 s before reading each reply of the
binary, so adding 3,000 records one by one takes five minutes. The service protocol is small
(base64 JSON messages, each ended by a comma, one reply per request), so we speak it directly,
one request and its reply at a time, and use the ``pagefind`` package only to find the binary
that ``pagefind-bin`` installs.
"""

from __future__ import annotations

import base64
import json
import subprocess
import tempfile
from types import TracebackType
from typing import Any

from pagefind.service import get_executable


class PagefindError(RuntimeError):
    """The Pagefind binary is missing or refused a request."""


class PagefindService:
    """One ``pagefind --service`` process holding one in-memory index; use as a context manager."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        executable = get_executable()
        if executable is None:
            raise PagefindError(
                "không tìm thấy chương trình Pagefind; hãy cài lại gói: pip install -e ."
            )
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self._process = subprocess.Popen(
            [str(executable), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
        )
        self._message_id = 0
        self._buffer = bytearray()
        reply = self._send({"type": "NewIndex", "config": config})
        self._index_id: int = reply["index_id"]

    def _send(self, payload: dict[str, Any]) -> dict[str, Any]:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._message_id += 1
        message = json.dumps({"message_id": self._message_id, "payload": payload}).encode("utf-8")
        try:
            self._process.stdin.write(base64.b64encode(message) + b",")
            self._process.stdin.flush()
        except BrokenPipeError:
            raise PagefindError(f"Pagefind đã dừng: {self._stderr()}") from None
        end = self._buffer.find(b",")
        while end < 0:
            scanned = len(self._buffer)
            chunk = self._process.stdout.read1(1 << 20)
            if not chunk:
                raise PagefindError(f"Pagefind đã dừng: {self._stderr()}")
            self._buffer += chunk
            end = self._buffer.find(b",", scanned)
        reply = json.loads(base64.b64decode(bytes(self._buffer[:end])))
        del self._buffer[: end + 1]
        if reply.get("message_id") not in (None, self._message_id):
            raise PagefindError(
                f"Pagefind trả lời sai thứ tự: {reply.get('message_id')} != {self._message_id}"
            )
        result: dict[str, Any] = reply["payload"]
        if result.get("type") == "Error":
            raise PagefindError(
                f"Pagefind từ chối yêu cầu {payload['type']}: {result.get('message')}"
            )
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
        self._send(
            {
                "type": "AddRecord",
                "index_id": self._index_id,
                "url": url,
                "content": content,
                "language": language,
                "meta": meta,
                "filters": filters,
                "sort": None,
            }
        )

    def files(self) -> dict[str, bytes]:
        """The bundle's files by path. (Its ``WriteFiles`` request answers before the files are
        all on disk, and may leave some empty when the process ends, so we write them ourselves.)"""
        reply = self._send({"type": "GetFiles", "index_id": self._index_id})
        return {item["path"]: base64.b64decode(item["content"]) for item in reply["files"]}

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
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
