"""Everything generated from the data: pages and data files, gathered from each concept."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from ktt_site.rendering import Output
from ktt_site.site import SiteData


@dataclass(frozen=True)
class BuildSettings:
    """Settings of one build that the core needs, independent of the site engine."""

    site_url: str
    site_name: str
    site_description: str = ""
    feed_size: int = 20


Builder = Callable[[SiteData, BuildSettings], list[Output]]


#: Modules that each define ``build_outputs(site, settings) -> list[Output]``.
BUILDER_MODULES: tuple[str, ...] = (
    "ktt_site.sharing.robots",
    "ktt_site.guide.pages",
    "ktt_site.cooperatives.builder",
    "ktt_site.bulletin.pages",
    "ktt_site.legal.pages",
    "ktt_site.plans.pages",
)


def builders() -> list[Builder]:
    """The output builders, one per concept (imported late: they import this module)."""
    return [importlib.import_module(name).build_outputs for name in BUILDER_MODULES]


def build_outputs(site: SiteData, settings: BuildSettings) -> list[Output]:
    outputs: list[Output] = []
    for builder in builders():
        outputs.extend(builder(site, settings))
    seen: set[str] = set()
    for output in outputs:
        if output.src_uri in seen:
            raise ValueError(f"two generated outputs share the path {output.src_uri}")
        seen.add(output.src_uri)
    return outputs
