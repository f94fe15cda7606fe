"""The search index: what each page contributes, a bundle that is the same on every build, and a
Pagefind format we do not know that still gives a working build."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import os
import re
import shutil
import unicodedata
from pathlib import Path

import cbor2
import pytest
from conftest import FIXTURES, ROOT, SiteProject, file_tree

from ktt_site.search.background import UNUSED_FILES, BackgroundIndexer, SearchIndexError
from ktt_site.search.bundle_format import (
    boundary_prefixes,
    decode_chunk,
    encode_chunk,
    encode_groups,
    tidy,
    trim_positions,
    trim_word,
)
from ktt_site.search.folding import display_form, index_form, words
from ktt_site.search.pagefind_service import PagefindError, PagefindService
from ktt_site.search.records import PageToIndex, SearchRecord, classify, page_record, visible_text
from ktt_site.site import ProjectPaths, load_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("data") / "repo"
    shutil.copytree(FIXTURES / "minimal", root)
    project = SiteProject(root)
    project.write(
        "content/ban-tin/2018-so-03/index.md", "---\nissue: 3\ndate: 2018-10-05\ntitle: Số 3\n---\n"
    )
    project.write(
        "content/ban-tin/2018-so-03/tap-huan.md",
        "---\ntitle: Tập huấn\ndate: 2018-10-05\ncategories: [Đào tạo, Pháp luật]\n---\nNội dung.\n",
    )
    paths = ProjectPaths(root, root / "models_data", root / "content")
    return load_site(paths, as_of=dt.date(2018, 12, 31))


def test_index_form_gives_d_stroke_a_mark_pagefind_can_strip():
    assert index_form("Đồng đều") == "D\u0335ồng d\u0335ều"
    assert index_form(unicodedata.normalize("NFD", "Đồng")) == "D\u0335" + unicodedata.normalize(
        "NFC", "ồng"
    )
    for text in ["Hợp tác xã Đồng Tâm", "đường Đ.T", "không có chữ đ"]:
        assert display_form(index_form(text)) == text


def test_words_split_where_the_browser_splits():
    text = "a\u00a0b\u200bc\ufeffd\n\te  f"
    assert words(text) == ["a", "b", "c", "d", "e", "f"]
    assert words(unicodedata.normalize("NFD", "Đồng Tâm")) == ["Đồng", "Tâm"]


def test_visible_text_keeps_inline_words_whole_and_skips_code_and_controls():
    html = (
        "<h2>Giới <em>thiệu</em></h2><p>Đồng<strong>Tâm</strong><br>mới</p>"
        "<script>var hidden = 1;</script><style>p{}</style><button>Sao chép</button>"
        "<ul><li>một</li><li>hai</li></ul><a class='headerlink' href='#x'>¶</a><img alt='ảnh'>"
    )
    assert words(visible_text(html)) == ["Giới", "thiệu", "ĐồngTâm", "mới", "một", "hai"]


def test_profile_pages_carry_their_district(site):
    assert classify(site, "hop-tac-xa/htx-dong-tam.md") == {
        "kind": ["Hợp tác xã"],
        "district": ["Huyện Đồng A"],
    }
    # Listing pages of the section are not profiles: no district to filter on.
    assert classify(site, "hop-tac-xa/theo-huyen/huyen-a.md") == {"kind": ["Hợp tác xã"]}


def test_article_pages_carry_category_and_issue(site):
    assert classify(site, "ban-tin/2018-so-03/tap-huan.md") == {
        "kind": ["Bản tin"],
        "issue": ["Số 3 – 05/10/2018"],
        "category": ["Pháp luật", "Đào tạo"],
    }
    assert classify(site, "ban-tin/2018-so-03/index.md") == {
        "kind": ["Bản tin"],
        "issue": ["Số 3 – 05/10/2018"],
    }


@pytest.mark.parametrize(
    ("src_uri", "section"),
    [
        ("van-ban/luat-htx-2012.md", "Văn bản"),
        ("tien-do/2018/dao-tao.md", "Tiến độ"),
        ("ke-hoach/2018.md", "Kế hoạch"),
        ("index.md", "Thông tin chung"),
        ("gioi-thieu.md", "Thông tin chung"),
        ("huong-dan/hop-tac-xa.md", "Hướng dẫn"),
    ],
)
def test_every_page_has_a_section_in_vietnamese(site, src_uri, section):
    assert classify(site, src_uri) == {"kind": [section]}


def _record(site, src_uri: str, title: str, body_html: str) -> SearchRecord:
    return page_record(PageToIndex(src_uri, title, body_html, classify(site, src_uri)))


def test_record_keeps_the_words_readers_see_and_leads_with_the_title(site):
    record = _record(
        site,
        "hop-tac-xa/htx-dong-tam.md",
        "Hợp tác xã Đồng Tâm",
        "<p>Giá: 25.000 đồng/kg – Đồng Tâm</p>",
    )
    assert record.url == "hop-tac-xa/htx-dong-tam/"
    assert record.section == "Hợp tác xã"
    # The theme draws the title outside the page body, so the record puts it first.
    assert record.words == [
        "Hợp",
        "tác",
        "xã",
        "Đồng",
        "Tâm",
        "Giá:",
        "25.000",
        "đồng/kg",
        "–",
        "Đồng",
        "Tâm",
    ]
    same_title = _record(site, "gioi-thieu.md", "Giới thiệu", "<h1>Giới thiệu</h1><p>Chào</p>")
    assert same_title.words == ["Giới", "thiệu", "Chào"]


def _pages(count: int) -> list[PageToIndex]:
    return [
        PageToIndex(
            f"trang-{n}.md",
            f"Trang {n}",
            f"<p>Đồng Tâm {n}</p>",
            {
                "kind": ["Bản tin"],
                "issue": [f"Số {n % 40}"],
                "category": [f"Mục {n % 7}", f"Mục {n % 5}"],
            },
        )
        for n in range(count)
    ]


def _index(pages: list[PageToIndex], site_dir: Path) -> Path:
    """The bundle the plugin's indexer writes for ``pages``."""
    with BackgroundIndexer(site_dir) as indexer:
        for page in pages:
            indexer.add(page)
        indexer.all_added()
        return indexer.finish()


