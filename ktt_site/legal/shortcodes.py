"""``{{ van_ban("luat-htx-2012") }}``: a link to a document showing its number, date and subject."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from ktt_site.rendering import text_html
from ktt_site.shortcodes import Shortcode

if TYPE_CHECKING:
    from ktt_site.site import SiteData

SECTION = "van-ban"


def document_src_uri(doc_id: str) -> str:
    return f"{SECTION}/{doc_id}.md"


def _check(site: SiteData, args: tuple[str, ...]) -> str | None:
    (doc_id,) = args
    # Known ids, not valid records: a document with mistakes of its own is reported, not this.
    if site.known.legal is None or doc_id in site.known.legal:
        return None
    return f"không có văn bản mang mã '{doc_id}' (xem các tệp trong models_data/legal/)"


def _render(site: SiteData, args: tuple[str, ...], page_src_uri: str) -> str:
    doc = site.legal[args[0]]
    # A link to the .md source lets MkDocs check it and turn it into the page's URL.
    target = posixpath.relpath(document_src_uri(doc.id), posixpath.dirname(page_src_uri) or ".")
    return f"[{text_html(doc.citation)}]({target})"


VAN_BAN = Shortcode(
    name="van_ban",
    usage='{{ van_ban("mã-văn-bản") }}',
    description="Liên kết tới một văn bản trong thư viện, ghi đủ số hiệu, ngày ban hành và trích yếu.",
    arity=1,
    check=_check,
    render=_render,
)
