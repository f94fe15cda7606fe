"""What a reader sees on a profile page, the directory, each facet and the exemplary page."""

from __future__ import annotations

from pathlib import Path

import pytest
from cooperatives_support import (
    broken_links,
    content,
    links,
    page_file,
    parse,
    section_after,
    table,
    table_rows,
    text,
)

PROFILE_IDS = ("hop-tac-xa-dong-thuan", "to-hop-tac-rau-tan-binh", "htx-dong-tam")


@pytest.fixture(scope="module")
def site(profiles_site) -> Path:
    """The minimal site plus the cooperative fixture, built once."""
    return profiles_site.built()


def _profile(site: Path, coop_id: str):
    return content(parse(page_file(site, f"hop-tac-xa/{coop_id}")))


def test_profile_page_shows_names_dates_and_legal_basis(site):
    article = _profile(site, "hop-tac-xa-dong-thuan")
    assert text(article.find("h1")) == "Hợp tác xã Đồng Thuận"
    facts = dict((row[0], row[1]) for row in table_rows(table(article, "facts")))
    assert facts["Loại hình"] == "Hợp tác xã"
    assert facts["Tình trạng"] == "Đang hoạt động"
    # Names, never ids: the commune and district as a reader knows them.
    assert facts["Địa bàn"] == "Phường 1, Thành phố B"
    assert facts["Thành lập"] == "09/2005"
    assert facts["Cơ sở pháp lý"].startswith("Luật Hợp tác xã") and "23/2012/QH13" in facts["Cơ sở pháp lý"]
    assert facts["Sáng lập viên thuộc"] == "Liên minh Hợp tác xã tỉnh, Hội Nông dân tỉnh"
    assert facts["Lĩnh vực"] == "Trồng trọt, Chế biến nông sản"
    assert facts["Diện tích sản xuất"] == "115,5 ha"
    legal = [href for label, href in links(table(article, "facts")) if label.startswith("Luật Hợp tác xã")]
    assert legal == ["../../van-ban/luat-htx-2012/"]
    assert "phuong-1" not in text(article) and "tp-b" not in text(article)


def test_profile_page_shows_figures_by_year(site):
    article = _profile(site, "hop-tac-xa-dong-thuan")
    figures = table(article, "figures")
    header = [text(th) for th in figures.find("thead").iter("th")]
    assert header == [
        "Năm",
        "Thành viên",
        "Thu nhập bình quân (đồng/thành viên/năm)",
        "Vốn điều lệ (đồng)",
        "Doanh thu (đồng)",
    ]
    assert table_rows(figures) == [
        ["2017", "50", "40.000.000", "", ""],
        ["2018", "60", "45.500.000", "1.200.000.000", "3.000.000.000"],
    ]
    assert figures.find("caption") is None  # real figures carry no "illustrative" caption


def test_profile_page_shows_products_chain_recognition_story_images_contact_sources(site):
    article = _profile(site, "hop-tac-xa-dong-thuan")
    products = [text(li) for el in section_after(article, "Sản phẩm") for li in el.iter("li")]
    assert products == [
        "Mãng cầu Bà Đen: OCOP ★★★★ 4 sao (năm 2019); chứng nhận: VietGAP; sản phẩm chủ lực của địa phương",
        "Mãng cầu sấy dẻo: OCOP ★★★ 3 sao",
    ]
    assert table_rows(table(article, "value-chain")) == [
        ["Saigon Co.op", "Bao tiêu, thu mua sản phẩm", "Mãng cầu tươi", "2017"]
    ]
    recognition = " ".join(text(el) for el in section_after(article, "Điển hình tiên tiến"))
    assert "Năm 2018: được Ủy ban MTTQ tỉnh công nhận" in recognition
    assert "Tiêu chí đạt: Liên kết chuỗi giá trị" in recognition
    story = section_after(article, "Câu chuyện")
    assert [text(s) for el in story for s in el.iter("strong")] == ["đồng lòng"]
    assert [text(li) for el in story for li in el.iter("li")] == [
        "mua chung phân bón;",
        "bán chung sản phẩm.",
    ]
    images = [img for el in section_after(article, "Hình ảnh") for img in el.iter("img")]
    assert len(images) == 1
    image = images[0]
    assert image.get("loading") == "lazy"
    assert image.get("alt") == "Hình vẽ vườn mãng cầu"
    assert (image.get("width"), image.get("height")) == ("320", "200")
    # Scaled to the column by ktt.css (.ktt-figure img), not a style attribute a content
    # security policy would forbid.
    assert image.get("style") is None
    assert (site / "hop-tac-xa/hop-tac-xa-dong-thuan" / image.get("src")).resolve().is_file()
    captions = [text(c) for el in section_after(article, "Hình ảnh") for c in el.iter("figcaption")]
    assert captions == ["Hình vẽ minh họa vườn mãng cầu. (Ban biên tập)"]
    contact = [text(li) for el in section_after(article, "Liên hệ") for li in el.iter("li")]
    assert contact == [
        "Người đại diện: Nguyễn Văn Đức, Giám đốc",
        "Điện thoại: 0276 3 822 000",
        "Thư điện tử: htx@example.org",
    ]
    sources = [href for el in section_after(article, "Nguồn") if el.tag == "ul" for _, href in links(el)]
    assert sources == ["https://example.org/bai-bao-ve-htx-dong-thuan"]


