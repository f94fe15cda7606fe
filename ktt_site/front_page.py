"""``{{ cac_muc() }}``: the site's sections as big links with what each holds, so a reader on a
phone finds them on the home page itself, not only behind the ☰ menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ktt_site.rendering import render
from ktt_site.shortcodes import Shortcode, html_block, no_arguments_to_check

if TYPE_CHECKING:
    from ktt_site.site import SiteData


@dataclass(frozen=True)
class Section:
    title: str
    what: str
    src_uri: str


def sections(site: SiteData) -> list[Section]:
    found = [
        Section(
            "Hợp tác xã", f"Danh bạ {len(site.cooperatives)} HTX, THT: sản phẩm, câu chuyện", "hop-tac-xa/index.md"
        ),
        Section("Văn bản", f"{len(site.legal)} luật, nghị định, chủ trương, tóm tắt dễ hiểu", "van-ban/index.md"),
        Section("Bản tin", f"{len(site.bulletin)} số Bản tin Kinh tế tập thể", "ban-tin/index.md"),
    ]
    if site.plans:
        year = max(site.plans)
        found.append(Section("Tiến độ", f"Các chỉ tiêu của kế hoạch năm {year}", f"tien-do/{year}/index.md"))
    return found


def _render(site: SiteData, args: tuple[str, ...], page_src_uri: str) -> str:
    return html_block(render("front_page/sections.html.j2", page_src_uri, sections=sections(site)))


CAC_MUC = Shortcode(
    name="cac_muc",
    usage="{{ cac_muc() }}",
    description="Các mục chính của trang (Hợp tác xã, Văn bản, Bản tin, Tiến độ) thành các ô lớn, dễ bấm trên điện thoại.",
    arity=0,
    check=no_arguments_to_check,
    render=_render,
)
