"""Which editor pages belong to the bulletin, and their Markdown as readers get it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktt_site.bulletin.article_page import article_markdown
from ktt_site.bulletin.issue_page import issue_markdown

if TYPE_CHECKING:
    from ktt_site.site import SiteData


def editor_pages(site: SiteData) -> list[str]:
    """Source paths of every published issue and article page an editor wrote.

    They stay out of the sidebar: the bulletin's home lists them, and the sidebar would
    otherwise grow with every article.
    """
    return [
        uri
        for issue in site.bulletin
        for uri in (issue.src_uri, *(a.src_uri for a in issue.articles))
    ]


def enrich_markdown(site: SiteData, src_uri: str, markdown: str) -> str:
    """An issue's or article's Markdown with its generated parts; any other page unchanged."""
    for issue in site.bulletin:
        if src_uri == issue.src_uri:
            return issue_markdown(site, issue, markdown)
        for article in issue.articles:
            if src_uri == article.src_uri:
                return article_markdown(site, article, markdown)
    return markdown
