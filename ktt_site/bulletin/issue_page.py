"""An issue's page: the parts around the editor's ``index.md``: its details and its contents in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktt_site.bulletin.render import render_fragment

if TYPE_CHECKING:
    from ktt_site.bulletin.load import BulletinIssue
    from ktt_site.site import SiteData


def issue_parts(site: SiteData, issue: BulletinIssue) -> tuple[str, str]:
    """The issue's header and table of contents, placed around the editor's introduction."""
    # site.bulletin is newest first: the older issue follows this one in the list.
    index = next(i for i, other in enumerate(site.bulletin) if other.folder == issue.folder)
    newer = site.bulletin[index - 1] if index > 0 else None
    older = site.bulletin[index + 1] if index + 1 < len(site.bulletin) else None
    context = {"issue": issue, "newer": newer, "older": older}
    header = render_fragment("issue_header.html.j2", issue.src_uri, **context)
    footer = render_fragment("issue_contents.md.j2", issue.src_uri, **context)
    return header, footer