def _fragments(bundle: Path) -> list[dict]:
    return [
        json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))
        for p in (bundle / "fragment").glob("*.pf_fragment")
    ]


def test_bundle_is_byte_identical_from_run_to_run(tmp_path, caplog):
    # 40 issues, 7 categories: Pagefind alone writes these values in a new order on each run.
    first = _index(_pages(120), tmp_path / "a")
    second = _index(_pages(120), tmp_path / "b")
    assert file_tree(first) == file_tree(second)
    for name in UNUSED_FILES:
        assert not (first / name).exists()
    assert caplog.records == []  # the format was recognised: no fallback


def test_tidying_undoes_any_order_of_filter_values(tmp_path):
    bundle = _index(_pages(30), tmp_path / "site")
    before = file_tree(bundle)
    shuffled = dict(before)
    for name, data in before.items():
        if name.startswith("filter/"):
            filter_name, values = decode_chunk(data)
            shuffled[name] = encode_chunk([filter_name, list(reversed(values))])
        elif name.endswith(".pf_meta"):
            meta = decode_chunk(data)
            meta[3] = list(reversed(meta[3]))
            shuffled[name] = encode_chunk(meta)
    assert shuffled != before
    assert tidy(shuffled) == before


def _pagefind_files(count: int) -> dict[str, bytes]:
    """What Pagefind itself returns for ``count`` small pages."""
    with PagefindService() as index:
        for n in range(count):
            index.add_record(
                url=f"/trang-{n}/",
                content=f"Đồng Tâm {n} hợp tác xã",
                language="vi",
                meta={"title": f"Trang {n}"},
                filters={"issue": [f"Số {n % 9}"], "category": [f"Mục {n % 4}"]},
            )
        return index.files()


def _meta_name(files: dict[str, bytes]) -> str:
    return next(name for name in files if name.endswith(".pf_meta"))


def _newer_version(files: dict[str, bytes]) -> None:
    entry = json.loads(files["pagefind-entry.json"])
    entry["version"] = "1.6.0"
    files["pagefind-entry.json"] = json.dumps(entry).encode()


