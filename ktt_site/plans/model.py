"""The data contract of ``models_data/plans/<year>.yaml`` and ``progress/<year>/<org>.yaml``."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, NonNegativeInt, model_validator

from ktt_site.dates import Date
from ktt_site.references import LegalId, OrganizationId
from ktt_site.validation import MarkdownText, PlainText, Record, Slug, WebAddress

CooperativeKind = Literal["htx", "tht", "lien-hiep"]
ReportedField = Literal["training_classes", "trainees", "new_tht", "new_htx"]


class Period(Record):
    start: Date = Field(description="Ngày bắt đầu.")
    end: Date = Field(description="Ngày kết thúc.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("ngày kết thúc (end) trước ngày bắt đầu (start)")
        return self


class Task(Record):
    id: Slug = Field(description="Mã nhiệm vụ, ví dụ 'tuyen-truyen'.")
    number: PlainText = Field(description="Số mục trong kế hoạch, ví dụ '2.1'.")
    title: PlainText = Field(description="Tên ngắn của nhiệm vụ.")
    text: MarkdownText = Field(description="Nội dung nhiệm vụ như trong kế hoạch.")


ROLES = {"lead": "Chủ trì", "support": "Phối hợp"}


class Assignment(Record):
    task: Slug | None = Field(default=None, description="Mã nội dung phối hợp (khi việc thuộc về một mục).")
    tasks: list[Slug] = Field(
        default_factory=list,
        description="Mã các nội dung phối hợp (mục 2.x) mà việc này thuộc về; để trống nếu là việc chung.",
    )
    role: Literal["lead", "support"] | None = Field(
        default=None, description="lead (chủ trì) hoặc support (phối hợp); để trống khi kế hoạch không nói rõ."
    )
    duty: PlainText = Field(description="Việc được giao, như trong kế hoạch.")

    @property
    def role_label(self) -> str:
        return ROLES[self.role] if self.role else ""

    @property
    def task_ids(self) -> list[str]:
        return ([self.task] if self.task else []) + [t for t in self.tasks if t != self.task]


class CountCooperatives(Record):
    """Cooperatives founded inside the plan's period, by kind and legal basis."""

    type: Literal["count_cooperatives"]
    kinds: list[CooperativeKind] = Field(min_length=1, description="Loại được đếm.")
    legal_basis: list[LegalId] = Field(
        default_factory=list, description="Chỉ đếm HTX theo các văn bản này (để trống: mọi văn bản)."
    )


class CommuneCoverage(Record):
    """Share of all communes with at least one qualifying active cooperative."""

    type: Literal["commune_coverage"]
    kinds: list[CooperativeKind] = Field(min_length=1, description="Loại được tính.")
    legal_basis: list[LegalId] = Field(default_factory=list, description="Văn bản làm cơ sở hoạt động.")
    key_product: bool = Field(default=False, description="true: chỉ tính HTX có sản phẩm chủ lực của địa phương.")


class IncomeGrowth(Record):
    """Members' average income, weighted by members, against the year before."""

    type: Literal["income_growth"]
    year: int | None = Field(
        default=None, ge=1950, le=2100, description="Năm so sánh với năm trước (mặc định: năm kết thúc kỳ kế hoạch)."
    )


class Reported(Record):
    """A figure organisations report in ``progress/``."""

    type: Literal["reported"]
    field: ReportedField = Field(description="Chỉ số được báo cáo.")
    per_organization: bool = Field(default=False, description="true: mỗi tổ chức phải đạt mức chỉ tiêu.")


Measure = Annotated[
    CountCooperatives | CommuneCoverage | IncomeGrowth | Reported,
    Field(discriminator="type"),
]


class TargetRange(Record):
    min: float | None = Field(default=None, ge=0, description="Mức tối thiểu (đạt khi bằng hoặc vượt).")
    max: float | None = Field(default=None, ge=0, description="Mức tối đa của khoảng (vượt khi cao hơn).")
    min_exclusive: bool = Field(
        default=False, description="true: chỉ đạt khi lớn hơn hẳn min (ví dụ 'tăng hơn năm trước')."
    )

    @model_validator(mode="after")
    def _ordered(self) -> TargetRange:
        if self.min is None and self.max is None:
            raise ValueError("cần ít nhất một trong min, max")
        if self.min is not None and self.max is not None and self.max < self.min:
            raise ValueError("max nhỏ hơn min")
        return self


