"""Cut Pagefind's word index into chunks of a bounded size, so one query word costs little.

A query downloads, for each of its words, the whole index chunk that holds the word. Pagefind
1.5 sizes chunks by counting word positions, but it counts only positions filed under a word's
bare form, while Vietnamese words are nearly all filed under accented variants of that form
(``hop`` holds ``hợp``, ``hộp``...). Its chunks of Vietnamese text therefore grow without
bound: about 200 KB each on a 1,000-page site, several of them per query. Here the index is
cut again by encoded size (after keeping only a page's first few positions of each word),
with the word boundaries (``from``/``to`` prefixes in the metadata) computed as Pagefind
computes them, so its search code finds every word where it expects it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import cbor2

from ktt_site.search.bundle_format import (
    META_INDEX_CHUNKS,
    Bundle,
    UnexpectedPagefindOutput,
    add_hashed,
    compress_chunk,
    decode_chunk,
    languages,
)

#: Encoded (before gzip) size a chunk may reach before the next word starts a new one. A word
#: larger than this (the commonest words of a big site) gets a chunk of its own.
TARGET_CHUNK_BYTES = 40_000
#: Positions kept for one spelling of a word on one page. A query downloads every position of
#: its words on every page; "hợp" stands about twenty times on a page of the benchmark's
#: 3,000-page site, and keeping every position put a first query over its 500 KB budget.
#: Past a few occurrences relevance hardly grows (ranking saturates term frequency), and the
#: snippet needs only one place to show; the page's text itself is untouched.
MAX_POSITIONS = 4


def boundary_prefixes(last: str, first: str) -> tuple[str, str]:
    """Shortest prefixes telling the last word of a chunk from the first word of the next."""
    common = 0
    for a, b in zip(first, last, strict=False):
        if a != b:
            break
        common += 1
    return last[: common + 1], first[: common + 1]


def trim_positions(locations: list[int], keep: int = MAX_POSITIONS) -> list[int]:
    """The first ``keep`` positions of a delta-coded list; negative items (weight marks) stay."""
    if len(locations) <= keep:
        return locations
    kept: list[int] = []
    count = 0
    for item in locations:
        if item >= 0:
            if count == keep:
                break
            count += 1
        kept.append(item)
    return kept


def trim_word(word: list[Any], keep: int = MAX_POSITIONS) -> list[Any]:
    """A word entry ``[form, pages, variants]`` with each page's positions trimmed.

    Trimmed in place and returned: the entry is freshly decoded and ours to change, and a copy
    of the hundreds of thousands of page entries of a large index would cost as much again.
    """
    _form, pages, variants = word
    _trim_entries(pages, keep)
    for _spelling, entries in variants:
        _trim_entries(entries, keep)
    return word


def _trim_entries(entries: list[Any], keep: int) -> None:
    """Trim each page entry ``[page, positions, ...]`` to its first ``keep`` positions."""
    for entry in entries:
        if len(entry[1]) > keep:
            entry[1] = trim_positions(entry[1], keep)


def _array_head(length: int) -> bytes:
    """The CBOR head of an array of ``length`` items (major type 4)."""
    if length < 24:
        return bytes([0x80 + length])
    for marker, size in ((0x98, 1), (0x99, 2), (0x9A, 4)):
        if length < 1 << (8 * size):
            return bytes([marker]) + length.to_bytes(size, "big")
    raise ValueError(f"{length} words in one chunk")


def encode_groups(
    words: Iterable[list[Any]], target: int = TARGET_CHUNK_BYTES
) -> list[tuple[str, str, bytes]]:
    """Consecutive words cut into chunks of about ``target`` encoded bytes.

    Each word is encoded once, as it comes (so only its bytes are kept, not the word); a chunk's
    CBOR (``[[word, ...]]``) is put together from those bytes. Returns each chunk's first and
    last word and its CBOR.
    """
    return list(_iter_groups(words, target))


def _iter_groups(words: Iterable[list[Any]], target: int) -> Iterator[tuple[str, str, bytes]]:
    """:func:`encode_groups`, each chunk given as soon as it is complete."""
    current: list[bytes] = []
    first = last = ""
    size = 0
    for word in words:
        encoded = cbor2.dumps(word)
        if current and size + len(encoded) > target:
            yield first, last, _array_head(1) + _array_head(len(current)) + b"".join(current)
            current, size = [], 0
        if not current:
            first = word[0]
        current.append(encoded)
        last = word[0]
        size += len(encoded)
    if current:
        yield first, last, _array_head(1) + _array_head(len(current)) + b"".join(current)


def _trimmed_words(old_chunks: list[tuple[str, bytes]]) -> Iterator[list[Any]]:
    """Every word of Pagefind's index chunks, trimmed, in order; one chunk decoded at a time
    (a whole index decoded at once is hundreds of MB of Python objects on a large site)."""
    previous: str | None = None
    for path, data in old_chunks:
        for word in decode_chunk(data, path)[0]:
            if previous is not None and word[0] < previous:
                raise UnexpectedPagefindOutput("pf_index: words not in order")
            previous = word[0]
            yield trim_word(word)


def rechunk(bundle: Bundle, target: int = TARGET_CHUNK_BYTES) -> None:
    """Rewrite the index in chunks of about ``target`` bytes and point the metadata at them."""
    for language in languages(bundle):
        # Take every old file out before adding any new one, so names can never collide.
        old_chunks = [
            (path, bundle.pop(path))
            for path in (f"index/{old}.pf_index" for _, _, old in language.meta[META_INDEX_CHUNKS])
        ]
        # zlib lets go of the GIL while it compresses: chunks are compressed in a thread while
        # the next ones are encoded, and named in order once done, so the output is unchanged.
        with ThreadPoolExecutor(max_workers=2) as pool:
            compressed = [
                (first, last, pool.submit(compress_chunk, cbor))
                for first, last, cbor in _iter_groups(_trimmed_words(old_chunks), target)
            ]
            chunks: list[list[str]] = []
            for first, last, future in compressed:
                name = add_hashed(bundle, "index", "pf_index", language.language, future.result())
                chunks.append([first, last, name])
        for before, after in zip(chunks, chunks[1:], strict=False):
            before[1], after[0] = boundary_prefixes(before[1], after[0])
        language.meta[META_INDEX_CHUNKS] = chunks
        language.save()
