"""Exemplary cooperatives (HTX điển hình tiên tiến): the criteria as data, and their page.

The 2018 plan has the Fatherland Front and the Alliance set the criteria and select exemplary
cooperatives for commendation and replication; the criteria live in
``models_data/exemplary_criteria.yaml`` and each profile's ``exemplary`` entries name the
criteria it meets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field

from ktt_site.cooperatives.model import Cooperative, Recognition
from ktt_site.errors import ProblemLog
from ktt_site.references import IdSet, KnownIds, LegalId, OrganizationId, listed_ids
from ktt_site.rendering import Output, page
from ktt_site.sources import load_yaml_file
from ktt_site.text import fold
from ktt_site.validation import MarkdownText, PlainText, Record, Slug, WebAddress, validate_record

if TYPE_CHECKING:
    from ktt_site.site import SiteData

FILE_NAME = "exemplary_criteria.yaml"
PAGE = "hop-tac-xa/dien-hinh-tien-tien.md"


class Criterion(Record):
    id: Slug = Field(description="Mã tiêu chí, dùng trong exemplary[].criteria của hồ sơ HTX, ví dụ 'thu-nhap-tang'.")
    title: PlainText = Field(description="Tên ngắn của tiêu chí.")
    description: PlainText | None = Field(default=None, description="Giải thích cách đánh giá.")


class ExemplaryCriteria(Record):
    """The criteria for selecting exemplary cooperatives."""

    title: PlainText = Field(description="Tên bộ tiêu chí.")
    set_by: list[OrganizationId] = Field(default_factory=list, description="Mã các tổ chức xây dựng tiêu chí.")
    basis: list[LegalId] = Field(default_factory=list, description="Mã văn bản giao việc xây dựng tiêu chí.")
    intro: MarkdownText | None = Field(default=None, description="Lời giới thiệu, viết bằng Markdown.")
    criteria: list[Criterion] = Field(min_length=1, description="Các tiêu chí.")
    illustrative: bool = Field(default=False, description="true nếu bộ tiêu chí là minh họa, chưa được ban hành.")
    sources: list[WebAddress] = Field(default_factory=list, description="Địa chỉ web các nguồn.")

    def by_id(self) -> dict[str, Criterion]:
        return {c.id: c for c in self.criteria}


def load_exemplary_criteria(data_dir: Path, log: ProblemLog, known: KnownIds) -> tuple[ExemplaryCriteria | None, IdSet]:
    """The criteria file, optional (a site without one simply has no criteria to show), and the
    criteria ids it lists, its invalid entries' included (None when it cannot be read)."""
    path = data_dir / FILE_NAME
    if not path.exists():
        return None, frozenset()
    data = load_yaml_file(path, log)
    if data is None:
        return None, None
    criteria = validate_record(ExemplaryCriteria, data, path, log, context=known.context())
    if criteria is None:
        return None, listed_ids(data.get("criteria")) if isinstance(data, dict) else None
    seen: set[str] = set()
    for index, criterion in enumerate(criteria.criteria):
        if criterion.id in seen:
            log.add(
                path,
                criteria.origin.line("criteria", index, "id"),
                f"criteria[{index}].id",
                f"mã tiêu chí '{criterion.id}' bị trùng",
            )
        seen.add(criterion.id)
    return criteria, frozenset(criteria.by_id())


@dataclass(frozen=True)
class RecognisedCooperative:
    """One recognition of one cooperative, with the criteria it met, for the exemplary page."""

    cooperative: Cooperative
    recognition: Recognition
    criteria_met: list[Criterion]


def recognitions_by_year(site: SiteData) -> list[tuple[int, list[RecognisedCooperative]]]:
    """Recognised cooperatives grouped by year, newest year first, by name within a year."""
    known = site.exemplary_criteria.by_id() if site.exemplary_criteria else {}
    years: dict[int, list[RecognisedCooperative]] = {}
    for coop in site.cooperatives.values():
        for recognition in coop.exemplary:
            met = [known[c] for c in recognition.criteria if c in known]
            years.setdefault(recognition.year, []).append(RecognisedCooperative(coop, recognition, met))
    return [
        (year, sorted(items, key=lambda r: (fold(r.cooperative.name), r.cooperative.id)))
        for year, items in sorted(years.items(), reverse=True)
    ]


def build_page(site: SiteData) -> list[Output]:
    """The exemplary page, when there are criteria or recognitions to show (never an empty page)."""
    by_year = recognitions_by_year(site)
    if site.exemplary_criteria is None and not by_year:
        return []
    criteria = site.exemplary_criteria
    organizations = [site.organizations[o] for o in criteria.set_by] if criteria else []
    basis = [site.legal[d] for d in criteria.basis] if criteria else []
    description = "Tiêu chí lựa chọn và danh sách hợp tác xã điển hình tiên tiến theo năm."
    return [
        page(
            PAGE,
            "cooperatives/exemplary.md.j2",
            title="Hợp tác xã điển hình tiên tiến",
            front_matter={"description": description},
            criteria=criteria,
            organizations=organizations,
            basis=basis,
            by_year=by_year,
        )
    ]
