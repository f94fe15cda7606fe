"""A profile as readers see it: ids resolved to names, in a stable reading order."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ktt_site.cooperatives.model import Cooperative
from ktt_site.legal.model import LegalDocument
from ktt_site.localities import Location
from ktt_site.organizations import Organization
from ktt_site.text import fold

if TYPE_CHECKING:
    from ktt_site.site import SiteData

SECTION = "hop-tac-xa"
DIRECTORY = f"{SECTION}/index.md"


def profile_src(cooperative_id: str) -> str:
    """Source path of a profile page (its URL is ``/hop-tac-xa/<id>/``)."""
    return f"{SECTION}/{cooperative_id}.md"


@dataclass(frozen=True)
class Profile:
    """One cooperative with the records its ids point to."""

    coop: Cooperative
    location: Location
    legal: LegalDocument | None
    founders: list[Organization]

    @property
    def id(self) -> str:
        return self.coop.id

    @property
    def src_uri(self) -> str:
        return profile_src(self.coop.id)

    @property
    def place(self) -> str:
        """``Phường Bình Minh (trước 01/07/2025: xã Thạnh Tân, thành phố Tây Ninh)``."""
        return self.location.text

    @cached_property
    def one_line(self) -> str:
        """The summary an editor wrote, or a plain sentence made from the facts."""
        if self.coop.summary:
            return self.coop.summary
        return f"{self.coop.kind_label} ở {self.place}, thành lập {self.coop.founded_label}."


def sort_key(profile: Profile) -> tuple[bool, str, str]:
    # Real profiles before illustrative ones; folded names sort Vietnamese the way readers
    # expect (Đ with D, accents ignored).
    return profile.coop.illustrative, fold(profile.coop.name), profile.coop.id


def profiles(site: SiteData) -> list[Profile]:
    """Every cooperative of the site, by name."""
    found = [
        Profile(
            coop=coop,
            location=site.location(coop),
            legal=site.legal[coop.legal_basis] if coop.legal_basis else None,
            founders=[site.organizations[o] for o in coop.founded_by],
        )
        for coop in site.cooperatives.values()
    ]
    return sorted(found, key=sort_key)
