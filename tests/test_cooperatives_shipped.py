"""The shipped profiles: enough of them, true where real, visibly illustrative otherwise."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from conftest import REFERENCE, ROOT
from cooperatives_support import broken_links, content, page_file, parse, table, table_rows, text

from ktt_site.site import ProjectPaths, load_site

FACTS = REFERENCE / "domain-facts.md"
REAL = REFERENCE / "real-cooperatives.md"


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
