"""``{{ hop_tac_xa_tieu_bieu() }}``: a few cooperatives as cards, for the home page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktt_site.cooperatives.view import DIRECTORY, Profile, profiles
from ktt_site.rendering import render
from ktt_site.shortcodes import Shortcode, html_block, no_arguments_to_check

if TYPE_CHECKING:
    from ktt_site.site import SiteData

#: Cards the shortcode shows; the directory lists every profile.
FEATURED = 6


def featured(site: SiteData, count: int = FEATURED) -> list[Profile]:
    """Real profiles before example ones; among them those a reader can see more of (a picture,
    then products, then a summary) first; then by name, as the directory orders them."""
    found = profiles(site)  # already real first, then by folded name
    return sorted(
        found,
        key=lambda p: (p.coop.illustrative, not p.coop.images, not p.coop.products, not p.coop.summary),
    )[:count]


def _render(site: SiteData, args: tuple[str, ...], page_src_uri: str) -> str:
    chosen = featured(site)
    return html_block(
        render(
            "cooperatives/featured.html.j2",
            page_src_uri,
            profiles=chosen,
            total=len(site.cooperatives),
            illustrative=sum(1 for p in chosen if p.coop.illustrative),
            directory=DIRECTORY,
            site=site,
        )
    )


HOP_TAC_XA_TIEU_BIEU = Shortcode(
    name="hop_tac_xa_tieu_bieu",
    usage="{{ hop_tac_xa_tieu_bieu() }}",
    description=(
        f"Thẻ giới thiệu {FEATURED} hợp tác xã, tổ hợp tác (hồ sơ thật trước, hồ sơ minh họa sau): "
        "ảnh, địa bàn, sản phẩm."
    ),
    arity=0,
    check=no_arguments_to_check,
    render=_render,
)
