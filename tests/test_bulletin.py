"""The bulletin as readers see it: issues newest first, contents in order, articles with their
details and cards, previous/next, categories, yearly archive, the home page, drafts kept out."""

from __future__ import annotations

from bulletin_support import TRICKY_TITLE, cls, content, parse, png_bytes, text, write_bulletin


def _links(element, selector: str = ".//a") -> list[tuple[str, str]]:
    return [(text(a), a.get("href")) for a in element.xpath(selector)]


def test_bulletin_home_lists_issues_newest_first_with_number_date_cover_and_title(bulletin_site):
    page = content(bulletin_site.built() / "ban-tin/index.html")
    cards = page.xpath(f".//div[{cls('ktt-issue')}]")
    assert [text(card) for card in cards] == [
        "Số 3: Số ba: đầu năm 10/01/2019 · 1 bài",
        "Số 2: Số hai: tập huấn 15/08/2018 · 1 bài",
        "Số 1: Số một: rau an toàn 02/05/2018 · 3 bài · số minh họa",
    ]
    # An issue without a cover gets a designed one, which repeats none of the card's text.
    assert all(card.xpath(f".//div[{cls('ktt-issue__cover--designed')}]") for card in cards)
    first_link = cards[0].xpath(".//a")[0].get("href")
    assert (bulletin_site.built() / "ban-tin" / first_link / "index.html").resolve().is_file()


def test_issue_cover_is_shown_on_the_list_and_the_issue_page(project):
    write_bulletin(project)
    project.write("content/images/ban-tin/bia.png", png_bytes())
    project.write(
        "content/ban-tin/2019-so-03/index.md",
        "---\nissue: 3\ndate: 2019-01-10\ntitle: Số ba\ncover: images/ban-tin/bia.png\n---\n",
    )
    assert project.build_in_process().returncode == 0
    for page, expected in (
        ("ban-tin/index.html", "../images/ban-tin/bia.png"),
        ("ban-tin/2019-so-03/index.html", "../../images/ban-tin/bia.png"),
    ):
        sources = [img.get("src") for img in content(project.built() / page).iter("img")]
        assert expected in sources, (page, sources)
        assert (project.built() / page).parent.joinpath(expected).resolve().is_file()


def test_issue_page_keeps_the_editors_text_and_lists_its_contents_in_reading_order(bulletin_site):
    page = content(bulletin_site.built() / "ban-tin/2018-so-01/index.html")
    assert "Lời giới thiệu số 1." in text(page)
    contents = page.xpath(f".//ol[{cls('ktt-contents')}]/li")
    titles = [text(li.xpath(".//a")[0]) for li in contents]
    assert titles == [
        "Hợp tác xã Đồng Tâm mở rộng vùng rau",
        TRICKY_TITLE,
        "Lớp tập huấn ở xã Đồng Tâm",
    ]
    assert "Số bản tin minh họa" in text(page)
    assert "02/05/2018" in text(page)


def test_article_shows_date_authors_categories_issue_and_cards(bulletin_site):
    page = content(bulletin_site.built() / "ban-tin/2018-so-01/tin-dau/index.html")
    header = text(page.xpath(f".//div[{cls('ktt-article-meta')}]")[0])
    assert "Ngày đăng: 02/05/2018" in header
    assert "Tác giả: Ban biên tập" in header
    assert "Bản tin số 1 (02/05/2018)" in header
    assert ("Mô hình hay", "../../chuyen-muc/mo-hinh-hay/") in _links(page, f".//div[{cls('ktt-article-meta')}]//a")
    coop = text(page.xpath(f".//div[{cls('ktt-cooperative-cards')}]")[0])
    assert "Hợp tác xã Đồng Tâm" in coop and "Hồ sơ minh họa" in coop
    legal = text(page.xpath(f".//div[{cls('ktt-legal-cards')}]")[0])
    # Numbers are reused across years: the card names the number, the date and the title together.
    assert "Luật Hợp tác xã số 23/2012/QH13 ngày 20/11/2012" in legal
    hrefs = [href for _, href in _links(page, f".//div[{cls('cards')}]//a")]
    assert hrefs == ["../../../hop-tac-xa/htx-dong-tam/", "../../../van-ban/luat-htx-2012/"]
    image = page.xpath(f".//figure[{cls('ktt-article-image')}]//img")[0]
    assert image.get("alt") == "Luống rau của HTX"