def test_profile_lists_its_bulletin_articles(site):
    page = page_file(site, "hop-tac-xa/hop-tac-xa-dong-thuan")
    articles = [
        (label, href) for el in section_after(content(parse(page)), "Trên Bản tin") for label, href in links(el)
    ]
    assert articles == [("Hợp tác xã Đồng Thuận bán mãng cầu cho siêu thị", "../../ban-tin/2018-so-01/dong-thuan/")]
    # The THT has no article: no empty section.
    other = content(parse(page_file(site, "hop-tac-xa/to-hop-tac-rau-tan-binh")))
    assert not any(text(h).startswith("Trên Bản tin") for h in other.iter("h2"))


def test_sharing_metadata_comes_from_the_profile(site):
    doc = parse(page_file(site, "hop-tac-xa/hop-tac-xa-dong-thuan"))
    descriptions = [m.get("content") for m in doc.iter("meta") if m.get("name") == "description"]
    assert descriptions == ["HTX trồng và chế biến mãng cầu, liên kết với Saigon Co.op."]
    illustrative = parse(page_file(site, "hop-tac-xa/htx-dong-tam"))
    descriptions = [m.get("content") for m in illustrative.iter("meta") if m.get("name") == "description"]
    assert descriptions == ["Dữ liệu minh họa. HTX trồng rau an toàn."]


def test_illustrative_record_shows_its_notice_and_real_one_does_not(site):
    notice = [el for el in _profile(site, "htx-dong-tam").iter("div") if "admonition" in el.get("class", "")]
    assert len(notice) == 1
    assert text(notice[0]).startswith("Dữ liệu minh họa")
    assert "không phải thông tin thật" in text(notice[0])
    real = _profile(site, "hop-tac-xa-dong-thuan")
    assert "Dữ liệu minh họa" not in text(real)
    directory = content(parse(page_file(site, "hop-tac-xa")))
    rows = {row[0] for row in table_rows(table(directory, "directory"))}
    assert "Hợp tác xã Đồng Tâm (dữ liệu minh họa)" in rows
    assert "Hợp tác xã Đồng Thuận" in rows


@pytest.mark.parametrize("coop_id", PROFILE_IDS)
def test_profile_page_links_resolve_and_nav_lists_no_other_profile(site, coop_id):
    page = page_file(site, f"hop-tac-xa/{coop_id}")
    assert broken_links(site, page) == []
    doc = parse(page)
    nav_hrefs = [a.get("href", "") for nav in doc.iter("nav") for a in nav.iter("a")]
    others = [other for other in PROFILE_IDS if other != coop_id]
    assert not [href for href in nav_hrefs if any(other in href for other in others)]
    assert not [href for href in nav_hrefs if "theo-huyen" in href or "theo-loai" in href]


def test_directory_lists_every_profile_with_kind_district_and_summary(site):
    page = page_file(site, "hop-tac-xa")
    article = content(parse(page))
    assert text(article.find("h1")) == "Hợp tác xã, tổ hợp tác"
    # Real profiles first, then illustrative ones; each by name.
    assert table_rows(table(article, "directory")) == [
        [
            "Hợp tác xã Đồng Thuận",
            "HTX",
            "Phường 1, Thành phố B",
            "HTX trồng và chế biến mãng cầu, liên kết với Saigon Co.op.",
        ],
        [
            "Tổ hợp tác Rau Tân Bình",
            "THT",
            "Xã Tân Bình, Thành phố B",
            "Tổ hợp tác ở Xã Tân Bình, Thành phố B, thành lập 10/04/2018.",
        ],
        ["Hợp tác xã Đồng Tâm (dữ liệu minh họa)", "HTX", "Xã Đồng Tâm, Huyện Đồng A", "HTX trồng rau an toàn."],
    ]
    assert "Hiện có 3 hồ sơ: 2 hợp tác xã, 1 tổ hợp tác." in text(article)
    assert broken_links(site, page) == []
    summary = {label: href for label, href in links(article)}
    assert summary["Thành phố B"] == "theo-huyen/tp-b/"
    assert "Thành phố B (2)" in text(article)
    # The directory is the section's home: it is in the sidebar.
    nav_hrefs = [a.get("href") for nav in parse(page_file(site, "")).iter("nav") for a in nav.iter("a")]
    assert "hop-tac-xa/" in nav_hrefs


