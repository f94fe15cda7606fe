"""The pure parts of page safety, on their own: text as character references, the cleaner's
allow-list, the video addresses the shortcode takes, and each page's policy."""

from __future__ import annotations

import base64
import hashlib

import pytest
from markupsafe import Markup

from ktt_site.csp import policy, script_hashes, with_policy
from ktt_site.embeds import video_id
from ktt_site.rendering import text_html
from ktt_site.sanitize import clean_html


def test_text_is_written_as_references_and_markup_is_kept():
    assert text_html('{: on }[a](b) *c* <d> & "e"') == (
        "&#123;&#58; on &#125;&#91;a&#93;(b) &#42;c&#42; &lt;d&gt; &amp; &#34;e&#34;"
    )
    assert text_html("a\nb") == "a&#10;b"
    assert text_html("- a") == "&#45; a" and text_html("12. b") == "12&#46; b" and text_html("2018") == "2018"
    assert text_html(Markup("<b>x</b>")) == "<b>x</b>"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ('<a href="&#106;avascript:x()">a</a>', "<a>a</a>"),
        ('<a href="java\tscript:x()">a</a>', "<a>a</a>"),
        ('<a href="https://example.org/" onclick="x()">a</a>', '<a href="https://example.org/">a</a>'),
        ('<p style="color:red;position:fixed">a</p>', '<p style="color:red">a</p>'),
        ('<p style="background:url(https://x.example/)">a</p>', "<p>a</p>"),
        ('<h2 id="__config">a</h2><h2 id="muc">b</h2>', '<h2>a</h2><h2 id="muc">b</h2>'),
        ("<script>x()</script><iframe src=x></iframe><p>a</p>", "<p>a</p>"),
        ('<table data-table="facts" data-md-component="x"><tbody><tr><td>a</td></tr></tbody></table>',
         '<table data-table="facts"><tbody><tr><td>a</td></tr></tbody></table>'),
    ],
)  # fmt: skip
def test_the_cleaner_keeps_the_allowed_and_drops_the_rest(dirty, clean):
    assert clean_html(dirty) == clean


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com/watch?v=dQw4w9WgXcQ&t=10s",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://m.youtube.com/shorts/dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ],
)
def test_every_address_youtube_gives_names_the_video(url):
    assert video_id(url) == "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        'https://www.youtube.com/watch?v=dQw4w9WgXc"',
        "https://www.youtube.com/playlist?list=dQw4w9WgXcQ",
        "ftp://youtu.be/dQw4w9WgXcQ",
    ],
)
def test_anything_else_is_no_video(url):
    assert video_id(url) is None


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_inline_scripts_that_run_are_hashed_once_each_in_page_order():
    page = (
        "<script>a()</script><script src='x.js'></script>"
        '<script id="__config" type="application/json">{"base": "."}</script>'
        '<script type="module">b()</script><script>a()</script><script>c()\r\n</script>'
    )
    assert script_hashes(page) == [_sha("a()"), _sha("b()"), _sha("c()\n")]


def test_the_policy_is_the_first_element_of_head_and_names_frames_only_for_a_video():
    page = '<!doctype html><html><head>\n<meta charset="utf-8"><script>a()</script></head><body></body></html>'
    written = with_policy(page, page)
    assert written.startswith('<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="')
    assert f"script-src 'self' {_sha('a()')} 'wasm-unsafe-eval';" in written
    assert "frame-src 'none'" in written and "object-src 'none'" in written
    assert "frame-src https://www.youtube-nocookie.com" in policy([], video=True)
    # Only the theme's part of a page is hashed: a script in the content is not allowed.
    assert _sha("evil()") not in with_policy(page.replace("</head>", "<script>evil()</script></head>"), page)
