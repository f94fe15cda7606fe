"""Editors' Markdown pages: the shortcodes they may use, checked when the site loads, and each
page's Markdown as readers get it (shortcodes expanded, the bulletin's parts added)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, get_args

from ktt_site.bulletin.enrich import enrich_markdown
from ktt_site.bulletin.model import PageTemplate
from ktt_site.bulletin.shortcodes import LATEST_ISSUE
from ktt_site.embeds import VIDEO
from ktt_site.errors import ProblemLog
from ktt_site.legal.shortcodes import VAN_BAN
from ktt_site.plans.shortcodes import TIEN_DO, TONG_QUAN_TIEN_DO
from ktt_site.shortcodes import Shortcode, check_markdown, expand
from ktt_site.sources import YamlMapping, YamlSourceError, parse_yaml, read_text, split_front_matter

if TYPE_CHECKING:
    from ktt_site.site import SiteData

#: Every shortcode editors can use, by name.
SHORTCODES: dict[str, Shortcode] = {
    code.name: code for code in (LATEST_ISSUE, VAN_BAN, TIEN_DO, TONG_QUAN_TIEN_DO, VIDEO)
}

#: Generated sections; an editor's page at one of these paths would collide with them.
GENERATED_SECTIONS = ("hop-tac-xa", "van-ban", "ke-hoach", "tien-do", "du-lieu", "huong-dan")


def page_markdown(site: SiteData, src_uri: str, markdown: str) -> str:
    """A page's Markdown as readers get it: shortcodes expanded, bulletin parts added."""
    return enrich_markdown(site, src_uri, expand(site, markdown, src_uri, SHORTCODES))


def check_markdown_pages(site: SiteData, log: ProblemLog) -> None:
    """Shortcodes in every Markdown page name existing records; no page hides a generated one."""
    docs = site.paths.docs_dir
    # Issues and articles were read with their front matter already: not read twice.
    articles = {a.src_uri: (a.body, a.body_line) for issue in site.bulletin for a in issue.articles + issue.unpublished}
    articles.update((issue.src_uri, (issue.body, issue.body_line)) for issue in site.bulletin)
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
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
        else:
            text = read_text(path, log)
            if text is None:
                continue
            front_matter, body, body_line = split_front_matter(text)
            if front_matter:
                _check_page_front_matter(path, front_matter, log)
        for line, name, message in check_markdown(site, body, SHORTCODES):
            log.add(path, body_line + line - 1, name, message)


def _check_page_front_matter(path: Path, front_matter: str, log: ProblemLog) -> None:
    """An editor's page may set its title and description freely, but only name a template the
    theme has: any other crashed the build after the check had passed."""
    try:
        meta = parse_yaml(front_matter, line_offset=1)
    except YamlSourceError as exc:
        log.add(path, exc.line, "", f"phần đầu trang (giữa hai dòng ---): {exc.message}")
        return
    template = meta.get("template") if isinstance(meta, YamlMapping) else None
    if template is not None and template not in get_args(PageTemplate):
        allowed = ", ".join(f"'{name}'" for name in get_args(PageTemplate))
        log.add(
            path,
            meta.line_of("template"),
            "template",
            f"không có mẫu trang '{template}'; chỉ chấp nhận: {allowed} (hoặc bỏ dòng này)",
        )
