"""Open data round-trips with diacritics, builds are byte-reproducible, one new file is enough,
and editors' mistakes in profiles and criteria are reported with file and line."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
from conftest import PROFILES_EPOCH
from cooperatives_support import (
    add_profiles,
    broken_links,
    content,
    links,
    page_file,
    parse,
    resolve,
    table,
    table_rows,
    text,
)

from ktt_site.cooperatives.opendata import XLSX_COLUMNS

ENV = {"SOURCE_DATE_EPOCH": PROFILES_EPOCH}


def _json(project) -> dict:
    return json.loads((project.built() / "du-lieu/hop-tac-xa.json").read_bytes().decode("utf-8"))


def _csv_rows(project) -> list[dict[str, str]]:
    raw = (project.built() / "du-lieu/hop-tac-xa.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte order mark to show diacritics"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_json_and_csv_round_trip_with_diacritics(profiles_site):
    data = _json(profiles_site)
    assert data["count"] == 3
    records = {r["id"]: r for r in data["cooperatives"]}
    assert list(records) == sorted(records)  # stable order, whatever the file system gives
    coop = records["hop-tac-xa-dong-thuan"]
    assert coop["name"] == "Hợp tác xã Đồng Thuận"
    # A site of 2018 only: today's unit is the 2018 one.
    assert coop["commune"] == coop["commune_2018"] == {"id": "phuong-1", "code": None, "name": "Phường 1"}
    assert coop["district_2018"] == {"id": "tp-b", "code": None, "name": "Thành phố B"}
    assert coop["founded"] == "2005-09"
    assert coop["founded_by"] == [
        {"id": "lien-minh-htx", "name": "Liên minh Hợp tác xã tỉnh"},
        {"id": "hoi-nong-dan", "name": "Hội Nông dân tỉnh"},
    ]
    assert coop["members"] == {"2017": 50, "2018": 60}
    assert coop["products"][0] == {
        "name": "Mãng cầu Bà Đen",
        "ocop_stars": 4,
        "ocop_year": 2019,
        "certifications": ["VietGAP"],
        "key_product": True,
    }
    assert coop["url"] == "https://thu-nghiem.example.org/hop-tac-xa/hop-tac-xa-dong-thuan/"
    assert records["htx-dong-tam"]["illustrative"] is True

    rows = {row["id"]: row for row in _csv_rows(profiles_site)}
    assert list(rows) == sorted(rows)
    row = rows["hop-tac-xa-dong-thuan"]
    assert row["name"] == "Hợp tác xã Đồng Thuận"
    assert (row["commune"], row["commune_2018"], row["district_2018"]) == ("Phường 1", "Phường 1", "Thành phố B")
    assert row["founded_by"] == "Liên minh Hợp tác xã tỉnh; Hội Nông dân tỉnh"
    assert (row["members_year"], row["members"]) == ("2018", "60")
    assert (row["avg_income_year"], row["avg_income"]) == ("2018", "45500000")
    assert row["ocop_products"] == "Mãng cầu Bà Đen (4 sao); Mãng cầu sấy dẻo (3 sao)"
    assert row["illustrative"] == "false"
    assert rows["to-hop-tac-rau-tan-binh"]["kind_label"] == "Tổ hợp tác"
    assert rows["htx-dong-tam"]["illustrative"] == "true"
    # The directory offers the three downloads, with links that lead to the files.
    directory = content(parse(page_file(profiles_site.built(), "hop-tac-xa")))
    hrefs = {a.get("href") for a in directory.iter("a") if a.get("download") is not None}
    assert hrefs == {"../du-lieu/hop-tac-xa.json", "../du-lieu/hop-tac-xa.csv", "../du-lieu/hop-tac-xa.xlsx"}


def test_open_data_and_pages_are_byte_reproducible(project, tmp_path):
    add_profiles(project)
    first, second = tmp_path / "a", tmp_path / "b"
    # Two processes, so two hash seeds: the real command, then this process.
    assert project.build("--site-dir", str(first), env=ENV).returncode == 0
    assert project.build_in_process(site_dir=second, env=ENV).returncode == 0
    for rel in (
        "du-lieu/hop-tac-xa.json",
        "du-lieu/hop-tac-xa.csv",
        "du-lieu/hop-tac-xa.xlsx",
        "hop-tac-xa/index.html",
        "hop-tac-xa/hop-tac-xa-dong-thuan/index.html",
        "hop-tac-xa/theo-huyen/tp-b/index.html",
    ):
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


NEW_PROFILE = """\
name: Liên hiệp Hợp tác xã Đồng Tâm Mới
kind: lien-hiep
founded: 2018-11-20
commune: thi-tran-a
status: active
legal_basis: luat-htx-2012
founded_by: [lien-minh-htx]
sectors: [Dịch vụ tổng hợp]
summary: Liên hiệp của bốn hợp tác xã trong huyện.
"""


def test_adding_one_yaml_file_adds_page_row_facets_and_open_data(project, profiles_site):
    add_profiles(project)
    before_json = _json(profiles_site)["count"]  # the same data, without the new file
    project.write("models_data/cooperatives/lien-hiep-htx-dong-tam-moi.yaml", NEW_PROFILE)
    result = project.build_in_process(env=ENV)
    assert result.returncode == 0, result.stderr
    site = project.built()

    article = content(parse(page_file(site, "hop-tac-xa/lien-hiep-htx-dong-tam-moi")))
    assert text(article.find("h1")) == "Liên hiệp Hợp tác xã Đồng Tâm Mới"
    directory = content(parse(page_file(site, "hop-tac-xa")))
    assert [
        "Liên hiệp Hợp tác xã Đồng Tâm Mới",
        "Liên hiệp HTX",
        "Thị trấn A, Huyện Đồng A",
        "Liên hiệp của bốn hợp tác xã trong huyện.",
    ] in table_rows(table(directory, "directory"))
    assert "Hiện có 4 hồ sơ" in text(directory)

    def facet_names(path: str) -> list[str]:
        found = content(parse(page_file(site, path)))
        return [row[0] for row in table_rows(table(found, "directory"))]

    assert facet_names("hop-tac-xa/theo-loai/lien-hiep") == ["Liên hiệp Hợp tác xã Đồng Tâm Mới"]
    assert facet_names("hop-tac-xa/theo-linh-vuc/dich-vu-tong-hop") == ["Liên hiệp Hợp tác xã Đồng Tâm Mới"]
    assert "Liên hiệp Hợp tác xã Đồng Tâm Mới" in facet_names("hop-tac-xa/theo-huyen/huyen-a")
    assert "Liên hiệp Hợp tác xã Đồng Tâm Mới" in facet_names("hop-tac-xa/theo-to-chuc/lien-minh-htx")
    assert _json(project)["count"] == before_json + 1
    assert "lien-hiep-htx-dong-tam-moi" in {r["id"] for r in _json(project)["cooperatives"]}
    assert "Liên hiệp Hợp tác xã Đồng Tâm Mới" in {row["name"] for row in _csv_rows(project)}


def test_unknown_criterion_unknown_organisation_and_reserved_id_are_reported(project):
    add_profiles(project)
    path = "models_data/cooperatives/hop-tac-xa-dong-thuan.yaml"
    original = project.path(path).read_text(encoding="utf-8")
    project.write(
        path,
        original.replace("criteria: [chuoi-gia-tri]", "criteria: [chuoi-gia-tri, tieu-chi-la]"),
    )
    project.write(
        "models_data/exemplary_criteria.yaml",
        project.path("models_data/exemplary_criteria.yaml")
        .read_text(encoding="utf-8")
        .replace("set_by: [lien-minh-htx]", "set_by: [lien-minh-htx, mat-tran]"),
    )
    result = project.check_in_process()
    assert result.returncode == 1
    line = original.splitlines().index("    criteria: [chuoi-gia-tri]") + 1
    assert (
        f"{path}:{line}: exemplary[0].criteria[1]: tiêu chí 'tieu-chi-la' không có trong "
        "models_data/exemplary_criteria.yaml"
    ) in result.stderr
    assert "models_data/exemplary_criteria.yaml:2: set_by[1]: không có tổ chức mang mã 'mat-tran'" in result.stderr
    # A profile may not take the address of a generated listing.
    project.write("models_data/cooperatives/theo-huyen.yaml", NEW_PROFILE)
    result = project.check_in_process()
    assert result.returncode == 1
    assert (
        "models_data/cooperatives/theo-huyen.yaml:1: id: mã 'theo-huyen' trùng địa chỉ một trang tự sinh "
        "của mục Hợp tác xã; hãy đổi tên tệp"
    ) in result.stderr


def test_recognition_criteria_need_the_criteria_file(project):
    project.write(
        "models_data/cooperatives/htx-tieu-bieu.yaml",
        NEW_PROFILE.replace("kind: lien-hiep", "kind: htx")
        + "exemplary:\n  year: 2018\n  recognized_by: Ủy ban MTTQ tỉnh\n  reason: Tiêu biểu.\n"
        "  criteria: [dung-luat]\n",
    )
    result = project.check_in_process()
    assert result.returncode == 1
    assert "criteria[0]: tiêu chí 'dung-luat' chưa có tệp models_data/exemplary_criteria.yaml" in result.stderr


def test_profile_founded_at_latest_says_the_date_is_not_known(project):
    project.write(
        "models_data/cooperatives/htx-chua-ro-ngay.yaml",
        NEW_PROFILE.replace("founded: 2018-11-20", "founded: 2017\nfounded_at_latest: true"),
    )
    assert project.build_in_process(env=ENV).returncode == 0
    article = content(parse(page_file(project.built(), "hop-tac-xa/htx-chua-ro-ngay")))
    facts = dict((row[0], row[1]) for row in table_rows(table(article, "facts")))
    assert facts["Thành lập"] == "chưa rõ ngày thành lập; đã hoạt động vào năm 2017"


def test_a_long_directory_is_cut_into_numbered_pages(project, monkeypatch):
    """Thousands of profiles would make one page of megabytes: the directory and each facet value
    show PAGE_SIZE profiles a page, with links to every page; a profile cannot take their address."""
    from ktt_site.cooperatives import listing

    monkeypatch.setattr(listing, "PAGE_SIZE", 2)
    add_profiles(project)
    assert project.build_in_process(env=ENV).returncode == 0
    first = content(parse(page_file(project.built(), "hop-tac-xa/")))
    second = content(parse(page_file(project.built(), "hop-tac-xa/trang-2/")))
    names = [row[0] for row in table_rows(table(first, "directory"))]
    rest = [row[0] for row in table_rows(table(second, "directory"))]
    assert len(names) == 2 and len(rest) == 1
    nav = next(n for n in second.iter("nav") if n.get("aria-label") == "Các trang của danh sách")
    pager = [(text(a), a.get("href")) for a in nav.iter("a")]
    assert pager == [("1", "../")]
    assert "Trang 2/2" in text(second)
    project.write("models_data/cooperatives/trang-2.yaml", NEW_PROFILE)
    result = project.check_in_process()
    assert "models_data/cooperatives/trang-2.yaml:1: id: mã 'trang-2' trùng địa chỉ" in result.stderr


def test_a_long_ocop_list_is_cut_into_pages_that_keep_the_star_groups(project):
    """Generated profiles (bench/generate.py) with every product rated: about 300 OCOP products
    over several pages, each well under the size of the directory's budget, every product once,
    the star levels in order across pages and a level that runs over a page's end said to go on."""
    import math
    import sys

    import yaml
    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import add_profiles as generate_profiles

    # The generated cooperative groups cite this decree as their legal basis.
    project.write(
        "models_data/legal/nd-151-2007.yaml",
        "number: 151/2007/NĐ-CP\ntype: nghi-dinh\ntitle: về tổ chức và hoạt động của tổ hợp tác\n"
        "issuer: Chính phủ\nissued: 2007-10-10\n",
    )
    ids = generate_profiles(project.root, 150, rated_share=1.0)
    expected = []
    for coop_id in ids:
        data = yaml.safe_load(project.path(f"models_data/cooperatives/{coop_id}.yaml").read_text("utf-8"))
        expected += [(p["name"], p["ocop_stars"], coop_id) for p in data["products"]]
    expected.sort(key=lambda row: -row[1])
    assert project.build_in_process(env=ENV).returncode == 0
    site = project.built()

    count = math.ceil(len(expected) / 100)
    assert count >= 3
    addresses = ["hop-tac-xa/san-pham-ocop/"] + [f"hop-tac-xa/san-pham-ocop/trang-{n}/" for n in range(2, count + 1)]
    assert not (site / f"hop-tac-xa/san-pham-ocop/trang-{count + 1}").exists()
    found, headings = [], []
    for number, address in enumerate(addresses, 1):
        path = page_file(site, address)
        assert path.stat().st_size < 100_000, (address, path.stat().st_size)
        assert broken_links(site, path) == []
        article = content(parse(path))
        notice = next(div for div in article.iter("div") if "ktt-illustrative" in div.get("class", ""))
        assert f"Cả {len(expected)} sản phẩm của danh sách đều thuộc hồ sơ minh họa" in text(notice)
        # Each level in the summary links to the page where it starts, at its heading.
        summary = [(label, href) for label, href in links(article) if label.endswith(" sao")]
        assert [label for label, _ in summary] == ["5 sao", "4 sao", "3 sao"]
        for _, href in summary:
            target = resolve(site, path, href) if not href.startswith("#") else path
            anchor = href.split("#", 1)[1]
            assert any(h.get("id") == anchor for h in content(parse(target)).iter("h2")), href
        nav = next(n for n in article.iter("nav") if n.get("aria-label") == "Các trang của danh sách")
        assert [text(li) for li in nav.iter("li")] == [str(n) for n in range(1, count + 1)]
        if count > 1:
            assert f"Trang {number}/{count}: sản phẩm {(number - 1) * 100 + 1} đến" in text(article)
        for heading in article.iter("h2"):
            headings.append((number, text(heading)))
        for ocop_table in article.iter("table"):
            for row, cells in zip(ocop_table.find("tbody"), table_rows(ocop_table), strict=True):
                unit = resolve(site, path, next(row.iter("a")).get("href"))
                found.append((cells[0], int(cells[1].split(" sao")[0][-1]), unit.parent.name))
    # Every rated product exactly once, most stars first.
    assert sorted(found) == sorted(expected)
    assert [stars for _, stars, _ in found] == [stars for _, stars, _ in expected]
    # Levels in order across pages; one that runs on from a page before says so.
    levels = [(int(title[0]), "tiếp theo trang trước" in title) for _, title in headings]
    assert [stars for stars, _ in levels] == sorted((stars for stars, _ in levels), reverse=True)
    assert any(continued for _, continued in levels)
    for (page_before, before), (page_now, now) in zip(headings, headings[1:], strict=False):
        assert ("tiếp theo trang trước" in now) == (now[0] == before[0] and page_now != page_before)
    # The numbered pages are in the sitemap but not in the sidebar.
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert all(f"/{address}</loc>" in sitemap for address in addresses)
    for address in ("", addresses[0]):
        navs = [nav for nav in parse(page_file(site, address)).iter("nav") if "md-" in nav.get("class", "")]
        sidebar = [href for nav in navs for _, href in links(nav)]
        assert sidebar and not any("san-pham-ocop/" in href or "trang-" in href for href in sidebar), address


