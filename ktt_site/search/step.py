"""Post-build step: index every rendered page for search (listed in ``postbuild.STEP_MODULES``)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ktt_site.postbuild import RenderedSite
from ktt_site.search.pagefind_index import write_bundle
from ktt_site.search.records import SearchRecord, build_record
from ktt_site.urls import page_url

_TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)


def page_title(built_page: Path, site_name: str) -> str:
    """The page's title as the theme wrote it (``Tiêu đề - Tên trang``), without the site name."""
    match = _TITLE.search(built_page.read_text(encoding="utf-8"))
    title = html.unescape(match.group(1)).strip() if match else ""
    suffix = f" - {site_name}"
    if title.endswith(suffix) and title != suffix:
        title = title[: -len(suffix)]
    return title or site_name


def records(rendered: RenderedSite) -> list[SearchRecord]:
    found: list[SearchRecord] = []
    for src_uri in sorted(rendered.page_html):
        built = rendered.site_dir / page_url(src_uri) / "index.html"
        if not built.is_file():
            continue
        title = page_title(built, rendered.settings.site_name)
        found.append(build_record(rendered.site, src_uri, title, rendered.page_html[src_uri]))
    return found


def post_build(rendered: RenderedSite) -> None:
    write_bundle(records(rendered), rendered.site_dir)
