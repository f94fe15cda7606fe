"""The bulletin's pages that editors write (an issue's ``index.md``, its articles) as readers
get them: generated parts placed around the editor's Markdown, which stays as written.

An issue gets its details on top and its contents in reading order at the end; an article gets
its header (date, authors, issue, categories) and a footer naming the cooperatives and legal
documents it cites, with links to the previous and next article of its issue.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ktt_site.bulletin.load import Article, BulletinIssue
from ktt_site.bulletin.render import render_fragment

if TYPE_CHECKING:
    from ktt_site.site import SiteData

_LEADING_H1 = re.compile(r"\A(?:[ \t]*\n)*(#[ \t]+[^\n]*|[^\n]+\n=+[ \t]*)(?:\n|\Z)")


def wrap(markdown: str, header: str, footer: str) -> str:
    """``header`` after the page's own top heading (if any), ``footer`` at the end.

    The parts are HTML blocks, so they are separated by blank lines from the editor's text.
    """
    match = _LEADING_H1.match(markdown)
    head, body = (markdown[: match.end()], markdown[match.end() :]) if match else ("", markdown)
    parts = [head.rstrip("\n"), header.strip("\n"), body.strip("\n"), footer.strip("\n")]
    return "\n\n".join(part for part in parts if part) + "\n"


def editor_pages(site: SiteData) -> list[str]:
    """Source paths of every published issue and article page an editor wrote.

    They stay out of the sidebar: the bulletin's home lists them, and the sidebar would
    otherwise grow with every article.
    """
    return list(site.bulletin_pages)


def enrich_markdown(site: SiteData, src_uri: str, markdown: str) -> str:
    """An issue's or article's Markdown with its generated header and footer around it; any
    other page's unchanged."""
    found = site.bulletin_pages.get(src_uri)
    if isinstance(found, BulletinIssue):
        return wrap(markdown, *issue_parts(site, found))
    if isinstance(found, Article):
        return wrap(markdown, *article_parts(site, found))
    draft = site.unpublished_pages.get(src_uri)
    if draft is not None:  # shown only by the live preview
        header, footer = article_parts(site, draft)
        banner = render_fragment("draft_banner.html.j2", src_uri, article=draft)
        return wrap(markdown, banner + "\n\n" + header, footer)
    return markdown


def issue_parts(site: SiteData, issue: BulletinIssue) -> tuple[str, str]:
    """The issue's header and table of contents, placed around the editor's introduction."""
    # site.bulletin is newest first: the older issue follows this one in the list.
    index = next(i for i, other in enumerate(site.bulletin) if other.folder == issue.folder)
    newer = site.bulletin[index - 1] if index > 0 else None
    older = site.bulletin[index + 1] if index + 1 < len(site.bulletin) else None
    context: dict[str, Any] = {"issue": issue, "newer": newer, "older": older, "site": site}
    header = render_fragment("issue_header.html.j2", issue.src_uri, **context)
    footer = render_fragment("issue_contents.md.j2", issue.src_uri, **context)
    return header, footer


def neighbours(article: Article) -> tuple[Article | None, Article | None]:
    """The articles before and after this one in its issue's reading order (none for a draft)."""
    assert article.issue is not None
    order = article.issue.articles
    index = next((i for i, other in enumerate(order) if other.src_uri == article.src_uri), None)
    if index is None:
        return None, None
    previous = order[index - 1] if index > 0 else None
    following = order[index + 1] if index + 1 < len(order) else None
    return previous, following


def article_parts(site: SiteData, article: Article) -> tuple[str, str]:
    """The article's generated header and footer (placed around its Markdown by ``wrap``).

    Their templates get immutable values only, so the live preview renders them again only for
    an article whose values changed."""
    previous, following = neighbours(article)
    context = {
        "article": article.ref,
        "issue": article.issue.ref if article.issue else None,
        "image_size": site.image_size(article.meta.image) if article.meta.image else None,
        # Each cooperative with where it is today, as its profile says.
        "cooperatives": tuple(
            (site.cooperatives[c], site.location(site.cooperatives[c]).text)
            for c in article.meta.cooperatives
            if c in site.cooperatives
        ),
        "legal": tuple(site.legal[d] for d in article.meta.legal if d in site.legal),
        "previous": previous.ref if previous else None,
        "following": following.ref if following else None,
    }
    header = render_fragment("article_header.html.j2", article.src_uri, reusable=True, **context)
    footer = render_fragment("article_footer.html.j2", article.src_uri, reusable=True, **context)
    return header, footer
