"""The feeds as a subscriber's reader sees them: parsed with feedparser after a real build."""

from __future__ import annotations

import json

import feedparser
import pytest
from bulletin_support import (
    EXAMPLE_ISSUE_NOTE,
    FEED_TITLES,
    NEWEST_FIRST,
    SITE_URL,
    TRICKY_TITLE,
    built_path,
    in_feed,
    png_bytes,
    write_bulletin,
)
from lxml import html as lxml_html

FEEDS = ("feed.xml", "atom.xml")


def _parse(project, name: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(project.built().joinpath(name).read_bytes())
    assert not parsed.bozo, (name, parsed.get("bozo_exception"))
    return parsed


def _json(project) -> dict:
    return json.loads(project.output("feed.json"))


@pytest.mark.parametrize("name", FEEDS)
def test_feed_parses_with_the_articles_newest_first_and_exact_titles(bulletin_site, name):
    feed = _parse(bulletin_site, name)
    assert feed.version == ("rss20" if name == "feed.xml" else "atom10")
    assert [entry.title for entry in feed.entries] == FEED_TITLES
    assert feed.feed.title == "Bản tin Kinh tế tập thể"
    assert feed.feed.language == "vi"
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [SITE_URL + name]


def test_json_feed_is_version_1_1_with_the_same_items(bulletin_site):
    feed = _json(bulletin_site)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == SITE_URL + "feed.json"
    assert feed["language"] == "vi"
    assert [item["title"] for item in feed["items"]] == FEED_TITLES


def test_dates_are_in_vietnam_time(bulletin_site):
    rss, atom = _parse(bulletin_site, "feed.xml"), _parse(bulletin_site, "atom.xml")
    assert rss.entries[0].published == "Thu, 10 Jan 2019 12:00:00 +0700"
    assert atom.entries[0].published == "2019-01-10T12:00:00+07:00"
    assert _json(bulletin_site)["items"][0]["date_published"] == "2019-01-10T12:00:00+07:00"
    for entry in rss.entries:
        assert entry.published.endswith("+0700")
    for entry in atom.entries:
        assert entry.published.endswith("+07:00") and entry.updated.endswith("+07:00")


def test_channel_date_is_the_newest_article_not_the_clock(bulletin_site):
    assert _parse(bulletin_site, "feed.xml").feed.updated == "Thu, 10 Jan 2019 12:00:00 +0700"
    assert _parse(bulletin_site, "atom.xml").feed.updated == "2019-01-10T12:00:00+07:00"


def test_links_are_absolute_and_exist_in_the_built_site(bulletin_site):
    for name in FEEDS:
        for entry in _parse(bulletin_site, name).entries:
            assert built_path(bulletin_site.built(), entry.link).is_file(), entry.link
    for item in _json(bulletin_site)["items"]:
        assert built_path(bulletin_site.built(), item["url"]).is_file()


def test_guids_are_unique_and_identical_across_builds(bulletin_site, tmp_path):
    first = {name: bulletin_site.built().joinpath(name).read_bytes() for name in (*FEEDS, "feed.json")}
    ids = [entry.id for entry in _parse(bulletin_site, "feed.xml").entries]
    assert len(set(ids)) == len(ids) == len(NEWEST_FIRST)
    assert [entry.id for entry in _parse(bulletin_site, "atom.xml").entries] == ids
    assert [item["id"] for item in _json(bulletin_site)["items"]] == ids
    # Another day, another clock, another process (another hash seed): the feeds must not change.
    again = tmp_path / "again"
    result = bulletin_site.build("--site-dir", str(again), env={"SOURCE_DATE_EPOCH": "1900000000"})
    assert result.returncode == 0, result.stderr
    for name, content in first.items():
        assert again.joinpath(name).read_bytes() == content, name


def test_titles_with_ampersand_and_angle_bracket_survive_in_every_feed(bulletin_site):
    for name in FEEDS:
        assert in_feed(TRICKY_TITLE) in [entry.title for entry in _parse(bulletin_site, name).entries]
    assert in_feed(TRICKY_TITLE) in [item["title"] for item in _json(bulletin_site)["items"]]


def test_item_carries_full_html_with_absolute_urls_summary_author_and_categories(bulletin_site):
    for name in FEEDS:
        entry = next(
            e for e in _parse(bulletin_site, name).entries if e.title == in_feed("Hợp tác xã Đồng Tâm mở rộng vùng rau")
        )
        html = entry.content[0].value
        doc = lxml_html.fragment_fromstring(html, create_parent="div")
        urls = doc.xpath("//a/@href | //img/@src")
        assert urls and all(url.startswith(SITE_URL) for url in urls), urls
        for url in urls:
            assert built_path(bulletin_site.built(), url).exists(), url
        assert SITE_URL + "ban-tin/2018-so-01/bai-giua/" in urls
        assert SITE_URL + "images/ban-tin/rau.png" in urls
        # The page's own navigation stays on the page.
        assert "Bài sau" not in html and "Đăng ký nhận tin" not in html
        assert entry.summary == f"{EXAMPLE_ISSUE_NOTE} Đoạn mở đầu về vùng rau."
        assert entry.author == "Ban biên tập"
        assert [tag.term for tag in entry.tags] == ["Mô hình hay"]


def test_article_image_is_an_enclosure_with_its_real_length_and_type(bulletin_site):
    size = len(png_bytes())
    for name in FEEDS:
        entry = next(
            e for e in _parse(bulletin_site, name).entries if e.title == in_feed("Hợp tác xã Đồng Tâm mở rộng vùng rau")
        )
        assert [(e.href, int(e.length), e.type) for e in entry.enclosures] == [
            (SITE_URL + "images/ban-tin/rau.png", size, "image/png")
        ]
        # The image is an enclosure only, never a second web page of the article.
        assert [link.href for link in entry.links if link.rel == "alternate"] == [entry.link]
        plain = next(e for e in _parse(bulletin_site, name).entries if e.title == "Đón năm mới")
        assert plain.enclosures == []
    item = next(i for i in _json(bulletin_site)["items"] if i["title"] == in_feed("Hợp tác xã Đồng Tâm mở rộng vùng rau"))
    assert item["attachments"] == [
        {
            "url": SITE_URL + "images/ban-tin/rau.png",
            "mime_type": "image/png",
            "size_in_bytes": size,
        }
    ]
    assert "image" not in next(i for i in _json(bulletin_site)["items"] if i["title"] == "Đón năm mới")


def test_illustrative_notice_travels_with_the_article(bulletin_site):
    entry = next(e for e in _parse(bulletin_site, "atom.xml").entries if e.title == in_feed("Lớp tập huấn ở xã Đồng Tâm"))
    assert "Nội dung minh họa" in entry.content[0].value


def test_feed_size_limits_the_entries(project):
    write_bulletin(project)
    config = project.path("mkdocs.yml").read_text(encoding="utf-8")
    project.write(
        "mkdocs.yml",
        config.replace("      as_of: 2018-12-31\n", "      as_of: 2018-12-31\n      feed_size: 2\n"),
    )
    assert project.build_in_process().returncode == 0
    for name in FEEDS:
        assert [e.title for e in _parse(project, name).entries] == NEWEST_FIRST[:2]
    assert len(_json(project)["items"]) == 2


def test_category_feeds_carry_only_their_category(bulletin_site):
    feed = _parse(bulletin_site, "ban-tin/chuyen-muc/mo-hinh-hay/feed.xml")
    assert feed.feed.title == "Bản tin Kinh tế tập thể – Mô hình hay"
    assert [e.title for e in feed.entries] == [
        "Tập huấn Luật Hợp tác xã",
        in_feed("Hợp tác xã Đồng Tâm mở rộng vùng rau"),
    ]
    assert feed.feed.link == SITE_URL + "ban-tin/chuyen-muc/mo-hinh-hay/"
    assert built_path(bulletin_site.built(), feed.feed.link).is_file()


def test_a_site_without_articles_has_valid_empty_feeds(minimal_site):
    for name in FEEDS:
        feed = _parse(minimal_site, name)
        assert feed.entries == []
        assert feed.feed.title == "Bản tin Kinh tế tập thể"
    assert _json(minimal_site)["items"] == []
    assert (minimal_site.built() / "ban-tin/index.html").is_file()


def test_shipped_feeds_parse_with_real_articles(shipped_site):
    for name in FEEDS:
        feed = feedparser.parse((shipped_site / name).read_bytes())
        assert not feed.bozo
        assert len(feed.entries) >= 6
        for entry in feed.entries:
            assert built_path_for(shipped_site, entry.link).is_file(), entry.link
    titles = [e.title for e in feedparser.parse((shipped_site / "feed.xml").read_bytes()).entries]
    # The shipped issues are illustrative: every item says so.
    assert "Luật Hợp tác xã năm 2023 - những điểm mới so với Luật năm 2012 (minh họa)" in titles
    assert all("minh họa" in title for title in titles)
    assert not any(title.startswith("Ngày Hợp tác xã Việt Nam 11 tháng 4") for title in titles)


def built_path_for(site_dir, url: str):
    rel = url.split("://", 1)[1].split("/", 1)[1]
    return site_dir / rel / "index.html" if rel.endswith("/") or not rel else site_dir / rel
