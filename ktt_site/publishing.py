"""Replacing the published site only with a whole one.

A build writes into a staging folder beside the output folder; only when everything succeeded
does the staging folder take the output folder's place. On Linux the two folders are swapped
in one step (``renameat2`` with ``RENAME_EXCHANGE``), so at every moment the output folder holds
one whole site, the previous or the new one; elsewhere it takes two renames on the same disk,
and if a build is killed between them (microseconds), the next build puts the previous site
back first. A build that fails, is interrupted or is killed leaves the previous site as it was,
and its staging folder is removed by the next build.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from collections.abc import Callable
from functools import cache
from pathlib import Path


class PublishError(RuntimeError):
    """The output folder cannot be written; the message says why, in Vietnamese."""


class StagedSite:
    """The staging and set-aside folders of one output folder."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.staging = site_dir.with_name(f".{site_dir.name}.dang-dung")
        self.previous = site_dir.with_name(f".{site_dir.name}.ban-truoc")

    def start(self) -> Path:
        """An empty staging folder, after undoing what a killed build left."""
        try:
            if self.previous.exists() and not self.site_dir.exists():
                self.previous.rename(self.site_dir)
            shutil.rmtree(self.previous, ignore_errors=True)
            shutil.rmtree(self.staging, ignore_errors=True)
            if self.site_dir.is_dir() and not os.access(self.site_dir, os.W_OK):
                # A folder made read-only on purpose is not replaced behind its owner's back.
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self.site_dir))
            self.staging.mkdir(parents=True)
        except OSError as exc:
            raise PublishError(write_failure_message(self.site_dir, exc)) from None
        return self.staging

    def publish(self) -> None:
        """Put the staging folder in the output folder's place."""
        try:
            if self.site_dir.exists() and _exchange(self.staging, self.site_dir):
                shutil.rmtree(self.staging, ignore_errors=True)  # now the previous site
                return
            if self.site_dir.exists():
                self.site_dir.rename(self.previous)
            self.staging.rename(self.site_dir)
        except OSError as exc:
            if self.previous.exists() and not self.site_dir.exists():
                self.previous.rename(self.site_dir)
            raise PublishError(write_failure_message(self.site_dir, exc)) from None
        shutil.rmtree(self.previous, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def holds(self, path: object) -> bool:
        """Whether ``path`` is in the output folder or one of its staging folders."""
        if not isinstance(path, (str, bytes)) or not path:
            return False
        found = Path(os.fsdecode(path)).absolute()
        return any(found.is_relative_to(folder) for folder in (self.site_dir, self.staging, self.previous))


#: Failures of writing, in Vietnamese, by errno. Only the disk or the folder can cause these.
_DISK_FAILURES = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã dùng hết dung lượng được cấp (quota)",
    errno.EFBIG: "tệp vượt quá dung lượng tối đa mà hệ thống cho phép",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
}
#: Failures that reading an editor's file could cause too: the output folder's only when they name it.
_FOLDER_FAILURES = {
    errno.EACCES: "không có quyền ghi (thư mục chỉ cho đọc?)",
    errno.EPERM: "không được phép ghi (thư mục bị khóa hoặc chỉ cho đọc?)",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
}


def write_failure_message(folder: Path, error: OSError) -> str:
    """One line, in Vietnamese: the folder, why it cannot be written, and that nothing was lost."""
    reason = _DISK_FAILURES.get(error.errno or 0) or _FOLDER_FAILURES.get(error.errno or 0)
    if reason is None:
        reason = f"lỗi hệ thống {error.strerror or error}"
    code = errno.errorcode.get(error.errno or 0)
    if code:
        reason += f" ({code})"
    return f"không ghi được vào thư mục '{folder}': {reason}; trang đang có được giữ nguyên"


def write_failure(error: BaseException | None, is_output: Callable[[object], bool]) -> OSError | None:
    """The OSError behind ``error`` (or anything it was raised from) that says the output could not
    be written: a full or read-only disk, or a refused permission on a path that ``is_output``."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError):
            if error.errno in _DISK_FAILURES:
                return error
            # shutil.copyfile names the source first and the destination second.
            if error.errno in _FOLDER_FAILURES and (is_output(error.filename) or is_output(error.filename2)):
                return error
        error = error.__cause__ or error.__context__
    return None


# Linux's renameat2 (glibc 2.28+), from the C library: Python has no binding for it.
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@cache
def _renameat2() -> Callable[..., int] | None:
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):  # not Linux, or an older C library
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step; False where the system or the disk cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # a file system without it
        return False
    raise OSError(code, os.strerror(code), str(second))
