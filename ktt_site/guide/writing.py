"""The guide's page on what editors write inside pages: every shortcode with an example, links
between pages, the bulletin's categories in use and previewing drafts. Unlike the other guide
pages it reads the site's data, so its examples name records that exist and its live examples
are expanded (and their links checked) by the very build that publishes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from ktt_site.bulletin.categories import categories
from ktt_site.markdown_pages import SHORTCODES
from ktt_site.shortcodes import Shortcode

if TYPE_CHECKING:
    from ktt_site.site import SiteData

WRITING_PAGE = "huong-dan/viet-bai.md"
#: Shortcodes whose result is small enough to show live beside the call.
_LIVE = ("van_ban", "tien_do")


@dataclass(frozen=True)
class ShortcodeExample:
    code: Shortcode
    call: str
    """A call with ids from this site's data ("" when the data has nothing to name)."""
    live: bool


@dataclass(frozen=True)
class LinkExample:
    what: str
    from_article: str
    from_page: str
    live: str = ""
    """The same link from the guide page itself, rendered (and checked by a strict build)."""


def shown(call: str) -> Markup:
    """A shortcode as text to read: its braces as character references, so the page's own
    shortcodes are not expanded in it."""
    return Markup(str(escape(call)).replace("{", "&#123;").replace("}", "&#125;"))


def _call(name: str, *args: str) -> str:
    quoted = ", ".join(f'"{arg}"' for arg in args)
    return f"{{{{ {name}({quoted}) }}}}"


def _example_args(site: SiteData, code: Shortcode) -> tuple[str, ...] | None:
    if code.arity == 0:
        return ()
    plans = sorted(site.plans)
    if code.name == "van_ban" and site.legal:
        return ("luat-htx-2012",) if "luat-htx-2012" in site.legal else (sorted(site.legal)[0],)
    if code.name == "tien_do" and plans and site.plans[plans[0]].targets:
        return (plans[0], site.plans[plans[0]].targets[0].id)
    if code.name == "tong_quan_tien_do" and plans:
        return (plans[0],)
    if code.name == "video":
        return ("https://www.youtube.com/watch?v=mã-video", "Tiêu đề video (ví dụ)")
    return None


def shortcode_examples(site: SiteData) -> list[ShortcodeExample]:
    found = []
    for code in sorted(SHORTCODES.values(), key=lambda c: c.name):
        args = _example_args(site, code)
        call = _call(code.name, *args) if args is not None else ""
        found.append(ShortcodeExample(code, call, bool(call) and code.name in _LIVE))
    return found


def link_examples(site: SiteData) -> list[LinkExample]:
    """Markdown links as written in an article (``content/ban-tin/<số>/``) and in a page at the
    top of ``content/``; MkDocs turns each ``.md`` path into the page's address."""
    found = [
        LinkExample(
            "Trang «Giới thiệu» (content/gioi-thieu.md)",
            "[Giới thiệu](../../gioi-thieu.md)",
            "[Giới thiệu](gioi-thieu.md)",
        )
    ]
    coop = sorted(site.cooperatives.values(), key=lambda c: c.id)
    if coop:
        c = coop[0]
        found.append(
            LinkExample(
                "Hồ sơ một HTX, THT (mã là tên tệp trong models_data/cooperatives/)",
                f"[{c.name}](../../hop-tac-xa/{c.id}.md)",
                f"[{c.name}](hop-tac-xa/{c.id}.md)",
                f"[{c.name}](../hop-tac-xa/{c.id}.md)",
            )
        )
    if site.legal:
        doc = site.legal["luat-htx-2012"] if "luat-htx-2012" in site.legal else site.legal[sorted(site.legal)[0]]
        found.append(
            LinkExample(
                "Trang một văn bản (nên dùng shortcode van_ban: ghi đủ số hiệu, ngày)",
                f"[{doc.title}](../../van-ban/{doc.id}.md)",
                f"[{doc.title}](van-ban/{doc.id}.md)",
            )
        )
    if site.plans:
        year = sorted(site.plans)[0]
        found.append(
            LinkExample(
                f"Trang tiến độ kế hoạch năm {year}",
                f"[Tiến độ năm {year}](../../tien-do/{year}/index.md)",
                f"[Tiến độ năm {year}](tien-do/{year}/index.md)",
            )
        )
    articles = site.articles
    if articles:
        article = articles[-1]
        folder, name = article.src_uri.split("/")[-2:]
        found.append(
            LinkExample(
                "Một bài khác của Bản tin",
                f"[{article.meta.title}](../{folder}/{name})  (cùng số: [{article.meta.title}]({name}))",
                f"[{article.meta.title}]({article.src_uri})",
            )
        )
    found.append(LinkExample("Một mục trong cùng trang", "[Các bước](#cac-buoc)", "[Các bước](#cac-buoc)"))
    return found


def category_rows(site: SiteData) -> list[tuple[str, int, str]]:
    """(name, published articles, category page) for every category in use."""
    return [(c.name, len(c.articles), c.src_uri) for c in categories(site.bulletin)]
