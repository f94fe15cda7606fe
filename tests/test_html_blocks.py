"""The HTML block shortcut (``ktt_site.html_blocks``) changes how fast pages convert, never what
they convert to: every page of the shipped site, and random Markdown full of awkward HTML,
convert to the same HTML and the same table of contents with it and without it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from ktt_site.html_blocks import HtmlBlocks
from ktt_site.markdown_pages import page_markdown
from ktt_site.outputs import BuildSettings, build_outputs
from ktt_site.site import ProjectPaths, load_site
from ktt_site.text import heading_slug

ROOT = Path(__file__).resolve().parents[1]
#: MkDocs' own extensions first, as MkDocs lists them, then the shipped mkdocs.yml's.
MKDOCS_EXTENSIONS = ["toc", "tables", "fenced_code"]


def _converters() -> tuple[markdown.Markdown, markdown.Markdown]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    extensions = [*MKDOCS_EXTENSIONS, *(e for e in config.markdown_extensions if e not in MKDOCS_EXTENSIONS)]
    configs = {**config.mdx_configs, "toc": {**config.mdx_configs.get("toc", {}), "slugify": heading_slug}}
    plain = markdown.Markdown(extensions=extensions, extension_configs=configs)
    shortcut = markdown.Markdown(extensions=[*extensions, HtmlBlocks()], extension_configs=configs)
    return plain, shortcut


PLAIN, SHORTCUT = _converters()


def _same(text: str, where: str = "") -> int:
    """Assert ``text`` converts alike both ways; return how many blocks the shortcut's side stashed."""
    expected = PLAIN.reset().convert(text)
    got = SHORTCUT.reset().convert(text)
    assert got == expected, where
    assert SHORTCUT.toc_tokens == PLAIN.toc_tokens, where  # type: ignore[attr-defined]
    return int(SHORTCUT.htmlStash.html_counter)


def _shipped_pages() -> dict[str, str]:
    """Every page of the shipped site as MkDocs gets it: generated pages, and editors' pages with
    their shortcodes expanded."""
    site = load_site(ProjectPaths(ROOT, ROOT / "models_data", ROOT / "content"), as_of=dt.date(2026, 11, 30))
    outputs = build_outputs(site, BuildSettings("https://ktt.example.org/", "Kinh tế tập thể"))
    pages = {o.src_uri: get_data(str(o.content))[0] for o in outputs if o.src_uri.endswith(".md")}
    generated = frozenset(pages)
    for path in sorted((ROOT / "content").rglob("*.md")):
        src_uri = path.relative_to(ROOT / "content").as_posix()
        text, _meta = get_data(path.read_text(encoding="utf-8"))
        pages[src_uri] = page_markdown(site, src_uri, text, generated)
    return pages


def test_every_shipped_page_converts_to_the_same_html():
    pages = _shipped_pages()
    assert len(pages) > 80
    stashed = sum(_same(text, src_uri) for src_uri, text in pages.items())
    assert stashed > len(pages)  # the shortcut did take the blocks


def test_the_shortcut_takes_whole_elements_and_leaves_the_rest():
    text = '<div class="a">\n<p>một</p>\n</div>\n<p class="b">hai</p>\n\n## Ba\n\n<div><!-- bốn --></div>\n'
    _same(text)
    SHORTCUT.reset().convert(text)
    # The two elements before the heading; the comment's block is Python-Markdown's own.
    assert SHORTCUT.htmlStash.rawHtmlBlocks[:2] == ['<div class="a">\n<p>một</p>\n</div>', '<p class="b">hai</p>\n']


_NAMES = ["div", "p", "table", "tr", "td", "ul", "li", "figure", "section", "h2", "details", "summary", "svg", "g"]
_INLINE = ["span", "a", "em", "strong", "code", "time", "abbr"]
_ODD = ["title", "textarea", "script", "style", "pre", "hr", "br", "img", "DIV", "P"]
_ATTRIBUTES = st.sampled_from(
    [
        "",
        ' class="x y"',
        " id=bare",
        " hidden",
        " title='a > b'",
        ' title="<div>"',
        ' data-x="1"\n  data-y="2"',
        ' markdown="1"',
        " markdown",
        ' markdown="span"',
        "/",
    ]
)
_TEXT = st.sampled_from(
    [
        "chữ",
        "Đồng Tâm",
        "a < b",
        "a<b",
        "*nhấn* và _nghiêng_",
        "&amp; &lt; &#42;",
        "# tiêu đề",
        "## Mục",
        "- mục",
        "1. một",
        "    thụt vào",
        "   ba dấu cách",
        "<!-- chú thích -->",
        "<!DOCTYPE x>",
        "<?xml ?>",
        "```",
        "~~~",
        "> trích",
        "| a | b |",
        "|---|---|",
        "{: .lop }",
        "!!! note",
        "",
        " ",
    ]
)


