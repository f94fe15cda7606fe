"""The legal library as readers see it: real builds of a small site, read with an HTML parser."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import pytest
from conftest import FIXTURES, SiteProject

MKDOCS = Path(sys.executable).parent / "mkdocs"

LAW_2012 = """\
number: 23/2012/QH13
type: luat
title: Luật Hợp tác xã
issuer: Quốc hội khóa XIII
issued: 2012-11-20
effective: 2013-07-01
expired: 2024-07-01
replaced_by: luat-htx-2023
summary: |
  Luật quy định về **hợp tác xã** và liên hiệp hợp tác xã.
key_points:
  - Hợp tác xã do ít nhất 7 thành viên tự nguyện thành lập.
related: [ct-19-2015]
sources:
  - https://example.org/luat-2012
source_notes:
  - Kế hoạch phối hợp phát triển kinh tế tập thể năm 2018
"""
LAW_2023 = """\
number: 17/2023/QH15
type: luat
title: Luật Hợp tác xã
issuer: Quốc hội khóa XV
issued: 2023-06-20
effective: 2024-07-01
official_url: https://example.org/luat-2023-chinh-thuc
"""
DIRECTIVE = """\
number: 19/CT-TTg
type: chi-thi
title: về đẩy mạnh triển khai thi hành Luật Hợp tác xã
issuer: Thủ tướng Chính phủ
issued: 2015-07-24
distinct_from:
  - number: 19/CT-TTg
    issued: 2021-07-16
    subject: về công tác thi đua
"""
GROUP = """\
name: Tổ hợp tác Rau sạch Tân Bình
kind: tht
founded: 2024-09
commune: xa-tan-binh
status: active
legal_basis: luat-htx-2023
summary: Tổ hợp tác trồng rau.
illustrative: true
"""
ISSUE = "---\nissue: 1\ndate: 2018-06-01\ntitle: Bản tin số 1\n---\n\nGiới thiệu số 1.\n"
ARTICLE_FRONT_MATTER = """\
---
title: Phổ biến Luật Hợp tác xã
date: 2018-06-01
legal: [luat-htx-2012]
---

Bài viết về luật.
"""
ARTICLE_SHORTCODE = """\
---
title: Luật mới về hợp tác xã
date: 2018-06-02
---

Năm 2023, Quốc hội thông qua {{ van_ban("luat-htx-2023") }} thay luật cũ.

Công thức bảng tính {{ gia_tri }} và {{ a + b }} giữ nguyên như đã viết.

Cách viết: `{{ van_ban("ma-van-ban") }}`.
"""
DRAFT = """\
---
title: Bản nháp nhắc luật
date: 2018-06-03
draft: true
legal: [luat-htx-2012]
---

Nháp.
"""
GUIDE = """\
# Hướng dẫn trích dẫn

