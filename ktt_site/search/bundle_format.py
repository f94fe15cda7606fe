"""The one place that reads Pagefind's private bundle format: the index re-cut, the filters sorted.

Checked against Pagefind 1.5.0 and 1.5.2 (``pagefind-bin`` on PyPI). :func:`tidy` is all the rest
of the package calls. It never fails a build: if the bundle is from another Pagefind version, or
anything in it is not where this module expects it, it logs one warning (on a ``ktt_site``
logger, so ``mkdocs build --strict`` goes on) and returns Pagefind's own files unchanged. Search
then works as Pagefind wrote it, with larger first queries and builds that may differ in their
filter files, until this module is checked against the new version.

Why rewrite anything (figures from ``bench/bench_search.py``):

* **Index chunks.** A query downloads, for each of its words, the whole index chunk holding the
  word. Pagefind 1.5 sizes chunks by counting positions filed under a word's bare form, but
  Vietnamese words are nearly all filed under accented variants of that form (``hop`` holds
  ``hợp``, ``hộp``...), so its chunks grow without bound: up to 600 KB, and first queries of
  0.6-0.9 MB at 1,000 pages and up to 1.5 MB at 3,000 (budget: 500 KB). Cutting alone cannot
  fix it: at 3,000 pages the entries of ``hợp tác xã nông nghiệp`` weigh 290 KB compressed.
  So each page keeps its first :data:`MAX_POSITIONS` positions of a word, and the index is cut
  again by encoded size, with the chunk boundaries computed as Pagefind computes them. Pagefind
  offers no option for either (``PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE``, used by its own tests,
  counts the same bare-form positions).
* **Filter order.** Pagefind 1.5 writes each filter's values, and the list of filters, in
  hash-map order, seeded anew in every process, so two builds differ. Pagefind sorts them
  itself from 1.6 on (upstream commit 0b56369, not yet released on PyPI).

The format: each ``.pf_*`` file is gzip of ``pagefind_dcd`` followed by CBOR;
``pagefind-entry.json`` names each language's metadata file (``pagefind.<hash>.pf_meta``), whose
items name the index and filter files by hash. The hashes only tell browsers' caches apart, so
a rewritten file is renamed after a hash of its new bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import cbor2

from ktt_site.memory import cycle_collector_paused

log = logging.getLogger("ktt_site.search")

#: Versions whose bundle this module was checked against (``version`` in pagefind-entry.json).
CHECKED_VERSIONS = ("1.5.",)
SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
#: Items of the decoded ``.pf_meta`` array.
META_INDEX_CHUNKS = 2  # [[first word prefix, last word prefix, file hash], ...]
META_FILTERS = 3  # [[filter name, file hash], ...]
#: Encoded (before gzip) size a chunk may reach before the next word starts a new one. A word
#: larger than this (the commonest words of a big site) gets a chunk of its own.
TARGET_CHUNK_BYTES = 40_000
#: Positions kept for one spelling of a word on one page. "hợp" stands about twenty times on a
#: page of the benchmark's 3,000-page site, and keeping every position put a first query over
#: its budget. Past a few occurrences relevance hardly grows (ranking saturates term
#: frequency), and a snippet needs one place to show; the page's text itself is untouched.
MAX_POSITIONS = 4
#: zlib's default level: level 9 made the index 4% smaller at five times the time.
COMPRESS_LEVEL = 6

Bundle = dict[str, bytes]
"""The bundle's files by their path inside ``pagefind/``."""


class UnexpectedPagefindOutput(RuntimeError):
    """The bundle is not laid out as the Pagefind version this module was written for."""


def tidy(files: Bundle, chunk_bytes: int = TARGET_CHUNK_BYTES) -> Bundle:
    """Pagefind's files with the index re-cut and the filters sorted; on any surprise, a warning
    and ``files`` unchanged."""
    tidied = dict(files)  # ``files`` stays Pagefind's own until the whole rewrite has worked
    try:
        with cycle_collector_paused():  # the index decodes into millions of lists
            for language in _languages(tidied):
                _rechunk(tidied, language, chunk_bytes)
                _sort_filters(tidied, language)
                language.save()
    # A format we do not own can break in any way (a missing key, a CBOR or gzip error...); none
    # of them is worth a failed build.
    except Exception as exc:
        log.warning(
            "Tìm kiếm: không đọc được chỉ mục của Pagefind (%s: %s); dùng nguyên chỉ mục Pagefind "
            "đã viết: truy vấn đầu tiên sẽ tải nhiều hơn, và hai lần dựng có thể khác nhau ở tệp "
            "bộ lọc. Cần kiểm tra lại ktt_site/search/bundle_format.py với phiên bản Pagefind này.",
            type(exc).__name__,
            exc,
        )
        return files
    return tidied


def decode_chunk(data: bytes, name: str = "") -> Any:
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise UnexpectedPagefindOutput(f"{name}: no Pagefind signature")
    return cbor2.loads(raw[len(SIGNATURE) :])


