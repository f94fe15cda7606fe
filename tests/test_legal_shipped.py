"""The shipped legal library is true to the reference files and is published as pages."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import REFERENCE

from ktt_site.errors import ProblemLog
from ktt_site.legal.model import LegalDocument
from ktt_site.validation import load_record_folder

ROOT = Path(__file__).parent.parent
FACTS = "domain-facts.md"
PLAN = "ke-hoach-phoi-hop-ktt-2018.txt"

SHIPPED_IDS = {
    "luat-htx-2012",
    "luat-htx-2023",
    "nq-13-2002",
    "kl-56-2013",
    "ct-19-2015",
    "nd-151-2007",
    "nd-77-2019",
    "nq-20-2022",
    "qd-55-2015-tay-ninh",
    "ke-hoach-phoi-hop-2018",
}

# For each document: the passage of a reference file that states each checked field, quoted
# literally. The test reads the field from the shipped YAML and finds it in that passage.
EVIDENCE: dict[str, dict[str, tuple[str, str]]] = {
    "luat-htx-2012": {
        "number": (FACTS, "Number 23/2012/QH13. Passed 20/11/2012 by Quốc hội khóa XIII"),
        "issued": (FACTS, "Passed 20/11/2012 by Quốc hội khóa XIII"),
        "issuer": (FACTS, "Passed 20/11/2012 by Quốc hội khóa XIII, kỳ họp thứ 4"),
        "effective": (FACTS, "In force from 01/7/2013"),
        "expired": (FACTS, "Luật 23/2012/QH13 stops being in force on 01/7/2024"),
    },
    "luat-htx-2023": {
        "number": (FACTS, "Replaced by **Luật Hợp tác xã 2023, số 17/2023/QH15**"),
        "issued": (FACTS, "Passed 20/6/2023, Quốc hội khóa XV"),
        "issuer": (FACTS, "Passed 20/6/2023, Quốc hội khóa XV, kỳ họp thứ 5"),
        "effective": (FACTS, "In force **01/7/2024**"),
    },
    "nq-13-2002": {
        "number": (FACTS, "Nghị quyết số **13-NQ/TW ngày 18/3/2002**"),
        "issued": (FACTS, "Nghị quyết số **13-NQ/TW ngày 18/3/2002**"),
        "issuer": (FACTS, "Hội nghị lần thứ 5 BCH TW Đảng khóa IX"),
    },
    "kl-56-2013": {
        "number": (PLAN, "Kết luận số 56-KL/TW ngày 21/02/2013 của Bộ Chính trị"),
        "issued": (PLAN, "Kết luận số 56-KL/TW ngày 21/02/2013 của Bộ Chính trị"),
        "issuer": (FACTS, "Kết luận 56-KL/TW của Bộ Chính trị khoá XI"),
    },
    "ct-19-2015": {
        "number": (PLAN, "Chỉ thị số 19/CT-TTg ngày 24/07/2015 của Thủ tướng Chính phủ"),
        "issued": (PLAN, "Chỉ thị số 19/CT-TTg ngày 24/07/2015 của Thủ tướng Chính phủ"),
        "issuer": (PLAN, "Chỉ thị số 19/CT-TTg ngày 24/07/2015 của Thủ tướng Chính phủ"),
    },
    "nd-151-2007": {
        "number": (FACTS, "NĐ 151/2007/NĐ-CP ngày **10/10/2007**"),
        "issued": (FACTS, "NĐ 151/2007/NĐ-CP ngày **10/10/2007**"),
        "issuer": (PLAN, "Nghị định 151/2007/NĐ-CP của Chính phủ"),
    },
    "nd-77-2019": {
        "number": (FACTS, "NĐ 77/2019/NĐ-CP exists and governs tổ hợp tác"),
        "issued": (FACTS, "NĐ 77/2019/NĐ-CP: issued **10/10/2019**"),
        "effective": (FACTS, "In force **25/11/2019**"),
        # A number ending in NĐ-CP is a decree of the Government, as the plan writes out for 151.
        "issuer": (PLAN, "Nghị định 151/2007/NĐ-CP của Chính phủ"),
    },
    "nq-20-2022": {
        "number": (FACTS, "Nghị quyết 20-NQ/TW ngày 16/6/2022, Hội nghị TW5 khóa XIII"),
        "issued": (FACTS, "Nghị quyết 20-NQ/TW ngày 16/6/2022, Hội nghị TW5 khóa XIII"),
        "issuer": (FACTS, "Nghị quyết 20-NQ/TW ngày 16/6/2022, Hội nghị TW5 khóa XIII"),
        "title": (
            FACTS,
            'Full title: "về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới"',
        ),
    },
    "qd-55-2015-tay-ninh": {
        "number": (PLAN, "Quyết định số 55/2015/QĐ-UBND ngày 04/11/2015 của Ủy ban Nhân dân tỉnh"),
        "issued": (PLAN, "Quyết định số 55/2015/QĐ-UBND ngày 04/11/2015 của Ủy ban Nhân dân tỉnh"),
        "issuer": (PLAN, "Quyết định số 55/2015/QĐ-UBND ngày 04/11/2015 của Ủy ban Nhân dân tỉnh"),
    },
    "ke-hoach-phoi-hop-2018": {
        "title": (PLAN, "thống nhất Kế hoạch phối hợp phát triển kinh tế tập thể năm 2018 như sau"),
        "issuer": (PLAN, "Liên minh Hợp tác xã và các tổ chức chính trị - xã hội tỉnh thống nhất"),
    },
}

# Fields a source does not confirm: they must stay empty (or partial) in the shipped data.
UNCONFIRMED = {
    "nd-77-2019": {"expired": None, "replaced_by": None},
    "nd-151-2007": {"expired": None, "replaced_by": None},
    "ke-hoach-phoi-hop-2018": {"number": None, "issued": None},
}


# Abbreviations of the facts file, written out as the shipped data spells them.
ABBREVIATIONS = {
    "BCH TW Đảng": "Ban Chấp hành Trung ương Đảng",
    # "Hội nghị TW5 khóa XIII" is the 5th plenum of the Party Central Committee of that term.
    "Hội nghị TW5 khóa": "Hội nghị lần thứ 5 Ban Chấp hành Trung ương Đảng khóa",
}


def expanded(passage: str) -> str:
    for short, full in ABBREVIATIONS.items():
        passage = passage.replace(short, full)
    return passage


def normal(text: str) -> str:
    """Compose diacritics and use the new tone placement, so 'khoá' and 'khóa' compare equal."""
    text = unicodedata.normalize("NFC", text)
    for old, new in (
        ("oá", "óa"),
        ("oà", "òa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("uý", "úy"),
        ("uỳ", "ùy"),
        ("uỷ", "ủy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
    ):
        text = text.replace(old, new)
    return text


def date_spellings(day: dt.date) -> set[str]:
    return {
        f"{d}/{m}/{day.year}" for d in (str(day.day), f"{day.day:02d}") for m in (str(day.month), f"{day.month:02d}")
    }


@pytest.fixture(scope="module")
def library() -> dict[str, LegalDocument]:
    log = ProblemLog(ROOT)
    docs = load_record_folder(ROOT / "models_data" / "legal", LegalDocument, log)
    assert not log.problems, log.problems
    return docs


@pytest.fixture(scope="module")
def references() -> dict[str, str]:
    return {name: normal((REFERENCE / name).read_text(encoding="utf-8")) for name in (FACTS, PLAN)}


def test_the_ten_documents_of_the_plan_are_shipped(library):
    assert set(library) == SHIPPED_IDS


@pytest.mark.parametrize("doc_id", sorted(EVIDENCE))
def test_number_dates_and_issuer_match_the_reference_files(library, references, doc_id):
    doc = library[doc_id]
    for field, (source, passage) in EVIDENCE[doc_id].items():
        passage = normal(passage)
        assert passage in references[source], f"{doc_id}.{field}: passage not in {source}: {passage}"
        value = getattr(doc, field)
        if field == "issued" and value.day is None:
            assert str(value.year) in passage, (doc_id, field)
        elif isinstance(value, dt.date) or field == "issued":
            day = value.first_day if field == "issued" else value
            assert date_spellings(day) & {w.strip("*,.") for w in passage.split()}, (
                doc_id,
                field,
                day,
                passage,
            )
        else:
            assert normal(value).split(" tỉnh Tây Ninh")[0] in expanded(passage), (
                doc_id,
                field,
                value,
                passage,
            )
    checked = set(EVIDENCE[doc_id])
    assert "issuer" in checked, doc_id
    for field in ("number", "issued", "effective", "expired"):
        if getattr(doc, field) is not None:
            assert field in checked, f"{doc_id}.{field} is set but no reference passage confirms it"


@pytest.mark.parametrize("doc_id", sorted(UNCONFIRMED))
def test_unconfirmed_points_are_left_out(library, doc_id):
    for field, expected in UNCONFIRMED[doc_id].items():
        assert getattr(library[doc_id], field) == expected, (doc_id, field)


def test_documents_whose_number_is_reused_say_which_one_they_are_not(library, references):
    assert "56-KL/TW ngày 23/8/2019" in references[FACTS]
    assert "Chỉ thị 19/CT-TTg ngày 16/7/2021" in references[FACTS]
    assert "Chỉ thị 19/CT-TTg ngày 24/6/2024" in references[FACTS]
    assert [(d.number, d.issued.first_day) for d in library["kl-56-2013"].distinct_from] == [
        ("56-KL/TW", dt.date(2019, 8, 23))
    ]
    assert [(d.number, d.issued.first_day) for d in library["ct-19-2015"].distinct_from] == [
        ("19/CT-TTg", dt.date(2021, 7, 16)),
        ("19/CT-TTg", dt.date(2024, 6, 24)),
    ]


def test_every_shipped_document_has_a_summary_and_a_source(library):
    for doc in library.values():
        assert doc.summary and doc.key_points, doc.id
        assert doc.sources or doc.source_notes, doc.id


def test_no_source_url_is_a_truncated_quote(library):
    for doc in library.values():
        for url in doc.sources:
            assert "..." not in url and "…" not in url, (doc.id, url)


def test_shipped_site_publishes_every_document(shipped_site):
    index = (shipped_site / "van-ban" / "index.html").read_text(encoding="utf-8")
    for doc_id in SHIPPED_IDS:
        page = shipped_site / "van-ban" / doc_id / "index.html"
        assert page.is_file(), doc_id
        assert f'href="{doc_id}/"' in index, doc_id
    old = (shipped_site / "van-ban" / "luat-htx-2012" / "index.html").read_text(encoding="utf-8")
    assert "Hết hiệu lực từ 01/07/2024" in old
    assert 'href="../luat-htx-2023/"' in old
    home = (shipped_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a [^>]*href="van-ban/"[^>]*>\s*Văn bản\s*</a>', home), "nav entry"
    kl = (shipped_site / "van-ban" / "kl-56-2013" / "index.html").read_text(encoding="utf-8")
    assert "Kết luận số 56-KL/TW ngày 23/08/2019 về biến đổi khí hậu" in kl


def test_the_plan_and_its_basis_link_to_the_plan_page(shipped_site):
    for doc_id, role in (
        ("ke-hoach-phoi-hop-2018", "Nội dung, phân công và tiến độ của kế hoạch này"),
        ("qd-55-2015-tay-ninh", "Kế hoạch lấy văn bản này làm căn cứ"),
    ):
        page = (shipped_site / "van-ban" / doc_id / "index.html").read_text(encoding="utf-8")
        item = re.search(r'<ul class="ktt-legal-plans">\s*<li>(.*?)</li>', page, re.S)
        assert item, doc_id
        assert item.group(1).startswith(f'{role}: <a href="../../ke-hoach/2018/">'), item.group(1)
        assert (shipped_site / "ke-hoach" / "2018" / "index.html").is_file()


def test_the_corrections_of_the_2026_fact_check_are_shipped(library, references):
    """domain-facts.md section 10: what the site had overstated or misdated."""
    facts = references[FACTS]
    for passage in (
        "k1 requires a cooperative to amend its charter only where the charter does not conform to the new law",
        "k2 requires registration only of the tổ hợp tác \"thuộc đối tượng phải đăng ký theo khoản 2 Điều 107\"",
        "Luật HTX 2012 ceases to have effect from 01/07/2024 under **Điều 114 k3** (not Điều 115)",
        "Tạp chí Cộng sản article 825074 (on 20 years of NQ 13) is dated **06/03/2022**",
    ):
        assert normal(passage) in facts, passage
    law_2023 = library["luat-htx-2023"]
    said = " ".join([law_2023.summary or "", *law_2023.key_points])
    assert "có điều lệ chưa phù hợp với luật phải sửa điều lệ trong 18 tháng (khoản 1 Điều 115)" in said
    assert "Tổ hợp tác thuộc đối tượng phải đăng ký theo khoản 2 Điều 107 phải đăng ký" in said
    assert "Tổ hợp tác phải đăng ký" not in said
    assert "khoản 3 Điều 114" in " ".join(library["luat-htx-2012"].key_points)
    assert any("825074" in note and "06/03/2022" in note for note in library["nq-13-2002"].source_notes)


def test_pages_about_the_fact_checked_points_say_the_same():
    articles = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "content").rglob("*.md")}
    joined = "\n".join(articles.values())
    assert "bài năm 2018 về Nghị quyết 13-NQ/TW" not in joined  # the article is of 06/03/2022
    assert "**Tổ hợp tác phải đăng ký**" not in joined
    assert "khi đó có **60 xã viên**" not in joined  # 60 members and linked households, around 2011
