"""Everything generated from the data: pages and data files, gathered from each concept."""

from __future__ import annotations

from ktt_site.bulletin import pages as bulletin_pages
from ktt_site.cooperatives import exemplary, facets, opendata
from ktt_site.cooperatives import pages as cooperative_pages
from ktt_site.cooperatives.view import profiles
from ktt_site.guide import pages as guide_pages
from ktt_site.legal import pages as legal_pages
from ktt_site.memory import cycle_collector_paused
from ktt_site.plans import pages as plan_pages
from ktt_site.rendering import BuildSettings, Output
from ktt_site.site import SiteData
from ktt_site.urls import absolute_url


def robots_txt(site_url: str) -> str:
    """Everything may be indexed, and crawlers are pointed at MkDocs' sitemap. (Crawlers read
    it only at a host's root; on a project sub-path it is harmless.)"""
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url(site_url, 'sitemap.xml')}\n"


def build_outputs(site: SiteData, settings: BuildSettings) -> list[Output]:
    """Every generated file; two at one path is a bug of ours, not an editor's mistake."""
    with cycle_collector_paused():  # a thousand pages rendered: 0.06 s of collections otherwise
        outputs = _outputs(site, settings)
    seen: set[str] = set()
    for output in outputs:
        if output.src_uri in seen:
            raise ValueError(f"two generated outputs share the path {output.src_uri}")
        seen.add(output.src_uri)
    return outputs


def _outputs(site: SiteData, settings: BuildSettings) -> list[Output]:
    found = profiles(site)
    all_facets = facets.facets(site, found)
    return [
        Output("robots.txt", robots_txt(settings.site_url).encode("utf-8")),
        *guide_pages.build_outputs(site, settings),
        *cooperative_pages.build_pages(site, found, all_facets),
        *facets.build_pages(site, found, all_facets),
        *exemplary.build_page(site),
        *opendata.build_files(found, settings),
        *bulletin_pages.build_outputs(site, settings),
        *legal_pages.build_outputs(site, settings),
        *plan_pages.build_outputs(site, settings),
    ]
