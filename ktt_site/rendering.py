"""Jinja rendering of generated pages: autoescaped HTML inside Markdown, Vietnamese filters."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
import markdown as markdown_lib
import yaml
from markupsafe import Markup

from ktt_site.dates import vn_date
from ktt_site.text import vn_number
from ktt_site.urls import relative_url


@dataclass(frozen=True)
class Output:
    """A file to add to the site: a Markdown page (``.md``) or a data file, by its path."""

    src_uri: str
    content: str | bytes
    in_nav: bool = False
    """Section home pages go in the sidebar; the many pages under them do not."""


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str) -> str:
    return relative_url(context["page_uri"], target)


def _markdown(text: str | None) -> Markup:
    """An editor's Markdown field (already checked to be safe) rendered to HTML."""
    if not text:
        return Markup("")
    html = markdown_lib.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    return Markup(html)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ktt_site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        url=_url,
        vn_date=vn_date,
        vn_number=vn_number,
        markdown=_markdown,
    )
    return env


def render(template: str, page_uri: str, **context: Any) -> str:
    """Render ``ktt_site/templates/<template>`` for the page at ``page_uri``."""
    return environment().get_template(template).render(page_uri=page_uri, **context)


def page(src_uri: str, template: str, *, title: str, front_matter: dict[str, Any] | None = None,
         in_nav: bool = False, **context: Any) -> Output:
    """A generated page: YAML front matter (title, theme template, ...) and a rendered body."""
    meta = {"title": title, **(front_matter or {})}
    meta.setdefault("template", "ktt-page.html")
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    body = render(template, src_uri, title=title, **context)
    return Output(src_uri, f"---\n{head}---\n\n{body}", in_nav)
