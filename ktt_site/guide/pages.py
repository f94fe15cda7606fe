"""The guide's pages under ``huong-dan/``: how to, every field of every kind of file (read
from the models), the commands and the common error messages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath
from typing import Any

import yaml

from ktt_site.cli import build_parser
from ktt_site.cms.config import EXCLUDED, NO_COLLECTION
from ktt_site.embeds import VIDEO
from ktt_site.guide.commands import MAKE_TARGETS, commands
from ktt_site.guide.errors import COMMON_ERRORS
from ktt_site.guide.fields import FieldDoc, Section, sections
from ktt_site.guide.kinds import PAGES, GuidePage, Part
from ktt_site.guide.writing import WRITING_PAGE, category_rows, link_examples, shortcode_examples, shown
from ktt_site.markdown_pages import SHORTCODES
from ktt_site.rendering import BuildSettings, Output, environment, page
from ktt_site.sanitize import DROPPED_WITH_CONTENT, HTML_TAGS
from ktt_site.schema import KINDS as SCHEMA_KINDS
from ktt_site.site import SiteData
from ktt_site.sources import TextDumper, parse_yaml, split_front_matter

GUIDE_DIR = "huong-dan"
INDEX = f"{GUIDE_DIR}/index.md"
COMMANDS_PAGE = f"{GUIDE_DIR}/lenh-va-loi.md"
CMS_PAGE = f"{GUIDE_DIR}/quan-tri.md"
_EXAMPLE_WIDTH = 70
CMS_DESCRIPTION = "Thêm và sửa hồ sơ HTX, văn bản, bài viết, báo cáo tiến độ bằng biểu mẫu trên trình duyệt: đăng nhập GitHub, GitLab."
SCHEMA_TITLES = {kind.name: kind.title for kind in SCHEMA_KINDS}
INDEX_DESCRIPTION = (
    "Hướng dẫn cho biên tập viên: thêm hợp tác xã, văn bản, bài viết, báo cáo tiến độ; kiểm tra và xuất bản trang."
)


def example_text(part: Part) -> str:
    loader = environment().loader
    assert loader is not None
    source, _, _ = loader.get_source(environment(), f"guide/examples/{part.example}")
    return source


def example_data(part: Part) -> Any:
    text = example_text(part)
    if part.front_matter:
        text = split_front_matter(text)[0] or ""
    data = parse_yaml(text)
    return data[0] if part.list_file and isinstance(data, list) else data


def show_example(value: Any) -> str:
    """A value as an editor would type it in YAML, kept to one short line."""
    if isinstance(value, str) and "\n" in value.strip():
        first = value.strip().splitlines()[0][: _EXAMPLE_WIDTH - 4].rstrip()
        return f"| {first} …"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        value = _plain(value)
    text = yaml.dump(
        value, Dumper=TextDumper, allow_unicode=True, default_flow_style=True, width=10_000, sort_keys=False
    )
    text = text.strip().removesuffix("...").strip()
    return text if len(text) <= _EXAMPLE_WIDTH else text[: _EXAMPLE_WIDTH - 1].rstrip() + "…"


def _plain(value: Any) -> Any:
    # Loaded YAML carries line numbers in dict/list subclasses that safe_dump refuses.
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def cms_exclusions() -> list[tuple[str, str]]:
    """Fields the form leaves out, as ``(field, reason)``, one line per reason."""
    by_reason: dict[str, list[str]] = {}
    for (_model, name), reason in EXCLUDED.items():
        by_reason.setdefault(reason, []).append(name)
    return [(", ".join(names), reason) for reason, names in by_reason.items()]


def required_label(doc: FieldDoc, part: Part, section: Section) -> str:
    if part.id_from_file_name and not section.path and doc.name == "id":
        return "Tự động (theo tên tệp)"
    if doc.required:
        return "Bắt buộc (ghi null nếu chưa rõ)" if doc.nullable else "Bắt buộc"
    return "Không"


def section_heading(section: Section) -> str:
    return "Các trường" if not section.path else f"Trong {section.label}"


@dataclass(frozen=True)
class Row:
    name: str
    required: str
    meaning: str
    allowed: str
    example: str
    section: str | None


@dataclass(frozen=True)
class SectionView:
    anchor: str
    heading: str
    model: str
    rows: list[Row]


@dataclass(frozen=True)
class PartView:
    part: Part
    example: str
    sections: list[SectionView]


def part_view(part: Part) -> PartView:
    views = []
    for section in sections(
        part.model, prefix=part.key, example=example_data(part), id_from_file_name=part.id_from_file_name
    ):
        extras = part.extra_examples.get(section.model.__name__, {})
        rows = []
        for doc in section.fields:
            if doc.section:
                shown = ""
            elif part.id_from_file_name and not section.path and doc.name == "id":
                shown = PurePosixPath(part.example_path).stem
            elif doc.name in extras:
                shown = show_example(extras[doc.name])
            elif doc.has_example:
                shown = show_example(doc.example)
            else:
                shown = ""
            required = required_label(doc, part, section)
            rows.append(Row(doc.name, required, doc.meaning, doc.allowed, shown, doc.section))
        heading = section_heading(section)
        views.append(SectionView(section.anchor, heading, section.model.__name__, rows))
    return PartView(part, example_text(part), views)


@cache
def model_pages() -> tuple[Output, ...]:
    pages = [
        page(
            INDEX,
            "guide/index.md.j2",
            title="Hướng dẫn biên tập",
            pages=PAGES,
            commands_page=COMMANDS_PAGE,
            cms_page=CMS_PAGE,
            writing_page=WRITING_PAGE,
            front_matter={"description": INDEX_DESCRIPTION},
        ),
        page(
            CMS_PAGE,
            "guide/cms.md.j2",
            title="Soạn bằng biểu mẫu (trang quản trị)",
            front_matter={"description": CMS_DESCRIPTION},
            index=INDEX,
            commands_page=COMMANDS_PAGE,
            excluded=cms_exclusions(),
            no_collection=[(SCHEMA_TITLES[name], reason) for name, reason in NO_COLLECTION.items()],
        ),
        *(_kind_page(guide_page) for guide_page in PAGES),
        page(
            COMMANDS_PAGE,
            "guide/commands.md.j2",
            title="Lệnh và thông báo lỗi",
            make_targets=MAKE_TARGETS,
            commands=commands(build_parser()),
            errors=COMMON_ERRORS,
            index=INDEX,
            pages=PAGES,
        ),
    ]
    return tuple(pages)


def _kind_page(guide_page: GuidePage) -> Output:
    return page(
        guide_page.src_uri,
        "guide/kind.md.j2",
        title=guide_page.title,
        front_matter={"description": guide_page.summary},
        guide=guide_page,
        parts=[part_view(p) for p in guide_page.parts],
        index=INDEX,
        commands_page=COMMANDS_PAGE,
        # What editors' Markdown may hold, read from the code that expands and cleans it.
        shortcodes=sorted(SHORTCODES.values(), key=lambda code: code.name),
        shown=shown,
        video_usage=VIDEO.usage,
        html_tags=sorted(HTML_TAGS),
        dropped_tags=sorted(DROPPED_WITH_CONTENT),
    )


def build_outputs(site: SiteData, settings: BuildSettings) -> list[Output]:
    """The guide depends on the models only, not on the data: built once per process; its page
    on writing names the site's own records and categories, so it is made for each build."""
    return [*model_pages(), writing_page(site)]


def writing_page(site: SiteData) -> Output:
    return page(
        WRITING_PAGE,
        "guide/writing.md.j2",
        title="Viết bài: shortcode, liên kết, chuyên mục",
        front_matter={
            "description": "Chèn văn bản, thanh tiến độ; liên kết giữa các trang; chuyên mục; xem trước bài nháp."
        },
        shortcodes=shortcode_examples(site),
        shown=shown,
        links=link_examples(site),
        category_rows=category_rows(site),
        commands_page=COMMANDS_PAGE,
        index=INDEX,
    )
