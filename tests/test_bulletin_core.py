"""The bulletin's pure core, without a build: feed HTML and where generated parts go."""

from __future__ import annotations

from ktt_site.bulletin.enrich import wrap
from ktt_site.bulletin.feed_html import feed_content, first_paragraph

PAGE = "https://vi-du.example.org/ban-tin/2018-so-01/bai/"


def test_feed_content_makes_links_absolute_and_drops_page_only_parts():
    html = (
        'Mở đầu <b>đậm</b><div class="ktt-article-meta ktt-no-feed"><a href="../">Số 1</a></div>'
        '<p>Xem <a href="../khac/">bài khác</a>, <a href="#muc">mục</a>, '
        '<a href="https://ngoai.example.com/x">nguồn</a> và '
        '<img src="../../../images/a.png" alt="ảnh"></p>'
        '<nav class="ktt-prev-next ktt-no-feed"><a href="../sau/">Bài sau</a></nav>'
    )
    out = feed_content(html, PAGE)
    assert out.startswith("Mở đầu <b>đậm</b>")
    assert 'href="https://vi-du.example.org/ban-tin/2018-so-01/khac/"' in out
    assert f'href="{PAGE}#muc"' in out
    assert 'href="https://ngoai.example.com/x"' in out
    assert 'src="https://vi-du.example.org/images/a.png"' in out
    assert "Số 1" not in out and "Bài sau" not in out


def test_first_paragraph_skips_notices_and_is_cut_at_a_word():
    html = (
        '<div class="admonition warning"><p>Minh họa</p></div><p class="ktt-note">Ghi chú</p>'
        "<p>" + "chữ " * 200 + "</p>"
    )
    summary = first_paragraph(html, limit=50)
    assert summary.startswith("chữ chữ") and summary.endswith("…") and len(summary) <= 51
    assert first_paragraph("<p>Ngắn &amp; gọn.</p>") == "Ngắn & gọn."


def test_wrap_puts_the_header_after_the_editors_own_title():
    assert wrap("# Tiêu đề\n\nThân bài.\n", "<div>đầu</div>", "<div>cuối</div>") == (
        "# Tiêu đề\n\n<div>đầu</div>\n\nThân bài.\n\n<div>cuối</div>\n"
    )
    assert wrap("Thân bài.\n", "<div>đầu</div>", "") == "<div>đầu</div>\n\nThân bài.\n"
    assert wrap("Tiêu đề\n=====\nThân.\n", "H", "F").startswith("Tiêu đề\n=====\n\nH\n\nThân.")
