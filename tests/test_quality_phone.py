"""What a reader on a phone sees: in Debian's Chromium at 390x844, on each kind of page a reader
meets first, the page never scrolls sideways, every table keeps what matters on screen (stacked
into one card per row, or scrolling inside its box with a hint and its first column pinned), and
chart text is at least 12 px. ``bench/screenshots.py`` shows the same pages as pictures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from phone_pages import PHONE, measure, reader_pages
from quality_support import serve

from ktt_site.tables import label_stacked_tables

PAGES = reader_pages()


@pytest.fixture(scope="module")
def phone(shipped_site, browser) -> Iterator[tuple[Any, str]]:
    with serve(shipped_site) as url:
        context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
        yield context.new_page(), url
        context.close()


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_nothing_is_off_screen_on_a_phone(phone, kind):
    page, url = phone
    response = page.goto(url + PAGES[kind], wait_until="load")
    assert response is not None and response.ok, PAGES[kind]
    assert measure(page) == [], PAGES[kind]


def test_key_columns_are_on_screen(phone):
    """The columns the issue names: each is read as a labelled line of its row's card."""
    page, url = phone
    for path, label in (
        (PAGES["legal-library"], "Tình trạng"),
        (PAGES["progress"], "Trạng thái"),
        (PAGES["exemplary"], "Tiêu chí đạt"),
    ):
        page.goto(url + path, wait_until="load")
        cells = page.locator(f'article td[data-label="{label}"]')
        assert cells.count() > 0, (path, label)
        box = cells.first.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (path, box)


def test_charts_have_a_legend_and_plain_axis_titles(phone):
    page, url = phone
    page.goto(url + PAGES["target"], wait_until="load")
    texts = page.locator("svg.ktt-chart text").all_text_contents()
    assert "Tháng, năm 2018" in texts and any(t.startswith("Số ") for t in texts), texts
    assert not [t for t in texts if ";" in t], texts
    legend = page.locator(".ktt-legend li").all_inner_texts()
    assert legend[0] == "Kết quả cộng dồn" and any(t.startswith("Mức chỉ tiêu") for t in legend), legend


def test_stacked_tables_label_each_cell_with_its_column():
    html = (
        '<div class="ktt-stack">\n<table>\n<thead><tr><th>Tên</th><th>Địa bàn <a href="#x">(2018)</a></th>'
        '<th>Ghi &amp; chú</th></tr></thead>\n<tbody>\n<tr><th scope="row">A</th><td>Xã B</td>'
        '<td data-label="Riêng">c</td></tr>\n</tbody>\n</table>\n</div>\n<table><thead><tr><th>X</th></tr></thead>'
        "<tbody><tr><td>y</td></tr></tbody></table>"
    )
    out = label_stacked_tables(html)
    assert '<td data-label="Địa bàn (2018)">Xã B</td>' in out
    assert '<td data-label="Riêng">c</td>' in out  # a label written in the template stays
    assert out.endswith("<tbody><tr><td>y</td></tr></tbody></table>")  # tables not stacked are left alone