def test_previous_and_next_follow_the_issue_order(bulletin_site):
    def neighbours(slug: str) -> tuple[list[str], list[str]]:
        nav = content(bulletin_site.built() / f"ban-tin/2018-so-01/{slug}/index.html").xpath(
            f".//nav[{cls('ktt-prev-next')}]"
        )[0]
        return [text(a) for a in nav.xpath('.//a[@rel="prev"]')], [text(a) for a in nav.xpath('.//a[@rel="next"]')]

    assert neighbours("tin-dau") == ([], [TRICKY_TITLE])
    assert neighbours("bai-giua") == (
        ["Hợp tác xã Đồng Tâm mở rộng vùng rau"],
        ["Lớp tập huấn ở xã Đồng Tâm"],
    )
    assert neighbours("an-cuoi") == ([TRICKY_TITLE], [])


def test_illustrative_article_carries_a_visible_notice(bulletin_site):
    page = content(bulletin_site.built() / "ban-tin/2018-so-01/an-cuoi/index.html")
    notice = page.xpath(f".//div[{cls('admonition')} and {cls('ktt-illustrative')}]")
    assert notice and "Nội dung minh họa" in text(notice[0])
    plain = content(bulletin_site.built() / "ban-tin/2018-so-02/tap-huan/index.html")
    assert not plain.xpath(f".//div[{cls('ktt-illustrative')}]")


def test_category_pages_list_their_articles_newest_first(bulletin_site):
    page = content(bulletin_site.built() / "ban-tin/chuyen-muc/mo-hinh-hay/index.html")
    titles = [text(a) for a in page.xpath(f".//ul[{cls('ktt-article-list')}]/li/a")]
    assert titles == ["Tập huấn Luật Hợp tác xã", "Hợp tác xã Đồng Tâm mở rộng vùng rau"]
    assert "ban-tin/chuyen-muc/mo-hinh-hay/feed.xml" in [
        link.get("href").removeprefix("https://thu-nghiem.example.org/")
        for link in parse(bulletin_site.built() / "ban-tin/chuyen-muc/mo-hinh-hay/index.html").xpath(
            '//head/link[contains(concat(" ", @rel, " "), " alternate ")][@type="application/rss+xml"]'
        )
    ]
    index = content(bulletin_site.built() / "ban-tin/chuyen-muc/index.html")
    assert [text(a) for a in index.xpath(f".//ul[{cls('ktt-categories')}]/li/a[1]")] == [
        "Mô hình hay",
        "Tập huấn",
        "Thị trường",
    ]


def test_yearly_archive_lists_the_years_issues_and_articles(bulletin_site):
    page = content(bulletin_site.built() / "ban-tin/luu-tru/2018/index.html")
    assert [text(h) for h in page.iter("h2")] == [
        "Số 2 (15/08/2018): Số hai: tập huấn",
        "Số 1 (02/05/2018): Số một: rau an toàn",
    ]
    assert "Đón năm mới" not in text(page)
    assert "Đón năm mới" in text(content(bulletin_site.built() / "ban-tin/luu-tru/2019/index.html"))
    years = content(bulletin_site.built() / "ban-tin/luu-tru/index.html")
    assert [text(a) for a in years.xpath(".//ul/li/a[1]")] == ["Năm 2019", "Năm 2018"]


def test_draft_is_absent_everywhere(bulletin_site):
    site = bulletin_site.built()
    assert not (site / "ban-tin/2018-so-01/zz-nhap").exists()
    assert not (site / "ban-tin/chuyen-muc/chuyen-muc-nhap").exists()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".txt"):
            body = path.read_text(encoding="utf-8")
            assert "Bài nháp không được lộ" not in body, path
            assert "zz-nhap" not in body, path


