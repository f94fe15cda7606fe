"""Search as a reader uses it: typing into the header's box in a real chromium.

The fixture site is the minimal one plus a second cooperative (in another district) and two
bulletin issues whose articles carry categories, so every filter has something to narrow.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, SiteProject
from search_support import paths, read_results, search, serve

from ktt_site.search.background import BackgroundIndexer
from ktt_site.search.folding import index_form
from ktt_site.search.records import PageToIndex
from ktt_site.text import fold

ROOT = Path(__file__).parent.parent

ARTICLE_LOAN = "ban-tin/2018-so-01/von-vay-uu-dai/"
ARTICLE_MANGO = "ban-tin/2018-so-02/xoai-cat/"
ARTICLE_LAW = "ban-tin/2018-so-02/luat-moi/"
PROFILE_DONG_TAM = "hop-tac-xa/htx-dong-tam/"
PROFILE_TAN_BINH = "hop-tac-xa/htx-tan-binh/"

EXTRA_FILES = {
    "models_data/cooperatives/htx-tan-binh.yaml": """\
name: Hợp tác xã Dịch vụ Nông nghiệp Tân Bình
kind: htx
founded: 2016-05-10
commune: xa-tan-binh
status: active
legal_basis: luat-htx-2012
summary: HTX cung ứng vật tư, làm đất cho thành viên.
illustrative: true
""",
    "content/ban-tin/2018-so-01/index.md": """\
---
issue: 1
date: 2018-06-15
title: Bản tin số 1 năm 2018
illustrative: true
---
""",
    "content/ban-tin/2018-so-01/von-vay-uu-dai.md": """\
---
title: Vốn vay ưu đãi cho thành viên
date: 2018-06-15
categories: [Chính sách]
illustrative: true
---
Mỗi thành viên được vay tối đa năm mươi triệu đồng để mua giống và phân bón cho vụ mới.
""",
    "content/ban-tin/2018-so-02/index.md": """\
---
issue: 2
date: 2018-09-20
title: Bản tin số 2 năm 2018
illustrative: true
---
""",
    "content/ban-tin/2018-so-02/xoai-cat.md": """\
---
title: Tổ hợp tác trồng xoài cát
date: 2018-09-20
categories: [Mô hình hay]
illustrative: true
---
Tổ hợp tác bán xoài cát Hòa Lộc cho thương lái ngay tại vườn.

Giá bán (tính theo đồng/kg) – năm 2018: 25.000 – 30.000 (loại 1); ngoài xoài, các hộ trồng xen
chôm chôm để có thu nhập quanh năm.
""",
    "content/ban-tin/2018-so-02/luat-moi.md": """\
---
title: Phổ biến Luật Hợp tác xã cho cán bộ cơ sở
date: 2018-09-20
categories: [Pháp luật]
illustrative: true
---
Hội nghị phổ biến Luật Hợp tác xã năm 2012 cho cán bộ hội, đoàn thể cấp xã.
""",
}


@pytest.fixture(scope="module")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search") / "repo"
    shutil.copytree(FIXTURES / "minimal", root)
    project = SiteProject(root)
    for rel, text in EXTRA_FILES.items():
        project.write(rel, text)
    result = project.build_in_process(env={"SOURCE_DATE_EPOCH": "1545000000"})
    assert result.returncode == 0, result.stderr
    return project.built()


@pytest.fixture
def site_url(search_site: Path) -> Iterator[str]:
    with serve(search_site, "/") as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == [], errors


def test_page_load_downloads_no_index_and_focus_loads_only_the_engine(page, site_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pagefind/" in url]
    page.locator("[data-ktt-search-input]").click()
    page.wait_for_function("() => !document.querySelector('[data-ktt-search-filters]').hidden")
    assert not [url for url in requested if "/pagefind/fragment/" in url or "/pagefind/index/" in url]


def test_accents_case_and_unicode_form_do_not_change_the_results(page, site_url):
    page.goto(site_url)
    typed = [
        "hợp tác xã",
        "hop tac xa",
        "HỢP TÁC XÃ",
        "Hop Tac Xa",
        unicodedata.normalize("NFD", "Hợp Tác Xã"),
    ]
    seen = {}
    for query in typed:
        meta, results = search(page, query)
        assert page.locator("[data-ktt-search-input]").input_value() == query
        seen[query] = (meta, paths(results, site_url))
    first = seen[typed[0]]
    assert re.fullmatch(r"Tìm thấy \d+ trang", first[0]), first[0]
    assert PROFILE_DONG_TAM in first[1] and PROFILE_TAN_BINH in first[1]
    for query in typed[1:]:
        assert (seen[query][0], sorted(seen[query][1])) == (first[0], sorted(first[1])), query
    # Letter case and Unicode form change nothing at all; typed accents only reorder.
    assert seen["HỢP TÁC XÃ"] == seen[typed[4]] == first
    assert seen["Hop Tac Xa"] == seen["hop tac xa"]


#: Submits a search, then types one more letter while it runs (as a reader typing slowly
#: does when the pause between two keys outlasts the wait before searching); returns each
#: value aria-busy took until the results for the whole word are shown.
_SEARCH_THEN_TYPE = """async () => {
  const list = document.querySelector('[data-ktt-search-results]');
  const input = document.querySelector('[data-ktt-search-input]');
  const states = [];
  new MutationObserver(() => states.push(list.getAttribute('aria-busy')))
    .observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
  input.form.requestSubmit();
  input.value += 'g';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((done) => setTimeout(done, 1500));
  return states;
}"""


def test_results_stay_busy_while_a_search_is_still_to_come(page, site_url):
    """A search that ends after the next key was typed does not mark the results final: a
    screen reader (or a test) reading them then would get the shorter word's."""
    page.goto(site_url)
    search(page, "don")
    states = page.evaluate(_SEARCH_THEN_TYPE)
    assert states and states[-1] == "false"
    assert "false" not in states[:-1], states
    meta, results = read_results(page)
    assert meta.startswith("Tìm thấy") and PROFILE_DONG_TAM in paths(results, site_url)


