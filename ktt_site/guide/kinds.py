"""The kinds of files editors write, grouped by guide page: where each lives, its model, and a
worked example (checked by the test suite with the same loader as the build)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ktt_site.bulletin.model import ArticleMeta, IssueMeta
from ktt_site.cooperatives.exemplary import ExemplaryCriteria
from ktt_site.cooperatives.model import Cooperative
from ktt_site.legal.model import LegalDocument
from ktt_site.localities import LocalitySet
from ktt_site.organizations import Organization
from ktt_site.plans.model import Plan, ProgressFile


@dataclass(frozen=True)
class Part:
    """One kind of file: its model and a worked example."""

    key: str
    title: str
    model: type[BaseModel]
    location: str
    """Where such files go, with placeholders (``models_data/cooperatives/<mã>.yaml``)."""
    example_path: str
    """Where the worked example would be saved."""
    example: str
    """The example's template under ``ktt_site/templates/guide/examples/``."""
    id_from_file_name: bool = False
    list_file: bool = False
    """The file is a list of such records (``organizations.yaml``)."""
    front_matter: bool = False
    """The example is a Markdown page; the fields are its front matter."""
    excerpt: bool = False
    """The example is a shortened copy of a shipped file, not a file to add."""
    extra_examples: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Examples of fields the worked example leaves out, by model name then field name."""


@dataclass(frozen=True)
class GuidePage:
    slug: str
    title: str
    nav_title: str
    summary: str
    steps: str
    """Template of the how-to steps under ``ktt_site/templates/guide/``."""
    parts: tuple[Part, ...]

    @property
    def src_uri(self) -> str:
        return f"huong-dan/{self.slug}.md"


COOPERATIVE = Part(
    "hop-tac-xa",
    "Hồ sơ hợp tác xã, tổ hợp tác",
    Cooperative,
    "models_data/cooperatives/<mã>.yaml",
    "models_data/cooperatives/hop-tac-xa-rau-an-toan-vi-du.yaml",
    "cooperative.yaml",
    id_from_file_name=True,
    extra_examples={
        "Cooperative": {"dissolved": dt.date(2021, 12, 31), "founded_at_latest": True, "district_2018": "tp-tay-ninh"}
    },
)
LEGAL = Part(
    "van-ban",
    "Văn bản pháp lý",
    LegalDocument,
    "models_data/legal/<mã>.yaml",
    "models_data/legal/luat-htx-2012.yaml",
    "legal.yaml",
    id_from_file_name=True,
    extra_examples={
        "LegalDocument": {"official_url": "https://vanban.chinhphu.vn/"},
        "DistinctDocument": {
            "issued": dt.date(2013, 2, 21),
            "subject": "về một việc khác (ví dụ)",
            "sources": ["https://example.org/van-ban-khac"],
        },
    },
)
ISSUE = Part(
    "so-ban-tin",
    "Số bản tin (tệp index.md của thư mục số)",
    IssueMeta,
    "content/ban-tin/<năm>-so-<số>/index.md",
    "content/ban-tin/2025-so-04/index.md",
    "issue.md",
    front_matter=True,
    extra_examples={"IssueMeta": {"template": "ktt-page.html"}},
)
ARTICLE = Part(
    "bai-viet",
    "Bài viết",
    ArticleMeta,
    "content/ban-tin/<năm>-so-<số>/<tên-bài>.md",
    "content/ban-tin/2025-so-04/01-ban-rau-qua-mang.md",
    "article.md",
    front_matter=True,
    extra_examples={"ArticleMeta": {"template": "ktt-page.html"}},
)
PROGRESS = Part(
    "bao-cao-tien-do",
    "Báo cáo tiến độ của một tổ chức",
    ProgressFile,
    "models_data/progress/<năm>/<mã tổ chức>.yaml",
    "models_data/progress/2018/hoi-nong-dan.yaml",
    "progress.yaml",
    id_from_file_name=True,
)
PLAN = Part(
    "ke-hoach",
    "Kế hoạch phối hợp",
    Plan,
    "models_data/plans/<năm>.yaml",
    "models_data/plans/2018.yaml",
    "plan.yaml",
    id_from_file_name=True,
    excerpt=True,
    extra_examples={"Plan": {"number": "01/KH-LMHTX", "issued": dt.date(2018, 1, 15)}},
)
ORGANIZATION = Part(
    "to-chuc",
    "Tổ chức tham gia kế hoạch",
    Organization,
    "models_data/organizations.yaml",
    "models_data/organizations.yaml",
    "organizations.yaml",
    list_file=True,
    excerpt=True,
)
LOCALITIES = Part(
    "dia-gioi",
    "Đơn vị hành chính theo từng thời kỳ",
    LocalitySet,
    "models_data/localities/<năm>.yaml",
    "models_data/localities/2018.yaml",
    "localities.yaml",
    id_from_file_name=True,
    excerpt=True,
    # The 2025 set (models_data/localities/2025.yaml) has communes without districts.
    extra_examples={
        "Commune": {
            "id": "phuong-binh-minh",
            "code": "25480",
            "name": "Phường Bình Minh",
            "kind": "phuong",
            "resolution_clause": 88,
        },
        "FormerUnit": {
            "code": "25471",
            "name": "Xã Thạnh Tân",
            "district": "Thành phố Tây Ninh",
            "province": "Tây Ninh",
            "part": "whole",
            "units_2018": ["xa-thanh-tan"],
        },
    },
)
EXEMPLARY = Part(
    "tieu-chi-dien-hinh",
    "Tiêu chí HTX điển hình tiên tiến",
    ExemplaryCriteria,
    "models_data/exemplary_criteria.yaml",
    "models_data/exemplary_criteria.yaml",
    "exemplary_criteria.yaml",
    excerpt=True,
)

PAGES: tuple[GuidePage, ...] = (
    GuidePage(
        "hop-tac-xa",
        "Thêm một hợp tác xã, tổ hợp tác",
        "Hợp tác xã, tổ hợp tác",
        "Mỗi HTX, THT là một tệp YAML; thêm tệp là có trang hồ sơ, dòng trong danh bạ và dữ liệu mở.",
        "guide/steps/hop-tac-xa.md.j2",
        (COOPERATIVE,),
    ),
    GuidePage(
        "van-ban",
        "Thêm một văn bản pháp lý",
        "Văn bản pháp lý",
        "Mỗi luật, nghị định, chỉ thị, kế hoạch là một tệp YAML trong thư viện văn bản.",
        "guide/steps/van-ban.md.j2",
        (LEGAL,),
    ),
    GuidePage(
        "ban-tin",
        "Thêm một số bản tin, một bài viết",
        "Bản tin và bài viết",
        "Mỗi số bản tin là một thư mục; mỗi bài viết là một tệp Markdown trong thư mục đó.",
        "guide/steps/ban-tin.md.j2",
        (ISSUE, ARTICLE),
    ),
    GuidePage(
        "tien-do",
        "Cập nhật báo cáo tiến độ",
        "Báo cáo tiến độ",
        "Mỗi tổ chức báo cáo số liệu của mình trong một tệp YAML mỗi năm; trang tiến độ tự tính lại.",
        "guide/steps/tien-do.md.j2",
        (PROGRESS,),
    ),
    GuidePage(
        "ke-hoach",
        "Kế hoạch phối hợp và chỉ tiêu",
        "Kế hoạch và chỉ tiêu",
        "Kế hoạch mỗi năm: mục đích, nội dung, phân công và các chỉ tiêu được đo tự động.",
        "guide/steps/ke-hoach.md.j2",
        (PLAN,),
    ),
    GuidePage(
        "danh-muc",
        "Danh mục dùng chung: tổ chức, địa giới, tiêu chí",
        "Danh mục dùng chung",
        "Các danh sách mà những tệp khác dẫn tới bằng mã: tổ chức, huyện và xã, tiêu chí điển hình.",
        "guide/steps/danh-muc.md.j2",
        (ORGANIZATION, LOCALITIES, EXEMPLARY),
    ),
)
