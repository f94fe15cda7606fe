"""Page URLs (with ``use_directory_urls``) and relative links that work from any sub-path."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache


def page_url(src_uri: str) -> str:
    """``hop-tac-xa/abc.md`` -> ``hop-tac-xa/abc/``; ``index.md`` -> ``""``."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


@lru_cache(maxsize=1 << 17)  # tens of thousands of links a build, the same ones every rebuild
def relative_url(from_src_uri: str, to: str) -> str:
    """A link from the page built from ``from_src_uri`` to a page (``.md``) or a file."""
    if to.startswith(("http://", "https://", "mailto:", "tel:", "#")):
        return to
    anchor = ""
    if "#" in to:
        to, anchor = to.split("#", 1)
        anchor = "#" + anchor
    here = page_url(from_src_uri)
    target = page_url(to)
    rel = relative_path(target or ".", here.rstrip("/") or ".")
    if rel == ".":
        rel = "./"
    elif to.endswith(".md"):
        rel += "/"
    return rel + anchor


#: A relative path of non-empty parts, none starting with a dot (so no ``.`` or ``..``): every
#: path of the site's own pages and files.
_PLAIN = re.compile(r"[^/.][^/]*(?:/[^/.][^/]*)*")


def _is_plain(path: str) -> bool:
    return path == "." or _PLAIN.fullmatch(path) is not None


def relative_path(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)``: it runs for every link of every generated page, and
    the library's version calls ``os.getcwd()`` twice a call; plain paths need none of that."""
    path = path.rstrip("/") or path
    start = start.rstrip("/") or start
    if not (_is_plain(path) and _is_plain(start)):
        return posixpath.relpath(path, start)
    path_parts = [] if path == "." else path.split("/")
    start_parts = [] if start == "." else start.split("/")
    common = 0
    for mine, theirs in zip(path_parts, start_parts, strict=False):  # lengths differ
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


def absolute_url(site_url: str, to: str) -> str:
    """An absolute URL of a page (``.md``) or a file, for feeds and sharing metadata."""
    return site_url.rstrip("/") + "/" + page_url(to)