def test_text_that_a_spreadsheet_would_run_reaches_the_downloads_as_text(project):
    """A summary such as '=HYPERLINK(...)' runs as a formula when a CSV or workbook is opened in
    a spreadsheet: the CSV keeps it behind an apostrophe, the workbook as a text cell, the JSON
    (read by programs) exactly as written; a plain number stays a number."""
    add_profiles(project)
    formula = '=HYPERLINK("http://vi-du.invalid/","Bấm vào đây")'
    project.write(
        "models_data/cooperatives/lien-hiep-htx-dong-tam-moi.yaml",
        NEW_PROFILE.replace("Liên hiệp của bốn hợp tác xã trong huyện.", f"'{formula}'")
        + "members: {2018: 12}\n",
    )
    result = project.build_in_process(env=ENV)
    assert result.returncode == 0, result.stderr
    row = next(r for r in _csv_rows(project) if r["id"] == "lien-hiep-htx-dong-tam-moi")
    assert row["summary"] == "'" + formula
    assert row["members"] == "12"
    record = next(r for r in _json(project)["cooperatives"] if r["id"] == "lien-hiep-htx-dong-tam-moi")
    assert record["summary"] == formula
    book = openpyxl.load_workbook(io.BytesIO((project.built() / "du-lieu/hop-tac-xa.xlsx").read_bytes()))
    sheet = book.active
    headers = [cell.value for cell in sheet[1]]
    cells = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "lien-hiep-htx-dong-tam-moi")
    summary = cells[headers.index(XLSX_COLUMNS["summary"].header)]
    assert (summary.value, summary.data_type) == (formula, "s")
