"""An article's page: its header (date, authors, issue, categories), the cooperatives and legal
documents it names, and links to the previous and next article of its issue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ktt_site.bulletin.render import render_fragment

if TYPE_CHECKING:
    from ktt_site.bulletin.load import Article
    from ktt_site.site import SiteData


def neighbours(article: Article) -> tuple[Article | None, Article | None]:
    """The articles before and after this one in its issue's reading order."""
    assert article.issue is not None
    order = article.issue.articles
    index = next(i for i, other in enumerate(order) if other.src_uri == article.src_uri)
    previous = order[index - 1] if index > 0 else None
    following = order[index + 1] if index + 1 < len(order) else None
    return previous, following


def article_parts(site: SiteData, article: Article) -> tuple[str, str]:
    """The article's generated header and footer (placed around its Markdown by ``wrap``)."""
    previous, following = neighbours(article)
    context = {
        "article": article,
        "issue": article.issue,
        "cooperatives": [
            site.cooperatives[c] for c in article.meta.cooperatives if c in site.cooperatives
        ],
        "legal": [site.legal[d] for d in article.meta.legal if d in site.legal],
        "site": site,
        "previous": previous,
        "following": following,
    }
    header = render_fragment("article_header.html.j2", article.src_uri, **context)
    footer = render_fragment("article_footer.html.j2", article.src_uri, **context)
    return header, footer
