"""The plan's organisations (the Alliance and the socio-political organisations)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from ktt_site.errors import ProblemLog
from ktt_site.references import IdSet, listed_ids
from ktt_site.sources import load_yaml_file
from ktt_site.validation import PlainText, Record, Slug, WebAddress, validate_records

FILE_NAME = "organizations.yaml"


class Organization(Record):
    """An organisation of the plan, with the unit it names as its focal point."""

    id: Slug = Field(description="Mã tổ chức, ví dụ 'hoi-nong-dan'.")
    name: PlainText = Field(description="Tên đầy đủ, ví dụ 'Hội Nông dân tỉnh Tây Ninh'.")
    short_name: PlainText = Field(description="Tên ngắn hiển thị trong bảng, ví dụ 'Hội Nông dân'.")
    focal_unit: PlainText = Field(description="Đơn vị đầu mối theo kế hoạch, ví dụ 'Ban Kinh tế - Xã hội'.")
    website: WebAddress | None = Field(default=None, description="Trang web của tổ chức (nếu có).")
    publisher: bool = Field(
        default=False,
        description="true cho tổ chức đứng tên trang: tên và liên hệ hiện ở chân mọi trang (chỉ một tổ chức).",
    )
    responsible_unit: PlainText | None = Field(
        default=None, description="Đơn vị phụ trách trang (chỉ ghi khi có nguồn), ví dụ 'Văn phòng Liên minh'."
    )
    address: PlainText | None = Field(default=None, description="Địa chỉ trụ sở (chỉ ghi khi có nguồn công khai).")
    phone: Annotated[str, Field(pattern=r"^\+?[0-9][0-9 .()-]{5,20}$")] | None = Field(
        default=None, description="Số điện thoại, ví dụ '0276 3822 000' (chỉ ghi khi có nguồn công khai)."
    )
    email: Annotated[str, Field(pattern=r"^[^@\s<>]+@[^@\s<>]+\.[a-z]{2,}$")] | None = Field(
        default=None, description="Thư điện tử, ví dụ 'lienminh@example.org' (chỉ ghi khi có nguồn công khai)."
    )
    sources: list[WebAddress] = Field(default_factory=list, description="Nguồn công khai của các thông tin trên.")


def load_organizations(data_dir: Path, log: ProblemLog) -> tuple[dict[str, Organization], IdSet]:
    """The valid organisations, and every id the file lists (None when it cannot be read)."""
    path = data_dir / FILE_NAME
    if not path.exists():
        log.add(path, None, "", "thiếu tệp danh sách tổ chức")
        return {}, None
    data = load_yaml_file(path, log)
    if data is None:
        return {}, None
    organizations: dict[str, Organization] = {}
    problems = len(log.problems)
    for org in validate_records(Organization, data, path, log):
        if org.id in organizations:
            log.add(path, org.origin.line("id"), "id", f"mã tổ chức '{org.id}' bị trùng")
            continue
        organizations[org.id] = org
    publishers = [org for org in organizations.values() if org.publisher]
    for extra in publishers[1:]:
        log.add(
            path,
            extra.origin.line("publisher"),
            "publisher",
            f"chỉ một tổ chức đứng tên trang; '{publishers[0].id}' đã ghi publisher: true",
        )
    return organizations, frozenset(organizations) if len(log.problems) == problems else listed_ids(data)


def publisher(organizations: dict[str, Organization]) -> Organization | None:
    """The organisation the site is published for (its footer), if the data names one."""
    return next((org for org in organizations.values() if org.publisher), None)