class Target(Record):
    id: Slug = Field(description="Mã chỉ tiêu, dùng trong địa chỉ trang, ví dụ 'tht-moi'.")
    title: PlainText = Field(description="Tên chỉ tiêu.")
    text: PlainText | None = Field(default=None, description="Nguyên văn chỉ tiêu trong kế hoạch.")
    measure: Measure = Field(description="Cách tính (một trong các cách tính có sẵn).")
    target: TargetRange = Field(description="Mức chỉ tiêu.")
    unit: PlainText = Field(description="Đơn vị, ví dụ 'THT', '%', 'lớp'.")


class CompleteRecords(Record):
    """A declaration that the records on file of some kinds are complete up to a date.

    Without one, the directory is a showcase: a count can show that a target was met, never that
    it was missed.
    """

    kinds: list[CooperativeKind] = Field(min_length=1, description="Loại hồ sơ đã đầy đủ (htx, tht, lien-hiep).")
    as_of: Date = Field(description="Hồ sơ đầy đủ đến ngày này (ngày chốt của sổ đăng ký).")
    description: PlainText = Field(description="Nguồn đầy đủ là gì, ví dụ 'Sổ đăng ký HTX của Sở Tài chính'.")
    sources: list[WebAddress] = Field(min_length=1, description="Địa chỉ web công bố danh sách đầy đủ.")


class Plan(Record):
    """A coordination plan."""

    id: Slug = Field(description="Năm của kế hoạch, trùng tên tệp, ví dụ '2018'.")
    title: PlainText = Field(description="Tên kế hoạch.")
    number: PlainText | None = Field(default=None, description="Số hiệu kế hoạch (nếu có).")
    issued: Date | None = Field(default=None, description="Ngày ban hành.")
    legal_document: LegalId | None = Field(
        default=None, description="Mã văn bản của chính kế hoạch trong thư viện văn bản."
    )
    basis: list[LegalId] = Field(default_factory=list, description="Mã các văn bản làm căn cứ.")
    period: Period = Field(description="Thời gian thực hiện.")
    purposes: list[PlainText] = Field(default_factory=list, description="Mục đích.")
    requirements: list[PlainText] = Field(default_factory=list, description="Yêu cầu.")
    general_targets: list[PlainText] = Field(default_factory=list, description="Mục tiêu chung.")
    tasks: list[Task] = Field(default_factory=list, description="Nội dung phối hợp.")
    assignments: dict[OrganizationId, list[Assignment]] = Field(
        default_factory=dict, description="Phân công theo mã tổ chức."
    )
    assignments_note: PlainText | None = Field(
        default=None, description="Ghi chú về bảng phân công (ví dụ: cách xếp việc vào từng mục)."
    )
    targets: list[Target] = Field(default_factory=list, description="Chỉ tiêu cụ thể.")
    complete_records: list[CompleteRecords] = Field(
        default_factory=list,
        description=(
            "Khai báo hồ sơ HTX, THT trong danh bạ là đầy đủ (theo sổ đăng ký có nguồn). Không khai báo: "
            "danh bạ chỉ là các hồ sơ giới thiệu, nên chỉ tiêu đếm số chỉ được ghi đạt khi đã đủ số, "
            "không bao giờ bị ghi không đạt."
        ),
    )
    funding: list[PlainText] = Field(default_factory=list, description="Kinh phí thực hiện.")
    sources: list[WebAddress] = Field(default_factory=list, description="Địa chỉ web nguồn của văn bản kế hoạch.")


class ProgressReport(Record):
    """One report: what happened since the organisation's previous report, up to ``date``."""

    date: Date = Field(description="Ngày chốt số liệu; số liệu là phần phát sinh từ lần báo cáo trước đến ngày này.")
    training_classes: NonNegativeInt | None = Field(
        default=None, description="Số lớp tập huấn đã tổ chức trong kỳ báo cáo."
    )
    trainees: NonNegativeInt | None = Field(default=None, description="Số người dự tập huấn trong kỳ báo cáo.")
    new_tht: NonNegativeInt | None = Field(
        default=None, description="Số THT mới do hội viên thành lập trong kỳ báo cáo."
    )
    new_htx: NonNegativeInt | None = Field(
        default=None, description="Số HTX mới do hội viên thành lập trong kỳ báo cáo."
    )
    notes: PlainText | None = Field(default=None, description="Ghi chú.")


class ProgressFile(Record):
    """The figures one organisation reports for one plan year."""

    id: Slug = Field(description="Mã tổ chức, trùng tên tệp.")
    reports: list[ProgressReport] = Field(min_length=1, description="Các lần báo cáo, mỗi lần một ngày.")
    illustrative: bool = Field(default=False, description="true nếu số liệu là minh họa.")
    sources: list[WebAddress] = Field(default_factory=list, description="Địa chỉ web nguồn số liệu.")
