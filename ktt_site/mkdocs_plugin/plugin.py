"""MkDocs hooks: validate in ``on_config`` (before the output folder is touched), add generated
pages in ``on_files``, share the pages with a forked child in ``on_nav`` (each made whole,
shortcodes expanded and converted to HTML, by whichever process claims it: see
``render_ahead``), hand each rendered page to the search indexer (a second process), write
feeds after the build."""

from __future__ import annotations

import html
import logging
from collections.abc import Hashable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, InclusionLevel

from ktt_site.bulletin.enrich import bulletin_pages, editor_pages, enrich_markdown
from ktt_site.dates import build_date
from ktt_site.errors import DataValidationError, Problem
from ktt_site.mkdocs_plugin import preview
from ktt_site.mkdocs_plugin.config import KttSiteConfig
from ktt_site.mkdocs_plugin.deferred_file import DeferredFile
from ktt_site.mkdocs_plugin.render_ahead import PageMadeAhead, PageRenderedAhead, make_page_ahead, replay
from ktt_site.outputs import BuildSettings, build_outputs
from ktt_site.postbuild import RenderedSite, run_post_build
from ktt_site.prerender import Job, Prerenderer
from ktt_site.preview import problems_markdown
from ktt_site.rendering import Output
from ktt_site.search.background import BackgroundIndexer, SearchIndexError
from ktt_site.search.records import PageToIndex, classify
from ktt_site.sharing.meta import SharedImage, SharedPage, page_sharing, shared_image
from ktt_site.shortcode_registry import SHORTCODES
from ktt_site.shortcodes import expand
from ktt_site.site import ProjectPaths, SiteData, load_site

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from ktt_site.bulletin.load import Article, BulletinIssue

log = logging.getLogger("mkdocs.plugins.ktt_site")
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"


