"""Links from editors' pages to generated pages (profiles, documents, plans, progress).

MkDocs resolves a link against the files it knows, from the page's source file, only when the
link names a ``.md`` file. Editors cannot see the files of generated pages and copy addresses
from the browser instead: ``../../hop-tac-xa/<id>/`` was left as is, with an English INFO line,
and broke. A link written as a generated page's address is rewritten to that page's file, so
MkDocs resolves it as it does the ``.md`` form, and one naming a record that does not exist is
an error with the file, the line and the id.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Container, Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ktt_site.cooperatives.model import RESERVED_IDS as DIRECTORY_PAGES
from ktt_site.references import KnownIds
from ktt_site.shortcodes import code_spans_of
from ktt_site.urls import page_url

#: ``[text](url)``, ``![alt](url)`` and ``[name]: url``: where a link's address is.
_LINK = re.compile(r"\]\(\s*<?(?P<inline>[^)\s>]+)|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<reference>[^\s>]+)", re.M)
#: Pages of the progress section that are not a target's.
_PROGRESS_PAGES = {"index", "bao-cao", "tien-do.json", "tien-do.csv"}


@dataclass(frozen=True)
class Link:
    url: str
    start: int
    end: int
    target: str | None
    """The path inside ``content/`` it points at, without ``.md``, ``.html`` or ``index``."""
    from_address: bool = False
    """Written from the page's address, as a browser reads it (from its file, it would leave
    ``content/``): such a link works as it is."""


def links(markdown: str, page_src_uri: str) -> Iterator[Link]:
    """Every link of a page outside code, with the page path it points at (None if outside the site)."""
    if "](" not in markdown and "]:" not in markdown:
        return
    spans: tuple[tuple[int, int], ...] | None = None
    for match in _LINK.finditer(markdown):
        group = "inline" if match.group("inline") else "reference"
        if spans is None:
            spans = code_spans_of(markdown)
        if any(start <= match.start() < end for start, end in spans):
            continue
        url = match.group(group)
        target = _target(url, posixpath.dirname(page_src_uri))
        if target is None:
            address = _target(url, page_url(page_src_uri).rstrip("/"))
            yield Link(url, match.start(group), match.end(group), address, from_address=True)
        else:
            yield Link(url, match.start(group), match.end(group), target)


def _target(url: str, folder: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        resolved = posixpath.normpath(path.lstrip("/"))
    else:
        resolved = posixpath.normpath(posixpath.join(folder, path))
    if resolved == ".." or resolved.startswith("../"):
        return None
    for suffix in ("/index.md", "/index.html", ".md", ".html"):
        if resolved.endswith(suffix):
            return resolved.removesuffix(suffix)
    return "" if resolved in (".", "index") else resolved


def rewrite(markdown: str, page_src_uri: str, generated: Container[str]) -> str:
    """``markdown`` with links written as a generated page's address pointing at its file."""
    pieces, last = [], 0
    for link in links(markdown, page_src_uri):
        cut = min((i for i in (link.url.find("?"), link.url.find("#")) if i >= 0), default=len(link.url))
        if link.target is None or link.from_address or link.url[:cut].endswith(".md"):
            continue
        file = next((f for f in (f"{link.target}.md", f"{link.target}/index.md") if f in generated), None)
        if file is None:
            continue
        relative = posixpath.relpath(file, posixpath.dirname(page_src_uri) or ".")
        pieces += [markdown[last : link.start], relative, link.url[cut:]]
        last = link.end
    return "".join(pieces) + markdown[last:] if pieces else markdown


def check_links(markdown: str, page_src_uri: str, known: KnownIds) -> list[tuple[int, str]]:
    """Links to a generated page of a record that does not exist, as (line within the text, message)."""
    problems = []
    for link in links(markdown, page_src_uri):
        missing = _missing(link.target.split("/"), known) if link.target else None
        if missing:
            line = markdown.count("\n", 0, link.start) + 1
            problems.append((line, f"liên kết '{link.url}' dẫn tới trang không có: {missing}"))
    return problems


def _missing(parts: list[str], known: KnownIds) -> str | None:
    """What is missing for a generated record page at ``parts``; None if it exists or is not one."""
    section, ids = parts[0], parts[1:]
    if section == "hop-tac-xa" and len(ids) == 1 and ids[0] not in DIRECTORY_PAGES:
        return _unknown(known.cooperatives, ids[0], "HTX/THT")
    if section == "van-ban" and len(ids) == 1:
        problem = _unknown(known.legal, ids[0], "văn bản")
        return f'{problem} (trích dẫn văn bản thì dùng {{{{ van_ban("mã-văn-bản") }}}})' if problem else None
    if section in ("ke-hoach", "tien-do") and len(ids) in (1, 2):
        problem = _unknown(known.plans, ids[0], "kế hoạch")
        if problem or len(ids) == 1 or ids[1] in _PROGRESS_PAGES:
            return problem
        targets = known.targets.get(ids[0])
        if targets is not None and ids[1] not in targets:
            return (
                f"kế hoạch {ids[0]} không có chỉ tiêu mang mã '{ids[1]}' "
                f'(thanh tiến độ của một chỉ tiêu thì dùng {{{{ tien_do("{ids[0]}", "mã-chỉ-tiêu") }}}})'
            )
    return None


def _unknown(ids: frozenset[str] | None, value: str, what: str) -> str | None:
    return f"không có {what} mang mã '{value}'" if ids is not None and value not in ids else None
