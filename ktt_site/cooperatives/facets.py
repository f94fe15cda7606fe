"""Static facets of the directory: plain pages with counts, so they work without JavaScript.

Each facet (today's commune, former district, sector, kind, founding organisation) has an index
page listing its values with counts, and one page per value that has cooperatives. OCOP-rated products are one
list grouped by stars, paged like the directory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ktt_site.cooperatives.listing import ListingPage, split
from ktt_site.cooperatives.model import KINDS, Product
from ktt_site.cooperatives.view import SECTION, Profile
from ktt_site.rendering import Output, page
from ktt_site.text import fold, slugify

if TYPE_CHECKING:
    from ktt_site.site import SiteData

OCOP_PAGE = f"{SECTION}/san-pham-ocop.md"


@dataclass
class FacetValue:
    """One value of a facet (a district, a sector, ...) and the cooperatives that have it."""

    key: str
    label: str
    facet_key: str
    profiles: list[Profile] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.profiles)

    @property
    def src_uri(self) -> str:
        return f"{SECTION}/{self.facet_key}/{self.key}.md"


@dataclass
class Facet:
    """A way of grouping the directory, with its values in reading order."""

    key: str
    title: str
    label: str
    """What a value is, for headings: ``Huyện, thành phố``."""
    page_title: str
    """Title of a value's page, ``{}`` standing for the value."""
    values: list[FacetValue]
    list_empty: bool = True
    """The index lists values without cooperatives too (not for the province's 96 communes)."""
    share_title: str = ""
    """A value's title in link previews, ``{}`` for the value, where ``page_title`` runs past
    what Zalo, Facebook and X show and would lose the value to the cut."""

    @property
    def src_uri(self) -> str:
        return f"{SECTION}/{self.key}/index.md"

    @property
    def used(self) -> list[FacetValue]:
        return [v for v in self.values if v.profiles]

    def value_for(self, key: str) -> FacetValue:
        return next(v for v in self.values if v.key == key)


def _facet(
    key: str,
    title: str,
    label: str,
    page_title: str,
    values: list[tuple[str, str]],
    *,
    list_empty: bool = True,
    share_title: str = "",
) -> Facet:
    found = [FacetValue(k, name, key) for k, name in values]
    return Facet(key, title, label, page_title, found, list_empty, share_title or page_title)


def _place_facets(site: SiteData) -> list[Facet]:
    """Today's communes, and the districts of 2018 (the province had districts until 2025)."""
    localities = site.localities
    former = localities.former
    found = []
    if localities.today is not former:
        found.append(
            _facet(
                "theo-xa-phuong",
                "Theo xã, phường",
                "Xã, phường",
                "Hợp tác xã, tổ hợp tác ở {}",
                [(c.id, c.name) for c in localities.today.all_communes],
                list_empty=False,
            )
        )
    if former is not None:
        changed = localities.today is not former
        since = f" (trước {localities.today.as_of:%d/%m/%Y})" if changed else ""
        found.append(
            _facet(
                "theo-huyen",
                f"Theo huyện{since}" if changed else "Theo huyện, thành phố",
                f"Huyện, thị xã, thành phố{since}",
                "Hợp tác xã, tổ hợp tác ở {}" + (" (địa giới trước 01/07/2025)" if changed else ""),
                [(d.id, d.name) for d in former.districts],
                share_title="HTX, THT ở {}" + (" (trước 01/07/2025)" if changed else ""),
            )
        )
    return found


def facets(site: SiteData, profiles: list[Profile]) -> list[Facet]:
    """The facets, every value listed (with 0 where none), profiles in directory order."""
    places = _place_facets(site)
    by_kind = _facet("theo-loai", "Theo loại hình", "Loại hình", "Danh sách: {}", list(KINDS.items()))
    by_founder = _facet(
        "theo-to-chuc",
        "Theo tổ chức sáng lập",
        "Tổ chức có hội viên sáng lập",
        "Hợp tác xã, tổ hợp tác do thành viên, hội viên, đoàn viên của {} sáng lập",
        [(o.id, o.name) for o in site.organizations.values()],
        share_title="{}: HTX, THT do hội viên sáng lập",
    )
    sectors: dict[str, str] = {}
    for profile in profiles:
        for sector in profile.coop.sectors:
            # Editors write "Trồng trọt" and "trồng trọt"; one page for both, named as first written.
            sectors.setdefault(slugify(sector), sector)
    by_sector = _facet(
        "theo-linh-vuc",
        "Theo lĩnh vực",
        "Lĩnh vực",
        "Hợp tác xã, tổ hợp tác lĩnh vực {}",
        sorted(sectors.items(), key=lambda item: (fold(item[1]), item[0])),
    )
    for profile in profiles:
        where = profile.location
        for facet in places:
            unit = where.today if facet.key == "theo-xa-phuong" else where.district_2018
            if unit is not None:
                facet.value_for(unit.id).profiles.append(profile)
        by_kind.value_for(profile.coop.kind).profiles.append(profile)
        for org in profile.founders:
            by_founder.value_for(org.id).profiles.append(profile)
        for key in dict.fromkeys(slugify(s) for s in profile.coop.sectors):
            by_sector.value_for(key).profiles.append(profile)
    return [*places, by_sector, by_kind, by_founder]


