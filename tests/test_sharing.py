"""Sharing metadata: what Zalo, Facebook and Twitter/X show for a profile, an article and the
home page, read from the built HTML with a real parser."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import html5lib
import imagesize
import pytest

from ktt_site.sharing.text import DESCRIPTION_LIMIT, TITLE_LIMIT, shorten

SITE = "https://thu-nghiem.example.org/"
PNG = (Path(__file__).parent / "fixtures" / "minimal" / "content" / "images" / "chia-se.png").read_bytes()

COOP = """name: Hợp tác xã Nông nghiệp Ảnh Đẹp
kind: htx
founded: 2018-03-15
commune: xa-dong-tam
status: active
legal_basis: luat-htx-2012
summary: HTX trồng rau "sạch" & an toàn ở xã Đồng Tâm.
images:
  - path: images/hop-tac-xa/htx-anh-dep/anh-1.png
    alt: Nhà lưới trồng rau của hợp tác xã
illustrative: true
"""
ISSUE = "---\nissue: 1\ndate: 2018-05-01\ntitle: Số 1\n---\n\nGiới thiệu số 1.\n"
LONG_TITLE = (
    "Hợp tác xã kiểu mới ở Tây Ninh: từ tổ hợp tác trồng mãng cầu đến chuỗi giá trị "
    "gắn với sản phẩm chủ lực của địa phương"
)
LONG_SUMMARY = (
    "Thành viên, hội viên và đoàn viên cùng góp vốn lập hợp tác xã để bán chung mãng cầu, "
    "sản phẩm chủ lực của địa phương, với giá ổn định hơn; hợp tác xã ký hợp đồng bao tiêu "
    "với doanh nghiệp và được công nhận điển hình tiên tiến."
)
ARTICLE = f"""---
title: "{LONG_TITLE}"
date: 2018-05-02
summary: {LONG_SUMMARY}
image: images/ban-tin/mang-cau.png
image_alt: Vườn mãng cầu
cooperatives: [htx-anh-dep]
---

Nội dung bài viết.
"""
SVG_ARTICLE = """---
title: 'Bài có ảnh SVG & "ngoặc kép"'
date: 2018-05-03
summary: Ảnh SVG không hiện trên Facebook.
image: images/ban-tin/so-do.svg
---

