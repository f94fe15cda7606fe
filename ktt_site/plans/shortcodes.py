"""Editors' shortcodes for progress: one target's bar in an article, the overview tiles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktt_site.plans import display
from ktt_site.rendering import render
from ktt_site.shortcodes import Shortcode, html_block

if TYPE_CHECKING:
    from ktt_site.site import SiteData


def _check_plan(site: SiteData, plan_id: str) -> str | None:
    # Known ids, not valid records: a plan with mistakes of its own is reported, not this.
    plans = site.known.plans
    if plans is not None and plan_id not in plans:
        known = ", ".join(sorted(plans)) or "chưa có kế hoạch nào"
        return f"không có kế hoạch '{plan_id}' (các kế hoạch: {known})"
    return None


def _check_target(site: SiteData, args: tuple[str, ...]) -> str | None:
    plan_id, target_id = args
    problem = _check_plan(site, plan_id)
    if problem:
        return problem
    ids = site.known.targets.get(plan_id)
    if ids is not None and target_id not in ids:
        return f"kế hoạch {plan_id} không có chỉ tiêu '{target_id}' (các chỉ tiêu: {', '.join(sorted(ids))})"
    return None


def _render_target(site: SiteData, args: tuple[str, ...], page_src_uri: str) -> str:
    plan_id, target_id = args
    progress = site.plan_progress[plan_id].target(target_id)
    return html_block(render("plans/shortcode_bar.html.j2", page_src_uri, t=progress, fmt=display))


def _render_tiles(site: SiteData, args: tuple[str, ...], page_src_uri: str) -> str:
    progress = site.plan_progress[args[0]]
    return html_block(render("plans/shortcode_tiles.html.j2", page_src_uri, progress=progress, fmt=display))


TIEN_DO = Shortcode(
    name="tien_do",
    usage='{{ tien_do("2018", "tht-moi") }}',
    description="Thanh tiến độ của một chỉ tiêu (năm kế hoạch, mã chỉ tiêu).",
    arity=2,
    check=_check_target,
    render=_render_target,
)

TONG_QUAN_TIEN_DO = Shortcode(
    name="tong_quan_tien_do",
    usage='{{ tong_quan_tien_do("2018") }}',
    description="Các ô tiến độ của mọi chỉ tiêu trong một kế hoạch (năm kế hoạch).",
    arity=1,
    check=lambda site, args: _check_plan(site, args[0]),
    render=_render_tiles,
)
