"""Page URLs (with ``use_directory_urls``) and relative links that work from any sub-path."""

from __future__ import annotations

import posixpath


def page_url(src_uri: str) -> str:
    """``hop-tac-xa/abc.md`` -> ``hop-tac-xa/abc/``; ``index.md`` -> ``""``."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


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
    rel = posixpath.relpath(target or ".", here.rstrip("/") or ".")
    if rel == ".":
        rel = "./"
    elif to.endswith(".md"):
        rel += "/"
    return rel + anchor


def absolute_url(site_url: str, to: str) -> str:
    """An absolute URL of a page (``.md``) or a file, for feeds and sharing metadata."""
    return site_url.rstrip("/") + "/" + page_url(to)
