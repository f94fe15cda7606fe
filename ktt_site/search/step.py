"""Post-build step: index every rendered page for search (listed in ``postbuild.STEP_MODULES``)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from ktt_site.postbuild import RenderedSite
from ktt_site.search.pagefind_index import write_bundle
from ktt_site.search.records import SearchRecord, build_record
from ktt_site.urls import page_url

_TITLE = re.compile(rb"<title>(.*?)</title>", re.S | re.I)
_TITLE_END = re.compile(rb"</title>", re.I)
#: The theme writes ``<title>`` near the top of ``<head>``: reading the page in blocks of this
#: size stops long before its end (pages run to hundreds of KB).
_READ_BLOCK = 16 * 1024


def _head_bytes(built_page: Path) -> bytes:
    """The start of the page, up to and including its ``</title>`` (or all of it, if none)."""
    data = b""
    with built_page.open("rb") as page:
        while block := page.read(_READ_BLOCK):
            # Search only what is new (plus enough overlap to catch a tag cut in two).
            start = max(0, len(data) - len(b"</title>"))
            data += block
            if _TITLE_END.search(data, start):
                break
    return data


def page_title(built_page: Path, site_name: str) -> str:
    """The page's title as the theme wrote it (``Tiêu đề - Tên trang``), without the site name."""
    match = _TITLE.search(_head_bytes(built_page))
    title = html.unescape(match.group(1).decode("utf-8")).strip() if match else ""
    suffix = f" - {site_name}"
    if title.endswith(suffix) and title != suffix:
        title = title[: -len(suffix)]
    return title or site_name


def records(rendered: RenderedSite) -> Iterator[SearchRecord]:
    """Each built page's record, in a stable order, made only as the index asks for it."""
    for src_uri in sorted(rendered.page_html):
        built = rendered.site_dir / page_url(src_uri) / "index.html"
        if not built.is_file():
            continue
        title = page_title(built, rendered.settings.site_name)
        yield build_record(rendered.site, src_uri, title, rendered.page_html[src_uri])


def post_build(rendered: RenderedSite) -> None:
    # A generator: each page is parsed while Pagefind, in its own process, indexes the last.
    write_bundle(records(rendered), rendered.site_dir)
