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
    """A word entry ``[form, pages, variants]`` with each page's positions trimmed."""
    form, pages, variants = word

    def trim_pages(entries: list[Any]) -> list[Any]:
        return [
            [page, trim_positions(locations, keep), *rest] for page, locations, *rest in entries
        ]

    return [
        form,
        trim_pages(pages),
        [[spelling, trim_pages(entries)] for spelling, entries in variants],
    ]


def _array_head(length: int) -> bytes:
    """The CBOR head of an array of ``length`` items (major type 4)."""
    if length < 24:
        return bytes([0x80 + length])
    for marker, size in ((0x98, 1), (0x99, 2), (0x9A, 4)):
        if length < 1 << (8 * size):
            return bytes([marker]) + length.to_bytes(size, "big")
    raise ValueError(f"{length} words in one chunk")


def encode_groups(
    words: list[Any], target: int = TARGET_CHUNK_BYTES
) -> list[tuple[str, str, bytes]]:
    """Consecutive words cut into chunks of about ``target`` encoded bytes.

    Each word is encoded once; a chunk's CBOR (``[[word, ...]]``) is put together from those
    bytes. Returns each chunk's first and last word and its CBOR.
    """
    groups: list[tuple[str, str, bytes]] = []
    current: list[bytes] = []
    first = last = ""
    size = 0
    for word in words:
        encoded = cbor2.dumps(word)
        if current and size + len(encoded) > target:
            groups.append(
                (first, last, _array_head(1) + _array_head(len(current)) + b"".join(current))
            )
            current, size = [], 0
        if not current:
            first = word[0]
        current.append(encoded)
        last = word[0]
        size += len(encoded)
    if current:
        groups.append((first, last, _array_head(1) + _array_head(len(current)) + b"".join(current)))
    return groups


def rechunk(bundle: Bundle, target: int = TARGET_CHUNK_BYTES) -> None:
    """Rewrite the index in chunks of about ``target`` bytes and point the metadata at them."""
    for language in languages(bundle):
        words: list[Any] = []
        for _first, _last, old_hash in language.meta[META_INDEX_CHUNKS]:
            path = f"index/{old_hash}.pf_index"
            words.extend(trim_word(word) for word in decode_chunk(bundle.pop(path), path)[0])
        keys = [word[0] for word in words]
        if keys != sorted(keys):
            raise UnexpectedPagefindOutput("pf_index: words not in order")
        chunks: list[list[str]] = []
        for first, last, cbor in encode_groups(words, target):
            name = add_hashed(bundle, "index", "pf_index", language.language, compress_chunk(cbor))
            chunks.append([first, last, name])
        for before, after in zip(chunks, chunks[1:], strict=False):
            before[1], after[0] = boundary_prefixes(before[1], after[0])
        language.meta[META_INDEX_CHUNKS] = chunks
        language.save()
