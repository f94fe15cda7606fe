"""Writing the search bundle with Pagefind from our records (see the package docstring)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from ktt_site.search.chunking import TARGET_CHUNK_BYTES, rechunk
from ktt_site.search.folding import index_form
from ktt_site.search.pagefind_service import PagefindService
from ktt_site.search.records import SearchRecord
from ktt_site.search.reproducible import canonicalize

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


def write_bundle(
    records: Iterable[SearchRecord], site_dir: Path, *, chunk_bytes: int = TARGET_CHUNK_BYTES
) -> Path:
    """Index ``records`` into ``site_dir/pagefind/``, replacing any previous bundle."""
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
    rechunk(files, chunk_bytes)
    canonicalize(files)
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)
    for name, data in sorted(files.items()):
        target = bundle / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return bundle