def compress_chunk(cbor: bytes) -> bytes:
    # mtime=0 keeps the gzip header free of the build time.
    return gzip.compress(SIGNATURE + cbor, compresslevel=COMPRESS_LEVEL, mtime=0)


def encode_chunk(value: Any) -> bytes:
    return compress_chunk(cbor2.dumps(value))


def _add_hashed(bundle: Bundle, folder: str, suffix: str, language: str, data: bytes) -> str:
    """Store ``data`` as ``folder/<hash>.suffix`` (a longer hash if taken); return the hash."""
    digest = hashlib.sha256(data).hexdigest()
    length = 7
    while f"{folder}/{language}_{digest[:length]}.{suffix}" in bundle:
        length += 1
    bundle[f"{folder}/{language}_{digest[:length]}.{suffix}"] = data
    return f"{language}_{digest[:length]}"


@dataclass
class _LanguageMeta:
    """One language's decoded ``.pf_meta`` file, to change and then :meth:`save`."""

    bundle: Bundle
    language: str
    meta: list[Any]

    def save(self) -> None:
        entry = json.loads(self.bundle[ENTRY])
        info = entry["languages"][self.language]
        data = encode_chunk(self.meta)
        del self.bundle[f"pagefind.{info['hash']}.pf_meta"]
        info["hash"] = f"{self.language}_{hashlib.sha256(data).hexdigest()[:10]}"
        self.bundle[f"pagefind.{info['hash']}.pf_meta"] = data
        self.bundle[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()


def _languages(bundle: Bundle) -> list[_LanguageMeta]:
    entry = json.loads(bundle[ENTRY])
    version = entry.get("version", "?")
    if not str(version).startswith(CHECKED_VERSIONS):
        raise UnexpectedPagefindOutput(f"Pagefind {version}, checked against {CHECKED_VERSIONS}")
    found = []
    for language, info in sorted(entry["languages"].items()):
        name = f"pagefind.{info['hash']}.pf_meta"
        meta = decode_chunk(bundle[name], name)
        if not (
            isinstance(meta, list)
            and len(meta) > META_FILTERS
            and all(_is_list_of(item, 3) for item in meta[META_INDEX_CHUNKS])
            and all(_is_list_of(item, 2) for item in meta[META_FILTERS])
        ):
            raise UnexpectedPagefindOutput(f"{name}: metadata not as expected")
        found.append(_LanguageMeta(bundle, language, meta))
    return found


def _is_list_of(item: Any, length: int) -> bool:
    return isinstance(item, list) and len(item) == length and all(isinstance(s, str) for s in item)


# Index chunks


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
    """A word entry ``[form, pages, variants]`` with each page's positions trimmed, in place
    (the entry is freshly decoded: a copy would cost as much again)."""
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


def encode_groups(words: Iterable[list[Any]], target: int = TARGET_CHUNK_BYTES) -> Iterator[tuple[str, str, bytes]]:
    """Consecutive words cut into chunks of about ``target`` encoded bytes: each chunk's first
    and last word and its CBOR (``[[word, ...]]``), put together from each word's own bytes."""
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
    """Every word of Pagefind's chunks, trimmed, in order; one chunk decoded at a time (a whole
    index decoded at once is hundreds of MB of Python objects on a large site)."""
    previous: str | None = None
    for path, data in old_chunks:
        for word in decode_chunk(data, path)[0]:
            if previous is not None and word[0] < previous:
                raise UnexpectedPagefindOutput(f"{path}: words not in order")
            previous = word[0]
            yield trim_word(word)


def _rechunk(bundle: Bundle, language: _LanguageMeta, target: int) -> None:
    # Take every old file out before adding any new one, so names can never collide.
    old_chunks = [
        (path, bundle.pop(path)) for path in (f"index/{old}.pf_index" for _, _, old in language.meta[META_INDEX_CHUNKS])
    ]
    chunks = [
        [first, last, _add_hashed(bundle, "index", "pf_index", language.language, compress_chunk(cbor))]
        for first, last, cbor in encode_groups(_trimmed_words(old_chunks), target)
    ]
    for before, after in zip(chunks, chunks[1:], strict=False):
        before[1], after[0] = boundary_prefixes(before[1], after[0])
    language.meta[META_INDEX_CHUNKS] = chunks


# Filters


def _sort_filters(bundle: Bundle, language: _LanguageMeta) -> None:
    """Rewrite each filter file with its values (and their pages) sorted, and list the files in
    the metadata by filter name."""
    rewritten: list[tuple[str, bytes]] = []
    for name, old_hash in sorted(language.meta[META_FILTERS]):
        path = f"filter/{old_hash}.pf_filter"
        filter_name, values = decode_chunk(bundle.pop(path), path)
        stable = [[value, sorted(pages)] for value, pages in sorted(values, key=lambda v: v[0])]
        rewritten.append((name, encode_chunk([filter_name, stable])))
    language.meta[META_FILTERS] = [
        [name, _add_hashed(bundle, "filter", "pf_filter", language.language, data)] for name, data in rewritten
    ]
