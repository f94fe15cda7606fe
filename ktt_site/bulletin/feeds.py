"""The bulletin's feeds, written after the build from each article's rendered HTML.

RSS 2.0 (``/feed.xml``) and Atom 1.0 (``/atom.xml``) are written with feedgen, JSON Feed 1.1
(``/feed.json``) with the json module; each category has its own RSS feed. Every date comes
from the content, never from the clock, so two builds of the same content give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from feedgen.feed import FeedGenerator

from ktt_site.bulletin import atom_enclosure
from ktt_site.bulletin.categories import categories, category_page, newest_first, published
from ktt_site.bulletin.feed_html import feed_content, first_paragraph
from ktt_site.bulletin.render import BULLETIN_PAGE, FEED_STYLESHEET
from ktt_site.dates import at_noon
from ktt_site.urls import absolute_url

if TYPE_CHECKING:
    from ktt_site.bulletin.load import Article, BulletinIssue
    from ktt_site.rendering import BuildSettings
    from ktt_site.site import SiteData

RSS_PATH = "feed.xml"
ATOM_PATH = "atom.xml"
JSON_PATH = "feed.json"
FEED_TITLE = "Bản tin Kinh tế tập thể"
GENERATOR = "ktt-site"
DEFAULT_AUTHOR = "Ban biên tập"


@dataclass
class RenderedSite:
    """The built site as the engine rendered it: each page's HTML body by its source path."""

    site: SiteData
    settings: BuildSettings
    site_dir: Path
    page_html: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    mime_type: str


@dataclass(frozen=True)
class FeedItem:
    """One article as every feed format carries it."""

    id: str
    url: str
    title: str
    content_html: str
    summary: str
    authors: list[str]
    categories: list[tuple[str, str]]
    """(name, absolute URL of the category page)."""
    published: dt.datetime
    updated: dt.datetime
    """Distinct for every article of the site (see :func:`update_times`)."""
    image: Enclosure | None


@dataclass(frozen=True)
class FeedInfo:
    """A feed's channel: Vietnamese title and description, its page and its own address."""

    title: str
    description: str
    home_url: str
    self_url: str
    author: str
    updated: dt.datetime


def _enclosure(rendered: RenderedSite, path: str) -> Enclosure:
    # The copy in the built site is what subscribers download.
    built = rendered.site_dir / path
    source = built if built.is_file() else rendered.site.paths.docs_dir / path
    mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return Enclosure(absolute_url(rendered.settings.site_url, path), source.stat().st_size, mime_type)


def illustrative_note(article: Article) -> str:
    """The sentence that tells a subscriber an item is example content ("" for a real one)."""
    if article.meta.illustrative:
        return "Bài minh họa: sự kiện trong bài không phải tin thật."
    if article.issue is not None and article.issue.meta.illustrative:
        return "Bài thuộc một số bản tin minh họa: số bản tin và ngày đăng là minh họa."
    return ""


def update_times(articles: list[Article]) -> dict[str, dt.datetime]:
    """Each article's ``updated`` moment, distinct across the site, by source path.

    Articles carry a date, not a time, and an issue publishes several on one day: every one at
    noon would give Atom entries sharing one ``updated`` (a W3C feed validator warning, and
    readers that sort by time shuffle them). The day stays the true one (``updated:`` in front
    matter if the article was revised, else its date); articles sharing a day are a minute apart,
    the first in reading order the latest, so sorting by time keeps the issue's order. Nothing
    comes from the clock or from file times, so builds stay byte-identical.
    """
    by_day: dict[dt.date, list[Article]] = {}
    for article in newest_first(articles):
        by_day.setdefault(article.meta.updated or article.meta.date, []).append(article)
    times: dict[str, dt.datetime] = {}
    for day, same_day in by_day.items():
        for position, article in enumerate(same_day):
            times[article.src_uri] = at_noon(day) + dt.timedelta(minutes=len(same_day) - 1 - position)
    return times


def feed_item(rendered: RenderedSite, article: Article, updated: dt.datetime | None = None) -> FeedItem:
    site_url = rendered.settings.site_url
    url = absolute_url(site_url, article.src_uri)
    content = feed_content(rendered.page_html.get(article.src_uri, ""), url)
    meta = article.meta
    note = illustrative_note(article)
    summary = meta.summary or first_paragraph(content)
    return FeedItem(
        # The article's permanent address: it never changes while the file keeps its path.
        id=url,
        url=url,
        # A subscriber may never see the page: the title and the summary's first line say it.
        title=f"{meta.title} (minh họa)" if note and "minh họa" not in meta.title.lower() else meta.title,
        content_html=content,
        summary=f"{note} {summary}" if note else summary,
        authors=list(meta.authors) or [DEFAULT_AUTHOR],
        categories=[(name, absolute_url(site_url, category_page(name))) for name in meta.categories],
        published=at_noon(meta.date),
        updated=updated or at_noon(meta.updated or meta.date),
        image=_enclosure(rendered, meta.image) if meta.image else None,
    )


def updated(items: list[FeedItem], issues: list[BulletinIssue], fallback: dt.date) -> dt.datetime:
    """The newest article's time; with no article, the newest issue's, then the as-of date."""
    if items:
        return max(item.updated for item in items)
    if issues:
        return at_noon(max(issue.meta.date for issue in issues))
    return at_noon(fallback)