Xem {{ van_ban("luat-htx-2012") }} và {{ van_ban('ct-19-2015') }}.
"""


def make_site(root: Path, *, as_of: str | None) -> Path:
    """The minimal fixture plus a small legal library, a profile per law and three articles."""
    shutil.copytree(FIXTURES / "minimal", root)
    files = {
        "models_data/legal/luat-htx-2012.yaml": LAW_2012,
        "models_data/legal/luat-htx-2023.yaml": LAW_2023,
        "models_data/legal/ct-19-2015.yaml": DIRECTIVE,
        "models_data/cooperatives/tht-rau-tan-binh.yaml": GROUP,
        "content/ban-tin/2018-so-01/index.md": ISSUE,
        "content/ban-tin/2018-so-01/pho-bien-luat.md": ARTICLE_FRONT_MATTER,
        "content/ban-tin/2018-so-01/luat-moi.md": ARTICLE_SHORTCODE,
        "content/ban-tin/2018-so-01/ban-nhap.md": DRAFT,
        "content/tai-lieu/trich-dan.md": GUIDE,
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = re.sub(r"\n\s+as_of: .*", "", config.read_text(encoding="utf-8"))
    if as_of:
        text = text.replace("data_dir: models_data", f"data_dir: models_data\n      as_of: {as_of}")
    config.write_text(text, encoding="utf-8")
    return root


def build(root: Path, epoch: int | None = None, site_dir: str = "site") -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-d", site_dir],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return root / site_dir


def build_in_process(root: Path, epoch: int | None = None, site_dir: str = "site") -> Path:
    """As ``build``, in this process."""
    env = {"SOURCE_DATE_EPOCH": None if epoch is None else str(epoch)}
    result = SiteProject(root).build_in_process(site_dir=root / site_dir, env=env)
    assert result.returncode == 0, result.stderr
    return root / site_dir


def epoch_of(day: dt.date) -> int:
    """Noon in Vietnam that day, as SOURCE_DATE_EPOCH."""
    return int(dt.datetime(day.year, day.month, day.day, 5, 0, tzinfo=dt.UTC).timestamp())


@pytest.fixture(scope="module")
def site_2018(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_in_process(make_site(tmp_path_factory.mktemp("legal") / "repo", as_of="2018-12-31"))


@pytest.fixture(scope="module")
def site_2025(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_in_process(make_site(tmp_path_factory.mktemp("legal") / "repo", as_of="2025-01-01"))


class Page:
    """A built page read with html5lib, with links resolved as a browser would."""

    def __init__(self, site: Path, rel: str) -> None:
        self.site, self.rel = site, rel
        self.tree: Element = html5lib.parse((site / rel).read_text(encoding="utf-8"), namespaceHTMLElements=False)
        self.article = next(e for e in self.tree.iter("article"))

    def by_class(self, name: str) -> list[Element]:
        return [e for e in self.tree.iter() if name in (e.get("class") or "").split()]

    def one(self, name: str) -> Element:
        found = self.by_class(name)
        assert len(found) == 1, (name, len(found))
        return found[0]

    @property
    def text(self) -> str:
        return text_of(self.article)

    def meta(self, name: str) -> str | None:
        for e in self.tree.iter("meta"):
            if e.get("name") == name or e.get("property") == name:
                return e.get("content")
        return None

    def links(self, element: Element | None = None) -> list[tuple[str, str]]:
        """(text, target file inside the site) of each internal link."""
        found = []
        for a in (element if element is not None else self.article).iter("a"):
            href = a.get("href") or ""
            if href.startswith(("http://", "https://", "#")):
                found.append((text_of(a), href))
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.rel), href.split("#")[0]))
            found.append((text_of(a), target + "/index.html" if href.endswith("/") else target))
        return found

    def rows(self) -> dict[str, Element]:
        table = self.one("ktt-legal-facts")
        return {text_of(tr.find("th")): tr.find("td") for tr in table.iter("tr")}


def text_of(element: Element) -> str:
    """Text as a reader sees it: a line break separates words."""

    def walk(e: Element) -> list[str]:
        parts = [" " if e.tag == "br" else "", e.text or ""]
        for child in e:
            parts += walk(child)
            parts.append(child.tail or "")
        return parts

    return re.sub(r"\s+", " ", "".join(walk(element))).strip()


def test_document_page_shows_number_type_issuer_dates_and_status(site_2018):
    page = Page(site_2018, "van-ban/luat-htx-2012/index.html")
    rows = {k: text_of(v) for k, v in page.rows().items()}
    assert rows["Số hiệu"] == "23/2012/QH13"
    assert rows["Loại văn bản"] == "Luật"
    assert rows["Cơ quan ban hành"] == "Quốc hội khóa XIII"
    assert rows["Ngày ban hành"] == "20/11/2012"
    assert rows["Ngày có hiệu lực"] == "01/07/2013"
    assert rows["Ngày hết hiệu lực"] == "01/07/2024"
    assert rows["Tình trạng tại ngày 31/12/2018"].startswith("Còn hiệu lực")
    assert page.tree.find(".//h1") is not None and text_of(page.tree.find(".//h1")) == "Luật Hợp tác xã số 23/2012/QH13"
    assert "Luật quy định về hợp tác xã và liên hiệp hợp tác xã." in page.text
    assert page.one("ktt-legal-key-points").find("li").text == "Hợp tác xã do ít nhất 7 thành viên tự nguyện thành lập."


def test_status_before_the_effective_date_while_in_force_and_after_expiry(site_2018, site_2025):
    new_2018 = Page(site_2018, "van-ban/luat-htx-2023/index.html").rows()
    assert text_of(new_2018["Tình trạng tại ngày 31/12/2018"]).startswith("Chưa có hiệu lực")
    old_2025 = Page(site_2025, "van-ban/luat-htx-2012/index.html").rows()
    status = old_2025["Tình trạng tại ngày 01/01/2025"]
    assert text_of(status.find("strong")) == "Hết hiệu lực từ 01/07/2024"
    assert "được thay thế bởi Luật Hợp tác xã số 17/2023/QH15 ngày 20/06/2023" in text_of(status)
    new_2025 = Page(site_2025, "van-ban/luat-htx-2023/index.html").rows()
    assert text_of(new_2025["Tình trạng tại ngày 01/01/2025"].find("strong")) == "Còn hiệu lực"
    directive = Page(site_2025, "van-ban/ct-19-2015/index.html").rows()
    assert text_of(directive["Tình trạng tại ngày 01/01/2025"].find("strong")) == "Chưa rõ hiệu lực"
    assert text_of(directive["Ngày có hiệu lực"]) == "Chưa rõ"


def test_replacement_links_read_both_ways(site_2018):
    old = Page(site_2018, "van-ban/luat-htx-2012/index.html")
    new = Page(site_2018, "van-ban/luat-htx-2023/index.html")
    assert old.links(old.rows()["Được thay thế bởi"]) == [
        ("Luật Hợp tác xã số 17/2023/QH15 ngày 20/06/2023", "van-ban/luat-htx-2023/index.html")
    ]
    assert new.links(new.rows()["Thay thế"]) == [
        ("Luật Hợp tác xã số 23/2012/QH13 ngày 20/11/2012", "van-ban/luat-htx-2012/index.html")
    ]
    assert "Thay thế" not in old.rows() and "Được thay thế bởi" not in new.rows()
    for _, target in old.links() + new.links():
        if not target.startswith("http") and not target.startswith("hop-tac-xa/"):
            assert (site_2018 / target).is_file(), target


def test_related_documents_read_both_ways(site_2018):
    old = Page(site_2018, "van-ban/luat-htx-2012/index.html")
    directive = Page(site_2018, "van-ban/ct-19-2015/index.html")
    assert old.links(old.one("ktt-legal-related")) == [
        (
            "Chỉ thị số 19/CT-TTg ngày 24/07/2015 về đẩy mạnh triển khai thi hành Luật Hợp tác xã",
            "van-ban/ct-19-2015/index.html",
        )
    ]
    assert directive.links(directive.one("ktt-legal-related")) == [
        ("Luật Hợp tác xã số 23/2012/QH13 ngày 20/11/2012", "van-ban/luat-htx-2012/index.html")
    ]


def test_backlinks_to_profiles_whose_legal_basis_it_is(site_2018):
    old = Page(site_2018, "van-ban/luat-htx-2012/index.html")
    new = Page(site_2018, "van-ban/luat-htx-2023/index.html")
    assert old.links(old.one("ktt-legal-profiles")) == [("Hợp tác xã Đồng Tâm", "hop-tac-xa/htx-dong-tam/index.html")]
    assert "(dữ liệu minh họa)" in text_of(old.one("ktt-legal-profiles"))
    assert new.links(new.one("ktt-legal-profiles")) == [
        ("Tổ hợp tác Rau sạch Tân Bình", "hop-tac-xa/tht-rau-tan-binh/index.html")
    ]
    assert not Page(site_2018, "van-ban/ct-19-2015/index.html").by_class("ktt-legal-profiles")


def test_backlinks_to_articles_citing_it_in_front_matter_or_with_the_shortcode(site_2018):
    old = Page(site_2018, "van-ban/luat-htx-2012/index.html")
    new = Page(site_2018, "van-ban/luat-htx-2023/index.html")
    assert old.links(old.one("ktt-legal-articles")) == [
        ("Phổ biến Luật Hợp tác xã", "ban-tin/2018-so-01/pho-bien-luat/index.html")
    ]
    assert "Bản nháp" not in old.text
    assert new.links(new.one("ktt-legal-articles")) == [
        ("Luật mới về hợp tác xã", "ban-tin/2018-so-01/luat-moi/index.html")
    ]
    for page in (old, new):
        for _, target in page.links(page.one("ktt-legal-articles")):
            assert (site_2018 / target).is_file(), target


def test_shortcode_renders_a_link_with_number_date_and_title(site_2018):
    article = Page(site_2018, "ban-tin/2018-so-01/luat-moi/index.html")
    assert (
        "Luật Hợp tác xã số 17/2023/QH15 ngày 20/06/2023",
        "van-ban/luat-htx-2023/index.html",
    ) in article.links()
    assert "Năm 2023, Quốc hội thông qua Luật Hợp tác xã số 17/2023/QH15 ngày 20/06/2023 thay luật cũ." in article.text
    guide = Page(site_2018, "tai-lieu/trich-dan/index.html")
    assert guide.links() == [
        ("Luật Hợp tác xã số 23/2012/QH13 ngày 20/11/2012", "van-ban/luat-htx-2012/index.html"),
        (
            "Chỉ thị số 19/CT-TTg ngày 24/07/2015 về đẩy mạnh triển khai thi hành Luật Hợp tác xã",
            "van-ban/ct-19-2015/index.html",
        ),
    ]
    for _, target in guide.links():
        assert (site_2018 / target).is_file()


def test_a_literal_double_brace_is_left_as_written(site_2018):
    article = Page(site_2018, "ban-tin/2018-so-01/luat-moi/index.html")
    assert "Công thức bảng tính {{ gia_tri }} và {{ a + b }} giữ nguyên như đã viết." in article.text
    code = [text_of(c) for c in article.article.iter("code")]
    assert '{{ van_ban("ma-van-ban") }}' in code


def test_page_for_a_reused_number_says_which_document_it_is_not(site_2018):
    page = Page(site_2018, "van-ban/ct-19-2015/index.html")
    warning = text_of(page.one("ktt-legal-distinct"))
    assert (
        "Trang này nói về chỉ thị số 19/CT-TTg ngày 24/07/2015 "
        "về đẩy mạnh triển khai thi hành Luật Hợp tác xã" in warning
    )
    assert "Đây không phải: Chỉ thị số 19/CT-TTg ngày 16/07/2021 về công tác thi đua" in warning
    assert not Page(site_2018, "van-ban/luat-htx-2023/index.html").by_class("ktt-legal-distinct")


def test_official_link_and_sources(site_2018):
    new = Page(site_2018, "van-ban/luat-htx-2023/index.html")
    assert new.links(new.one("ktt-legal-official")) == [
        ("Xem văn bản chính thức", "https://example.org/luat-2023-chinh-thuc")
    ]
    old = Page(site_2018, "van-ban/luat-htx-2012/index.html")
    assert "chưa có liên kết tới văn bản chính thức" in text_of(old.one("ktt-legal-official"))
    sources = old.one("ktt-legal-sources")
    assert old.links(sources) == [("https://example.org/luat-2012", "https://example.org/luat-2012")]
    assert "Kế hoạch phối hợp phát triển kinh tế tập thể năm 2018" in text_of(sources)


def test_pages_carry_a_description_for_sharing(site_2018):
    page = Page(site_2018, "van-ban/luat-htx-2012/index.html")
    assert page.meta("description") == (
        "Luật Hợp tác xã số 23/2012/QH13 ngày 20/11/2012. Tình trạng: Còn hiệu lực. "
        "Luật quy định về hợp tác xã và liên hiệp hợp tác xã."
    )
    long = Page(site_2018, "van-ban/ct-19-2015/index.html").meta("description") or ""
    assert long.startswith("Chỉ thị số 19/CT-TTg ngày 24/07/2015 về đẩy mạnh triển khai thi hành")
    assert "Thư viện văn bản" in (Page(site_2018, "van-ban/index.html").meta("description") or "")


def test_index_lists_documents_by_date_with_type_and_status(site_2018):
    page = Page(site_2018, "van-ban/index.html")
    rows = [[text_of(td) for td in tr.findall("td")] for tr in page.one("ktt-legal-list").iter("tr")][1:]
    assert [row[0] for row in rows] == ["20/06/2023", "24/07/2015", "20/11/2012"]
    assert rows[0][1] == "Luật Hợp tác xã số 17/2023/QH15"
    assert rows[1][1] == "Chỉ thị số 19/CT-TTg về đẩy mạnh triển khai thi hành Luật Hợp tác xã"
    assert [row[2] for row in rows] == ["Luật", "Chỉ thị", "Luật"]
    assert [row[4] for row in rows] == ["Chưa có hiệu lực", "Chưa rõ hiệu lực", "Còn hiệu lực"]
    for _, target in page.links(page.one("ktt-legal-list")):
        assert (site_2018 / target).is_file(), target
    home = Page(site_2018, "index.html")
    nav = [text_of(a) for a in home.tree.iter("a") if (a.get("href") or "").rstrip("/").endswith("van-ban")]
    assert "Văn bản" in nav


def test_index_shows_replacement_after_expiry(site_2025):
    page = Page(site_2025, "van-ban/index.html")
    row = next(tr for tr in page.one("ktt-legal-list").iter("tr") if tr.get("id") == "luat-htx-2012")
    assert text_of(row.findall("td")[4]) == "Hết hiệu lực từ 01/07/2024 thay bằng Luật Hợp tác xã số 17/2023/QH15"


def test_status_date_follows_source_date_epoch_and_builds_are_reproducible(tmp_path):
    root = make_site(tmp_path / "repo", as_of=None)
    before = build(root, epoch_of(dt.date(2024, 6, 30)), "site-a")
    # Built again in this process, so with another hash seed than the first; then a day later.
    again = build_in_process(root, epoch_of(dt.date(2024, 6, 30)), "site-b")
    after = build_in_process(root, epoch_of(dt.date(2024, 7, 1)), "site-c")
    rows = Page(before, "van-ban/luat-htx-2012/index.html").rows()
    assert text_of(rows["Tình trạng tại ngày 30/06/2024"].find("strong")) == "Còn hiệu lực"
    rows = Page(after, "van-ban/luat-htx-2012/index.html").rows()
    assert text_of(rows["Tình trạng tại ngày 01/07/2024"].find("strong")) == "Hết hiệu lực từ 01/07/2024"
    for rel in (
        "van-ban/index.html",
        "van-ban/luat-htx-2012/index.html",
        "van-ban/luat-htx-2023/index.html",
    ):
        assert (before / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_shortcode_text_with_markdown_characters_is_shown_as_written(project):
    project.write(
        "models_data/legal/qd-thu-nghiem.yaml",
        "number: 1/2018/QĐ-UBND\ntype: quyet-dinh\n"
        'title: "về mức hỗ trợ < 5 triệu đồng cho *tổ* [thí điểm] & mục A|B_c #1"\n'
        "issuer: Ủy ban Nhân dân tỉnh\nissued: 2018-01-02\n",
    )
    project.write(
        "content/trich-dan.md",
        '# Trích dẫn\n\n| Văn bản |\n| --- |\n| {{ van_ban("qd-thu-nghiem") }} |\n',
    )
    result = project.build_in_process()
    assert result.returncode == 0, result.stderr
    page = Page(project.built(), "trich-dan/index.html")
    assert page.links() == [
        (
            "Quyết định số 1/2018/QĐ-UBND ngày 02/01/2018 về mức hỗ trợ < 5 triệu đồng cho *tổ* "
            "[thí điểm] & mục A|B_c #1",
            "van-ban/qd-thu-nghiem/index.html",
        )
    ]
    assert (project.built() / "van-ban/qd-thu-nghiem/index.html").is_file()
