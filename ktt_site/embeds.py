"""``{{ video("https://www.youtube.com/watch?v=...", "Tiêu đề") }}``: the one thing editors may
embed, a YouTube video, played from youtube-nocookie.com (no cookie until the reader plays it).

The shortcode writes a caption linking to the video; the frame is added after the page has been
cleaned (``ktt_site.sanitize`` lets no frame through), from the video's id alone, so no other
address can ever reach a frame. Feeds keep the caption's link: readers show no frames.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from ktt_site.rendering import text_html
from ktt_site.shortcodes import Shortcode, html_block

if TYPE_CHECKING:
    from ktt_site.site import SiteData

#: Where the frames come from (the pages' Content-Security-Policy allows it where one is).
VIDEO_ORIGIN = "https://www.youtube-nocookie.com"

_VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}
# The placeholder as the sanitiser writes it back (attribute order kept, values escaped).
_PLACEHOLDER = re.compile(
    r'<figure class="ktt-video" data-ktt-video="(?P<id>[A-Za-z0-9_-]{11})" data-ktt-video-title="(?P<title>[^"]*)">'
)


def video_id(url: str) -> str | None:
    """The id of a YouTube video from any of the addresses YouTube gives for it, else None."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if parts.scheme not in ("https", "http"):
        return None
    if host == "youtu.be":
        candidate = parts.path.strip("/")
    elif host in _HOSTS and parts.path == "/watch":
        candidate = parse_qs(parts.query).get("v", [""])[0]
    elif host in _HOSTS and parts.path.startswith(("/embed/", "/shorts/", "/live/")):
        candidate = parts.path.split("/")[2]
    else:
        return None
    return candidate if _VIDEO_ID.fullmatch(candidate) else None


def _check(site: SiteData, args: tuple[str, ...]) -> str | None:
    url, title = args
    if video_id(url) is None:
        return (
            f"'{url}' không phải địa chỉ một video YouTube; chỉ nhúng được video YouTube, "
            "ví dụ https://www.youtube.com/watch?v=abcdefghijk (video nơi khác: hãy ghi liên kết)"
        )
    if not title.strip():
        return "cần tiêu đề video (tham số thứ hai), để người dùng trình đọc màn hình biết video nói gì"
    return None


def _render(site: SiteData, args: tuple[str, ...], page_src_uri: str) -> str:
    url, title = args
    ident = video_id(url)
    return html_block(
        f'<figure class="ktt-video" data-ktt-video="{ident}" data-ktt-video-title="{escape(title.strip())}">'
        f'<figcaption>Video: <a href="https://www.youtube.com/watch?v={ident}">{text_html(title.strip())}</a> '
        "(xem trên YouTube)</figcaption></figure>"
    )


_USAGE = '{{ video("https://www.youtube.com/watch?v=...", "Tiêu đề video") }}'
_ABOUT = "Một video YouTube trong bài (chỉ YouTube), kèm tiêu đề; nơi khác: ghi liên kết."
VIDEO = Shortcode(name="video", usage=_USAGE, description=_ABOUT, arity=2, check=_check, render=_render)


def _frame(match: re.Match[str]) -> str:
    return (
        f"{match.group()}"
        f'<iframe src="{VIDEO_ORIGIN}/embed/{match.group("id")}" title="{match.group("title")}" '
        'width="560" height="315" loading="lazy" allow="encrypted-media; picture-in-picture; fullscreen" '
        'style="display:block;width:100%;height:auto;aspect-ratio:16/9;border:0"></iframe>'
    )


def embed_videos(clean_html: str) -> str:
    """A cleaned page's HTML with each video's frame put in its figure."""
    if "ktt-video" not in clean_html:
        return clean_html
    return _PLACEHOLDER.sub(_frame, clean_html)


def has_video(html: str) -> bool:
    return f'<iframe src="{VIDEO_ORIGIN}/embed/' in html