def _generator(info: FeedInfo, items: list[FeedItem], *, atom: bool) -> FeedGenerator:
    fg = FeedGenerator()
    fg.load_extension("dc")
    if atom:
        atom_enclosure.register(fg)
    fg.id(info.self_url)
    fg.title(info.title)
    fg.description(info.description)
    fg.author({"name": info.author})
    # The self link first: feedgen takes the last link as RSS's <link> (the web page).
    fg.link(href=info.self_url, rel="self")
    fg.link(href=info.home_url, rel="alternate")
    fg.language("vi")
    fg.generator(GENERATOR)
    # Not the clock: feedgen would otherwise stamp the build time, and every build would differ.
    fg.lastBuildDate(info.updated)
    for item in items:
        entry = fg.add_entry(order="append")
        entry.guid(item.id, permalink=True)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate")
        entry.summary(item.summary or item.title)
        entry.content(item.content_html, type="html")
        entry.author([{"name": name} for name in item.authors])
        # RSS <author> must be an e-mail address; Dublin Core carries names.
        entry.dc.dc_creator(item.authors)
        if item.categories:
            entry.category([{"term": name, "label": name, "scheme": url} for name, url in item.categories])
        entry.published(item.published)
        entry.updated(item.updated)
        if item.image and atom:
            getattr(entry, atom_enclosure.NAMESPACE).add(item.image.url, item.image.length, item.image.mime_type)
        elif item.image:
            entry.enclosure(item.image.url, str(item.image.length), item.image.mime_type)
    return fg


def rss(info: FeedInfo, items: list[FeedItem]) -> bytes:
    return _generator(info, items, atom=False).rss_str(pretty=True)


def atom(info: FeedInfo, items: list[FeedItem]) -> bytes:
    return _generator(info, items, atom=True).atom_str(pretty=True)


def json_feed(info: FeedInfo, items: list[FeedItem]) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": info.title,
        "home_page_url": info.home_url,
        "feed_url": info.self_url,
        "description": info.description,
        "language": "vi",
        "authors": [{"name": info.author}],
        "items": [_json_item(item) for item in items],
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_item(item: FeedItem) -> dict[str, object]:
    data: dict[str, object] = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "content_html": item.content_html,
        "summary": item.summary,
        "date_published": item.published.isoformat(),
        "date_modified": item.updated.isoformat(),
        "authors": [{"name": name} for name in item.authors],
        "tags": [name for name, _ in item.categories],
    }
    if item.image:
        data["image"] = item.image.url
        data["attachments"] = [
            {
                "url": item.image.url,
                "mime_type": item.image.mime_type,
                "size_in_bytes": item.image.length,
            }
        ]
    return data


def feed_files(rendered: RenderedSite) -> dict[str, bytes]:
    """Every feed of the site by its path in the built site."""
    site, settings = rendered.site, rendered.settings
    size = max(settings.feed_size, 0)
    site_url = settings.site_url
    articles = newest_first(published([a for issue in site.bulletin for a in issue.articles]))
    made: dict[str, FeedItem] = {}
    times = update_times(articles)

    def item_of(article: Article) -> FeedItem:
        if article.src_uri not in made:
            made[article.src_uri] = feed_item(rendered, article, times[article.src_uri])
        return made[article.src_uri]

    items = [item_of(article) for article in articles[:size]]
    description = (
        f"Bài mới của Bản tin Kinh tế tập thể trên trang {settings.site_name}: hoạt động của "
        "hợp tác xã, tổ hợp tác, văn bản pháp luật và các mô hình kinh tế tập thể."
    )
    home = absolute_url(site_url, BULLETIN_PAGE)

    def info(
        self_path: str,
        title: str,
        text: str,
        page: str,
        feed_items: list[FeedItem],
        issues: list[BulletinIssue],
    ) -> FeedInfo:
        return FeedInfo(
            title,
            text,
            page,
            absolute_url(site_url, self_path),
            settings.site_name,
            updated(feed_items, issues, site.as_of),
        )

    files = {
        RSS_PATH: rss(info(RSS_PATH, FEED_TITLE, description, home, items, site.bulletin), items),
        ATOM_PATH: atom(info(ATOM_PATH, FEED_TITLE, description, home, items, site.bulletin), items),
        JSON_PATH: json_feed(info(JSON_PATH, FEED_TITLE, description, home, items, site.bulletin), items),
    }
    for category in categories(site.bulletin):
        chosen = newest_first(category.articles)[:size]
        category_items = [item_of(article) for article in chosen]
        text = (
            f"Các bài thuộc chuyên mục «{category.name}» của Bản tin Kinh tế tập thể trên trang {settings.site_name}."
        )
        files[category.feed_uri] = rss(
            info(
                category.feed_uri,
                f"{FEED_TITLE} – {category.name}",
                text,
                absolute_url(site_url, category.src_uri),
                category_items,
                [],
            ),
            category_items,
        )
    return files


def with_stylesheet(path: str, xml: bytes) -> bytes:
    """The feed with ``<?xml-stylesheet?>`` after its XML declaration, so a browser shows it as
    a Vietnamese page; feed readers skip the instruction. feedgen cannot write one itself. The
    address is relative: the feed and its stylesheet are on one host wherever the site is put
    (browsers refuse a stylesheet from another origin)."""
    href = posixpath.relpath(FEED_STYLESHEET, posixpath.dirname(path) or ".")
    declaration, newline, rest = xml.partition(b"\n")
    if not declaration.startswith(b"<?xml "):
        raise ValueError(f"{path}: feedgen wrote no XML declaration")
    instruction = f'<?xml-stylesheet type="text/xsl" href="{href}"?>'.encode()
    return declaration + newline + instruction + newline + rest


def write_feeds(rendered: RenderedSite) -> None:
    for path, content in feed_files(rendered).items():
        if path.endswith(".xml"):
            content = with_stylesheet(path, content)
        target = Path(rendered.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