def theme_title(page: Page, site_name: str) -> str:
    """The page's title as Material's ``base.html`` writes it in ``<title>``, without the site
    name (the title search results show). ``tests/test_search_index.py`` holds the two equal on
    every shipped page."""
    meta_title = page.meta.get("title")
    if meta_title:
        text = str(meta_title)  # escaped by on_page_markdown
    elif page.title and not page.is_homepage:
        text = Markup(page.title).striptags()
    else:
        return site_name
    return html.unescape(text).strip() or site_name


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
        self.search: BackgroundIndexer | None = None
        self.prerender = Prerenderer([])
        self.outputs: list[Output] = []
        self._made: dict[str, PageMadeAhead] = {}
        self.default_image: SharedImage | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._stop_helpers()
        self.site = None
        self.bulletin_pages = {}
        self.page_html = {}
        self._made = {}
        self.problems = []
        if not config.site_url:
            raise PluginError("mkdocs.yml: site_url: cần địa chỉ gốc của trang (cho nguồn tin RSS, chia sẻ, sitemap)")
        if not config.use_directory_urls:
            raise PluginError("mkdocs.yml: use_directory_urls: ktt-site cần giá trị true")
        root = Path(config.config_file_path).resolve().parent
        paths = ProjectPaths(root, root / self.config.data_dir, Path(config.docs_dir).resolve())
        as_of = self.config.as_of or build_date()
        try:
            self.site = load_site(paths, as_of=as_of, include_drafts=self.config.include_drafts,
                                  parallel=not self.serving)
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
        # Made once per build: most pages share it.
        self.default_image = (shared_image(config.site_url, Path(config.docs_dir), self.config.share_image,
                                           config.site_name) if self.config.share_image else None)
        # Below a site's own custom_dir (so it can override us), above the theme's templates.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        if not self.problems:
            # Started now, so its interpreter and Pagefind are up before the first page is.
            self.search = BackgroundIndexer(Path(config.site_dir))
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
        self.outputs = build_outputs(self.site, self.settings)
        for output in self.outputs:
            if files.get_file_from_path(output.src_uri) is not None:
                raise PluginError(f"content/{output.src_uri}: trùng với trang do hệ thống tự sinh; hãy đổi tên tệp")
            is_page = output.src_uri.endswith(".md")
            fetch = partial(self._page_source if is_page else self._data_file, output)
            files.append(DeferredFile.deferred(
                config, output.src_uri, fetch,
                inclusion=InclusionLevel.UNDEFINED if output.in_nav else InclusionLevel.NOT_IN_NAV,
            ))
        # Pages named in mkdocs.yml's nav get their title there: MkDocs makes those itself.
        named_in_nav = set(preview.nav_paths(config.nav))
        for file in files.documentation_pages():
            if file.src_uri not in named_in_nav:
                PageRenderedAhead(file, config, partial(self._made.get, file.src_uri))
        self.preview_pages = preview.generated_pages(files)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if not self.problems:
            self.prerender = Prerenderer(self._jobs_in_reading_order(files, config), ahead=not self.serving)
        return nav

    def _jobs_in_reading_order(self, files: Files, config: MkDocsConfig) -> list[tuple[Hashable, Job]]:
        """The pages the child may make whole, in the order MkDocs reads them, then the data
        files, which MkDocs copies after the last page: the child, starting from the end,
        makes those first, and they wait in memory until asked for."""
        jobs: list[tuple[Hashable, Job]] = [
            (("page", file.src_uri), partial(make_page_ahead, file.page, config, files,
                                             partial(self._page_markdown, file.src_uri)))
            for file in files.documentation_pages(inclusion=InclusionLevel.is_included)
            if isinstance(file.page, PageRenderedAhead)
        ]
        jobs += [(("file", output.src_uri), partial(getattr, output, "content"))
                 for output in self.outputs if not output.src_uri.endswith(".md")]
        return jobs

    def _page_source(self, output: Output) -> str | bytes:
        made = self._made.get(output.src_uri)
        return made.content if made is not None and made.content is not None else output.content

    def _data_file(self, output: Output) -> str | bytes:
        # Looked up when the file is first read: usually as MkDocs copies it, from the child (see
        # _jobs_in_reading_order); read earlier (by another plugin's on_files), it is made here.
        made = self.prerender.made_ahead(("file", output.src_uri))
        return output.content if made is None else made

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if isinstance(page, PageRenderedAhead):
            made = self.prerender.made_ahead(("page", page.file.src_uri))
            if made is not None:
                self._made[page.file.src_uri] = made
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Themes print a title as HTML (MkDocs makes titles from headings that way); a front
        # matter title is text from YAML, so it is escaped once, before any page is rendered.
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = escape(page.meta["title"])
        if self.problems:
            return problems_markdown(self.problems)
        made = self._made.get(page.file.src_uri)
        if made is not None and markdown == made.markdown_in:  # the child made it from the same text
            replay(made.hook_logs)
            return made.markdown_out
        return self._page_markdown(page.file.src_uri, markdown)

    def _page_markdown(self, src_uri: str, markdown: str) -> str:
        """A page's Markdown as readers get it: shortcodes expanded, bulletin parts added."""
        assert self.site is not None
        markdown = expand(self.site, markdown, src_uri, SHORTCODES)
        return enrich_markdown(self.site, self.bulletin_pages, src_uri, markdown)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._made.pop(page.file.src_uri, None)
        self.page_html[page.file.src_uri] = html
        if self.search is not None:
            assert self.site is not None
            src_uri = page.file.src_uri
            title = theme_title(page, config.site_name)
            self.search.add(PageToIndex(src_uri, title, html, classify(self.site, src_uri)))
        return html

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Every page's body now exists, and none is indexed twice: the worker can write the
        # bundle while MkDocs renders the templates.
        if self.search is not None:
            self.search.all_added()
        return env

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        assert self.settings is not None
        shared = SharedPage(page.file.src_uri, page.canonical_url or "", html.unescape(page.title or ""), page.meta,
                            page.content or "", page.is_homepage)
        sharing = page_sharing(shared, site_url=self.settings.site_url, site_name=self.settings.site_name,
                               site_description=self.settings.site_description,
                               docs_dir=Path(config.docs_dir), default_image=self.default_image)
        # Material writes this meta tag itself, unescaped: Markup keeps a '"' from breaking it.
        page.meta["description"] = escape(sharing.description)
        context["ktt_sharing"] = sharing
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.problems:
            return
        assert self.site is not None and self.settings is not None
        self.prerender.close()
        run_post_build(RenderedSite(self.site, self.settings, Path(config.site_dir), self.page_html))
        if self.search is not None:
            try:
                self.search.finish()
            except SearchIndexError as exc:
                raise PluginError(f"không tạo được chỉ mục tìm kiếm: {exc}") from None
            finally:
                self._stop_helpers()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_helpers()

    def on_shutdown(self) -> None:
        self._stop_helpers()

    def _stop_helpers(self) -> None:
        """Stop the search worker and the prerendering child (after a build, or a failed one)."""
        self.prerender.close()
        if self.search is not None:
            self.search.close()
            self.search = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(Path(config.config_file_path).resolve().parent / self.config.data_dir))
        return server
