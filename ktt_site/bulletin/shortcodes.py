"""Editors' shortcodes of the bulletin: ``{{ ban_tin_moi_nhat() }}`` shows the latest issue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktt_site.bulletin.render import render_fragment
from ktt_site.shortcodes import Shortcode, html_block, no_arguments_to_check

if TYPE_CHECKING:
    from ktt_site.site import SiteData


#: Lead stories of the latest issue shown by the shortcode (the issue page lists them all).
LEAD_STORIES = 3


def _latest_issue(site: SiteData, args: tuple[str, ...], page_src_uri: str) -> str:
    issue = site.bulletin[0] if site.bulletin else None
    return html_block(render_fragment("latest_issue.html.j2", page_src_uri, issue=issue, site=site, limit=LEAD_STORIES))


LATEST_ISSUE = Shortcode(
    name="ban_tin_moi_nhat",
    usage="{{ ban_tin_moi_nhat() }}",
    description="Số Bản tin Kinh tế tập thể mới nhất: các bài chính, mỗi bài có ảnh (nếu có) và đoạn mở đầu.",
    arity=0,
    check=no_arguments_to_check,
    render=_latest_issue,
)
