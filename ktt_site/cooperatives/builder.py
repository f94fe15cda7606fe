"""Everything generated from the cooperative profiles: pages, facets, exemplary page, open data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktt_site.cooperatives import exemplary, facets, opendata, pages
from ktt_site.cooperatives.view import profiles
from ktt_site.rendering import Output

if TYPE_CHECKING:
    from ktt_site.outputs import BuildSettings
    from ktt_site.site import SiteData


def build_outputs(site: SiteData, settings: BuildSettings) -> list[Output]:
    found = profiles(site)
    all_facets = facets.facets(site, found)
    return [
        *pages.build_pages(site, found, all_facets),
        *facets.build_pages(site, found, all_facets),
        *exemplary.build_page(site),
        *opendata.build_files(found, settings),
    ]