@st.composite
def _elements(draw: st.DrawFn, depth: int = 0) -> str:
    name = draw(st.sampled_from(_NAMES + _INLINE + _ODD))
    attributes = draw(_ATTRIBUTES)
    inside = draw(st.lists(st.one_of(_TEXT, _elements(depth + 1)) if depth < 2 else _TEXT, max_size=3))
    joiner = draw(st.sampled_from(["", "\n", "\n\n"]))
    closing = draw(st.sampled_from([f"</{name}>", f"</{name}>", "", f"</{name} >", "</div>"]))
    return f"<{name}{attributes}>{joiner}{joiner.join(inside)}{joiner}{closing}"


_LINES = st.lists(st.one_of(_TEXT, _elements(), _elements()), min_size=1, max_size=8)

_BLOCK_NAMES = ["div", "p", "table", "ul", "figure", "section", "h3", "details", "svg"]
_SAFE_ATTRIBUTES = st.sampled_from(["", ' class="ktt-x"', " id=a1", " hidden", " title='1 > 0'", ' data-label="Tên"'])
#: Slips put into an otherwise tidy block: each makes Python-Markdown read it its own way.
_SLIPS = st.sampled_from(
    [
        "<!-- c -->",
        "a < b",
        "<br/>",
        "<div/>",
        "<p>",
        "</p>",
        "</div>",
        " markdown",
        "\n<em>x</em>",
        "\n   <div>",
        "\n    <div>",
        "<title><b>x</b></title>",
        "<title>x</title>",
        "<textarea>t</textarea>",
        "<hr>",
        "\ntext",
        "<span>",
        "&",
        "\n<!---->",
    ]
)


@st.composite
def _tidy_element(draw: st.DrawFn, depth: int = 0) -> str:
    """A block-level element with inline and (nested) block content, tags written plainly."""
    name = draw(st.sampled_from(_BLOCK_NAMES))
    attributes = draw(_SAFE_ATTRIBUTES)
    children = draw(
        st.lists(
            st.one_of(
                st.sampled_from(["chữ", "Đồng Tâm", "<em>nhấn</em>", '<a href="../x/">liên kết</a>', "&amp;"]),
                _tidy_element(depth + 1) if depth < 2 else st.just("<strong>đậm</strong>"),
            ),
            max_size=3,
        )
    )
    joiner = draw(st.sampled_from(["", "\n"]))
    return f"<{name}{attributes}>{joiner}{joiner.join(children)}{joiner}</{name}>"


@st.composite
def _tidy_document(draw: st.DrawFn) -> str:
    """Paragraphs of sibling elements (one per line), Markdown between, now and then a slip."""
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            blocks.append(
                draw(st.sampled_from(["## Mục", "Chữ *thường*.", "- một\n- hai", "Xem <a href='x'>đây</a>."]))
            )
            continue
        block = "\n".join(draw(st.lists(_tidy_element(), min_size=1, max_size=3)))
        if draw(st.integers(0, 3)) == 0:
            at = draw(st.integers(0, len(block)))
            block = block[:at] + draw(_SLIPS) + block[at:]
        blocks.append(block)
    return draw(st.sampled_from(["\n\n", "\n\n\n", "\n  \n"])).join(blocks) + draw(st.sampled_from(["", "\n", "\n\n"]))


@settings(
    max_examples=int(os.environ.get("KTT_HYPOTHESIS_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(pieces=_LINES, separators=st.lists(st.sampled_from(["\n", "\n\n", "\n  \n", "", "\n\n\n"]), min_size=8))
def test_random_markdown_with_html_converts_to_the_same_html(pieces, separators):
    text = "".join(piece + separator for piece, separator in zip(pieces, separators, strict=False))
    _same(text)


@settings(
    max_examples=int(os.environ.get("KTT_HYPOTHESIS_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=_tidy_document())
def test_tidy_html_with_slips_converts_to_the_same_html(text):
    _same(text)