def _facet_index(site: Path, facet: str) -> list[str]:
    article = content(parse(page_file(site, f"hop-tac-xa/{facet}")))
    return [text(li) for ul in article.iter("ul") if "ktt-facet" in ul.get("class", "") for li in ul.iter("li")]


def _facet_value(site: Path, facet: str, value: str) -> list[str]:
    article = content(parse(page_file(site, f"hop-tac-xa/{facet}/{value}")))
    return [row[0] for row in table_rows(table(article, "directory"))]


def test_facet_pages_show_counts_and_the_right_profiles(site):
    assert _facet_index(site, "theo-huyen") == ["Huyện Đồng A (1)", "Thành phố B (2)"]
    assert _facet_value(site, "theo-huyen", "tp-b") == [
        "Hợp tác xã Đồng Thuận",
        "Tổ hợp tác Rau Tân Bình",
    ]
    assert _facet_index(site, "theo-loai") == [
        "Hợp tác xã (2)",
        "Tổ hợp tác (1)",
        "Liên hiệp hợp tác xã (0)",
    ]
    assert _facet_value(site, "theo-loai", "tht") == ["Tổ hợp tác Rau Tân Bình"]
    assert not page_file(site, "hop-tac-xa/theo-loai/lien-hiep").exists()  # no empty page
    assert _facet_index(site, "theo-to-chuc") == [
        "Liên minh Hợp tác xã tỉnh (1)",
        "Hội Nông dân tỉnh (3)",
    ]
    assert _facet_value(site, "theo-to-chuc", "lien-minh-htx") == ["Hợp tác xã Đồng Thuận"]
    # "Trồng trọt" and "trồng trọt" are one sector, named as first written.
    assert _facet_index(site, "theo-linh-vuc") == ["Chế biến nông sản (1)", "Trồng trọt (2)"]
    assert _facet_value(site, "theo-linh-vuc", "trong-trot") == [
        "Hợp tác xã Đồng Thuận",
        "Tổ hợp tác Rau Tân Bình",
    ]
    for facet in ("theo-huyen", "theo-loai", "theo-to-chuc", "theo-linh-vuc"):
        for page in (site / "hop-tac-xa" / facet).rglob("index.html"):
            assert broken_links(site, page) == [], page


def test_ocop_page_groups_rated_products_by_stars(site):
    page = page_file(site, "hop-tac-xa/san-pham-ocop")
    article = content(parse(page))
    headings = [text(h) for h in article.iter("h2")]
    assert headings == ["4 sao (1 sản phẩm)", "3 sao (1 sản phẩm)"]
    rows = [table_rows(t) for t in article.iter("table")]
    assert rows == [
        [["Mãng cầu Bà Đen", "★★★★ 4 sao (2019)", "Hợp tác xã Đồng Thuận", "Phường 1, Thành phố B"]],
        [["Mãng cầu sấy dẻo", "★★★ 3 sao", "Hợp tác xã Đồng Thuận", "Phường 1, Thành phố B"]],
    ]
    assert broken_links(site, page) == []


def test_exemplary_page_shows_criteria_and_recognised_cooperatives_by_year(site):
    page = page_file(site, "hop-tac-xa/dien-hinh-tien-tien")
    article = content(parse(page))
    notice = [el for el in article.iter("div") if "admonition" in el.get("class", "")]
    assert notice and text(notice[0]).startswith("Dữ liệu minh họa")  # the criteria file says illustrative
    criteria = [text(li) for ol in article.iter("ol") for li in ol.iter("li")]
    assert criteria == ["Liên kết chuỗi giá trị: Có hợp đồng tiêu thụ.", "Thu nhập thành viên tăng"]
    # Invented criteria are never attributed to the real body the plan gives the task to.
    assert "Tiêu chí do Liên minh Hợp tác xã tỉnh xây dựng" not in text(article)
    assert "được giao cho Liên minh Hợp tác xã tỉnh; bộ tiêu chí dưới đây là ví dụ minh họa do trang soạn" in text(article)
    assert [text(h) for h in article.iter("h3")] == ["Năm 2018 (1 đơn vị)"]
    assert table_rows(table(article, "recognitions")) == [
        [
            "Hợp tác xã Đồng Thuận",
            "Ủy ban MTTQ tỉnh",
            "Liên kết tiêu thụ ổn định cho thành viên.",
            "Liên kết chuỗi giá trị",
        ]
    ]
    assert broken_links(site, page) == []
    # The profile's criterion link lands on the criterion on this page.
    profile = page_file(site, "hop-tac-xa/hop-tac-xa-dong-thuan")
    hrefs = [href for label, href in links(content(parse(profile))) if label == "Liên kết chuỗi giá trị"]
    assert hrefs == ["../dien-hinh-tien-tien/#tieu-chi-chuoi-gia-tri"]
    assert any(li.get("id") == "tieu-chi-chuoi-gia-tri" for li in article.iter("li"))