@dataclass(frozen=True)
class RatedProduct:
    product: Product
    profile: Profile


def ocop_by_stars(profiles: list[Profile]) -> list[tuple[int, list[RatedProduct]]]:
    """OCOP-rated products grouped by stars, most stars first; only levels that occur."""
    levels: dict[int, list[RatedProduct]] = {}
    for profile in profiles:
        for product in profile.coop.ocop_products:
            assert product.ocop_stars is not None
            levels.setdefault(product.ocop_stars, []).append(RatedProduct(product, profile))
    return [
        (stars, sorted(items, key=lambda r: (fold(r.product.name), r.profile.id)))
        for stars, items in sorted(levels.items(), reverse=True)
    ]


def build_pages(site: SiteData, profiles: list[Profile], all_facets: list[Facet]) -> list[Output]:
    outputs: list[Output] = []
    for facet in all_facets:
        outputs.append(
            page(
                facet.src_uri,
                "cooperatives/facet_index.md.j2",
                title=f"Hợp tác xã, tổ hợp tác {facet.title.lower()}",
                front_matter={"description": f"Danh bạ hợp tác xã, tổ hợp tác {facet.title.lower()}, kèm số lượng."},
                facet=facet,
                facets=all_facets,
                total=len(profiles),
            )
        )
        for value in facet.used:
            for listing in split(value.src_uri, value.profiles):
                numbered = f" (trang {listing.number}/{listing.count})" if listing.number > 1 else ""
                # Values only (see render_again): the preview makes again only the lists that changed.
                outputs.append(
                    page(
                        listing.src_uri,
                        "cooperatives/facet_value.md.j2",
                        title=facet.page_title.format(value.label) + numbered,
                        front_matter={
                            "description": f"{facet.label}: {value.label}. Danh sách {value.count} hợp tác xã, tổ hợp tác{numbered}.",
                            "share_title": facet.share_title.format(value.label) + numbered,
                        },
                        reusable=True,
                        facet_label=facet.label,
                        facet_title=facet.title,
                        facet_page=facet.src_uri,
                        show_district=facet.key != "theo-huyen",
                        value_label=value.label,
                        value_count=value.count,
                        listing=listing,
                    )
                )
    outputs.extend(ocop_pages(profiles))
    return outputs


@dataclass(frozen=True)
class OcopLevel:
    """A star level in the summary every OCOP page opens with: how many products, how many of
    them from illustrative profiles, and the page where the level starts."""

    stars: int
    count: int
    illustrative: int
    src_uri: str


@dataclass(frozen=True)
class OcopGroup:
    """The rows of one star level on one page; ``continued`` when the level began on an earlier page."""

    level: OcopLevel
    items: list[RatedProduct]
    continued: bool


def ocop_pages(profiles: list[Profile]) -> list[Output]:
    """The OCOP list, most stars first, cut into pages like the directory; a level that runs over
    a page's end goes on under the same heading on the next, marked as continued."""
    levels = ocop_by_stars(profiles)
    rows = [item for _, items in levels for item in items]
    listings = split(OCOP_PAGE, rows)
    summary: list[OcopLevel] = []
    position = 1
    for stars, items in levels:
        starts_on = next(found for found in listings if found.first <= position <= found.last)
        example = sum(1 for item in items if item.profile.coop.illustrative)
        summary.append(OcopLevel(stars, len(items), example, starts_on.src_uri))
        position += len(items)
    illustrative = sum(level.illustrative for level in summary)
    outputs = []
    for listing in listings:
        numbered = f" (trang {listing.number}/{listing.count})" if listing.number > 1 else ""
        outputs.append(
            page(
                listing.src_uri,
                "cooperatives/ocop.md.j2",
                title="Sản phẩm OCOP của hợp tác xã, tổ hợp tác" + numbered,
                front_matter={
                    "description": f"{len(rows)} sản phẩm đạt sao OCOP của hợp tác xã, tổ hợp tác, theo số sao{numbered}."
                },
                listing=listing,
                levels=summary,
                groups=_ocop_groups(listing, summary),
                rated=len(rows),
                illustrative=illustrative,
            )
        )
    return outputs


def _ocop_groups(listing: ListingPage[RatedProduct], levels: list[OcopLevel]) -> list[OcopGroup]:
    by_stars = {level.stars: level for level in levels}
    groups: list[OcopGroup] = []
    for item in listing.items:
        stars = item.product.ocop_stars
        assert stars is not None
        if not groups or groups[-1].level.stars != stars:
            level = by_stars[stars]
            groups.append(OcopGroup(level, [], continued=level.src_uri != listing.src_uri))
        groups[-1].items.append(item)
    return groups
