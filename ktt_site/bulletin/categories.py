"""Bulletin categories: an editor writes a name ("Pháp luật"), readers get a page per slug."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field

from ktt_site.bulletin.load import Article, BulletinIssue
from ktt_site.errors import ProblemLog
from ktt_site.text import fold, slugify

CATEGORIES_DIR = "ban-tin/chuyen-muc"
ARCHIVE_DIR = "ban-tin/luu-tru"


def category_slug(name: str) -> str:
    return slugify(name)


def category_page(name: str) -> str:
    """Source path of a category's page, for the ``url`` filter."""
    return f"{CATEGORIES_DIR}/{category_slug(name)}/index.md"


def archive_page(year: int) -> str:
    return f"{ARCHIVE_DIR}/{year}/index.md"


@dataclass
class Category:
    """One category with its published articles, newest first."""

    name: str
    slug: str
    articles: list[Article] = field(default_factory=list)

    @property
    def src_uri(self) -> str:
        return f"{CATEGORIES_DIR}/{self.slug}/index.md"

    @property
    def feed_uri(self) -> str:
        return f"{CATEGORIES_DIR}/{self.slug}/feed.xml"


def published(articles: list[Article]) -> list[Article]:
    """Articles a reader may see in lists and feeds (drafts stay out even in previews)."""
    return [a for a in articles if not a.meta.draft]


def newest_first(articles: list[Article]) -> list[Article]:
    """Newest date first; on one day, the newer issue first, then the issue's reading order."""

    def key(article: Article) -> tuple[dt.date, int, int]:
        issue = article.issue
        if issue is None:
            return (article.meta.date, 0, 0)
        position = next(i for i, other in enumerate(issue.articles) if other is article)
        return (article.meta.date, issue.meta.issue, -position)

    return sorted(articles, key=key, reverse=True)


def categories(issues: list[BulletinIssue]) -> list[Category]:
    """Every category used by a published article, by name (the first spelling wins)."""
    found: dict[str, Category] = {}
    for issue in issues:
        for article in published(issue.articles):
            for name in article.meta.categories:
                slug = category_slug(name)
                found.setdefault(slug, Category(name, slug)).articles.append(article)
    for category in found.values():
        category.articles = newest_first(category.articles)
    return sorted(found.values(), key=lambda c: c.slug)


def years(issues: list[BulletinIssue]) -> dict[int, list[BulletinIssue]]:
    """Issues by year of publication, newest year first, each year's issues newest first."""
    by_year: dict[int, list[BulletinIssue]] = {}
    for issue in issues:
        by_year.setdefault(issue.meta.date.year, []).append(issue)
    return dict(sorted(by_year.items(), reverse=True))


#: How alike two folded names must be to look like one name mistyped: "mo hin hay" and
#: "mo hinh hay" are 0.95, "tap hun" and "tap huan" 0.93; "chuoi gia tri moi" and "chuoi gia tri"
#: (0.87), "mo hinh moi" and "mo hinh hay" (0.73), "phap ly" and "phap luat" (0.75) are names.
NEAR_TYPO = 0.9


def near_typo_categories(issues: list[BulletinIssue], log: ProblemLog) -> None:
    """A category whose name is one slip away from another's is most likely that one mistyped:
    it would make a page of its own. Reported on the less used of the two (a warning: a strict
    build stops). Readers could not tell two such names apart either, so a genuinely new
    category takes a name that differs more."""
    uses: dict[str, list[tuple[Article, int]]] = {}
    names: dict[str, str] = {}
    for issue in sorted(issues, key=lambda i: i.folder):
        for article in issue.articles + issue.drafts + issue.scheduled:
            for index, name in enumerate(article.meta.categories):
                slug = category_slug(name)
                if slug:
                    names.setdefault(slug, name)
                    uses.setdefault(slug, []).append((article, index))
    for slug, found in uses.items():
        folded = fold(names[slug])
        rivals = [
            other
            for other in uses
            if other != slug
            and difflib.SequenceMatcher(None, folded, fold(names[other])).ratio() >= NEAR_TYPO
            and (len(uses[other]), other) > (len(found), slug)
        ]
        if not rivals:
            continue
        best = max(rivals, key=lambda other: difflib.SequenceMatcher(None, folded, fold(names[other])).ratio())
        count = len(uses[best])
        for article, index in found:
            log.add(
                article.meta.origin.path,
                article.meta.origin.line("categories", index),
                f"categories[{index}]",
                f"chuyên mục '{names[slug]}' gần giống chuyên mục có sẵn '{names[best]}' ({count} bài); "
                f"có phải ý bạn là '{names[best]}'? Nếu đúng là chuyên mục mới, hãy đặt tên khác hẳn "
                "để bạn đọc phân biệt được",
            )
