"""Search on the shipped site (this repository's own content), deployed under a sub-path."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from search_support import paths, phone_reader, search

MANG_CAU = "hop-tac-xa/hop-tac-xa-nong-nghiep-mang-cau-thanh-tan/"
LAW_2012 = "van-ban/luat-htx-2012/"


@pytest.fixture
def reader(browser: Any, shipped_site: Path) -> Iterator[tuple[Any, str]]:
    with phone_reader(browser, shipped_site, "/ktt-tayninh/", (412, 915)) as opened:
        yield opened


def test_a_reader_finds_a_cooperative_typing_without_accents(reader):
    page, base = reader
    meta, results = search(page, "mang cau thanh tan")
    assert meta.startswith("Tìm thấy")
    profile = next(r for r in results if r.href == base + MANG_CAU)
    assert profile.title == "Hợp tác xã Nông nghiệp Mãng cầu Thạnh Tân"
    assert profile.section == "Hợp tác xã · Thành phố Tây Ninh"
    assert {"Mãng", "cầu"} <= set(profile.marks)
    _, accented = search(page, "Mãng cầu Thạnh Tân")
    assert sorted(paths(accented, base)) == sorted(paths(results, base))
    # The accents typed rank the page that has them exactly first.
    assert accented[0].href == base + MANG_CAU


def test_d_stroke_and_decomposed_queries_on_the_shipped_site(reader):
    page, base = reader
    found = {}
    for query in ["dong", "đồng", unicodedata.normalize("NFD", "ĐỒNG")]:
        meta, results = search(page, query)
        found[query] = (meta, tuple(sorted(paths(results, base))))
    assert found["dong"][1], "no page of the shipped site mentions đồng?"
    assert len({value for value in found.values()}) == 1


def test_filters_on_the_shipped_site(reader):
    page, base = reader
    search(page, "luat hop tac xa")
    page.locator("select[data-ktt-filter=kind]").select_option("Văn bản")
    _, legal = search(page, "luat hop tac xa")
    assert base + LAW_2012 in [r.href for r in legal]
    assert all(r.section == "Văn bản" for r in legal)

    page.locator("select[data-ktt-filter=kind]").select_option("Hợp tác xã")
    search(page, "hop tac xa")  # the district list offers the districts of the current results
    district = page.locator("select[data-ktt-filter=district]")
    district.select_option("Thành phố Tây Ninh")
    _, in_city = search(page, "hop tac xa")
    assert base + MANG_CAU in [r.href for r in in_city]
    assert all(r.section == "Hợp tác xã · Thành phố Tây Ninh" for r in in_city)
