"""A Content-Security-Policy for every page, written into the page as a ``<meta http-equiv>`` (a
static host may send no headers of ours).

Should a script get past the sanitiser (``ktt_site.sanitize``), the browser still runs only the
site's own script files and the inline scripts the theme writes, each allowed by the hash of its
text: the hashes are taken from the finished page, so two builds of the same site give the
same policy. Material's inline scripts differ with the page's depth (they hold the path to the
site's root), which is why each page carries its own policy.
"""

from __future__ import annotations

import base64
import hashlib
import re

from ktt_site.embeds import VIDEO_ORIGIN

_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<text>.*?)</script\s*>", re.I | re.S)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
#: Script types a browser runs; any other (``application/json``: the theme's configuration)
#: is data, which no policy governs.
_RUN_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"}


def script_hashes(html: str) -> list[str]:
    """CSP sources (``'sha256-...'``) of the inline scripts in ``html`` a browser would run,
    in page order, each once."""
    found: list[str] = []
    for match in _SCRIPT.finditer(html):
        attributes = match.group("attributes")
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if kind and "".join(part or "" for part in kind.groups()).strip().lower() not in _RUN_TYPES:
            continue
        # Browsers hash the text as parsed, where every line break has become "\n".
        text = match.group("text").replace("\r\n", "\n").replace("\r", "\n")
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in found:
            found.append(source)
    return found


def policy(hashes: list[str], *, video: bool = False) -> str:
    """The policy of a page: scripts from the site itself and the inline scripts hashed, wasm
    for the search engine (Pagefind compiles WebAssembly), no plugins, no ``<base>`` elsewhere,
    forms sent only to the site, frames only from the video host and only where a video is."""
    # The CSP 3 keyword last: older validators stop reading the list at it.
    scripts = " ".join(["'self'", *hashes, "'wasm-unsafe-eval'"])
    frames = VIDEO_ORIGIN if video else "'none'"
    return f"script-src {scripts}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-src {frames}"


def with_policy(page: str, theme_html: str, *, video: bool = False) -> str:
    """``page`` with its policy as the first element of ``<head>``, before any script.

    ``theme_html`` is the page without its body content: only the theme's inline scripts are
    allowed, never one that appeared in the content."""
    head = _HEAD.search(page)
    if head is None:
        return page
    content = policy(script_hashes(theme_html), video=video)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return f"{page[: head.end()]}{meta}{page[head.end() :]}"