def test_bulletin_pages_show_a_subscribe_link_explaining_rss(bulletin_site):
    for page in (
        "ban-tin/index.html",
        "ban-tin/2018-so-01/index.html",
        "ban-tin/2018-so-01/tin-dau/index.html",
        "ban-tin/chuyen-muc/tap-huan/index.html",
        "ban-tin/luu-tru/2018/index.html",
    ):
        box = content(bulletin_site.built() / page).xpath(f".//div[{cls('ktt-subscribe')}]")
        assert box, page
        assert "RSS là cách nhận bài mới" in text(box[0])
        rss = [a for a in box[0].xpath(".//a") if a.get("href").endswith("feed.xml")][0]
        assert (bulletin_site.built() / page).parent.joinpath(rss.get("href")).resolve() == (
            bulletin_site.built() / "feed.xml"
        )


def test_every_page_head_announces_the_rss_and_atom_feeds(bulletin_site):
    # quan-tri/: the form editor (Decap CMS), for editors, not a page of the site.
    site = bulletin_site.built()
    pages = [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "quan-tri"]
    assert len(pages) > 10
    for page in pages:
        links = {link.get("type"): link.get("href") for link in parse(page).xpath('//head/link[contains(concat(" ", @rel, " "), " alternate ")]')}
        assert links.get("application/rss+xml") == "https://thu-nghiem.example.org/feed.xml" or (
            "chuyen-muc" in page.as_posix()
        ), page
        assert links.get("application/atom+xml") == "https://thu-nghiem.example.org/atom.xml", page


def test_home_page_shows_the_latest_issue(project):
    write_bulletin(project)
    project.write("content/index.md", "# Trang chủ\n\n{{ ban_tin_moi_nhat() }}\n")
    assert project.build_in_process().returncode == 0
    block = content(project.built() / "index.html").xpath(f".//div[{cls('ktt-latest-issue')}]")[0]
    assert "số 3" in text(block) and "10/01/2019" in text(block)
    assert ("Số ba: đầu năm", "ban-tin/2019-so-03/") in _links(block)
    assert ("Đón năm mới", "ban-tin/2019-so-03/don-nam-moi/") in _links(block)


def test_articles_stay_out_of_the_sidebar_but_the_bulletin_home_is_in_it(bulletin_site):
    home = parse(bulletin_site.built() / "index.html")
    sidebar = [
        a.get("href") for a in home.xpath(f'//nav[{cls("md-nav--primary")}]//a[contains(@class, "md-nav__link")]')
    ]
    assert "ban-tin/" in sidebar
    assert not [href for href in sidebar if href.startswith("ban-tin/") and href != "ban-tin/"], sidebar


def test_shipped_bulletin_has_issues_articles_and_marks_illustrative_content(shipped_site):
    page = content(shipped_site / "ban-tin/index.html")
    cards = page.xpath(f".//div[{cls('ktt-issue')}]")
    assert len(cards) >= 2
    issue_links = [card.xpath(".//a")[0].get("href") for card in cards]
    articles = set()
    for href in issue_links:
        issue_page = content(shipped_site / "ban-tin" / href / "index.html")
        for a in issue_page.xpath(f".//ol[{cls('ktt-contents')}]/li/a"):
            articles.add(a.get("href"))
        if "minh họa" in text(issue_page.xpath(f".//div[{cls('ktt-issue-meta')}]/..")[0]):
            assert issue_page.xpath(f".//div[{cls('ktt-illustrative')}]")
    assert len(articles) >= 6
    nav = parse(shipped_site / "index.html").xpath(f"//nav[{cls('md-nav--primary')}]//a/@href")
    assert "ban-tin/" in nav
    assert content(shipped_site / "index.html").xpath(f".//div[{cls('ktt-latest-issue')}]")
    assert not list(shipped_site.glob("ban-tin/*/03-ngay-htx-viet-nam"))


def test_shipped_bulletin_links_and_images_resolve(shipped_site):
    pages = [p for p in (shipped_site / "ban-tin").rglob("index.html")] + [shipped_site / "index.html"]
    checked = 0
    for page in pages:
        body = content(page)
        for url in body.xpath(".//a/@href | .//img/@src"):
            if url.startswith(("http://", "https://", "#", "mailto:")):
                continue
            target = page.parent / url.split("#")[0]
            target = target / "index.html" if url.endswith("/") or target.is_dir() else target
            assert target.resolve().is_file(), (page, url)
            checked += 1
    assert checked > 50
