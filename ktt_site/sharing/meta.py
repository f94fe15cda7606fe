"""What a page shows when its link is shared (Zalo, Facebook, Twitter/X) or found by a search
engine: title, description, picture and canonical address, computed without the site engine."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from stat import S_ISREG
from typing import Any
from urllib.parse import quote

import imagesize

from ktt_site.bulletin.load import ISSUE_FOLDER
from ktt_site.bulletin.model import BULLETIN_DIR
from ktt_site.dates import at_noon
from ktt_site.sharing.text import DESCRIPTION_LIMIT, TITLE_LIMIT, clean, first_paragraph, shorten
from ktt_site.urls import absolute_url

LOCALE = "vi_VN"
#: The site's picture for pages without their own, relative to ``content/``.
DEFAULT_IMAGE = "images/chia-se.png"
#: Formats link previews show. Facebook and Zalo ignore an SVG og:image, so a page whose own
#: picture is SVG gets the site's default picture instead of none.
RASTER = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})


@dataclass(frozen=True)
class SharedImage:
    url: str
    alt: str
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Sharing:
    """The tags of one page, ready for the theme's ``ktt/head-meta.html``."""

    title: str
    description: str
    url: str
    site_name: str
    type: str
    image: SharedImage | None
    published: str | None = None
    locale: str = LOCALE


@dataclass(frozen=True)
class SharedPage:
    """What the engine knows of a page."""

    src_uri: str
    url: str
    """Absolute and canonical, as the engine computes it for ``<link rel="canonical">``."""
    title: str
    meta: Mapping[str, Any]
    html: str
    is_home: bool = False

    @property
    def is_article(self) -> bool:
        """A bulletin article: any page of an issue folder but the issue's own index."""
        parts = self.src_uri.split("/")
        return (
            len(parts) == 3
            and parts[0] == BULLETIN_DIR
            and parts[2] != "index.md"
            and ISSUE_FOLDER.match(parts[1]) is not None
        )


def image_url(site_url: str, path: str) -> str:
    if path.startswith(("https://", "http://")):
        return path
    return absolute_url(site_url, quote(path.lstrip("/"), safe="/"))


@lru_cache(maxsize=1024)
def _pixel_size(local: Path, modified_ns: int, size: int) -> tuple[int | None, int | None]:
    """Width and height of an image file, read once per version of the file: most pages share
    the site's default picture, and reading its header for each of them cost a file open."""
    width, height = imagesize.get(local)
    return (int(width), int(height)) if width > 0 and height > 0 else (None, None)


def _local_size(local: Path) -> tuple[int | None, int | None]:
    try:
        found = local.stat()
    except OSError:
        return None, None
    if not S_ISREG(found.st_mode):
        return None, None
    return _pixel_size(local, found.st_mtime_ns, found.st_size)


def shared_image(site_url: str, docs_dir: Path, path: str, alt: str) -> SharedImage:
    """The picture's absolute URL and, when the file is here, its size (Facebook lays out the
    preview at first share only when it is given)."""
    width = height = None
    if not path.startswith(("https://", "http://")):
        width, height = _local_size(docs_dir / path)
    return SharedImage(image_url(site_url, path), clean(alt), width, height)


def _text(value: Any) -> str:
    return clean(value if isinstance(value, str) else str(value)) if value else ""


def describe(page: SharedPage, site_description: str) -> str:
    """The page's own words first: front matter, then its first paragraph, then the site's."""
    meta = page.meta
    text = _text(meta.get("description")) or _text(meta.get("summary"))
    if not text and page.is_home:
        text = clean(site_description)
    # The page's HTML is read only when the front matter says nothing: most generated pages
    # and every article have a description or summary.
    text = text or first_paragraph(page.html) or clean(site_description)
    return shorten(text, DESCRIPTION_LIMIT)


def page_sharing(
    page: SharedPage,
    *,
    site_url: str,
    site_name: str,
    site_description: str,
    docs_dir: Path,
    default_image: str | SharedImage | None = DEFAULT_IMAGE,
) -> Sharing:
    """Sharing tags of one page; ``default_image`` is used where the page has no picture (a
    build sharing it among thousands of pages passes it made once, by :func:`shared_image`)."""
    meta = page.meta
    # share_title: a generated page's shorter title that keeps what tells it from its siblings.
    own_title = meta.get("share_title") or page.title
    title = shorten(site_name if page.is_home else (own_title or site_name), TITLE_LIMIT)
    image = None
    own = meta.get("image") or meta.get("cover")
    if own and PurePosixPath(str(own)).suffix.lower() in RASTER:
        alt = _text(meta.get("image_alt") or meta.get("cover_alt") or page.title or site_name)
        image = shared_image(site_url, docs_dir, str(own), alt)
    elif isinstance(default_image, SharedImage):
        image = default_image
    elif default_image:
        image = shared_image(site_url, docs_dir, default_image, site_name)
    published = None
    if page.is_article and isinstance(meta.get("date"), dt.date):
        published = at_noon(meta["date"]).isoformat()
    return Sharing(
        title=title,
        description=describe(page, site_description),
        url=page.url,
        site_name=clean(site_name),
        type="article" if page.is_article else "website",
        image=image,
        published=published,
    )


def last_modified(meta: Mapping[str, Any]) -> str:
    """The date a page last changed, for the sitemap's ``<lastmod>`` ("" when unknown).

    From the page's own front matter: ``ktt_lastmod`` (a generated bulletin page: its newest
    article), ``updated`` (an article revised), or ``date`` (an article, an issue). Pages made
    from data files carry no date of change, so they get no ``<lastmod>``: the build date MkDocs
    writes otherwise would tell crawlers every page changed on every build.
    """
    for key in ("ktt_lastmod", "updated", "date"):
        value = meta.get(key)
        if isinstance(value, dt.date):
            return value.isoformat()[:10]
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return value
    return ""
