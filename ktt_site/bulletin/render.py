"""Rendering bulletin templates with the helpers every bulletin template can call."""

from __future__ import annotations

from typing import Any

from ktt_site.bulletin.categories import ARCHIVE_DIR, CATEGORIES_DIR, archive_page, category_page
from ktt_site.bulletin.model import BULLETIN_DIR
from ktt_site.rendering import Output, page, render, render_again

BULLETIN_PAGE = f"{BULLETIN_DIR}/index.md"
#: How to follow the bulletin: what RSS is, which apps, every feed's address.
FOLLOW_PAGE = f"{BULLETIN_DIR}/theo-doi/index.md"
#: The stylesheet that shows a feed opened in a browser as a Vietnamese page.
FEED_STYLESHEET = f"{BULLETIN_DIR}/nguon-tin.xsl"

#: Names every bulletin template may use, besides what the page passes.
HELPERS: dict[str, Any] = {
    "category_page": category_page,
    "archive_page": archive_page,
    "bulletin_page": BULLETIN_PAGE,
    "follow_page": FOLLOW_PAGE,
    "categories_page": f"{CATEGORIES_DIR}/index.md",
    "archives_page": f"{ARCHIVE_DIR}/index.md",
}


def render_fragment(template: str, page_uri: str, *, reusable: bool = False, **context: Any) -> str:
    """HTML (inside Markdown) for a part of the page at ``page_uri``.

    ``reusable``: ``context`` holds immutable values only, so it is made by ``render_again``."""
    return (render_again if reusable else render)(f"bulletin/{template}", page_uri, **HELPERS, **context)


def generated_page(
    src_uri: str,
    template: str,
    *,
    title: str,
    in_nav: bool = False,
    front_matter: dict[str, Any] | None = None,
    **context: Any,
) -> Output:
    return page(
        src_uri,
        f"bulletin/{template}",
        title=title,
        in_nav=in_nav,
        front_matter=front_matter,
        **HELPERS,
        **context,
    )
