"""Which editor pages belong to the bulletin, and their Markdown as readers get it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktt_site.bulletin.article_page import article_parts
from ktt_site.bulletin.issue_page import issue_parts
from ktt_site.bulletin.layout import wrap
from ktt_site.bulletin.load import Article, BulletinIssue

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


def bulletin_pages(site: SiteData) -> dict[str, BulletinIssue | Article]:
    """Every published issue and article by its source path: built once per build, so each
    page finds its own with one lookup instead of a scan of the whole bulletin."""
    found: dict[str, BulletinIssue | Article] = {}
    for issue in site.bulletin:
        found[issue.src_uri] = issue
        found.update((article.src_uri, article) for article in issue.articles)
    return found


def enrich_markdown(
    site: SiteData, pages: dict[str, BulletinIssue | Article], src_uri: str, markdown: str
) -> str:
    """An issue's or article's Markdown with its generated header and footer around it; any
    other page's unchanged.

    ``pages`` is :func:`bulletin_pages` of ``site``."""
    found = pages.get(src_uri)
    if isinstance(found, BulletinIssue):
        return wrap(markdown, *issue_parts(site, found))
    if isinstance(found, Article):
        return wrap(markdown, *article_parts(site, found))
    return markdown
