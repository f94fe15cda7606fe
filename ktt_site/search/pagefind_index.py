"""Writing the search bundle with Pagefind from our records (see the package docstring)."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from ktt_site.search.chunking import TARGET_CHUNK_BYTES, rechunk
from ktt_site.search.folding import index_form
from ktt_site.search.pagefind_service import PagefindService
from ktt_site.search.records import SearchRecord
from ktt_site.search.reproducible import canonicalize

BUNDLE_DIR = "pagefind"
FRAGMENT_DIR = "fragment/"
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


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Hold off Python's cycle collector while millions of small lists are made and dropped.

    Decoding the word index and splitting pages into words allocate containers by the million;
    each burst triggers collections that walk every live object of the MkDocs build, which made
    those steps several times slower. Nothing made here forms a cycle (reference counting frees
    it), and whatever else does is collected once the collector is back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write_bundle(
    records: Iterable[SearchRecord], site_dir: Path, *, chunk_bytes: int = TARGET_CHUNK_BYTES
) -> Path:
    """Index ``records`` into ``site_dir/pagefind/``, replacing any previous bundle."""
    bundle = site_dir / BUNDLE_DIR
    with _cycle_collector_paused():
        files = _pagefind_files(records)
        if bundle.exists():
            shutil.rmtree(bundle)
        # Page fragments are final as Pagefind made them: written by a thread (file writes let
        # go of the GIL) while the index is cut again and the filters put in order.
        fragments = {name: files.pop(name) for name in sorted(files) if name.startswith(FRAGMENT_DIR)}
        with ThreadPoolExecutor(max_workers=1) as writer:
            written = writer.submit(_write_files, bundle, fragments)
            rechunk(files, chunk_bytes)
            canonicalize(files)
            written.result()
        _write_files(bundle, files)
    return bundle


def _write_files(bundle: Path, files: dict[str, bytes]) -> None:
    made: set[Path] = set()
    for name, data in sorted(files.items()):
        target = bundle / name
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)


def _pagefind_files(records: Iterable[SearchRecord]) -> dict[str, bytes]:
    """The bundle's files by path, as Pagefind wrote them, less the ones we do not serve."""
    with PagefindService() as index:
        for record in records:
            index.add_record(
                url=record.url,
                content=index_form(" ".join(record.words)),
                language=LANGUAGE,
                meta={"title": index_form(record.title)},
                filters=record.filters,
            )
        files = index.files()
    for name in UNUSED_FILES:
        files.pop(name, None)
    return files
