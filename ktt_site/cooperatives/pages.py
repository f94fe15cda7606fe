"""Profile pages (``/hop-tac-xa/<id>/``) and the directory (``/hop-tac-xa/``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import imagesize

from ktt_site.cooperatives import opendata
from ktt_site.cooperatives.exemplary import PAGE as EXEMPLARY_PAGE
from ktt_site.cooperatives.facets import OCOP_PAGE, Facet, ocop_by_stars
from ktt_site.cooperatives.listing import ListingPage, split
from ktt_site.cooperatives.model import RELATIONS, Image
from ktt_site.cooperatives.view import DIRECTORY, Profile
from ktt_site.rendering import Output, page
from ktt_site.text import slugify

if TYPE_CHECKING:
    from ktt_site.bulletin.load import Article
    from ktt_site.site import SiteData


@dataclass(frozen=True)
class SizedImage:
    """An image with its pixel size, so the browser reserves its space before it loads."""

    image: Image
    width: int | None
    height: int | None


def sized_images(site: SiteData, profile: Profile) -> list[SizedImage]:
    found = []
    for image in profile.coop.images:
        width, height = imagesize.get(site.paths.docs_dir / image.path)
        known = width > 0 and height > 0
        found.append(SizedImage(image, round(width) if known else None, round(height) if known else None))
    return found


def description(profile: Profile) -> str:
    """One line for sharing metadata: what it is, where, and whether it is real."""
    text = profile.one_line
    return f"Dữ liệu minh họa. {text}" if profile.coop.illustrative else text


def articles_about(site: SiteData) -> dict[str, list[Article]]:
    """Bulletin articles by cooperative id, newest first (as ``site.articles`` orders them)."""
    found: dict[str, list[Article]] = {}
    for article in site.articles:
        for coop_id in dict.fromkeys(article.meta.cooperatives):
            found.setdefault(coop_id, []).append(article)
    return found


def profile_page(site: SiteData, profile: Profile, articles: list[Article], facet_links: dict[str, Facet]) -> Output:
    coop = profile.coop
    where = profile.location
    front: dict[str, str] = {"description": description(profile)}
    if coop.images:
        front["image"] = coop.images[0].path
    criteria = site.exemplary_criteria.by_id() if site.exemplary_criteria else {}

    def facet_page(facet: str, value: str) -> str:
        return facet_links[facet].value_for(value).src_uri

    # Values only (see render_again): the live preview makes again only the profiles that changed.
    return page(
        profile.src_uri,
        "cooperatives/profile.md.j2",
        title=coop.name,
        front_matter=front,
        reusable=True,
        p=profile,
        coop=coop,
        images=tuple(sized_images(site, profile)),
        articles=tuple(article.ref for article in articles),
        relations=RELATIONS,
        criteria=criteria,
        kind_page=facet_page("theo-loai", coop.kind),
        commune_page=facet_page("theo-xa-phuong", where.today.id) if where.changed_on and where.today else None,
        district_page=facet_page("theo-huyen", where.district_2018.id) if where.district_2018 else None,
        founders=tuple((org, facet_page("theo-to-chuc", org.id)) for org in profile.founders),
        sectors=tuple((s, facet_page("theo-linh-vuc", slugify(s))) for s in coop.sectors),
        exemplary_page=EXEMPLARY_PAGE,
    )


def directory_page(
    site: SiteData, profiles: list[Profile], all_facets: list[Facet], listing: ListingPage[Profile]
) -> Output:
    kinds: dict[str, int] = {}
    for profile in profiles:
        kinds[profile.coop.kind_label] = kinds.get(profile.coop.kind_label, 0) + 1
    rated_products = [item for _, items in ocop_by_stars(profiles) for item in items]
    recognised = [p for p in profiles if p.coop.exemplary]
    return page(
        DIRECTORY,
        "cooperatives/directory.md.j2",
        title="Hợp tác xã, tổ hợp tác",
        front_matter={
            "description": f"Danh bạ {len(profiles)} hợp tác xã, tổ hợp tác: câu chuyện, sản phẩm, số liệu theo năm."
        },
        in_nav=True,
        profiles=profiles,
        listing=listing,
        kinds=kinds,
        facets=all_facets,
        # Counts that include example records say how many (where the reader meets the count).
        illustrative_count=sum(1 for p in profiles if p.coop.illustrative),
        rated=len(rated_products),
        rated_illustrative=sum(1 for item in rated_products if item.profile.coop.illustrative),
        recognised=len(recognised),
        recognised_illustrative=sum(1 for p in recognised if p.coop.illustrative),
        criteria_illustrative=bool(site.exemplary_criteria and site.exemplary_criteria.illustrative),
        has_exemplary=site.exemplary_criteria is not None or bool(recognised),
        ocop_page=OCOP_PAGE,
        exemplary_page=EXEMPLARY_PAGE,
        json_file=opendata.JSON_FILE,
        csv_file=opendata.CSV_FILE,
        xlsx_file=opendata.XLSX_FILE,
    )


def build_pages(site: SiteData, profiles: list[Profile], all_facets: list[Facet]) -> list[Output]:
    by_coop = articles_about(site)
    facet_links = {facet.key: facet for facet in all_facets}
    first, *more = split(DIRECTORY, profiles)
    outputs = [directory_page(site, profiles, all_facets, first)]
    outputs.extend(
        page(
            listing.src_uri,
            "cooperatives/listing.md.j2",
            title=f"Hợp tác xã, tổ hợp tác: trang {listing.number}/{listing.count}",
            front_matter={"description": f"Danh bạ hợp tác xã, tổ hợp tác, trang {listing.number}/{listing.count}."},
            listing=listing,
            total=len(profiles),
        )
        for listing in more
    )
    outputs.extend(profile_page(site, p, by_coop.get(p.id, []), facet_links) for p in profiles)
    return outputs
