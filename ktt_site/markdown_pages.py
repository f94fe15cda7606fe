"""Editors' Markdown pages: the shortcodes they may use, checked when the site loads, and each
page's Markdown as readers get it (shortcodes expanded, the bulletin's parts added)."""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from ktt_site.bulletin.enrich import enrich_markdown
from ktt_site.bulletin.load import is_issue_page
from ktt_site.bulletin.model import PageTemplate
from ktt_site.bulletin.shortcodes import LATEST_ISSUE
from ktt_site.cooperatives.shortcodes import HOP_TAC_XA_TIEU_BIEU
from ktt_site.embeds import VIDEO
from ktt_site.errors import ProblemLog
from ktt_site.front_page import CAC_MUC
from ktt_site.invisible import visible
from ktt_site.legal.shortcodes import VAN_BAN
from ktt_site.page_links import check_links, rewrite
from ktt_site.plans.shortcodes import TIEN_DO, TONG_QUAN_TIEN_DO
from ktt_site.shortcodes import Shortcode, check_markdown, expand
from ktt_site.sources import YamlMapping, parse_front_matter, read_text

if TYPE_CHECKING:
    from ktt_site.site import SiteData

#: Every shortcode editors can use, by name.
SHORTCODES: dict[str, Shortcode] = {
    code.name: code
    for code in (LATEST_ISSUE, VAN_BAN, TIEN_DO, TONG_QUAN_TIEN_DO, VIDEO, CAC_MUC, HOP_TAC_XA_TIEU_BIEU)
}

#: Generated sections; an editor's page at one of these paths would collide with them.
GENERATED_SECTIONS = ("hop-tac-xa", "van-ban", "ke-hoach", "tien-do", "du-lieu", "huong-dan")


def page_markdown(site: SiteData, src_uri: str, markdown: str, generated: Container[str] = ()) -> str:
    """A page's Markdown as readers get it: links to ``generated`` pages (their source paths)
    resolvable, shortcodes expanded, bulletin parts added."""
    linked = rewrite(markdown, src_uri, generated)
    return enrich_markdown(site, src_uri, expand(site, linked, src_uri, SHORTCODES))


def check_markdown_pages(site: SiteData, log: ProblemLog) -> None:
    """Shortcodes in every Markdown page name existing records; no page hides a generated one."""
    docs = site.paths.docs_dir
    # Issues and articles were read with their front matter already: not read twice.
    articles = {a.src_uri: (a.body, a.body_line) for issue in site.bulletin for a in issue.articles + issue.unpublished}
    articles.update((issue.src_uri, (issue.body, issue.body_line)) for issue in site.bulletin)
    addresses: dict[str, str] = {}
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        first = addresses.setdefault(_address(src_uri), src_uri)
        if first != src_uri:
            log.add(
                path,
                None,
                "",
                f"trang này và content/{first} cùng ra địa chỉ /{_address(src_uri)}: một trang sẽ đè mất trang kia; "
                "hãy đổi tên hoặc gộp hai tệp",
            )
        if src_uri.split("/")[0] in GENERATED_SECTIONS:
            log.add(
                path,
                None,
                "",
                f"thư mục content/{src_uri.split('/')[0]}/ do hệ thống tự sinh; hãy đặt trang ở chỗ khác",
            )
            continue
        if src_uri in articles:
            body, body_line = articles[src_uri]
        elif is_issue_page(src_uri):
            # One the bulletin could not load: its problems are reported, its shortcodes not yet.
            scratch = ProblemLog(log.root)
            text = read_text(path, scratch)
            if text is None:
                continue
            _, body, body_line = parse_front_matter(path, text, scratch)
        else:
            text = read_text(path, log)
            if text is None:
                continue
            meta, body, body_line = parse_front_matter(path, text, log, prefix="phần đầu trang (giữa hai dòng ---): ")
            _check_page_template(path, meta, log)
        for line, name, message in check_markdown(site, body, SHORTCODES):
            log.add(path, body_line + line - 1, name, visible(message))
        for line, message in check_links(body, src_uri, site.known):
            log.add(path, body_line + line - 1, "", visible(message))


def _address(src_uri: str) -> str:
    """The address a page gets (``x.md`` and ``x/index.md`` both get ``x/``, as README.md does)."""
    stem = src_uri.removesuffix(".md")
    folder, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def _check_page_template(path: Path, meta: Any, log: ProblemLog) -> None:
    """An editor's page may set its title and description freely, but only name a template the
    theme has: any other crashed the build after the check had passed."""
    template = meta.get("template") if isinstance(meta, YamlMapping) else None
    if template is not None and template not in get_args(PageTemplate):
        allowed = ", ".join(f"'{name}'" for name in get_args(PageTemplate))
        log.add(
            path,
            meta.line_of("template"),
            "template",
            f"không có mẫu trang '{template}'; chỉ chấp nhận: {allowed} (hoặc bỏ dòng này)",
        )
