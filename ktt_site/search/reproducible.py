"""Make Pagefind's output byte-for-byte the same on every build of the same pages.

Pagefind 1.5 writes its word index and page fragments in a stable order, but each filter file
lists its values in hash-map order, which changes from run to run; the file names (content
hashes) and the metadata file that points at them change with it. Here the filter files are
rewritten with values (and pages) sorted and renamed after their new content, and the metadata
is updated to match.
"""

from __future__ import annotations

from ktt_site.search.bundle_format import (
    META_FILTERS,
    Bundle,
    UnexpectedPagefindOutput,
    add_hashed,
    decode_chunk,
    encode_chunk,
    languages,
)


def canonicalize(bundle: Bundle) -> None:
    """Rewrite the filter files and what points to them in a stable order."""
    for language in languages(bundle):
        filters = language.meta[META_FILTERS]
        if not all(isinstance(item, list) and len(item) == 2 for item in filters):
            raise UnexpectedPagefindOutput("pf_meta: filter list not where expected")
        # Take every old file out before adding any new one, so names can never collide.
        stable_chunks: list[tuple[str, bytes]] = []
        for name, old_hash in sorted(filters):
            path = f"filter/{old_hash}.pf_filter"
            filter_name, values = decode_chunk(bundle.pop(path), path)
            stable = [[value, sorted(pages)] for value, pages in sorted(values, key=lambda v: v[0])]
            stable_chunks.append((name, encode_chunk([filter_name, stable])))
        language.meta[META_FILTERS] = [
            [name, add_hashed(bundle, "filter", "pf_filter", language.language, data)]
            for name, data in stable_chunks
        ]
        language.save()
