"""The data contract of ``models_data/legal/<id>.yaml``."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator, model_validator

from ktt_site.validation import MarkdownText, PlainText, Record, Slug

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
    "luat", "nghi-quyet", "ket-luan", "chi-thi", "nghi-dinh", "quyet-dinh", "thong-tu",
    "ke-hoach", "lenh", "van-ban-khac",
]


class LegalDocument(Record):
    """One legal or policy document."""

    id: Slug = Field(description="Mã, trùng tên tệp, ví dụ 'luat-htx-2012'.")
    number: PlainText = Field(description="Số hiệu, ví dụ '23/2012/QH13'.")
    type: DocumentType = Field(description="Loại văn bản: " + ", ".join(TYPES) + ".")
    title: PlainText = Field(description="Trích yếu (tên văn bản), ví dụ 'Luật Hợp tác xã'.")
    issuer: PlainText = Field(description="Cơ quan ban hành, ví dụ 'Quốc hội khóa XIII'.")
    issued: dt.date = Field(description="Ngày ban hành (hoặc ngày thông qua).")
    effective: dt.date | None = Field(default=None, description="Ngày có hiệu lực.")
    expired: dt.date | None = Field(default=None, description="Ngày hết hiệu lực.")
    replaced_by: Slug | None = Field(default=None, description="Mã văn bản thay thế.")
    summary: MarkdownText | None = Field(default=None, description="Tóm tắt, viết bằng Markdown.")
    key_points: list[PlainText] = Field(default_factory=list, description="Các điểm chính.")
    related: list[Slug] = Field(default_factory=list, description="Mã các văn bản liên quan.")
    official_url: str | None = Field(default=None, description="Liên kết tới văn bản chính thức.")
    sources: list[str] = Field(default_factory=list, description="Địa chỉ web các nguồn đã dùng để tóm tắt.")

    @field_validator("sources")
    @classmethod
    def _sources_are_urls(cls, value: list[str]) -> list[str]:
        for url in value:
            if not url.startswith(("https://", "http://")):
                raise ValueError(f"địa chỉ '{url}' phải bắt đầu bằng https:// hoặc http://")
        return value

    @model_validator(mode="after")
    def _dates_in_order(self) -> LegalDocument:
        if self.effective and self.effective < self.issued:
            raise ValueError("ngày có hiệu lực (effective) trước ngày ban hành (issued)")
        if self.expired and self.expired < (self.effective or self.issued):
            raise ValueError("ngày hết hiệu lực (expired) trước ngày có hiệu lực")
        if self.replaced_by == self.id:
            raise ValueError("văn bản không thể tự thay thế chính nó (replaced_by)")
        return self

    @property
    def type_label(self) -> str:
        return TYPES[self.type]

    @property
    def citation(self) -> str:
        """Number, date and subject together: numbers are reused across years."""
        return f"{self.type_label} số {self.number} ngày {self.issued:%d/%m/%Y} {self.title}"
