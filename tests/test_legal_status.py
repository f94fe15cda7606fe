"""The legal library's core: in-force status on a given day, citations, the data contract."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from ktt_site.errors import ProblemLog
from ktt_site.legal.model import LegalDocument
from ktt_site.legal.status import replaces, status_of
from ktt_site.validation import explain

LAW_2012 = {
    "id": "luat-htx-2012",
    "number": "23/2012/QH13",
    "type": "luat",
    "title": "Luật Hợp tác xã",
    "issuer": "Quốc hội khóa XIII",
    "issued": dt.date(2012, 11, 20),
    "effective": dt.date(2013, 7, 1),
    "expired": dt.date(2024, 7, 1),
    "replaced_by": "luat-htx-2023",
}
LAW_2023 = {
    "id": "luat-htx-2023",
    "number": "17/2023/QH15",
    "type": "luat",
    "title": "Luật Hợp tác xã",
    "issuer": "Quốc hội khóa XV",
    "issued": dt.date(2023, 6, 20),
    "effective": dt.date(2024, 7, 1),
}
DIRECTIVE = {
    "id": "ct-19-2015",
    "number": "19/CT-TTg",
    "type": "chi-thi",
    "title": "về đẩy mạnh triển khai thi hành Luật Hợp tác xã",
    "issuer": "Thủ tướng Chính phủ",
    "issued": dt.date(2015, 7, 24),
}


def doc(data: dict[str, Any], **changes: Any) -> LegalDocument:
    return LegalDocument.model_validate({**data, **changes})


@pytest.fixture
def library() -> dict[str, LegalDocument]:
    return {d.id: d for d in (doc(LAW_2012), doc(LAW_2023), doc(DIRECTIVE))}


def test_before_the_effective_date_the_law_is_not_yet_in_force(library):
    status = status_of(library["luat-htx-2012"], library, dt.date(2013, 6, 30))
    assert status.kind == "not_yet"
    assert status.label == "Chưa có hiệu lực"
    assert status.detail == "Sẽ có hiệu lực từ ngày 01/07/2013."


def test_from_the_effective_date_until_the_day_before_expiry_the_law_is_in_force(library):
    for day in (dt.date(2013, 7, 1), dt.date(2018, 12, 31), dt.date(2024, 6, 30)):
        status = status_of(library["luat-htx-2012"], library, day)
        assert status.kind == "in_force", day
        assert status.label == "Còn hiệu lực"
    assert "sẽ hết hiệu lực từ ngày 01/07/2024" in status.detail
    assert "Luật Hợp tác xã số 17/2023/QH15 ngày 20/06/2023" in status.detail


def test_from_the_expiry_date_the_law_has_expired_and_names_its_replacement(library):
    for day in (dt.date(2024, 7, 1), dt.date(2025, 11, 26)):
        status = status_of(library["luat-htx-2012"], library, day)
        assert status.kind == "expired"
        assert status.label == "Hết hiệu lực từ 01/07/2024"
        assert status.replaced_by is library["luat-htx-2023"]
        assert status.detail == (
            "Hết hiệu lực từ ngày 01/07/2024, được thay thế bởi "
            "Luật Hợp tác xã số 17/2023/QH15 ngày 20/06/2023."
        )


def test_a_document_not_yet_issued_on_the_day_is_not_in_force(library):
    status = status_of(library["luat-htx-2023"], library, dt.date(2018, 12, 31))
    assert status.kind == "not_yet"
    assert status.label == "Chưa có hiệu lực"


def test_without_an_effective_date_the_status_says_it_is_not_known(library):
    status = status_of(library["ct-19-2015"], library, dt.date(2018, 12, 31))
    assert status.kind == "unknown"
    assert status.label == "Chưa rõ hiệu lực"
    assert "chưa có nguồn xác nhận ngày có hiệu lực" in status.detail
    before = status_of(library["ct-19-2015"], library, dt.date(2015, 7, 23))
    assert before.kind == "not_yet"


def test_replaced_without_a_known_expiry_date_says_replaced_once_the_successor_applies():
    old = doc(DIRECTIVE, id="cu", replaced_by="moi")
    new = doc(
        DIRECTIVE,
        id="moi",
        number="1/CT-TTg",
        issued=dt.date(2020, 1, 1),
        effective=dt.date(2020, 3, 1),
    )
    library = {"cu": old, "moi": new}
    assert status_of(old, library, dt.date(2020, 2, 1)).kind == "unknown"
    status = status_of(old, library, dt.date(2020, 3, 1))
    assert status.kind == "expired"
    assert status.label == "Đã được thay thế"
    assert "chưa rõ ngày hết hiệu lực" in status.detail


def test_replaces_is_read_from_replaced_by_only(library):
    assert replaces(library["luat-htx-2023"], library) == [library["luat-htx-2012"]]
    assert replaces(library["luat-htx-2012"], library) == []


def test_citation_always_carries_number_date_and_subject():
    assert doc(LAW_2012).citation == "Luật Hợp tác xã số 23/2012/QH13 ngày 20/11/2012"
    assert doc(DIRECTIVE).citation == (
        "Chỉ thị số 19/CT-TTg ngày 24/07/2015 về đẩy mạnh triển khai thi hành Luật Hợp tác xã"
    )
    decree = doc(
        DIRECTIVE,
        id="nd",
        type="nghi-dinh",
        number="77/2019/NĐ-CP",
        title="về tổ hợp tác",
        issued=2019,
    )
    assert decree.citation == "Nghị định số 77/2019/NĐ-CP năm 2019 về tổ hợp tác"
    plan = doc(
        DIRECTIVE,
        id="kh",
        type="ke-hoach",
        number=None,
        issued=None,
        title="Kế hoạch phối hợp phát triển kinh tế tập thể năm 2018",
    )
    assert plan.citation == "Kế hoạch phối hợp phát triển kinh tế tập thể năm 2018"


def test_issued_accepts_a_year_alone_but_must_be_written():
    assert str(doc(DIRECTIVE, issued="2019").issued) == "2019"
    assert doc(DIRECTIVE, issued="2015-07-24").issued == doc(DIRECTIVE).issued
    data = {k: v for k, v in DIRECTIVE.items() if k != "issued"}
    with pytest.raises(ValidationError) as exc:
        LegalDocument.model_validate(data)
    assert [explain(e) for e in exc.value.errors()] == ["thiếu trường bắt buộc"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"effective": dt.date(2015, 7, 1)},
            "ngày có hiệu lực (effective) trước ngày ban hành (issued)",
        ),
        (
            {"effective": dt.date(2015, 8, 1), "expired": dt.date(2015, 8, 1)},
            "ngày hết hiệu lực (expired) phải sau ngày có hiệu lực và ngày ban hành",
        ),
        ({"replaced_by": "ct-19-2015"}, "văn bản không thể tự thay thế chính nó (replaced_by)"),
        (
            {"sources": ["vbpl.vn/abc"]},
            "địa chỉ 'vbpl.vn/abc' phải bắt đầu bằng https:// hoặc http://",
        ),
        ({"official_url": "ftp://x"}, "địa chỉ 'ftp://x' phải bắt đầu bằng https:// hoặc http://"),
    ],
)
def test_inconsistent_documents_are_refused_in_vietnamese(changes, message):
    with pytest.raises(ValidationError) as exc:
        doc(DIRECTIVE, **changes)
    assert [explain(e) for e in exc.value.errors()] == [message]


def test_a_non_url_source_goes_in_source_notes():
    record = doc(DIRECTIVE, source_notes=["Kế hoạch phối hợp phát triển kinh tế tập thể năm 2018"])
    assert record.source_notes == ["Kế hoạch phối hợp phát triển kinh tế tập thể năm 2018"]


def test_replacement_cycles_are_reported_once_with_the_chain(tmp_path):
    from ktt_site.legal.checks import check_replacement_cycles
    from ktt_site.validation import load_record_folder

    folder = tmp_path / "legal"
    folder.mkdir()
    base = "type: chi-thi\ntitle: về việc thử\nissuer: Thủ tướng Chính phủ\nissued: 2015-07-24\n"
    for name, target in (("a", "b"), ("b", "c"), ("c", "a"), ("d", "a"), ("e", None)):
        (folder / f"{name}.yaml").write_text(
            f"number: {name}/CT-TTg\n{base}" + (f"replaced_by: {target}\n" if target else ""),
            encoding="utf-8",
        )
    log = ProblemLog(tmp_path)
    library = load_record_folder(folder, LegalDocument, log)
    check_replacement_cycles(library, log)
    assert [str(p) for p in log.problems] == [
        "legal/a.yaml:6: replaced_by: chuỗi thay thế bị vòng lặp (a → b → c → a); "
        "hãy sửa replaced_by để chuỗi đi từ văn bản cũ tới văn bản mới"
    ]
