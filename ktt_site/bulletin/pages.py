"""The bulletin's generated pages: its home (issues newest first), categories, yearly archive."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ktt_site.bulletin.categories import ARCHIVE_DIR, CATEGORIES_DIR, categories, years
from ktt_site.bulletin.render import BULLETIN_PAGE
from ktt_site.bulletin.render import generated_page as bulletin_page
from ktt_site.rendering import Output

if TYPE_CHECKING:
    from ktt_site.rendering import BuildSettings
    from ktt_site.site import SiteData

BULLETIN_TITLE = "Bản tin Kinh tế tập thể"


def build_outputs(site: SiteData, settings: BuildSettings) -> list[Output]:
    issues = site.bulletin
    found = categories(issues)
    by_year = years(issues)
    # Every page's cards look up their pictures' sizes in the site's files.
    generated_page = partial(bulletin_page, site=site)
    outputs = [
        # The section's home is the only bulletin page in the sidebar.
        generated_page(
            BULLETIN_PAGE,
            "index.md.j2",
            title=BULLETIN_TITLE,
            in_nav=True,
            issues=issues,
            categories=found,
            years=by_year,
        ),
        generated_page(
            f"{CATEGORIES_DIR}/index.md",
            "categories.md.j2",
            title=f"Chuyên mục – {BULLETIN_TITLE}",
            categories=found,
        ),
        generated_page(
            f"{ARCHIVE_DIR}/index.md",
            "archives.md.j2",
            title=f"Lưu trữ – {BULLETIN_TITLE}",
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
                year=year,
                issues=year_issues,
            )
        )
    return outputs
