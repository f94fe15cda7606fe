"""Width and height on every image of a page, read from the image file.

A browser that knows an image's size before loading it keeps the text from jumping as pictures
arrive (Lighthouse's layout shift, and the Nu checker's and axe's "image has no height").
Editors write ``![mô tả](anh.jpg)`` and templates set only a width: the missing sizes are
added here, in the image's own proportions, for images that are files of the site.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import imagesize

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE)


def _attribute(tag: str | bytes, name: str) -> str | None:
    pattern = rf'\s{name}\s*=\s*"([^"]*)"'
    if isinstance(tag, bytes):
        found_bytes = re.search(pattern.encode(), tag, re.IGNORECASE)
        return found_bytes.group(1).decode("utf-8", "replace") if found_bytes else None
    found = re.search(pattern, tag, re.IGNORECASE)
    return found.group(1) if found else None


def _number(text: str | None) -> float | None:
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(?:px)?\s*", text or "")
    return float(match.group(1)) if match else None


@lru_cache(maxsize=4096)
def image_size(path: Path) -> tuple[float, float] | None:
    """(width, height) of a local image, or None when the file does not say."""
    try:
        if path.suffix.lower() == ".svg":
            root = _SVG_ROOT.search(path.read_bytes()[:4096])
            if root is None:
                return None
            width, height = _number(_attribute(root.group(0), "width")), _number(_attribute(root.group(0), "height"))
            if width and height:
                return width, height
            box = (_attribute(root.group(0), "viewBox") or "").replace(",", " ").split()
            if len(box) == 4 and all(_number(v) for v in box[2:]):
                return float(box[2]), float(box[3])
            return None
        width, height = imagesize.get(path)
    except (OSError, ValueError):
        return None
    return (float(width), float(height)) if width > 0 and height > 0 else None


def sized_images(html: str, page_url: str, docs_dir: Path) -> str:
    """``html`` with width and height on each ``<img>`` whose file is in ``docs_dir``; a width
    or height already set is kept and the other follows the image's proportions."""

    def add_size(match: re.Match[str]) -> str:
        tag = match.group(0)
        width, height = _attribute(tag, "width"), _attribute(tag, "height")
        src = _attribute(tag, "src")
        if (width and height) or not src:
            return tag
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or src.startswith("data:"):
            return tag
        local = posixpath.normpath(posixpath.join(page_url or "", unquote(parts.path)))
        if local.startswith("../"):
            return tag
        size = image_size(docs_dir / local.lstrip("/"))
        if size is None:
            return tag
        natural_w, natural_h = size
        if width and _number(width):
            added = f' height="{round(_number(width) * natural_h / natural_w)}"'  # type: ignore[operator]
        elif height and _number(height):
            added = f' width="{round(_number(height) * natural_w / natural_h)}"'  # type: ignore[operator]
        else:
            added = f' width="{round(natural_w)}" height="{round(natural_h)}"'
        closing = "/>" if tag.endswith("/>") else ">"
        return tag[: -len(closing)].rstrip() + added + closing

    return _IMG.sub(add_size, html)
