"""Reading and rewriting Pagefind 1.5's bundle, held in memory as ``{path: bytes}``.

Each ``.pf_*`` file is gzip of ``pagefind_dcd`` followed by CBOR. ``pagefind-entry.json`` names
each language's metadata file (``pagefind.<hash>.pf_meta``), an array whose items this module
names below; the metadata in turn names the index and filter files by hash. The hashes only
tell browsers' caches apart, so a file we rewrite is renamed after a hash of its new bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
#: Items of the decoded ``.pf_meta`` array.
META_INDEX_CHUNKS = 2  # [[first word prefix, last word prefix, file hash], ...]
META_FILTERS = 3  # [[filter name, file hash], ...]

Bundle = dict[str, bytes]
"""The bundle's files by their path inside ``pagefind/``."""


class UnexpectedPagefindOutput(RuntimeError):
    """The bundle is not laid out as the Pagefind version this package was written for."""


def decode_chunk(data: bytes, name: str = "") -> Any:
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise UnexpectedPagefindOutput(f"{name}: no Pagefind signature")
    return cbor2.loads(raw[len(SIGNATURE) :])


#: zlib's default level. Level 9 made the index 4% smaller (1.20 MB against 1.25 MB on a
#: 3,200-page site, a few hundred bytes per chunk a query loads) at five times the time (0.9 s
#: against 0.17 s), which the build waited for.
COMPRESS_LEVEL = 6


def compress_chunk(cbor: bytes) -> bytes:
    # mtime=0 keeps the gzip header free of the build time.
    return gzip.compress(SIGNATURE + cbor, compresslevel=COMPRESS_LEVEL, mtime=0)


def encode_chunk(value: Any) -> bytes:
    return compress_chunk(cbor2.dumps(value))


def short_hash(language: str, data: bytes, length: int = 7) -> str:
    return f"{language}_{hashlib.sha256(data).hexdigest()[:length]}"


def add_hashed(bundle: Bundle, folder: str, suffix: str, language: str, data: bytes) -> str:
    """Store ``data`` as ``folder/<hash>.suffix`` (a longer hash if taken); return the hash."""
    length = 7
    while f"{folder}/{short_hash(language, data, length)}.{suffix}" in bundle:
        length += 1
    name = short_hash(language, data, length)
    bundle[f"{folder}/{name}.{suffix}"] = data
    return name


@dataclass
class LanguageMeta:
    """One language's decoded ``.pf_meta`` file, to change and then :meth:`save`."""

    bundle: Bundle
    language: str
    meta: list[Any]

    def save(self) -> None:
        entry = json.loads(self.bundle[ENTRY])
        info = entry["languages"][self.language]
        data = encode_chunk(self.meta)
        del self.bundle[f"pagefind.{info['hash']}.pf_meta"]
        info["hash"] = short_hash(self.language, data, 10)
        self.bundle[f"pagefind.{info['hash']}.pf_meta"] = data
        self.bundle[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8"
        )


def languages(bundle: Bundle) -> list[LanguageMeta]:
    entry = json.loads(bundle[ENTRY])
    found = []
    for language, info in sorted(entry["languages"].items()):
        name = f"pagefind.{info['hash']}.pf_meta"
        meta = decode_chunk(bundle[name], name)
        if not isinstance(meta, list) or len(meta) <= META_FILTERS:
            raise UnexpectedPagefindOutput(f"{name}: metadata not as expected")
        found.append(LanguageMeta(bundle, language, meta))
    return found