def _metadata_laid_out_anew(files: dict[str, bytes]) -> None:
    name = _meta_name(files)
    meta = decode_chunk(files[name])
    meta[2] = [{"from": a, "to": b, "hash": c} for a, b, c in meta[2]]
    files[name] = encode_chunk(meta)


def _index_compressed_otherwise(files: dict[str, bytes]) -> None:
    for name in [name for name in files if name.startswith("index/")]:
        files[name] = b"\x28\xb5\x2f\xfd" + files[name]  # as if zstd replaced gzip


def _first_index_file_missing(files: dict[str, bytes]) -> None:
    del files[next(name for name in files if name.startswith("index/"))]


@pytest.mark.parametrize(
    "change",
    [_newer_version, _metadata_laid_out_anew, _index_compressed_otherwise, _first_index_file_missing],
)
def test_a_pagefind_format_not_recognised_gives_a_warning_and_pagefinds_own_files(change, caplog):
    files = _pagefind_files(40)
    assert tidy(files) != files  # as Pagefind 1.5 writes it, the bundle is tidied
    assert caplog.records == []
    change(files)
    before = dict(files)
    assert tidy(files) == before
    assert files == before  # left as it was
    [warning] = caplog.records
    assert warning.levelname == "WARNING"
    # Not a "mkdocs" logger: `mkdocs build --strict` counts those warnings and would fail.
    assert not warning.name.startswith("mkdocs")
    assert "Pagefind" in warning.getMessage()


UPGRADE_HOOK = """\
import json, os
from ktt_site.search.pagefind_service import PagefindService

pagefind_files = PagefindService.files


def files(self):
    got = pagefind_files(self)
    entry = json.loads(got["pagefind-entry.json"])
    entry["version"] = "9.0.0"  # a Pagefind release this site's code has never seen
    got["pagefind-entry.json"] = json.dumps(entry).encode()
    with open(os.environ["PAGEFIND_GAVE"], "w", encoding="utf-8") as out:
        json.dump(sorted(got), out)
    return got


PagefindService.files = files
"""


def test_a_strict_build_with_a_pagefind_format_not_recognised_succeeds_with_pagefinds_bundle(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "minimal", root)
    project = SiteProject(root)
    project.write("pagefind_upgrade.py", UPGRADE_HOOK)
    config = project.path("mkdocs.yml")
    config.write_text(config.read_text("utf-8") + "hooks:\n  - pagefind_upgrade.py\n", "utf-8")
    gave = tmp_path / "pagefind-gave.json"
    result = project.build(env={"PAGEFIND_GAVE": str(gave)})
    assert result.returncode == 0, result.stderr
    assert "không đọc được chỉ mục của Pagefind" in result.stderr
    bundle = project.built() / "pagefind"
    written = sorted(file_tree(bundle))
    assert written == sorted(set(json.loads(gave.read_text("utf-8"))) - set(UNUSED_FILES))
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    assert entry["version"] == "9.0.0"


def test_fragment_holds_the_page_text_with_the_stroke_written_apart(tmp_path):
    bundle = _index(_pages(3), tmp_path / "site")
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["vi"]["page_count"] == 3
    first = next(f for f in _fragments(bundle) if f["url"] == "trang-0/")
    assert first["content"] == "Trang 0 D\u0335ồng Tâm 0"
    assert first["meta"] == {"title": "Trang 0", "lead": "2"}  # the title's two words lead the content
    assert first["filters"]["issue"] == ["Số 0"]
    # The index files "Đồng" under "dong", where a reader typing "dong" looks for it.
    chunk_words = [
        w[0] for p in (bundle / "index").glob("*.pf_index") for w in decode_chunk(p.read_bytes())[0]
    ]
    assert "dong" in chunk_words and "tam" in chunk_words


def test_two_builds_of_a_site_write_the_same_search_bundle(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "minimal", root)
    project = SiteProject(root)
    env = {"SOURCE_DATE_EPOCH": "1545000000"}
    bundles = []
    for name in ("one", "two"):
        result = project.build("--site-dir", str(tmp_path / name), env=env)
        assert result.returncode == 0, result.stderr
        bundles.append(file_tree(tmp_path / name / "pagefind"))
    assert bundles[0] == bundles[1]
    assert any(key.startswith("fragment/") for key in bundles[0])


