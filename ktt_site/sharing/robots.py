"""``robots.txt``: everything may be indexed, and crawlers are pointed at MkDocs' sitemap.

Crawlers read it only at a host's root; on a project sub-path (``owner.github.io/repo/``)
it is harmless, and the sitemap can be submitted to search consoles by hand.
"""

from __future__ import annotations

from ktt_site.outputs import BuildSettings
from ktt_site.rendering import Output
from ktt_site.site import SiteData
from ktt_site.urls import absolute_url


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url(site_url, 'sitemap.xml')}\n"


def build_outputs(site: SiteData, settings: BuildSettings) -> list[Output]:
    return [Output("robots.txt", robots_txt(settings.site_url).encode("utf-8"))]
