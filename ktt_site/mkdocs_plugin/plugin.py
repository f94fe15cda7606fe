"""MkDocs hooks, each handing its work to the core: validate in ``on_config`` (before the output
folder is touched), add generated pages in ``on_files``, expand shortcodes in
``on_page_markdown``, hand each page's HTML to the search index, write feeds after the build.

Under ``mkdocs serve`` the search index and the feeds are not made (``mkdocs build`` always
makes them), drafts are shown with a banner, and with ``--dirty`` (``make serve``) only changed
pages and files are redone."""

from __future__ import annotations

import html
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ktt_site import rendering
from ktt_site.bulletin.enrich import editor_pages
from ktt_site.bulletin.feeds import RenderedSite, write_feeds
from ktt_site.cms.config import CmsSettings
from ktt_site.cms.page import bundle_dir, bundle_files, cms_outputs
from ktt_site.content_files import theme_files
from ktt_site.csp import with_policy
from ktt_site.dates import build_date
from ktt_site.embeds import embed_videos, has_video
from ktt_site.errors import DataValidationError, Problem
from ktt_site.html_blocks import HtmlBlocks
from ktt_site.images import sized_images
from ktt_site.markdown_pages import page_markdown
from ktt_site.mkdocs_plugin import preview
from ktt_site.mkdocs_plugin.config import KttSiteConfig
from ktt_site.organizations import publisher
from ktt_site.outputs import build_outputs
from ktt_site.preview import problems_markdown
from ktt_site.publishing import PublishError, StagedSite, write_failure, write_failure_message
from ktt_site.rendering import BuildSettings
from ktt_site.sanitize import clean_html
from ktt_site.search.background import BackgroundIndexer, SearchIndexError
from ktt_site.search.records import PageToIndex, classify, indexed
from ktt_site.sharing.meta import SharedImage, SharedPage, last_modified, page_sharing, shared_image
from ktt_site.shortcodes import code_spans_of
from ktt_site.site import ProjectPaths, SiteData, load_site
from ktt_site.sources import parse_yaml
from ktt_site.text import heading_slug

if TYPE_CHECKING:
    from collections.abc import Iterable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)
#: The engine's own logger ("mkdocs", or "properdocs" under ProperDocs): its warnings fail --strict.
ENGINE_LOGGER = logging.getLogger(BasePlugin.__module__.split(".")[0])
#: Where MkDocs logs the page it was building when an error stopped it.
BUILD_LOGGER = logging.getLogger(f"{ENGINE_LOGGER.name}.commands.build")
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
#: Front matter keys Material 9 prints as they are: in <title>, the header, the navigation
#: (subtitle, status) and <meta name="author">.
THEME_PRINTED_META = ("title", "subtitle", "status", "author")


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


def _plain_toc_titles(links: Iterable[AnchorLink]) -> None:
    """Headings' text as the theme prints it in the table of contents, spelt as the cleaned page
    spells it: generated headings write data's text as character references (rendering.text_html)."""
    for link in links:
        if "&" in link.title or "<" in link.title or ">" in link.title:  # else already as spelt
            link.title = html.escape(html.unescape(link.title), quote=False)
        _plain_toc_titles(link.children)


