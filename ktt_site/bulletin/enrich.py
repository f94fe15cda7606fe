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


def page_parts(
    site: SiteData, pages: dict[str, BulletinIssue | Article], src_uri: str
) -> tuple[str, str] | None:
    """The generated header and footer of an issue's or article's page; ``None`` for any other
    page. They do not depend on the editor's Markdown, so they can be made ahead of it.

    ``pages`` is :func:`bulletin_pages` of ``site``."""
    found = pages.get(src_uri)
    if isinstance(found, BulletinIssue):
        return issue_parts(site, found)
    if isinstance(found, Article):
        return article_parts(site, found)
    return None


def enrich_markdown(markdown: str, parts: tuple[str, str] | None) -> str:
    """The page's Markdown with its :func:`page_parts` around it (unchanged without parts)."""
    return markdown if parts is None else wrap(markdown, *parts)