def test_chunks_are_cut_by_size_and_keep_every_word_in_order():
    words = [[f"w{n:03d}", [[0, [-25, *range(n % 9)], []]], []] for n in range(300)]
    groups = list(encode_groups(words, target=400))
    assert len(groups) > 10
    rebuilt = [word for _, _, cbor in groups for word in cbor2.loads(cbor)[0]]
    assert rebuilt == words
    assert all(first <= last for first, last, _ in groups)
    assert all(len(cbor) < 400 + 40 for _, _, cbor in groups)


def test_boundary_prefixes_are_the_shortest_that_tell_chunks_apart():
    assert boundary_prefixes("anh", "ap") == ("an", "ap")
    assert boundary_prefixes("2018", "20180101") == ("2018", "20180")


def test_a_page_keeps_its_first_positions_of_a_word_only():
    assert trim_positions([-25, 3, 1, 1, 1, 1, 1], keep=4) == [-25, 3, 1, 1, 1]
    assert trim_positions([-25, 3], keep=4) == [-25, 3]
    word = ["hop", [], [["hợp", [[0, [-25, 1, 2, 3, 4, 5, 6], []], [1, [-25, 9], []]]]]]
    assert trim_word(word, keep=2) == [
        "hop",
        [],
        [["hợp", [[0, [-25, 1, 2], []], [1, [-25, 9], []]]]],
    ]


def test_pipelined_records_all_reach_the_index_and_a_bad_request_fails_without_hanging():
    # Records are sent without waiting for each reply: every page must still come back, and a
    # request Pagefind cannot read must fail the build, not hang it or blame another page.
    with PagefindService() as index:
        for number in range(50):
            index.add_record(
                url=f"/trang-{number:02d}/",
                content=f"Trang số {number} về hợp tác xã",
                language="vi",
                meta={"title": f"Trang {number}"},
                filters={"kind": ["Bản tin"]},
            )
        files = index.files()
    fragments = [
        json.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd"))
        for name, data in files.items()
        if name.startswith("fragment/")
    ]
    assert sorted(fragment["url"] for fragment in fragments) == [
        f"/trang-{number:02d}/" for number in range(50)
    ]
    with PagefindService() as index:
        index.add_record(url="/mot/", content="một", language="vi", meta={}, filters={})
        index.add_record(
            url="/hai/",
            content="hai",
            language="vi",
            meta={},
            filters={"kind": "không là danh sách"},
        )
        with pytest.raises(PagefindError, match="không đọc được"):
            index.files()


def test_every_built_page_is_indexed_under_the_title_its_tab_shows(shipped_site):
    # The indexer gets each page's title from the plugin, before the theme writes <title>: the
    # two must agree on every page, or results would be named differently from the pages.
    site_name = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)[1]
    fragments = {f["url"]: f for f in _fragments(shipped_site / "pagefind")}
    # quan-tri/: the form editor (Decap CMS), for editors, never indexed.
    built = sorted(
        p for p in shipped_site.rglob("index.html") if p.relative_to(shipped_site).parts[0] not in {"pagefind", "quan-tri"}
    )
    assert len(built) > 50
    guide = [p for p in built if p.relative_to(shipped_site).parts[0] == "huong-dan"]
    assert guide and not [p for p in guide if p.parent.relative_to(shipped_site).as_posix() + "/" in fragments]
    built = [p for p in built if p not in guide]  # the editor guide is kept out of readers' search
    for page in built:
        url = page.parent.relative_to(shipped_site).as_posix() + "/"
        url = "" if url == "./" else url
        head = page.read_text(encoding="utf-8").split("</title>", 1)[0]
        tab = html.unescape(head.rsplit("<title>", 1)[1]).strip()
        expected = tab.removesuffix(f" - {site_name}") if tab != site_name else tab
        assert url in fragments, f"{url} is not in the search index"
        assert display_form(fragments[url]["meta"]["title"]) == expected, url
    assert len(fragments) == len(built)