def test_d_stroke_words_are_found_without_the_stroke(page, site_url):
    page.goto(site_url)
    by_query = {q: search(page, q) for q in ["dong", "đồng", "ĐỒNG", unicodedata.normalize("NFD", "Đồng")]}
    meta, results = by_query["dong"]
    assert meta.startswith("Tìm thấy")
    found = paths(results, site_url)
    assert ARTICLE_LOAN in found and PROFILE_DONG_TAM in found
    for query, (other_meta, other_results) in by_query.items():
        assert (other_meta, sorted(paths(other_results, site_url))) == (meta, sorted(found)), query
    loan = next(r for r in results if r.href.endswith(ARTICLE_LOAN))
    # The snippet shows the page's own words, highlighted: never the folded copy.
    assert loan.marks == ["đồng"]
    assert "năm mươi triệu đồng" in loan.snippet and "dong" not in loan.snippet
    profile = next(r for r in results if r.href.endswith(PROFILE_DONG_TAM))
    assert profile.title == "Hợp tác xã Đồng Tâm"
    assert profile.section == "Hợp tác xã · Huyện Đồng A"
    assert "Đồng" in profile.marks


def test_typed_accents_pick_the_highlight_but_not_the_pages(page, site_url):
    page.goto(site_url)
    _, typed_with_marks = search(page, "Đồng Tâm")
    profile = next(r for r in typed_with_marks if r.href.endswith(PROFILE_DONG_TAM))
    assert profile.marks and set(profile.marks) <= {"Đồng", "Tâm"}, profile.marks


def test_a_word_on_exactly_one_page(page, site_url, search_site):
    built = [p for p in search_site.rglob("*.html") if "chom" in fold(p.read_text(encoding="utf-8"))]
    assert [p.parent.relative_to(search_site).as_posix() + "/" for p in built] == [ARTICLE_MANGO]
    page.goto(site_url)
    for query in ["chom chom", "CHÔM CHÔM", "chôm", unicodedata.normalize("NFD", "Chôm")]:
        meta, results = search(page, query)
        assert meta == "Tìm thấy 1 trang", query
        assert paths(results, site_url) == [ARTICLE_MANGO]
        mango = results[0]
        assert mango.title == "Tổ hợp tác trồng xoài cát"
        assert mango.section == "Bản tin · Số 2 – 20/09/2018 · Mô hình hay"
        # Words of punctuation alone (–, (loại, 25.000) must not shift the highlight.
        assert mango.marks and set(mango.marks) == {"chôm"}, mango.marks


def test_no_match_says_so_in_vietnamese(page, site_url):
    page.goto(site_url)
    meta, results = search(page, "qxzvbn")
    assert results == []
    assert meta == "Không tìm thấy trang nào phù hợp với “qxzvbn”. Hãy thử từ khác hoặc bỏ bớt bộ lọc."


def test_filters_narrow_the_results(page, site_url):
    page.goto(site_url)
    meta, everything = search(page, "hop tac xa")
    total = int(re.search(r"\d+", meta).group())
    kind = page.locator("select[data-ktt-filter=kind]")
    district = page.locator("select[data-ktt-filter=district]")
    category = page.locator("select[data-ktt-filter=category]")
    issue = page.locator("select[data-ktt-filter=issue]")
    assert kind.is_visible() and not district.is_visible() and not category.is_visible()

    kind.select_option("Văn bản")
    meta, legal = read_results(page)
    assert 0 < int(re.search(r"\d+", meta).group()) < total
    assert legal and all(r.section.startswith("Văn bản") for r in legal)

    kind.select_option("Hợp tác xã")
    read_results(page)
    assert district.is_visible() and not category.is_visible()
    assert sorted(district.locator("option").all_inner_texts()) == [
        "Huyện Đồng A (1)",
        "Thành phố B (1)",
        "Tất cả",
    ]
    district.select_option("Thành phố B")
    meta, in_district = read_results(page)
    assert meta == "Tìm thấy 1 trang"
    assert paths(in_district, site_url) == [PROFILE_TAN_BINH]

    kind.select_option("Bản tin")
    read_results(page)
    assert not district.is_visible() and category.is_visible() and issue.is_visible()
    category.select_option("Pháp luật")
    meta, law = read_results(page)
    assert paths(law, site_url) == [ARTICLE_LAW]

    # Filters alone, with the box emptied, list what they hold.
    category.select_option("")
    search(page, "")
    issue.select_option("Số 1 – 15/06/2018")
    _, issue_one = read_results(page)
    assert set(paths(issue_one, site_url)) == {ARTICLE_LOAN, "ban-tin/2018-so-01/"}
    assert all(r.href.startswith(site_url) for r in everything)


