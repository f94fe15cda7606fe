"""Every page's HTML body cleaned by an allow-list before a reader gets it.

Editors write Markdown, which lets raw HTML through, and some data fields are Markdown too: the
body MkDocs renders is cleaned with nh3 (Rust's ammonia, html5ever's parser) so that no script,
frame, plugin, form or style sheet, no ``on*`` attribute and no URL other than http(s), mailto,
tel or a relative one reaches a page, however it is written (entities, tabs and newlines
inside a scheme, mixed case: the check is made on the parsed value). What the site itself
generates (tables, figures, charts in SVG, admonitions, ARIA) is on the list and comes through
unchanged but for how the markup is spelt.
"""

from __future__ import annotations

import re

import nh3

_HEADINGS = {f"h{level}" for level in range(1, 7)}

#: HTML elements a page's body may hold: text-level and block HTML, tables, figures, details,
#: images. Anything else is dropped, its text kept.
HTML_TAGS = _HEADINGS | {
    # text
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    # blocks
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "header", "hgroup", "hr", "li", "nav", "ol", "p", "pre", "section", "summary", "ul",
    # tables
    "caption", "col", "colgroup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    # images
    "img",
}  # fmt: skip

#: Inline SVG as the progress charts draw it: shapes and text only (no <a>, <use>, <image>,
#: <foreignObject>, no animation).
SVG_TAGS = {
    "svg", "g", "title", "desc", "line", "polyline", "polygon", "rect", "circle", "ellipse", "path", "text", "tspan",
}  # fmt: skip

TAGS = HTML_TAGS | SVG_TAGS

#: Elements dropped with everything inside them: what runs, embeds or submits, and raw text.
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "template",
    "noscript", "noembed", "noframes", "xmp", "textarea", "select", "button", "math",
}  # fmt: skip

_SVG_SHAPE = {"fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "opacity"}

#: Attributes by element ("*": any element). No ``on*`` handler is anywhere on this list.
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir", "role", "style"},
    "a": {"href", "hreflang", "rel", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    # data-label: a stacked table's column name for each cell on a phone (ktt_site.tables)
    "td": {"colspan", "rowspan", "headers", "align", "data-label"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr", "align"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "data": {"value"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "details": {"open"},
    # data-* attributes the site's own templates write (a generic prefix would also let
    # through the theme's data-md-* hooks, which its script acts on).
    "table": {"data-table"},
    # the video shortcode's placeholder (ktt_site.embeds), where a frame is put after cleaning
    "figure": {"data-ktt-video", "data-ktt-video-title"},
    "tr": {"data-model", "data-field"},
    "svg": {"viewBox", "width", "height", "preserveAspectRatio", "xmlns", "focusable"},
    "g": _SVG_SHAPE | {"font-size", "font-weight", "text-anchor", "transform"},
    "line": _SVG_SHAPE | {"x1", "x2", "y1", "y2"},
    "polyline": _SVG_SHAPE | {"points"},
    "polygon": _SVG_SHAPE | {"points"},
    "rect": _SVG_SHAPE | {"x", "y", "width", "height", "rx", "ry"},
    "circle": _SVG_SHAPE | {"cx", "cy", "r"},
    "ellipse": _SVG_SHAPE | {"cx", "cy", "rx", "ry"},
    "path": _SVG_SHAPE | {"d"},
    "text": _SVG_SHAPE | {"x", "y", "dx", "dy", "text-anchor", "font-size", "font-weight"},
    "tspan": _SVG_SHAPE | {"x", "y", "dx", "dy", "text-anchor", "font-size", "font-weight"},
}

#: Where an ``href`` or ``src`` may point besides a relative address.
URL_SCHEMES = {"http", "https", "mailto", "tel"}

#: CSS properties a ``style`` attribute may set (what the site's templates use, and layout
#: editors ask for); the rest, ``position`` and ``url(...)`` values among them, are dropped.
STYLE_PROPERTIES = {
    "background", "background-color", "border", "border-bottom", "border-left", "border-radius",
    "border-right", "border-top", "color", "display", "float", "font-size", "font-style",
    "font-weight", "height", "margin", "margin-bottom", "margin-left", "margin-right", "margin-top",
    "max-height", "max-width", "min-height", "min-width", "overflow", "overflow-x", "overflow-y",
    "padding", "padding-bottom", "padding-left", "padding-right", "padding-top", "text-align",
    "text-decoration", "vertical-align", "white-space", "width",
}  # fmt: skip

# A style value that loads or runs something (url(), image-set(), @import; old browsers'
# expression(), behavior, -moz-binding) or hides it behind CSS escapes.
_STYLE_FETCH = re.compile(r"url\s*\(|image-set|@import|expression|behavior|binding|javascript|\\", re.I)


def _attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and value.startswith("__"):
        # The theme's own elements have "__" ids (e.g. __config, read by its script): a
        # copy earlier in the page would be found first.
        return None
    if attribute == "style" and _STYLE_FETCH.search(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ATTRIBUTES,
    attribute_filter=_attribute,
    generic_attribute_prefixes={"aria-"},
    url_schemes=URL_SCHEMES,
    filter_style_properties=STYLE_PROPERTIES,
    link_rel=None,
    strip_comments=True,
)


def clean_html(html: str) -> str:
    """A page's HTML body with everything outside the allow-list removed."""
    return _CLEANER.clean(html)
