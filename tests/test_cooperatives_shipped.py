"""The shipped profiles: enough of them, true where real, visibly illustrative otherwise."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from urllib.parse import unquote

from conftest import REFERENCE, ROOT
from cooperatives_support import broken_links, content, page_file, parse, table, table_rows, text

from ktt_site.site import ProjectPaths, load_site

FACTS = REFERENCE / "domain-facts.md"
REAL = REFERENCE / "real-cooperatives.md"
NOTES_2025 = REFERENCE / "tay-ninh-2025" / "NOTES.md"

#: Each real profile's literal facts as the research quotes them: (a piece of one of the profile's
#: source URLs, a passage the reference files quote close to that source). The profile's founding
#: year and month, member counts and area must each appear in these passages.
QUOTED = {
    "hop-tac-xa-nong-nghiep-mang-cau-thanh-tan": [("a9082", "says it was founded 9/2005")],
    "hop-tac-xa-xoai-tu-quy-thanh-bac": [
        ("vietlinh.vn/tin-tuc/2018/trong-trot-2018-s.asp?ID=612", "Báo Tây Ninh, 04/05/2018"),
        ("vietlinh.vn/tin-tuc/2018/trong-trot-2018-s.asp?ID=612", "được thành lập từ tháng 1.2015"),
        (
            "vietlinh.vn/tin-tuc/2018/trong-trot-2018-s.asp?ID=612",
            "Hợp tác xã có 16 thành viên với tổng diện tích sản xuất 22,4 ha",
        ),
    ],
    "hop-tac-xa-dich-vu-thuong-mai-nong-nghiep-phuoc-ninh": [
        ("a86014", "5 HTX chosen in 2017"),
        ("a86014", "HTX Dịch vụ thương mại nông nghiệp Phước Ninh (Dương Minh Châu)"),
    ],
    "hop-tac-xa-san-xuat-rau-an-toan-long-my": [
        ("a86014", "5 HTX chosen in 2017"),
        ("a86014", "HTX sản xuất rau an toàn Long Mỹ (Hòa Thành)"),
    ],
    "hop-tac-xa-rau-an-toan-rong-tuong": [
        ("a86014", "Cập nhật ngày: 12/05/2017"),
        ("a86014", "HTX sản xuất rau an toàn Rỗng Tượng (huyện Gò Dầu)"),
    ],
    "hop-tac-xa-nong-nghiep-go-gon": [("aladin.net.vn/bi-quyet-thanh-cong-cua-htx-go-gon", "Thành lập từ năm 2005")],
    "hop-tac-xa-dich-vu-nong-nghiep-ben-luc": [
        ("htx-dua-trai-chanh-cong-nghe-cao-bay-vao-troi-au-1079695", "Được thành lập từ năm 2015")
    ],
    "hop-tac-xa-rau-an-toan-muoi-hai": [
        ("rausach12.com/cau-chuyen-ve-san-pham-cai-xanh-long-khe", "Vào năm 2017, mọi người đã hợp lại")
    ],
    "hop-tac-xa-phuoc-thinh": [
        (
            "lam-giau-tu-cay-rau-bai-3-ocop-mo-huong-phat-trien-ben-vung-d327992",
            "Ra đời năm 2012, HTX chỉ có vỏn vẹn 8 thành viên",
        )
    ],
}
#: How far from a source's URL (in characters, either side) its quoted passage may stand.
NEAR = 1200


def _site():
    paths = ProjectPaths(ROOT, ROOT / "models_data", ROOT / "content")
    return load_site(paths, as_of=dt.date(2018, 12, 31))


def test_shipped_profiles_cover_districts_and_kinds():
    site = _site()
    coops = list(site.cooperatives.values())
    assert len(coops) >= 8
    assert len({site.location(c).district_2018.id for c in coops if site.location(c).district_2018}) >= 5
    assert {"htx", "tht"} <= {c.kind for c in coops}
    # The 2018 plan's measures need examples founded in 2018 under each legal basis.
    founded_2018 = [c for c in coops if c.founded.year == 2018]
    assert {(c.kind, c.legal_basis) for c in founded_2018} >= {
        ("tht", "nd-151-2007"),
        ("htx", "luat-htx-2012"),
    }
    assert all(c.illustrative for c in founded_2018)
    assert any(p.key_product for c in founded_2018 if c.kind == "htx" for p in c.products)
    for coop in coops:
        if not coop.illustrative:
            continue  # no source gives a real cooperative's legal basis (test below)
        expected = {"htx": "luat-htx-2012", "lien-hiep": "luat-htx-2012"}.get(coop.kind)
        if expected:
            assert coop.legal_basis == expected, coop.id
        elif 2007 <= coop.founded.year <= 2019:
            assert coop.legal_basis == "nd-151-2007", coop.id


def test_real_profiles_carry_only_sourced_facts():
    site = _site()
    real = [c for c in site.cooperatives.values() if not c.illustrative]
    assert real, "at least one real cooperative"
    facts = FACTS.read_text(encoding="utf-8") + REAL.read_text(encoding="utf-8")
    for coop in real:
        assert coop.sources, coop.id
        # No source states whether a real cooperative is active today, nor its legal basis.
        assert coop.status == "unknown" and coop.legal_basis is None, coop.id
        # Nothing the sources do not state: no stars, money figures or recognitions.
        assert not any(p.ocop_stars for p in coop.products), coop.id
        assert not (coop.avg_income or coop.capital or coop.revenue or coop.exemplary), coop.id
        assert not coop.images or all("minh họa" in (i.caption or "") for i in coop.images), coop.id
        for url in coop.sources:
            assert url.split("://", 1)[1] in facts, url
    for coop in site.cooperatives.values():
        if coop.illustrative:
            assert "(minh họa)" in coop.name, coop.id


def test_shipped_cooperative_pages_are_complete_and_honest(shipped_site: Path):
    directory = page_file(shipped_site, "hop-tac-xa")
    article = content(parse(directory))
    rows = table_rows(table(article, "directory"))
    assert len(rows) == len(list((ROOT / "models_data/cooperatives").glob("*.yaml")))
    assert broken_links(shipped_site, directory) == []
    site = _site()
    for coop in site.cooperatives.values():
        page = page_file(shipped_site, f"hop-tac-xa/{coop.id}")
        profile = content(parse(page))
        notices = [d for d in profile.iter("div") if "admonition" in d.get("class", "")]
        assert bool(notices) == coop.illustrative, coop.id
        assert broken_links(shipped_site, page) == [], coop.id
        assert text(profile.find("h1")) == coop.name
    for extra in (
        "theo-huyen",
        "theo-loai",
        "theo-to-chuc",
        "theo-linh-vuc",
        "san-pham-ocop",
        "dien-hinh-tien-tien",
    ):
        for page in (shipped_site / "hop-tac-xa" / extra).rglob("index.html"):
            assert broken_links(shipped_site, page) == [], page
    assert (shipped_site / "du-lieu/hop-tac-xa.json").is_file()
    assert (shipped_site / "du-lieu/hop-tac-xa.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_profiles_show_todays_unit_first_and_the_2018_one_as_history(shipped_site: Path):
    """Since 01/07/2025 Xã Thạnh Tân is part of Phường Bình Minh (NQ 1682, khoản 88)."""
    assert "Xã Thạnh Tân is part of Phường Bình Minh" in FACTS.read_text(encoding="utf-8")
    facts = table_rows(
        table(content(parse(page_file(shipped_site, "hop-tac-xa/hop-tac-xa-nong-nghiep-mang-cau-thanh-tan"))), "facts")
    )
    place = [row for row in facts if row[0] in ("Địa bàn hiện nay", "Trước 01/07/2025")]
    assert place == [
        ["Địa bàn hiện nay", "Phường Bình Minh, tỉnh Tây Ninh"],
        ["Trước 01/07/2025", "Xã Thạnh Tân, Thành phố Tây Ninh"],
    ]
    # The source gives only the district: today's unit is unknown, never guessed from the name.
    district_only = table_rows(
        table(
            content(parse(page_file(shipped_site, "hop-tac-xa/hop-tac-xa-dich-vu-thuong-mai-nong-nghiep-phuoc-ninh"))),
            "facts",
        )
    )
    assert ["Địa bàn hiện nay", "Chưa rõ (nguồn chỉ nêu huyện Dương Minh Châu, không nêu xã)"] in district_only
    records = {
        r["id"]: r
        for r in json.loads((shipped_site / "du-lieu/hop-tac-xa.json").read_text(encoding="utf-8"))["cooperatives"]
    }
    thanh_tan = records["hop-tac-xa-nong-nghiep-mang-cau-thanh-tan"]
    assert thanh_tan["commune"] == {"id": "phuong-binh-minh", "code": "25480", "name": "Phường Bình Minh"}
    assert thanh_tan["commune_2018"] == {"id": "xa-thanh-tan", "code": "25471", "name": "Xã Thạnh Tân"}
    assert thanh_tan["district_2018"]["name"] == "Thành phố Tây Ninh"
    assert records["hop-tac-xa-dich-vu-thuong-mai-nong-nghiep-phuoc-ninh"]["commune"] is None
    rows = list(csv.DictReader(io.StringIO((shipped_site / "du-lieu/hop-tac-xa.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["id"] == "hop-tac-xa-nong-nghiep-mang-cau-thanh-tan")
    assert (row["commune_code"], row["commune_2018_code"]) == ("25480", "25471")


def test_real_profiles_come_before_illustrative_ones_in_the_directory(shipped_site: Path):
    rows = table_rows(table(content(parse(page_file(shipped_site, "hop-tac-xa"))), "directory"))
    flags = ["minh họa" in row[0] for row in rows]
    assert flags == sorted(flags) and not flags[0] and flags[-1]


def _quoted_near(reference: str, marker: str, passage: str) -> bool:
    """``passage`` stands within ``NEAR`` characters of some mention of the source ``marker``."""
    for found in re.finditer(re.escape(marker), reference):
        start = max(0, found.start() - NEAR)
        if passage in reference[start : found.end() + NEAR]:
            return True
    return False


def test_at_least_eight_real_profiles_each_fact_quoted_next_to_its_source():
    site = _site()
    real = {c.id: c for c in site.cooperatives.values() if not c.illustrative}
    assert len(real) >= 8
    assert set(real) == set(QUOTED), "every real profile, and only those, has its quoted facts listed"
    reference = FACTS.read_text(encoding="utf-8") + "\n" + REAL.read_text(encoding="utf-8")
    for coop_id, quotes in QUOTED.items():
        coop = real[coop_id]
        for marker, passage in quotes:
            assert any(marker in url for url in coop.sources), (coop_id, marker)
            assert _quoted_near(reference, marker, passage), (coop_id, passage)
        passages = [passage for _, passage in quotes]
        year = coop.founded.year
        assert any(str(year) in p for p in passages), (coop_id, "founding year")
        if coop.founded.month:
            month = re.compile(rf"\b{coop.founded.month}[./]{year}\b")
            assert any(month.search(p) for p in passages), (coop_id, "founding month")
        for member_year, count in coop.members.items():
            assert any(str(member_year) in p for p in passages), (coop_id, member_year)
            counted = re.compile(rf"\b{count} (thành viên|xã viên)")
            assert any(counted.search(p) for p in passages), (coop_id, count)
        if coop.area_ha is not None:
            area = f"{coop.area_ha:g}".replace(".", ",") + " ha"
            assert any(area in p for p in passages), (coop_id, area)


def test_real_profiles_of_old_long_an_name_only_a_unit_of_2025(shipped_site: Path):
    """Xã Long Khê (Cần Đước) went whole into Xã Rạch Kiến; a site as of 2018 has no such unit."""
    assert "28114,Xã Long Khê,Huyện Cần Đước,Long An,whole,28114,Xã Rạch Kiến" in (
        REFERENCE / "tay-ninh-2025" / "tay-ninh-2025-old-to-new.csv"
    ).read_text(encoding="utf-8")
    facts = table_rows(
        table(content(parse(page_file(shipped_site, "hop-tac-xa/hop-tac-xa-rau-an-toan-muoi-hai"))), "facts")
    )
    assert ["Địa bàn hiện nay", "Xã Rạch Kiến, tỉnh Tây Ninh"] in facts
    assert not [row for row in facts if row[0].startswith("Trước")]
    site = _site()  # as of 31/12/2018: the shipped data still loads
    where = site.location(site.cooperatives["hop-tac-xa-rau-an-toan-muoi-hai"])
    assert where.today is None and where.district_2018 is None
    assert where.unknown_reason == "hồ sơ chỉ ghi xã Rạch Kiến theo địa giới từ 01/07/2025"


def test_about_page_says_who_publishes_and_what_changed_in_2025_with_sources(shipped_site: Path):
    about = content(parse(shipped_site / "gioi-thieu" / "index.html"))
    words = " ".join(text(about).split())
    for needed in (
        "202/2025/QH15",
        "12/06/2025",
        "1682/NQ-UBTVQH15",
        "16/06/2025",
        "96 đơn vị hành chính cấp xã, gồm 82 xã và 14 phường",
        "17/2023/QH15",
        "01/07/2024",
        "Liên minh Hợp tác xã tỉnh Tây Ninh",
    ):
        assert needed in words, needed
    links = [a.get("href") or "" for a in about.iter("a")]
    assert "../van-ban/ke-hoach-phoi-hop-2018/" in links
    external = [unquote(href) for href in links if href.startswith("http")]
    assert "https://congbao.chinhphu.vn/van-ban/nghi-quyet-so-1682-nq-ubtvqh15-45138.htm" in external
    assert any("thuvienphapluat.vn" in href for href in external)
    sources = unquote("".join(path.read_text(encoding="utf-8") for path in (FACTS, REAL, NOTES_2025)))
    for href in external:
        assert href.split("://", 1)[1] in sources, href
