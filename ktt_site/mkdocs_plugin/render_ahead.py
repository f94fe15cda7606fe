"""Pages made whole in the forked child (:mod:`ktt_site.prerender`): read, passed through the
plugin's page hook and converted to HTML by MkDocs' own ``Page.render``, while MkDocs works
on other pages in its own process.

Converting Markdown is most of a MkDocs build (two thirds of it on a site of generated
pages). The child does it for the pages it claims, exactly as MkDocs would, and MkDocs'
process takes the result only where the page's Markdown is, at that point, the very text the
child converted (another plugin may have changed it meanwhile; then MkDocs converts it as
usual). What the child logs meanwhile (a broken link, say) is held back and logged again by
MkDocs' process when it takes the page, so warnings and ``--strict`` work as before.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mkdocs.structure.pages import Page

from ktt_site.mkdocs_plugin.deferred_file import DeferredFile

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.toc import TableOfContents


@dataclass(frozen=True)
class PageMadeAhead:
    """One page as the child made it, with what each step logged."""

    content: str | None  # a generated page's source (the engine reads it from here)
    markdown_in: str  # the page's Markdown as the plugin's page hook got it
    markdown_out: str  # as the hook returned it, and as it was converted
    html: str
    toc: TableOfContents
    title: str | None  # from the first heading
    anchor_ids: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    hook_logs: list[logging.LogRecord]
    render_logs: list[logging.LogRecord]


class PageRenderedAhead(Page):
    """A page MkDocs converts only when the child has not done it for the same Markdown."""

    def __init__(self, file: File, config: MkDocsConfig, made_ahead: Callable[[], PageMadeAhead | None]) -> None:
        super().__init__(None, file, config)
        self._made_ahead = made_ahead

    def render(self, config: MkDocsConfig, files: Files) -> None:
        made = self._made_ahead()
        if made is None or made.markdown_out != self.markdown:
            super().render(config, files)
            return
        replay(made.render_logs)
        self.content = made.html
        self.toc = made.toc
        self._title_from_render = made.title
        self.present_anchor_ids = made.anchor_ids
        if made.links_to_anchors is not None:
            self.links_to_anchors = {
                target: anchors
                for uri, anchors in made.links_to_anchors.items()
                if (target := files.get_file_from_path(uri)) is not None
            }


def make_page_ahead(page: Page, config: MkDocsConfig, files: Files, page_hook: Callable[[str], str]) -> PageMadeAhead:
    """What MkDocs' process would do with ``page`` up to its HTML, the plugin's page hook being
    the only one; run in the child."""
    with held_back_logs():  # dropped: the engine's process reads the page itself
        page.read_source(config)
    assert page.markdown is not None
    markdown_in = page.markdown
    with held_back_logs() as hook_logs:
        markdown_out = page_hook(markdown_in)
    page.markdown = markdown_out
    config._current_page = page  # as MkDocs sets it, for extensions that look
    with held_back_logs() as render_logs:
        Page.render(page, config, files)
    assert page.content is not None
    return PageMadeAhead(
        content=page.file.content_string if isinstance(page.file, DeferredFile) else None,
        markdown_in=markdown_in,
        markdown_out=markdown_out,
        html=page.content,
        toc=page.toc,
        title=page._title_from_render,
        anchor_ids=page.present_anchor_ids or set(),
        links_to_anchors=(
            None
            if page.links_to_anchors is None
            else {file.src_uri: anchors for file, anchors in page.links_to_anchors.items()}
        ),
        hook_logs=hook_logs,
        render_logs=render_logs,
    )


@contextlib.contextmanager
def held_back_logs() -> Iterator[list[logging.LogRecord]]:
    """Records logged meanwhile, kept instead of handled, for :func:`replay` in another process.

    Every record passes through its own logger's ``handle`` once, before any handler (or any
    parent logger) sees it; holding it back there keeps it whole for the other process's
    handlers, filters and levels."""
    held: list[logging.LogRecord] = []
    original = logging.Logger.handle

    def hold(logger: logging.Logger, record: logging.LogRecord) -> Any:
        if not logger.disabled and logger.filter(record):
            held.append(_portable(record))

    logging.Logger.handle = hold  # type: ignore[method-assign]
    try:
        yield held
    finally:
        logging.Logger.handle = original  # type: ignore[method-assign]


def replay(records: list[logging.LogRecord]) -> None:
    """Log again, here, what :func:`held_back_logs` kept."""
    for record in records:
        logging.getLogger(record.name).handle(record)


def _portable(record: logging.LogRecord) -> logging.LogRecord:
    """The record with its message made text, so it pickles whatever its arguments were."""
    copy = logging.makeLogRecord(record.__dict__)
    copy.msg, copy.args = record.getMessage(), None
    if record.exc_info:
        copy.exc_text = logging.Formatter().formatException(record.exc_info)
        copy.exc_info = None
    return copy
