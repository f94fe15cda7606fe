"""The data contract of ``models_data/legal/<id>.yaml``."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from ktt_site.dates import Date, FlexibleDate, PartialDate, vn_date
from ktt_site.references import LegalId
from ktt_site.validation import MarkdownText, PlainText, Record, Slug, WebAddress

TYPES = {
    "luat": "Luật",
    "nghi-quyet": "Nghị quyết",
    "ket-luan": "Kết luận",
    "chi-thi": "Chỉ thị",
    "nghi-dinh": "Nghị định",
    "quyet-dinh": "Quyết định",
    "thong-tu": "Thông tư",
    "ke-hoach": "Kế hoạch",
    "lenh": "Lệnh",
    "van-ban-khac": "Văn bản khác",
}

DocumentType = Literal[
    "luat",
    "nghi-quyet",
    "ket-luan",
    "chi-thi",
    "nghi-dinh",
    "quyet-dinh",
    "thong-tu",
    "ke-hoach",
    "lenh",
    "van-ban-khac",
]


def date_phrase(day: PartialDate | None) -> str:
    """``ngày 20/11/2012``, ``tháng 09/2005``, ``năm 2019``; empty when the date is unknown."""
    if day is None:
        return ""
    if day.day:
        return f"ngày {vn_date(day.first_day)}"
    if day.month:
        return f"tháng {day}"
    return f"năm {day}"


class DistinctDocument(Record):
    """Another document carrying the same number, which readers must not mistake for this one."""

    number: PlainText = Field(description="Số hiệu trùng, ví dụ '56-KL/TW'.")
    issued: FlexibleDate = Field(description="Ngày ban hành của văn bản kia.")
    subject: PlainText = Field(description="Văn bản kia nói về việc gì.")
    sources: list[WebAddress] = Field(default_factory=list, description="Địa chỉ web xác nhận văn bản kia.")

    @property
    def citation(self) -> str:
        return f"số {self.number} {date_phrase(self.issued)} {self.subject}"


class LegalDocument(Record):
    """One legal or policy document."""

    id: Slug = Field(description="Mã, trùng tên tệp, ví dụ 'luat-htx-2012'.")
    number: PlainText | None = Field(
        description="Số hiệu, ví dụ '23/2012/QH13'; ghi null nếu nguồn không cho biết số hiệu."
    )
    type: DocumentType = Field(description="Loại văn bản: " + ", ".join(TYPES) + ".")
    title: PlainText = Field(description="Trích yếu: tên luật ('Luật Hợp tác xã') hoặc nội dung, viết thường 'về ...'.")
    issuer: PlainText = Field(description="Cơ quan ban hành, ví dụ 'Quốc hội khóa XIII'.")
    issued: FlexibleDate | None = Field(
        description="Ngày ban hành (hoặc thông qua): 2012-11-20; chỉ năm (2019) nếu chỉ biết năm; null nếu chưa rõ."
    )
    effective: Date | None = Field(default=None, description="Ngày có hiệu lực.")
    expired: Date | None = Field(default=None, description="Ngày đầu tiên văn bản hết hiệu lực.")
    replaced_by: LegalId | None = Field(default=None, description="Mã văn bản thay thế.")
    summary: MarkdownText | None = Field(default=None, description="Tóm tắt, viết bằng Markdown.")
    key_points: list[PlainText] = Field(default_factory=list, description="Các điểm chính.")
    related: list[LegalId] = Field(default_factory=list, description="Mã các văn bản liên quan.")
    distinct_from: list[DistinctDocument] = Field(
        default_factory=list, description="Văn bản khác trùng số hiệu, để bạn đọc không nhầm."
    )
    official_url: WebAddress | None = Field(default=None, description="Liên kết tới văn bản chính thức.")
    sources: list[WebAddress] = Field(default_factory=list, description="Địa chỉ web các nguồn đã dùng để tóm tắt.")
    source_notes: list[PlainText] = Field(
        default_factory=list,
        description="Nguồn không có địa chỉ web, ví dụ 'Kế hoạch phối hợp phát triển kinh tế tập thể năm 2018'.",
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> LegalDocument:
        issued = self.issued.first_day if self.issued else None
        if self.effective and issued and self.effective < issued:
            raise ValueError("ngày có hiệu lực (effective) trước ngày ban hành (issued)")
        start = self.effective or issued
        if self.expired and start and self.expired <= start:
            raise ValueError("ngày hết hiệu lực (expired) phải sau ngày có hiệu lực và ngày ban hành")
        if self.replaced_by == self.id:
            raise ValueError("văn bản không thể tự thay thế chính nó (replaced_by)")
        return self

    @property
    def type_label(self) -> str:
        return TYPES[self.type]

    @property
    def _named(self) -> bool:
        # Laws and plans carry their type in their name ("Luật Hợp tác xã"); others a subject.
        return self.title.startswith(self.type_label)

    @property
    def label(self) -> str:
        """Short name and number: ``Luật Hợp tác xã số 23/2012/QH13``, ``Chỉ thị số 19/CT-TTg``."""
        head = self.title if self._named else self.type_label
        return f"{head} số {self.number}" if self.number else head

    @property
    def subject(self) -> str:
        """What the document is about (``về ...``); empty when the name already says it."""
        return "" if self._named else self.title

    @property
    def issued_phrase(self) -> str:
        return date_phrase(self.issued)

    @property
    def common_name(self) -> str:
        """How readers name a titled document, by its year: ``Luật Hợp tác xã năm 2012`` ("" for
        an untitled one or one whose title already gives the year)."""
        if not self._named or self.issued is None or str(self.issued.year) in self.title:
            return ""
        return f"{self.title} năm {self.issued.year}"

    @property
    def citation(self) -> str:
        """Number, date and subject together: numbers are reused across years."""
        return " ".join(part for part in (self.label, self.issued_phrase, self.subject) if part)

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        # An undated document sorts as the oldest, so a newest-first list shows it last.
        return (self.issued.first_day if self.issued else dt.date.min, self.id)
