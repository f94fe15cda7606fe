"""Replacing the published site only with a whole one.

A build writes into a staging folder beside the output folder; only when everything succeeded
does the staging folder take the output folder's place, by two renames on the same disk. A
build that fails, is interrupted or is killed leaves the previous site as it was, and its
staging folder is removed by the next build. If a build was killed between the two renames
(microseconds), the next build puts the previous site back first.
"""

from __future__ import annotations

import shutil
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
        if self.previous.exists() and not self.site_dir.exists():
            self.previous.rename(self.site_dir)
        shutil.rmtree(self.previous, ignore_errors=True)
        shutil.rmtree(self.staging, ignore_errors=True)
        try:
            self.staging.mkdir(parents=True)
        except OSError as exc:
            raise PublishError(_reason(self.staging.parent, exc)) from None
        return self.staging

    def publish(self) -> None:
        """Put the staging folder in the output folder's place."""
        try:
            if self.site_dir.exists():
                self.site_dir.rename(self.previous)
            self.staging.rename(self.site_dir)
        except OSError as exc:
            if self.previous.exists() and not self.site_dir.exists():
                self.previous.rename(self.site_dir)
            raise PublishError(_reason(self.site_dir, exc)) from None
        shutil.rmtree(self.previous, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def _reason(folder: Path, error: OSError) -> str:
    return f"không ghi được vào thư mục '{folder}': {error.strerror or error}; trang đang có được giữ nguyên"
