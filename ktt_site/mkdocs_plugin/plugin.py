"""MkDocs hooks: validate in ``on_config`` (before the output folder is touched), add generated
pages in ``on_files``, expand shortcodes per page, write feeds after the build."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ktt_site.dates import build_date
from ktt_site.errors import DataValidationError
from ktt_site.mkdocs_plugin.config import KttSiteConfig
from ktt_site.outputs import BuildSettings, build_outputs
from ktt_site.postbuild import RenderedSite, run_post_build
from ktt_site.shortcode_registry import SHORTCODES
from ktt_site.shortcodes import expand
from ktt_site.site import ProjectPaths, SiteData, load_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.ktt_site")
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"


class KttSitePlugin(BasePlugin[KttSiteConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: SiteData | None = None
        self.settings: BuildSettings | None = None
        self.page_html: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site = None
        self.page_html = {}
        if not config.site_url:
            raise PluginError("mkdocs.yml: site_url: cần địa chỉ gốc của trang (cho nguồn tin RSS, chia sẻ, sitemap)")
        if not config.use_directory_urls:
            raise PluginError("mkdocs.yml: use_directory_urls: ktt-site cần giá trị true")
        root = Path(config.config_file_path).resolve().parent
        paths = ProjectPaths(root, root / self.config.data_dir, Path(config.docs_dir).resolve())
        as_of = self.config.as_of or build_date()
        try:
            self.site = load_site(paths, as_of=as_of, include_drafts=self.config.include_drafts)
        except DataValidationError as exc:
            raise PluginError(str(exc)) from None
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
        assert self.site is not None and self.settings is not None
        for draft in (a for issue in self.site.bulletin for a in issue.drafts):
            found = files.get_file_from_path(draft.src_uri)
            if found is not None:
                files.remove(found)
        for output in build_outputs(self.site, self.settings):
            if files.get_file_from_path(output.src_uri) is not None:
                raise PluginError(f"content/{output.src_uri}: trùng với trang do hệ thống tự sinh; hãy đổi tên tệp")
            generated = File.generated(config, output.src_uri, content=output.content)
            if not output.in_nav:
                generated.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(generated)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        return expand(self.site, markdown, page.file.src_uri, SHORTCODES)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.page_html[page.file.src_uri] = html
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.site is not None and self.settings is not None
        run_post_build(RenderedSite(self.site, self.settings, Path(config.site_dir), self.page_html))

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(Path(config.config_file_path).resolve().parent / self.config.data_dir))
        return server
