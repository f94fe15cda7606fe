"""Live preview (``mkdocs serve``): keep serving with invalid data, and redo only what changed.

With invalid data, every page shows the problems. MkDocs 1.6 stops ``mkdocs serve`` when the
first build raises, and on a later rebuild it only prints the error in the terminal while the
browser keeps the old page ("the server will appear stuck"). An editor watching the browser
would never know why their change does not show.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File, Files, InclusionLevel

from ktt_site.errors import Problem
from ktt_site.preview import terminal_text

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# Outside the "mkdocs" logger on purpose: with `strict: true`, MkDocs aborts a build after any
# warning it counted, and an aborted rebuild is exactly the stuck preview we avoid.
terminal = logging.getLogger("ktt_site.preview")
if not terminal.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    terminal.addHandler(_handler)
    terminal.propagate = False


def report(problems: list[Problem]) -> None:
    terminal.error(terminal_text(problems))


def nav_paths(nav: Any) -> Iterator[str]:
    """Every Markdown path named in ``nav:``, at any depth."""
    if isinstance(nav, str):
        if nav.endswith(".md"):
            yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_paths(item)


def generated_pages(files: Files) -> list[tuple[str, bool]]:
    """The generated pages of a good build, with whether each is in the sidebar, to stand in
    for them while the data is broken (a reloaded profile page then shows the errors, not 404)."""
    return [
        (f.src_uri, not f.inclusion.is_not_in_nav())
        for f in files
        if f.generated_by is not None and f.src_uri.endswith(".md")
    ]


def stand_in_pages(files: Files, config: MkDocsConfig, previous: list[tuple[str, bool]]) -> Files:
    """Pages the broken data cannot generate: the last good build's, and any the nav names, so
    links and the nav resolve (no strict-mode warning) and each shows the problems instead."""
    wanted = dict(previous)
    for src_uri in nav_paths(config.nav):
        wanted[src_uri] = True
    for src_uri, in_nav in wanted.items():
        if files.get_file_from_path(src_uri) is not None:
            continue
        stand_in = File.generated(config, src_uri, content="")
        if not in_nav:
            stand_in.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(stand_in)
    return files


class GeneratedFile(File):
    """``File.generated`` that tells a dirty build (``mkdocs serve --dirty``) whether its content
    changed since the previous build, through ``File.is_modified``, the method MkDocs asks."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


class ChangedPages:
    """What a rebuild of ``mkdocs serve --dirty`` must render again: the pages whose Markdown as
    readers get it differs from the previous build's. MkDocs itself only compares an editor's
    file with its output by date, and a changed YAML file changes pages whose own file did not
    (a shortcode, an article's header); so such an output is dated back to make MkDocs redo it.
    A page added or removed changes every page's links: then every page is made again."""

    def __init__(self) -> None:
        self._previous: dict[str, str] = {}

    def mark(self, files: Files, fingerprint: Callable[[File], str]) -> int:
        """Mark each documentation page changed or not; return how many changed."""
        pages = list(files.documentation_pages(inclusion=InclusionLevel.is_in_serve))
        current = {file.src_uri: fingerprint(file) for file in pages}
        same_pages = current.keys() == self._previous.keys()
        changed = 0
        for file in pages:
            is_changed = not same_pages or current[file.src_uri] != self._previous[file.src_uri]
            changed += is_changed
            if isinstance(file, GeneratedFile):
                file.changed = is_changed
            elif is_changed and file.generated_by is None and os.path.isfile(file.abs_dest_path):
                os.utime(file.abs_dest_path, (0, 0))
        self._previous = current
        return changed


#: What MkDocs 1.6 puts at the top of a draft shown by ``mkdocs serve`` (``commands/build.py``).
#: Our own Vietnamese banner replaces it; if MkDocs writes it otherwise, both simply show.
MKDOCS_DRAFT_MARKER = (
    '<div class="mkdocs-draft-marker" title="This page will not be included into the built site.">DRAFT</div>'
)
