"""Work done once every page is rendered: feeds, and any other file made from page HTML."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ktt_site.outputs import BuildSettings
from ktt_site.site import SiteData


@dataclass
class RenderedSite:
    """The built site as the engine rendered it: each page's HTML body by its source path."""

    site: SiteData
    settings: BuildSettings
    site_dir: Path
    page_html: dict[str, str] = field(default_factory=dict)


PostBuildStep = Callable[[RenderedSite], None]

#: Modules that each define ``post_build(rendered: RenderedSite) -> None``, run in this order.
#: (Search is not one of them: it is indexed while pages render, see ``search.background``.)
STEP_MODULES: tuple[str, ...] = ("ktt_site.bulletin.feeds",)


def run_post_build(rendered: RenderedSite) -> None:
    for name in STEP_MODULES:
        importlib.import_module(name).post_build(rendered)
