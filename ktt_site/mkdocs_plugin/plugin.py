"""MkDocs hooks: validate in ``on_config`` (before the output folder is touched), add generated
pages in ``on_files``, expand shortcodes per page, write feeds after the build."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ktt_site.bulletin.enrich import bulletin_pages, editor_pages, enrich_markdown
from ktt_site.dates import build_date
from ktt_site.errors import DataValidationError, Problem
from ktt_site.mkdocs_plugin import preview
from ktt_site.mkdocs_plugin.config import KttSiteConfig
from ktt_site.outputs import BuildSettings, build_outputs
from ktt_site.postbuild import RenderedSite, run_post_build
from ktt_site.preview import problems_markdown
from ktt_site.sharing.meta import SharedPage, page_sharing
from ktt_site.shortcode_registry import SHORTCODES
from ktt_site.shortcodes import expand
from ktt_site.site import ProjectPaths, SiteData, load_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page

    from ktt_site.bulletin.load import Article, BulletinIssue

log = logging.getLogger("mkdocs.plugins.ktt_site")
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"


class KttSitePlugin(BasePlugin[KttSiteConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: SiteData | None = None
        self.settings: BuildSettings | None = None
        self.bulletin_pages: dict[str, BulletinIssue | Article] = {}
        self.page_html: dict[str, str] = {}
        self.serving = False
        self.problems: list[Problem] = []
        self.preview_pages: list[tuple[str, bool]] = []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site = None
        self.bulletin_pages = {}
        self.page_html = {}
        self.problems = []
        if not config.site_url:
            raise PluginError("mkdocs.yml: site_url: cần địa chỉ gốc của trang (cho nguồn tin RSS, chia sẻ, sitemap)")
        if not config.use_directory_urls:
            raise PluginError("mkdocs.yml: use_directory_urls: ktt-site cần giá trị true")
        root = Path(config.config_file_path).resolve().parent
        paths = ProjectPaths(root, root / self.config.data_dir, Path(config.docs_dir).resolve())
        as_of = self.config.as_of or build_date()
        try:
            self.site = load_site(paths, as_of=as_of, include_drafts=self.config.include_drafts)
            self.bulletin_pages = bulletin_pages(self.site)
        except DataValidationError as exc:
            if not self.serving:
                raise PluginError(str(exc)) from None
            self.problems = exc.problems
            preview.report(self.problems)
        if not (Path(config.docs_dir) / self.config.share_image).is_file():
            log.warning(f"mkdocs.yml: plugins.ktt-site.share_image: không tìm thấy ảnh "
                        f"'{Path(config.docs_dir).name}/{self.config.share_image}' (ảnh mặc định khi chia sẻ trang)")
        self.settings = BuildSettings(
            site_url=config.site_url,
            site_name=config.site_name,
            site_description=config.site_description or "",
            feed_size=self.config.feed_size,
        )
        # Below a site's own custom_dir (so it can override us), above the theme's templates.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.problems:
            return preview.stand_in_pages(files, config, self.preview_pages)
        assert self.site is not None and self.settings is not None
        for draft in (a for issue in self.site.bulletin for a in issue.drafts):
            found = files.get_file_from_path(draft.src_uri)
            if found is not None:
                files.remove(found)
        for src_uri in editor_pages(self.site):
            found = files.get_file_from_path(src_uri)
            if found is not None:
                found.inclusion = InclusionLevel.NOT_IN_NAV
        for output in build_outputs(self.site, self.settings):
            if files.get_file_from_path(output.src_uri) is not None:
                raise PluginError(f"content/{output.src_uri}: trùng với trang do hệ thống tự sinh; hãy đổi tên tệp")
            generated = File.generated(config, output.src_uri, content=output.content)
            if not output.in_nav:
                generated.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(generated)
        self.preview_pages = preview.generated_pages(files)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Themes print a title as HTML (MkDocs makes titles from headings that way); a front
        # matter title is text from YAML, so it is escaped once, before any page is rendered.
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = escape(page.meta["title"])
        if self.problems:
            return problems_markdown(self.problems)
        assert self.site is not None
        markdown = expand(self.site, markdown, page.file.src_uri, SHORTCODES)
        return enrich_markdown(self.site, self.bulletin_pages, page.file.src_uri, markdown)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.page_html[page.file.src_uri] = html
        return html

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        assert self.settings is not None
        shared = SharedPage(page.file.src_uri, page.canonical_url or "", html.unescape(page.title or ""), page.meta,
                            page.content or "", page.is_homepage)
        sharing = page_sharing(shared, site_url=self.settings.site_url, site_name=self.settings.site_name,
                               site_description=self.settings.site_description,
                               docs_dir=Path(config.docs_dir), default_image=self.config.share_image)
        # Material writes this meta tag itself, unescaped: Markup keeps a '"' from breaking it.
        page.meta["description"] = escape(sharing.description)
        context["ktt_sharing"] = sharing
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.problems:
            return
        assert self.site is not None and self.settings is not None
        run_post_build(RenderedSite(self.site, self.settings, Path(config.site_dir), self.page_html))

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(Path(config.config_file_path).resolve().parent / self.config.data_dir))
        return server