Nội dung.
"""


def head_tags(html: str) -> tuple[dict[str, list[str]], list[str]]:
    """Every ``<meta>`` of the head by its property or name, and the canonical links."""
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    metas: dict[str, list[str]] = {}
    for meta in doc.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            metas.setdefault(key, []).append(meta.get("content", ""))
    canonical = [link.get("href") for link in doc.iter("link") if link.get("rel") == "canonical"]
    return metas, canonical


def one(metas: dict[str, list[str]], key: str) -> str:
    assert len(metas.get(key, [])) == 1, (key, metas.get(key))
    return metas[key][0]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import shutil

    from conftest import FIXTURES, SiteProject

    root = tmp_path_factory.mktemp("sharing") / "repo"
    shutil.copytree(FIXTURES / "minimal", root)
    project = SiteProject(root)
    project.write("models_data/cooperatives/htx-anh-dep.yaml", COOP)
    project.write("content/images/hop-tac-xa/htx-anh-dep/anh-1.png", PNG)
    project.write("content/images/ban-tin/mang-cau.png", PNG)
    project.write("content/images/ban-tin/so-do.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    project.write("content/ban-tin/2018-so-01/index.md", ISSUE)
    project.write("content/ban-tin/2018-so-01/01-mang-cau.md", ARTICLE)
    project.write("content/ban-tin/2018-so-01/02-so-do.md", SVG_ARTICLE)
    result = project.build_in_process()
    assert result.returncode == 0, result.stderr
    return project


def check_common(project, metas, canonical, url_path: str) -> None:
    url = SITE + url_path
    assert one(metas, "og:url") == url and canonical == [url]
    assert one(metas, "og:locale") == "vi_VN"
    assert one(metas, "og:site_name") == "Trang thử nghiệm"
    description = one(metas, "og:description")
    assert one(metas, "description") == description == one(metas, "twitter:description")
    assert one(metas, "twitter:title") == one(metas, "og:title")
    assert one(metas, "twitter:card") == "summary_large_image"
    image = one(metas, "og:image")
    assert one(metas, "twitter:image") == image
    assert image.startswith(SITE)
    local = project.built() / urlsplit(image).path.lstrip("/")
    assert local.is_file(), image
    assert (int(one(metas, "og:image:width")), int(one(metas, "og:image:height"))) == imagesize.get(local)
    for text in (one(metas, "og:title"), description):
        assert text == unicodedata.normalize("NFC", text)


def test_profile_shares_its_name_summary_and_own_picture(built):
    metas, canonical = head_tags(built.output("hop-tac-xa/htx-anh-dep/index.html"))
    check_common(built, metas, canonical, "hop-tac-xa/htx-anh-dep/")
    assert one(metas, "og:type") == "website"
    assert one(metas, "og:title") == "Hợp tác xã Nông nghiệp Ảnh Đẹp"
    # Quotes and ampersands survive the theme's unescaped description tag intact.
    assert 'HTX trồng rau "sạch" & an toàn ở xã Đồng Tâm.' in one(metas, "og:description")
    assert one(metas, "og:image") == SITE + "images/hop-tac-xa/htx-anh-dep/anh-1.png"


def test_article_shares_a_trimmed_title_and_summary_and_its_picture(built):
    metas, canonical = head_tags(built.output("ban-tin/2018-so-01/01-mang-cau/index.html"))
    check_common(built, metas, canonical, "ban-tin/2018-so-01/01-mang-cau/")
    assert one(metas, "og:type") == "article"
    assert one(metas, "article:published_time") == "2018-05-02T12:00:00+07:00"
    title, description = one(metas, "og:title"), one(metas, "og:description")
    assert title == "Hợp tác xã kiểu mới ở Tây Ninh: từ tổ hợp tác trồng mãng cầu đến…"
    assert len(title) <= TITLE_LIMIT
    assert description == (
        "Thành viên, hội viên và đoàn viên cùng góp vốn lập hợp tác xã để bán chung mãng cầu, sản phẩm "
        "chủ lực của địa phương, với giá ổn định hơn; hợp tác xã ký hợp…"
    )
    assert len(description) <= DESCRIPTION_LIMIT
    assert one(metas, "og:image") == SITE + "images/ban-tin/mang-cau.png"
    assert one(metas, "og:image:alt") == "Vườn mãng cầu"


def test_home_page_shares_the_site_name_and_default_picture(built):
    metas, canonical = head_tags(built.output("index.html"))
    check_common(built, metas, canonical, "")
    assert one(metas, "og:type") == "website"
    assert one(metas, "og:title") == "Trang thử nghiệm"
    assert one(metas, "og:description") == "Xin chào."
    assert one(metas, "og:image") == SITE + "images/chia-se.png"
    assert (one(metas, "og:image:width"), one(metas, "og:image:height")) == ("1200", "630")


def test_svg_picture_falls_back_to_the_default_raster_picture(built):
    metas, _ = head_tags(built.output("ban-tin/2018-so-01/02-so-do/index.html"))
    assert one(metas, "og:image") == SITE + "images/chia-se.png"
    # Escaped once by the engine for the page, once by the theme for the tag: read back intact.
    assert one(metas, "og:title") == 'Bài có ảnh SVG & "ngoặc kép"'
    assert one(metas, "og:image:alt") == "Trang thử nghiệm"


def test_every_page_has_one_description_and_sharing_tags(built):
    pages = sorted(built.built().rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        if page.name == "404.html" or page.relative_to(built.built()).parts[0] == "quan-tri":  # the form editor
            continue
        metas, canonical = head_tags(page.read_text(encoding="utf-8"))
        assert len(metas.get("description", [])) == 1, page
        assert one(metas, "og:title") and one(metas, "og:description"), page
        assert len(one(metas, "og:title")) <= TITLE_LIMIT, page
        assert len(one(metas, "og:description")) <= DESCRIPTION_LIMIT, page
        assert canonical == [one(metas, "og:url")], page


def test_robots_file_points_at_the_sitemap(built):
    assert built.output("robots.txt") == f"User-agent: *\nAllow: /\n\nSitemap: {SITE}sitemap.xml\n"
    sitemap = built.output("sitemap.xml")
    assert f"<loc>{SITE}hop-tac-xa/htx-anh-dep/</loc>" in sitemap
    assert f"<loc>{SITE}ban-tin/2018-so-01/01-mang-cau/</loc>" in sitemap


def test_site_url_comes_from_the_environment_when_mkdocs_yml_asks(project):
    """The Pages workflows set KTT_SITE_URL; mkdocs.yml reads it with !ENV."""
    config = project.path("mkdocs.yml")
    config.write_text(
        config.read_text(encoding="utf-8").replace(f"site_url: {SITE}", f'site_url: !ENV [KTT_SITE_URL, "{SITE}"]'),
        encoding="utf-8",
    )
    result = project.build_in_process(env={"KTT_SITE_URL": "https://to-chuc.github.io/ktt-site/"})
    assert result.returncode == 0, result.stderr
    metas, canonical = head_tags(project.output("index.html"))
    assert canonical == ["https://to-chuc.github.io/ktt-site/"]
    assert one(metas, "og:image") == "https://to-chuc.github.io/ktt-site/images/chia-se.png"
    assert "Sitemap: https://to-chuc.github.io/ktt-site/sitemap.xml" in project.output("robots.txt")
    check = project.check_in_process()
    assert check.returncode == 0, check.stderr


def test_missing_default_picture_fails_a_strict_build(project):
    project.remove("content/images/chia-se.png")
    result = project.build_in_process()
    assert result.returncode != 0
    assert "share_image: không tìm thấy ảnh 'content/images/chia-se.png'" in result.stderr


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Xin chào.", 70, "Xin chào."),
        ("một hai ba bốn năm", 12, "một hai ba…"),
        ("một hai, ba bốn", 10, "một hai…"),
        ("Mộtchữrấtdàikhôngcódấucách", 8, "Mộtchữr…"),
        ("  nhiều   khoảng\n trắng ", 70, "nhiều khoảng trắng"),
        # Decomposed marks (as some editors save them) count as the letters readers see.
        (unicodedata.normalize("NFD", "Hợp tác xã Đồng Tâm"), 19, "Hợp tác xã Đồng Tâm"),
    ],
)
def test_shorten_cuts_at_a_word_within_the_limit(text, limit, expected):
    result = shorten(text, limit)
    assert result == expected
    assert len(result) <= limit
