"""Search for readers on the shipped site: the editor guide stays out, legal documents come
first for their number and year, and snippets open with the page's own text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from search_support import phone_reader, search

from ktt_site.search.records import PageToIndex, indexed, page_record

LAW_2012 = "van-ban/luat-htx-2012/"
LAW_2023 = "van-ban/luat-htx-2023/"


def test_guide_pages_are_not_indexed():
    assert not indexed("huong-dan/index.md") and not indexed("huong-dan/van-ban.md")
    assert indexed("van-ban/luat-htx-2012.md") and indexed("index.md") and indexed("ban-tin/2018-so-01/a.md")


def test_byline_and_notices_go_after_the_lead_and_boosted_words_lead():
    html = (
        "<h1>Tin mới</h1>"
        '<div class="ktt-article-meta"><p>Ngày đăng: 01/07/2024 · Tác giả: Ban biên tập</p></div>'
        '<div class="admonition ktt-illustrative"><p>Nội dung minh họa</p></div>'
        '<p class="ktt-search-boost">Thường gọi: Luật năm 2012</p>'
        "<p>Đoạn mở đầu của bài.</p>"
    )
    record = page_record(PageToIndex("ban-tin/2024-so-03/a.md", "Tin mới", html, {"kind": ["Bản tin"]}))
    text = " ".join(record.words)
    assert record.words[: record.lead] == ["Tin", "mới", "Thường", "gọi:", "Luật", "năm", "2012"]
    own = record.words[record.lead :]
    assert " ".join(own).startswith("Thường gọi: Luật năm 2012 Đoạn mở đầu của bài.")
    assert text.index("Đoạn mở đầu") < text.index("Ngày đăng") < text.index("Nội dung minh họa")


def test_the_index_has_no_guide_page(shipped_site):
    fragments = list((shipped_site / "pagefind").rglob("*"))
    assert fragments
    assert not (shipped_site / "huong-dan" / "index.html").read_text("utf-8").count("data-pagefind-body")


@pytest.fixture
def reader(browser: Any, shipped_site: Path) -> Iterator[tuple[Any, str]]:
    with phone_reader(browser, shipped_site, "/", (390, 844)) as opened:
        yield opened


@pytest.mark.parametrize(
    ("query", "first"),
    [("luat 2012", LAW_2012), ("23/2012", LAW_2012), ("luật hợp tác xã 2012", LAW_2012), ("luat 2023", LAW_2023)],
)
def test_a_law_comes_first_for_its_number_and_year(reader, query, first):
    page, base = reader
    _, results = search(page, query)
    assert results[0].href == base + first, [r.href for r in results[:5]]


def test_no_guide_page_in_results_and_snippets_open_with_the_text(reader):
    page, base = reader
    for query in ["luat 2012", "yaml", "legal_basis", "hop tac xa"]:
        _, results = search(page, query)
        assert not [r.href for r in results if "/huong-dan/" in r.href], query
    _, results = search(page, "mang cau")
    for result in results:
        assert not result.snippet.lstrip("… ").startswith(("Ngày đăng", "Bài thuộc", "Nội dung minh họa")), result
        assert not result.snippet.startswith(result.title), result