def _page(number: int) -> PageToIndex:
    return PageToIndex(
        f"ban-tin/so-{number}.md", f"Trang {number}", f"<p>Đồng Tâm {number}</p>", {"kind": ["Bản tin"]}
    )


def test_the_indexer_writes_pages_in_the_order_they_were_added_with_or_without_all_added(tmp_path):
    with BackgroundIndexer(tmp_path / "a") as first:
        for number in range(20):
            first.add(_page(number))
        first.finish()
    with BackgroundIndexer(tmp_path / "b") as second:
        for number in range(20):
            second.add(_page(number))
        second.all_added()
        second.finish()
    assert file_tree(tmp_path / "a" / "pagefind") == file_tree(tmp_path / "b" / "pagefind")
    urls = sorted(f["url"] for f in _fragments(tmp_path / "a" / "pagefind"))
    assert urls == sorted(f"ban-tin/so-{n}/" for n in range(20))


def _pagefind_processes() -> set[int]:
    """Ids of the Pagefind processes this test process started and that are still running."""
    children = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
    if not children.exists():
        pytest.skip("needs Linux's /proc to list child processes")
    return {
        int(pid)
        for pid in children.read_text().split()
        if "pagefind" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    }


def test_a_failing_indexer_says_why_and_a_stopped_one_leaves_nothing_running(tmp_path):
    running = _pagefind_processes()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    with BackgroundIndexer(blocker) as failing:
        failing.add(_page(1))
        with pytest.raises(SearchIndexError, match="not-a-folder"):
            failing.finish()
    unfinished = BackgroundIndexer(tmp_path / "c")
    unfinished.add(_page(2))
    assert _pagefind_processes() - running  # Pagefind is at work
    unfinished.close()  # as after a failed build: no bundle, no process left behind
    assert _pagefind_processes() == running
    assert not (tmp_path / "c" / "pagefind").exists()


def test_article_boilerplate_stays_out_of_the_index_but_the_bulletin_home_keeps_its_feed_box(shipped_site):
    # The subscribe box and the previous/next links repeat on every article: indexed, a reader
    # searching "đăng ký nhận tin" or a neighbour's title would get every article back.
    fragments = {f["url"]: display_form(f["content"]) for f in _fragments(shipped_site / "pagefind")}
    articles = [url for url in fragments if url.startswith("ban-tin/20") and url.count("/") == 3]
    assert len(articles) >= 5
    for url in articles:
        assert "Đăng ký nhận tin" not in fragments[url], url
        assert "Bài sau" not in fragments[url] and "Bài trước" not in fragments[url], url
    assert "Đăng ký nhận tin qua RSS" in fragments["ban-tin/"]
    built = (shipped_site / articles[0] / "index.html").read_text(encoding="utf-8")
    assert "Đăng ký nhận tin qua RSS" in built  # still on the page for readers


def test_listings_are_indexed_by_their_own_words_not_by_every_name_they_repeat(shipped_site):
    # A search for a cooperative's name should bring its profile (and the articles about it),
    # not also the directory and each facet page whose table lists it.
    fragments = {f["url"]: display_form(f["content"]) for f in _fragments(shipped_site / "pagefind")}
    name = "Mãng cầu Thạnh Tân"
    assert name in fragments["hop-tac-xa/hop-tac-xa-nong-nghiep-mang-cau-thanh-tan/"]
    listings = [url for url in fragments if url == "hop-tac-xa/" or url.startswith("hop-tac-xa/theo-")]
    assert len(listings) > 5
    for url in listings:
        assert name not in fragments[url], url
    assert "Danh bạ" in fragments["hop-tac-xa/"]  # the directory's own introduction stays
    built = (shipped_site / "hop-tac-xa" / "index.html").read_text(encoding="utf-8")
    assert name in built  # readers still see the full list
    issue = next(url for url in fragments if url.startswith("ban-tin/20") and url.count("/") == 2)
    article_titles = [
        f["meta"]["title"] for f in _fragments(shipped_site / "pagefind")
        if f["url"].startswith(issue) and f["url"] != issue
    ]
    assert article_titles
    assert all(display_form(title) not in fragments[issue] for title in article_titles)
