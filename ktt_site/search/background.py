"""The search bundle of one build: Pagefind indexes each page in the background as MkDocs renders.

Pagefind runs as its own process (:mod:`pagefind_service`). :meth:`BackgroundIndexer.add` turns a
page into its record (:func:`records.page_record`, a fraction of a millisecond) and sends it
without waiting, so Pagefind indexes one page while MkDocs renders the next;
:meth:`BackgroundIndexer.all_added` asks for the bundle as soon as the last page is in, so
Pagefind builds it while MkDocs renders the templates; :meth:`BackgroundIndexer.finish` takes
it, tidies it (:mod:`bundle_format`) and writes it.

Pages are indexed in the order they are added. MkDocs renders pages in the same order on every
build of a commit, so the bundle stays byte-identical from build to build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ktt_site.search.bundle_format import TARGET_CHUNK_BYTES, tidy
from ktt_site.search.folding import index_form
from ktt_site.search.pagefind_service import PagefindError, PagefindService
from ktt_site.search.records import PageToIndex, page_record

BUNDLE_DIR = "pagefind"
LANGUAGE = "vi"
#: Pagefind's ready-made interfaces; ours (assets/ktt/search.js) keeps Material's look instead.
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(RuntimeError):
    """Pagefind stopped or refused a page, or the bundle could not be written; the message says why."""


class BackgroundIndexer:
    """Writes ``site_dir/pagefind/`` from the pages added; use as a context manager, or call
    :meth:`close` (which stops Pagefind if the build ended early)."""

    def __init__(self, site_dir: Path, *, chunk_bytes: int = TARGET_CHUNK_BYTES) -> None:
        self._site_dir = site_dir
        self._chunk_bytes = chunk_bytes
        self._pagefind: PagefindService | None = None
        self._failure: str | None = None

    def _service(self) -> PagefindService:
        # Started with the first page, not in __init__: a build that fails before any page is
        # rendered (a broken nav, say) never starts Pagefind.
        if self._pagefind is None:
            self._pagefind = PagefindService()
        return self._pagefind

    def add(self, page: PageToIndex) -> None:
        """Send one page to Pagefind; returns without waiting for it to be indexed."""
        if self._failure is not None:
            return
        record = page_record(page)
        try:
            self._service().add_record(
                url=record.url,
                content=index_form(" ".join(record.words)),
                language=LANGUAGE,
                meta={"title": index_form(record.title), "lead": str(record.lead)},
                filters=record.filters,
            )
        except (PagefindError, OSError) as exc:  # reported by finish(), where the plugin expects errors
            self._failure = str(exc)

    def all_added(self) -> None:
        """Say that no page will follow, so Pagefind builds the bundle while MkDocs finishes
        (MkDocs has every page's body before it renders the first template)."""
        if self._failure is None:
            try:
                self._service().request_files()
            except (PagefindError, OSError) as exc:
                self._failure = str(exc)

    def finish(self) -> Path:
        """Write the bundle; return its folder. Raises :class:`SearchIndexError`."""
        try:
            if self._failure is not None:
                raise SearchIndexError(self._failure)
            files = self._service().files()
            for name in UNUSED_FILES:
                files.pop(name, None)
            return _write(tidy(files, self._chunk_bytes), self._site_dir / BUNDLE_DIR)
        except (PagefindError, OSError) as exc:
            raise SearchIndexError(str(exc)) from None
        finally:
            self.close()

    def close(self) -> None:
        """Stop Pagefind; nothing is written."""
        if self._pagefind is not None:
            self._pagefind.close()
            self._pagefind = None
        self._failure = self._failure or "đã dừng trước khi ghi chỉ mục"

    def __enter__(self) -> BackgroundIndexer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _write(files: dict[str, bytes], bundle: Path) -> Path:
    """Replace any previous bundle with ``files``."""
    if bundle.exists():
        shutil.rmtree(bundle)
    made: set[Path] = set()
    for name, data in sorted(files.items()):
        target = bundle / name
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)
    return bundle
