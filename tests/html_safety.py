"""What makes a built page unsafe for its readers, read from the page as a browser parses it
(html5lib, the WHATWG algorithm): used by the hostile-input tests.

A page is safe when no element has an event handler (``on*``), no address in an attribute uses a
scheme other than http(s), mailto or tel once decoded as a browser decodes it, nothing embeds or
submits (no frame but the video shortcode's, no object, embed, form but the search box), and every
script is the site's own: a file of the site, or inline text whose hash the page's
Content-Security-Policy (the first element of ``<head>``) lists.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

import html5lib

ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
#: Attributes a browser reads an address from.
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "poster", "background", "cite", "longdesc",
    "codebase", "manifest", "ping", "xlink:href", "srcset", "imagesrcset",
}  # fmt: skip
FORBIDDEN_ELEMENTS = {"object", "embed", "applet", "frame", "frameset", "base", "style", "template", "portal"}
VIDEO_FRAME = "https://www.youtube-nocookie.com/embed/"
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


def parse(data: bytes | str) -> Any:
    return html5lib.parse(data, treebuilder="etree", namespaceHTMLElements=False)


def _local(name: str) -> str:
    """``{namespace}name`` -> ``name``; xlink's href -> ``xlink:href``."""
    if name.startswith("{http://www.w3.org/1999/xlink}"):
        return "xlink:" + name.split("}", 1)[1]
    return name.split("}", 1)[1] if name.startswith("{") else name


def scheme(address: str) -> str | None:
    """The scheme a browser sees in an attribute's (already decoded) value: it removes tabs and
    line breaks anywhere, leading and trailing spaces and control characters, ignores case."""
    cleaned = re.sub(r"[\t\n\r]", "", address).strip("".join(map(chr, range(0x21))))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def _addresses(name: str, value: str) -> list[str]:
    if name in ("srcset", "imagesrcset"):
        return [candidate.strip().split(" ")[0] for candidate in value.split(",") if candidate.strip()]
    return [value]


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy_of(document: Any) -> str | None:
    """The page's Content-Security-Policy, if it is the first element of ``<head>``."""
    head = document.find("head")
    first = next(iter(head), None) if head is not None else None
    if first is None or _local(first.tag) != "meta":
        return None
    if (first.get("http-equiv") or "").lower() != "content-security-policy":
        return None
    return first.get("content")


def problems(data: bytes | str) -> list[str]:
    """Everything on the page that could run script or send the reader elsewhere unasked."""
    document = parse(data)
    found: list[str] = []
    policy = policy_of(document)
    if policy is None:
        found.append("no Content-Security-Policy as the first element of <head>")
    config_ids = 0
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # a comment
        tag = _local(element.tag).lower()
        where = f"<{tag}>"
        for raw_name, value in element.attrib.items():
            name = _local(raw_name).lower()
            if name.startswith("on"):
                found.append(f"{where} has an event handler {name}={value!r}")
            if name in URL_ATTRIBUTES:
                for address in _addresses(name, value):
                    used = scheme(address)
                    if used is not None and used not in ALLOWED_SCHEMES:
                        found.append(f"{where} {name}={value!r} uses the scheme {used}:")
            if name == "style" and re.search(r"url\s*\(|expression\s*\(|javascript:", value, re.I):
                found.append(f"{where} style={value!r} loads or runs something")
            if name == "id" and value == "__config":
                config_ids += 1
        if tag in FORBIDDEN_ELEMENTS:
            found.append(f"{where} element")
        elif tag == "iframe" and not (element.get("src") or "").startswith(VIDEO_FRAME):
            found.append(f"<iframe src={element.get('src')!r}>")
        elif tag == "form" and "md-search__form" not in (element.get("class") or ""):
            found.append(f"<form action={element.get('action')!r}>")
        elif tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append(f"<meta http-equiv=refresh content={element.get('content')!r}>")
        elif tag == "script":
            found.extend(_script_problems(element, policy or ""))
    if config_ids > 1:
        found.append("another element carries the theme's id __config")
    return found


def _script_problems(element: Any, policy: str) -> list[str]:
    source = element.get("src")
    if source is not None:
        # The site's own files are linked relatively; anything with a scheme or "//" is not.
        if scheme(source) is not None or source.strip().startswith("//"):
            return [f"<script src={source!r}> from outside the site"]
        return []
    if (element.get("type") or "").strip().lower() in DATA_SCRIPT_TYPES:
        return []
    text = element.text or ""
    directives = [d.split() for d in policy.split(";")]
    sources = next((d[1:] for d in directives if d and d[0] == "script-src"), [])
    if script_hash(text) not in sources:
        return [f"inline <script> not allowed by the page's policy: {text[:80]!r}"]
    return []


def text_of(element: Any) -> str:
    return "".join(element.itertext())