class KttSitePlugin(BasePlugin[KttSiteConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self.changed_pages = preview.ChangedPages()
        self.site: SiteData | None = None
        self.settings: BuildSettings | None = None
        self.problems: list[Problem] = []
        self.page_html: dict[str, str] = {}
        self.generated: frozenset[str] = frozenset()
        self.page_dates: list[tuple[Page, str]] = []
        self.preview_pages: list[tuple[str, bool]] = []
        self.search: BackgroundIndexer | None = None
        self.default_image: SharedImage | None = None
        self.staged: StagedSite | None = None
        self.output: StagedSite | None = None
        self.warnings = _WarningCount()
        self.root = Path.cwd()
        #: Under `mkdocs serve`: every page's output path, the theme's files, failures said.
        self.page_destinations: list[str] = []
        self.theme_state: tuple[tuple[str, int, int], ...] = ()
        self.failures_shown: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance across the rebuilds of `mkdocs serve`.
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._clean_up()
        self.site, self.problems = None, []
        self.page_dates = []
        self.page_html = {}
        if not config.site_url:
            raise PluginError("mkdocs.yml: site_url: cần địa chỉ gốc của trang (cho nguồn tin RSS, chia sẻ, sitemap)")
        if not config.use_directory_urls:
            raise PluginError("mkdocs.yml: use_directory_urls: ktt-site cần giá trị true")
        root = self.root = Path(config.config_file_path).resolve().parent
        docs_dir = Path(config.docs_dir).resolve()
        self.failures_shown = set()
        named = [str(entry) for entry in (*config.extra_javascript, *config.extra_templates)]
        paths = ProjectPaths(
            root, root / self.config.data_dir, docs_dir, theme_files(docs_dir, config.theme.custom_dir, named)
        )
        try:
            self.site = load_site(paths, as_of=self.config.as_of or build_date())
        except DataValidationError as exc:
            if not self.serving:
                raise PluginError(str(exc)) from None
            self.problems = exc.problems
            preview.report(self.problems)
        self.settings = BuildSettings(
            config.site_url, config.site_name, config.site_description or "", self.config.feed_size
        )
        self.default_image = (
            shared_image(config.site_url, docs_dir, self.config.share_image, config.site_name)
            if self.config.share_image
            else None
        )
        # Generated pages are mostly HTML blocks: set aside as they are, not parsed again.
        if not any(isinstance(extension, HtmlBlocks) for extension in config.markdown_extensions):
            # MkDocs types the list as names; it hands it to Python-Markdown, which takes instances.
            config.markdown_extensions.append(HtmlBlocks())  # type: ignore[arg-type]
        # Heading anchors spelled like the site's other slugs, unless mkdocs.yml names its own.
        toc = config.mdx_configs.setdefault("toc", {})
        toc.setdefault("slugify", heading_slug)
        # The site's own mark as the browser tab's icon, unless mkdocs.yml names one.
        if config.theme["favicon"] == "assets/images/favicon.png":
            config.theme["favicon"] = "assets/ktt/logo.svg"
        # Below a site's own custom_dir (so it can override us), above the theme's templates.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        self.output = StagedSite(Path(config.site_dir).resolve())
        BUILD_LOGGER.addFilter(self._quiet_write_failure)
        if not self.serving and not self.dirty:  # a dirty build writes only some files: in place
            # Everything is written beside site/, which is replaced only by a whole build.
            self.staged = StagedSite(Path(config.site_dir).resolve())
            try:
                config.site_dir = str(self.staged.start())
            except PublishError as exc:
                raise PluginError(str(exc)) from None
            self.warnings.reset(strict=bool(config.strict))
        # Logged once the strict build's count is set up: each one stops a strict build, and
        # the staged site must then not be published.
        if not (docs_dir / self.config.share_image).is_file():
            log.warning(
                f"mkdocs.yml: plugins.ktt-site.share_image: không tìm thấy ảnh "
                f"'{docs_dir.name}/{self.config.share_image}' (ảnh mặc định khi chia sẻ trang)"
            )
        for warning in self.site.warnings if self.site is not None else []:
            log.warning(str(warning))
        if not self.problems and not self.serving:
            # Started now, so Pagefind is up before the first page is.
            self.search = BackgroundIndexer(Path(config.site_dir))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.site is None:
            files = preview.stand_in_pages(files, config, self.preview_pages)
        else:
            self._arrange_files(files, config)
            self.preview_pages = preview.generated_pages(files)
        if self.serving:
            self.page_destinations = [
                f.dest_uri for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            ]
        if self.serving and self.dirty:
            theme = preview.folder_state(config.theme.custom_dir)
            if theme != self.theme_state:  # an override changed: it may change any page
                self.theme_state = theme
                self.changed_pages.forget()
            changed = self.changed_pages.mark(files, self._reader_markdown)
            log.info(f"xem trước: {changed} trang cần dựng lại")
        return files

    def _arrange_files(self, files: Files, config: MkDocsConfig) -> None:
        """Drafts and scheduled articles shown only in preview, bulletin pages out of the sidebar, generated files added."""
        assert self.site is not None and self.settings is not None
        for draft in (a for issue in self.site.bulletin for a in issue.unpublished):
            found = files.get_file_from_path(draft.src_uri)
            if found is not None:  # shown by `mkdocs serve`, left out of `mkdocs build`
                found.inclusion = InclusionLevel.DRAFT
        for src_uri in editor_pages(self.site):
            found = files.get_file_from_path(src_uri)
            if found is not None:
                found.inclusion = InclusionLevel.NOT_IN_NAV
        outputs = build_outputs(self.site, self.settings)
        # Editors link to generated pages by their address: page_markdown points those at the file.
        self.generated = frozenset(output.src_uri for output in outputs)
        for output in outputs:
            if files.get_file_from_path(output.src_uri) is not None:
                raise PluginError(f"content/{output.src_uri}: trùng với trang do hệ thống tự sinh; hãy đổi tên tệp")
            inclusion = InclusionLevel.UNDEFINED if output.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                preview.GeneratedFile.generated(config, output.src_uri, content=output.content, inclusion=inclusion)
            )
        if self.config.cms:
            self._add_cms(files, config)

    def _add_cms(self, files: Files, config: MkDocsConfig) -> None:
        """The form editor at /quan-tri/: its page, its configuration from the models, Decap's bundle."""
        settings = CmsSettings(
            backend=self.config.cms_backend,
            repo=self.config.cms_repo,
            branch=self.config.cms_branch,
            base_url=self.config.cms_base_url,
            auth_type=self.config.cms_auth_type,
            app_id=self.config.cms_app_id,
            editorial_workflow=self.config.cms_editorial_workflow,
            site_url=config.site_url,
        )
        # npm ci beside mkdocs.yml, or beside ktt-site itself (an editable install in a checkout).
        bundle = bundle_dir(self.root, Path(__file__).resolve().parents[2])
        if bundle is None:
            log.info("quan-tri/: chưa cài Decap CMS (chạy npm ci), trang quản trị chỉ ghi cách cài")
        data_dir = self.root / self.config.data_dir
        for output in cms_outputs(data_dir, Path(config.docs_dir).resolve(), settings, bundle is not None):
            files.append(preview.GeneratedFile.generated(config, output.src_uri, content=output.content))
        for item in bundle_files(bundle) if bundle is not None else []:
            files.append(preview.GeneratedFile.generated(config, item.dest, abs_src_path=str(item.source)))

    def _reader_markdown(self, file: File) -> str:
        """A page's Markdown as readers get it (to tell which pages a change touched)."""
        if self.site is None:
            return problems_markdown(self.problems)
        if file.generated_by is not None:
            return file.content_string
        return page_markdown(self.site, file.src_uri, file.content_string, self.generated)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Themes print a title as HTML (MkDocs makes titles from headings that way), and
        # Material prints these other keys unescaped too; front matter is text from YAML, so it
        # is escaped once, before any page is rendered.
        for key in THEME_PRINTED_META:
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        if self.site is None:
            return problems_markdown(self.problems)
        # The sitemap's <lastmod> (Page.update_date, public): the page's own date, not the build's.
        # Set here because MkDocs writes sitemap.xml before it renders any page's template.
        self.page_dates.append((page, last_modified(page.meta)))
        return page_markdown(self.site, page.file.src_uri, markdown, self.generated)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Before anything reads the body: the theme, the search index and the feeds get it clean.
        html = clean_html(html)
        _plain_toc_titles(page.toc)
        html = sized_images(html, page.url, Path(config.docs_dir))
        if not self.serving:  # for the feeds
            self.page_html[page.file.src_uri] = html
        if self.search is not None and indexed(page.file.src_uri):
            assert self.site is not None
            src_uri = page.file.src_uri
            self.search.add(
                PageToIndex(src_uri, theme_title(page, config.site_name), html, classify(self.site, src_uri))
            )
        return embed_videos(html)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # MkDocs dates sitemap.xml.gz from the newest page and fails if none has a date: a site
        # with no dated page at all keeps MkDocs' build dates.
        if any(date for _, date in self.page_dates):
            for page, date in self.page_dates:
                page.update_date = date
        self.page_dates = []
        # The theme's templates compiled once, not in every build and preview rebuild.
        rendering.keep_compiled_templates(env)
        # Every template, the 404 page included, has the publisher for its footer.
        env.globals["ktt_publisher"] = publisher(self.site.organizations) if self.site is not None else None
        # Every page's body now exists: the index can be written while MkDocs renders templates.
        if self.search is not None:
            self.search.all_added()
        if self.serving:  # a broken theme override shows on the page, and the preview goes on
            preview.show_template_errors(env, self._template_failure)
        return env

    def _template_failure(self, error: Exception) -> str:
        """The page `mkdocs serve` shows where a theme template failed."""
        message = preview.failure_text(error, self.root)
        if message not in self.failures_shown:
            self.failures_shown.add(message)
            preview.report_failure(message)
        self.changed_pages.forget()  # pages the fix does not touch were made with the error too
        return preview.failure_page(message)

    def _rebuild_failure(self, error: Exception) -> None:
        """What `mkdocs serve` shows when a rebuild stopped: the error, on every page."""
        message = preview.failure_text(error, self.root)
        preview.report_failure(message)
        log.debug("chi tiết lỗi khi dựng lại", exc_info=error)
        if self.output is not None:
            page = preview.failure_page(message)
            preview.write_failure_pages(self.output.site_dir, self.page_destinations, page)
        self.changed_pages.forget()

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        assert self.settings is not None
        shared = SharedPage(
            page.file.src_uri,
            page.canonical_url or "",
            html.unescape(page.title or ""),
            page.meta,
            page.content or "",
            page.is_homepage,
        )
        sharing = page_sharing(
            shared,
            site_url=self.settings.site_url,
            site_name=self.settings.site_name,
            site_description=self.settings.site_description,
            docs_dir=Path(config.docs_dir),
            default_image=self.default_image,
        )
        # Material writes this meta tag itself, unescaped: Markup keeps a '"' from breaking it.
        page.meta["description"] = escape(sharing.description)
        context["ktt_sharing"] = sharing  # type: ignore[typeddict-unknown-key]  # a theme variable of ours
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.serving:
            # MkDocs marks a draft shown by `mkdocs serve` in English; the page has our own banner.
            # No policy: the live-reload script the server adds is inline, different every time.
            return output.replace(preview.MKDOCS_DRAFT_MARKER, "") if page.file.inclusion.is_excluded() else output
        content = page.content or ""
        theme_html = output.replace(content, "", 1) if content else output
        return with_policy(output, theme_html, video=has_video(content))

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # The theme's own pages (404.html) carry the policy too; sitemaps are not HTML.
        if self.serving or not template_name.endswith(".html"):
            return output_content
        return with_policy(output_content, output_content)

    # Last of every plugin's post-build step: the site is published only once all are done.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is None:
            return
        assert self.settings is not None
        try:
            if not self.serving:  # like the search index: made by every `mkdocs build`
                write_feeds(RenderedSite(self.site, self.settings, Path(config.site_dir), self.page_html))
            if self.search is not None:
                try:
                    self.search.finish()
                except SearchIndexError as exc:
                    raise PluginError(f"không tạo được chỉ mục tìm kiếm: {exc}") from None
            # With a warning counted, MkDocs fails this strict build right after this hook.
            if self.staged is not None and not self.warnings.stop_strict_build():
                try:
                    self.staged.publish()
                except PublishError as exc:
                    raise PluginError(str(exc)) from None
        finally:
            self._clean_up()

    # Last of every plugin's clean-up: raising here replaces MkDocs' traceback with one line.
    @event_priority(-100)
    def on_build_error(self, *, error: Exception) -> None:
        output, failure = self.output, write_failure(error, self._is_output)
        self._clean_up()
        if output is not None and failure is not None:
            # A full or read-only disk, met by MkDocs' writers or ours, mid-build.
            raise PluginError(write_failure_message(output.site_dir, failure)) from None

    def _is_output(self, path: object) -> bool:
        return self.output is not None and self.output.holds(path)

    def _quiet_write_failure(self, record: logging.LogRecord) -> bool:
        """MkDocs logs in English the page it was writing when the disk failed; on_build_error
        says it once, in Vietnamese. (A filter runs where the error is being handled.)"""
        return record.levelno < logging.ERROR or write_failure(sys.exc_info()[1], self._is_output) is None

    def on_shutdown(self) -> None:
        self._clean_up()
        # MkDocs keeps this instance until the process ends (its config caches plugins for the
        # rebuilds of `mkdocs serve`), and the parsed files, templates and links stay cached for
        # the live preview: left alone, all of it is still there when Python exits, and its final
        # collections walk it (0.15 s of a build of 1,000 profiles).
        self.site, self.settings, self.page_html, self.preview_pages = None, None, {}, []
        self.page_dates = []  # MkDocs' pages, and through them the whole site as built
        parse_yaml.cache_clear()
        code_spans_of.cache_clear()
        rendering.forget()

    def _clean_up(self) -> None:
        """Stop Pagefind and remove the staging folder (after a build, or a failed one)."""
        if self.search is not None:
            self.search.close()
            self.search = None
        if self.staged is not None:
            self.staged.discard()
            self.staged = None
        self.warnings.reset(strict=False)
        BUILD_LOGGER.removeFilter(self._quiet_write_failure)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(Path(config.config_file_path).resolve().parent / self.config.data_dir))
        if config.theme.custom_dir:  # the site's own overrides, which editors may touch too
            server.watch(config.theme.custom_dir)
        preview.keep_answering(server, self._rebuild_failure)
        return server


class _WarningCount(logging.Handler):
    """Counts the engine's warnings while a strict build runs: MkDocs fails such a build only
    after the last post-build step, so the site must not be published before it can tell."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def reset(self, *, strict: bool) -> None:
        self.count = 0
        ENGINE_LOGGER.removeHandler(self)
        if strict:
            ENGINE_LOGGER.addHandler(self)

    def stop_strict_build(self) -> bool:
        return self in ENGINE_LOGGER.handlers and self.count > 0
