"""The data contract of ``models_data/cooperatives/<id>.yaml``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, NonNegativeInt, ValidationInfo, field_validator, model_validator

from ktt_site.dates import Date, FlexibleDate
from ktt_site.references import (
    Commune2018Id,
    CommuneId,
    CriterionId,
    District2018Id,
    LegalBasisId,
    OrganizationId,
)
from ktt_site.validation import FieldError, MarkdownText, PlainText, Record, Sector, Slug, WebAddress

KINDS = {"htx": "Hợp tác xã", "tht": "Tổ hợp tác", "lien-hiep": "Liên hiệp hợp tác xã"}
KIND_SHORT = {"htx": "HTX", "tht": "THT", "lien-hiep": "Liên hiệp HTX"}
STATUSES = {"active": "Đang hoạt động", "dissolved": "Đã giải thể", "unknown": "Chưa rõ"}
RELATIONS = {
    "buys": "Bao tiêu, thu mua sản phẩm",
    "supplies": "Cung ứng đầu vào",
    "processes": "Sơ chế, chế biến",
    "sells": "Phân phối, bán lẻ",
    "supports": "Hỗ trợ kỹ thuật, vốn",
}

Year = Annotated[int, Field(ge=1950, le=2100)]
YearFigures = dict[Year, NonNegativeInt]

#: Paths under ``/hop-tac-xa/`` taken by generated listings; a profile id must not take them.
RESERVED_IDS = frozenset(
    {"theo-huyen", "theo-linh-vuc", "theo-loai", "theo-to-chuc", "san-pham-ocop", "dien-hinh-tien-tien"}
)


class Product(Record):
    name: PlainText = Field(description="Tên sản phẩm, ví dụ 'Mãng cầu Bà Đen'.")
    ocop_stars: int | None = Field(default=None, ge=1, le=5, description="Số sao OCOP (1 đến 5), nếu đã được đánh giá.")
    ocop_year: Year | None = Field(default=None, description="Năm được công nhận OCOP.")
    certifications: list[PlainText] = Field(default_factory=list, description="Chứng nhận, ví dụ VietGAP, GlobalGAP.")
    key_product: bool = Field(default=False, description="true nếu là sản phẩm chủ lực của địa phương.")


class ValueChainLink(Record):
    partner: PlainText = Field(description="Tên đối tác, ví dụ 'Saigon Co.op'.")
    relation: Literal["buys", "supplies", "processes", "sells", "supports"] = Field(
        description="Quan hệ: buys (thu mua), supplies (cung ứng), processes (chế biến), sells (phân phối), supports (hỗ trợ)."
    )
    what: PlainText | None = Field(default=None, description="Mua hoặc cung cấp gì.")
    since: Year | None = Field(default=None, description="Năm bắt đầu liên kết.")


class Recognition(Record):
    year: Year = Field(description="Năm được công nhận điển hình tiên tiến.")
    recognized_by: PlainText = Field(description="Cơ quan công nhận, khen thưởng.")
    reason: PlainText = Field(description="Lý do, thành tích.")
    criteria: list[CriterionId] = Field(
        default_factory=list, description="Mã các tiêu chí đạt được (trong exemplary_criteria.yaml)."
    )


class Image(Record):
    path: str = Field(description="Đường dẫn ảnh trong content/, ví dụ 'images/hop-tac-xa/<mã>/anh-1.jpg'.")
    alt: PlainText = Field(description="Mô tả ảnh cho người không xem được ảnh.")
    caption: PlainText | None = Field(default=None, description="Chú thích dưới ảnh.")
    credit: PlainText | None = Field(default=None, description="Tác giả hoặc nguồn ảnh.")


class Contact(Record):
    representative: PlainText | None = Field(default=None, description="Người đại diện, chức vụ.")
    address: PlainText | None = Field(default=None, description="Địa chỉ.")
    phone: PlainText | None = Field(default=None, description="Số điện thoại.")
    email: PlainText | None = Field(default=None, description="Thư điện tử.")
    website: WebAddress | None = Field(default=None, description="Trang web.")


class Cooperative(Record):
    """One HTX, THT or union of cooperatives."""

    id: Slug = Field(description="Mã, trùng tên tệp (không cần ghi).")
    name: PlainText = Field(description="Tên đầy đủ, ví dụ 'Hợp tác xã Nông nghiệp Mãng cầu Thạnh Tân'.")
    kind: Literal["htx", "tht", "lien-hiep"] = Field(description="Loại: htx, tht hoặc lien-hiep.")
    founded: FlexibleDate = Field(description="Ngày thành lập: 2005-09-14, hoặc 2005-09 nếu chỉ biết tháng.")
    founded_at_latest: bool = Field(
        default=False,
        description="true nếu nguồn không nêu ngày thành lập mà chỉ cho biết HTX đã hoạt động vào thời điểm ghi ở founded.",
    )
    commune_2018: Commune2018Id | None = Field(
        default=None, description="Mã xã, phường, thị trấn năm 2018 (trong localities/2018.yaml), nếu nguồn nêu."
    )
    district_2018: District2018Id | None = Field(
        default=None,
        description="Mã huyện năm 2018 (trong localities/2018.yaml), khi nguồn chỉ nêu huyện mà không nêu xã.",
    )
    # After the 2018 fields: its check sees them, and runs even when other fields are wrong.
    commune: CommuneId | None = Field(
        default=None,
        validate_default=True,
        description=(
            "Mã xã, phường hiện nay (trong localities/2025.yaml). Để trống nếu chỉ biết xã năm 2018 "
            "(commune_2018) và xã đó nhập nguyên vào một xã, phường mới: trang tự suy ra."
        ),
    )
    status: Literal["active", "dissolved", "unknown"] = Field(
        default="unknown",
        description=(
            "Tình trạng: active (đang hoạt động), dissolved (đã giải thể) hoặc unknown (chưa rõ: "
            "khi không có nguồn nào cho biết; để trống cũng là chưa rõ)."
        ),
    )
    dissolved: Date | None = Field(default=None, description="Ngày giải thể (khi status là dissolved).")
    legal_basis: LegalBasisId | None = Field(
        default=None,
        description="Mã văn bản pháp lý làm cơ sở hoạt động, ví dụ 'luat-htx-2023'; để trống khi nguồn không nêu.",
    )
    founded_by: list[OrganizationId] = Field(default_factory=list, description="Mã các tổ chức có hội viên sáng lập.")
    sectors: list[Sector] = Field(default_factory=list, description="Lĩnh vực, ví dụ 'Trồng trọt'.")
    members: YearFigures = Field(default_factory=dict, description="Số thành viên theo năm, ví dụ 2018: 60.")
    avg_income: YearFigures = Field(
        default_factory=dict, description="Thu nhập bình quân của thành viên (đồng/người/năm) theo năm."
    )
    capital: YearFigures = Field(default_factory=dict, description="Vốn điều lệ (đồng) theo năm.")
    revenue: YearFigures = Field(default_factory=dict, description="Doanh thu (đồng) theo năm.")
    area_ha: float | None = Field(default=None, ge=0, description="Diện tích sản xuất (ha).")
    products: list[Product] = Field(default_factory=list, description="Sản phẩm.")
    value_chain: list[ValueChainLink] = Field(default_factory=list, description="Liên kết chuỗi giá trị.")
    exemplary: list[Recognition] = Field(
        default_factory=list, description="Các lần được công nhận điển hình tiên tiến."
    )
    summary: PlainText | None = Field(
        default=None, max_length=300, description="Một câu giới thiệu (tối đa 300 ký tự)."
    )
    story: MarkdownText | None = Field(default=None, description="Câu chuyện, viết bằng Markdown.")
    images: list[Image] = Field(default_factory=list, description="Ảnh.")
    contact: Contact | None = Field(default=None, description="Liên hệ.")
    sources: list[WebAddress] = Field(default_factory=list, description="Địa chỉ web các nguồn thông tin.")
    illustrative: bool = Field(default=False, description="true nếu là dữ liệu minh họa, không phải thông tin thật.")

    @field_validator("id")
    @classmethod
    def _id_is_free(cls, value: str) -> str:
        # trang-2, trang-3...: the directory's numbered pages (cooperatives/listing.py).
        if value in RESERVED_IDS or (value.startswith("trang-") and value[6:].isdigit()):
            raise ValueError(f"mã '{value}' trùng địa chỉ một trang tự sinh của mục Hợp tác xã; hãy đổi tên tệp")
        return value

    @field_validator("commune")
    @classmethod
    def _has_a_place(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and not (info.data.get("commune_2018") or info.data.get("district_2018")):
            raise ValueError(
                "thiếu nơi hoạt động: ghi commune (xã, phường hiện nay), hoặc commune_2018 (xã năm 2018), "
                "hoặc district_2018 (huyện năm 2018, khi nguồn chỉ nêu huyện)"
            )
        return value

    @field_validator("founded", mode="before")
    @classmethod
    def _founded_is_filled(cls, value: Any) -> Any:
        # A scaffolded file leaves it empty on purpose: say what to write, not "None is invalid".
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValueError(
                "chưa điền ngày thành lập; viết NĂM-THÁNG-NGÀY (2018-03-15), hoặc 2018-03 nếu chỉ biết tháng"
            )
        return value

    @field_validator("exemplary", mode="before")
    @classmethod
    def _one_recognition_is_a_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, dict) else value

    @model_validator(mode="after")
    def _dissolution_is_consistent(self) -> Cooperative:
        if self.dissolved and self.status != "dissolved":
            raise ValueError("có ngày giải thể (dissolved) nhưng status không phải 'dissolved'")
        if self.dissolved and self.dissolved < self.founded.first_day:
            raise FieldError("dissolved", "ngày giải thể trước ngày thành lập")
        return self

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    @property
    def kind_short(self) -> str:
        return KIND_SHORT[self.kind]

    @property
    def founded_label(self) -> str:
        """The founding date as readers see it, honest about what the sources leave open."""
        if not self.founded_at_latest:
            return str(self.founded)
        unit = "ngày" if self.founded.day else "tháng" if self.founded.month else "năm"
        return f"chưa rõ ngày thành lập; đã hoạt động vào {unit} {self.founded}"

    @property
    def years(self) -> list[int]:
        """Every year that has at least one figure, oldest first."""
        return sorted({*self.members, *self.avg_income, *self.capital, *self.revenue})

    @property
    def ocop_products(self) -> list[Product]:
        return [p for p in self.products if p.ocop_stars]

    def active_on(self, day: dt.date) -> bool:
        """Founded (for certain) by ``day`` and not dissolved by then; never when no source says
        whether it is active (status ``unknown``)."""
        if self.founded.last_day > day or self.status == "unknown":
            return False
        return not (self.status == "dissolved" and (self.dissolved is None or self.dissolved <= day))


def latest(figures: dict[int, int]) -> tuple[int, int] | None:
    """The most recent (year, value) of a yearly figure, or None when there is none."""
    if not figures:
        return None
    year = max(figures)
    return year, figures[year]
