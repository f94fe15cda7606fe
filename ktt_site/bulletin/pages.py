"""The bulletin's generated pages: its home (issues newest first), categories, yearly archive."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ktt_site.bulletin.categories import ARCHIVE_DIR, CATEGORIES_DIR, categories, published, years
from ktt_site.bulletin.render import BULLETIN_PAGE, FEED_STYLESHEET, FOLLOW_PAGE
from ktt_site.bulletin.render import generated_page as bulletin_page
from ktt_site.rendering import Output, render
from ktt_site.urls import absolute_url, page_url

if TYPE_CHECKING:
    from ktt_site.bulletin.load import Article
    from ktt_site.rendering import BuildSettings
    from ktt_site.site import SiteData

BULLETIN_TITLE = "Bản tin Kinh tế tập thể"


def _last_change(articles: list[Article]) -> dict[str, Any]:
    """The page's date for the sitemap: its newest article's (revision or publication)."""
    dates = [a.meta.updated or a.meta.date for a in published(articles)]
    return {"ktt_lastmod": max(dates)} if dates else {}


def build_outputs(site: SiteData, settings: BuildSettings) -> list[Output]:
    issues = site.bulletin
    found = categories(issues)
    by_year = years(issues)
    everything = _last_change([a for issue in issues for a in issue.articles])
    # Every page's cards look up their pictures' sizes in the site's files.
    generated_page = partial(bulletin_page, site=site)
    outputs = [
        # The section's home is the only bulletin page in the sidebar.
        generated_page(
            BULLETIN_PAGE,
            "index.md.j2",
            title=BULLETIN_TITLE,
            in_nav=True,
            front_matter=everything,
            issues=issues,
            categories=found,
            years=by_year,
        ),
        generated_page(
            f"{CATEGORIES_DIR}/index.md",
            "categories.md.j2",
            title=f"Chuyên mục – {BULLETIN_TITLE}",
            front_matter=everything,
            categories=found,
        ),
        generated_page(
            FOLLOW_PAGE,
            "follow.md.j2",
            title=f"Theo dõi {BULLETIN_TITLE}",
            front_matter=everything,
            categories=found,
            feed_url=lambda path: absolute_url(settings.site_url, path),
        ),
        Output(FEED_STYLESHEET, _feed_stylesheet(settings)),
        generated_page(
            f"{ARCHIVE_DIR}/index.md",
            "archives.md.j2",
            title=f"Lưu trữ – {BULLETIN_TITLE}",
            front_matter=everything,
            years=by_year,
        ),
    ]
    for category in found:
        outputs.append(
            generated_page(
                category.src_uri,
                "category.md.j2",
                title=f"Chuyên mục: {category.name}",
                # The theme's head partial adds this feed's <link rel="alternate">.
                front_matter={
                    "ktt_category_feed": category.feed_uri,
                    "ktt_category_name": category.name,
                    **_last_change(category.articles),
                },
                category=category,
            )
        )
    for year, year_issues in by_year.items():
        outputs.append(
            generated_page(
                f"{ARCHIVE_DIR}/{year}/index.md",
                "archive.md.j2",
                title=f"{BULLETIN_TITLE} năm {year}",
                front_matter=_last_change([a for issue in year_issues for a in issue.articles]),
                year=year,
                issues=year_issues,
            )
        )
    return outputs


def _feed_stylesheet(settings: BuildSettings) -> bytes:
    """The XSLT a browser applies to a feed (``<?xml-stylesheet?>``): links in the page it makes
    resolve against the feed, which may sit at any depth, so they start from the site's root."""
    # From the host's root (the site_url's path): a feed is read on whatever host serves it.
    root = urlsplit(settings.site_url).path.rstrip("/") + "/"
    text = render(
        "bulletin/nguon-tin.xsl.j2",
        FEED_STYLESHEET,
        follow_url=root + page_url(FOLLOW_PAGE),
        bulletin_url=root + page_url(BULLETIN_PAGE),
        css_url=root + "assets/ktt/nguon-tin.css",
    )
    return text.encode("utf-8")