@pytest.mark.parametrize("prefix", ["/ktt/", "/a/b/"])
def test_search_works_under_a_sub_path(browser, search_site, prefix):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(search_site, prefix) as base:
        page.goto(base + ARTICLE_LAW)
        meta, results = search(page, "chom chom")
        assert meta == "Tìm thấy 1 trang"
        assert results[0].href == base + ARTICLE_MANGO
        page.locator(".md-search-result__link").first.click()
        page.wait_for_url(base + ARTICLE_MANGO)
        assert page.locator("article h1").first.inner_text() == "Tổ hợp tác trồng xoài cát"
    context.close()
    assert errors == []


def test_on_a_phone_the_header_icon_opens_search(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url)
    box = page.locator("[data-ktt-search-input]")
    # Functions, not expressions: the page's Content-Security-Policy forbids eval().
    shown = "() => getComputedStyle(document.querySelector('.md-search__inner')).opacity === '1'"
    assert not page.evaluate(shown)  # on a phone the box hides behind the header's icon
    page.locator("label.md-header__button[for=__search]").tap()
    page.wait_for_function(shown)
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('[data-ktt-search-input]')")
    box.press_sequentially("chom chom", delay=15)
    meta, results = read_results(page)
    assert meta == "Tìm thấy 1 trang" and results[0].title == "Tổ hợp tác trồng xoài cát"
    box.press("Enter")  # the keyboard's search key reveals the results instead of reloading
    # Enter runs the query again (results are redrawn): wait for them, as a reader would.
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=5000)
    assert page.url == site_url
    context.close()


def test_browser_writes_queries_exactly_like_the_index(page, site_url):
    script = (ROOT / "ktt_site/theme/assets/ktt/search.js").read_text(encoding="utf-8")
    body = re.search(r"function indexForm\(text\) \{(.*?)\n  \}", script, re.S).group(1)
    samples = [
        "Hợp tác xã Đồng Tâm",
        "ĐẮK LẮK",
        "đường đi",
        unicodedata.normalize("NFD", "Huyện Dương Minh Châu"),
        unicodedata.normalize("NFD", "Đồng đều"),
        "Tây Ninh 2018",
        "Œuvre ﬁ",
    ]
    page.goto(site_url)
    written = page.evaluate(
        f"(samples) => {{ var STROKE = '\\u0335'; return samples.map(function (text) {{{body}}}); }}",
        samples,
    )
    assert written == [index_form(sample) for sample in samples]
    assert "D\u0335" in written[0] and "d\u0335" in written[2]


def test_material_lunr_search_stays_off(search_site):
    assert not (search_site / "search" / "search_index.json").exists()
    home = (search_site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search"' not in home
    assert "assets/ktt/search.js" in home and os.path.exists(search_site / "assets/ktt/search.js")


def test_every_word_is_found_across_many_small_index_chunks(browser, tmp_path):
    """The index is cut again after Pagefind (bundle_format.py): Pagefind's search must still find
    each word in the chunk the metadata points it to, including words at chunk boundaries."""
    syllables = [
        "đồng",
        "động",
        "hợp",
        "hộp",
        "tác",
        "xã",
        "xa",
        "xoài",
        "chôm",
        "mãng",
        "cầu",
        "Đắk",
        "thương",
        "lái",
        "vốn",
        "vay",
        "ưu",
        "đãi",
        "nông",
        "dân",
    ]
    words = [f"{syllables[n % 20]}{syllables[(n * 7) % 20]}{n:03d}" for n in range(80)]
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    with BackgroundIndexer(site, chunk_bytes=200) as indexer:
        for n, word in enumerate(words):
            indexer.add(PageToIndex(f"trang-{n}.md", f"Trang {n}", f"<p>{word} chung</p>", {"kind": ["Bản tin"]}))
        bundle = indexer.finish()
    assert len(list((bundle / "index").glob("*.pf_index"))) > 20
    context = browser.new_context()
    page = context.new_page()
    with serve(site, "/") as base:
        page.goto(base)
        found = page.evaluate(
            """async (queries) => {
                 const pagefind = await import("./pagefind/pagefind.js");
                 await pagefind.init();
                 const out = [];
                 for (const query of queries) {
                   const response = await pagefind.search(query);
                   const urls = [];
                   for (const result of response.results) urls.push((await result.data()).raw_url);
                   out.push(urls);
                 }
                 return out;
               }""",
            [index_form(word) for word in words] + [fold(words[5])],
        )
    context.close()
    for n, (word, urls) in enumerate(zip(words, found, strict=False)):
        assert urls == [f"trang-{n}/"], word
    assert found[-1] == ["trang-5/"]
