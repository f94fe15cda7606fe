"""Jinja rendering of generated pages: autoescaped HTML inside Markdown, Vietnamese filters."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from typing import Any

import jinja2
import markdown as markdown_lib
import yaml
from markupsafe import Markup

from ktt_site.dates import vn_date
from ktt_site.text import vn_number
from ktt_site.urls import relative_url


class Output:
    """A file to add to the site: a Markdown page (``.md``) or a data file, by its path.

    Its content is made on first use when ``make`` is given, so a site engine can list every
    generated file before any is rendered, and have them rendered elsewhere meanwhile
    (:mod:`ktt_site.prerender`). ``in_nav``: section home pages go in the sidebar; the many
    pages under them do not.
    """

    __slots__ = ("src_uri", "in_nav", "_content", "_make")

    def __init__(
        self,
        src_uri: str,
        content: str | bytes | None = None,
        in_nav: bool = False,
        *,
        make: Callable[[], str | bytes] | None = None,
    ) -> None:
        if (content is None) == (make is None):
            raise TypeError("Output needs either content or make")
        self.src_uri = src_uri
        self.in_nav = in_nav
        self._content = content
        self._make = make

    @property
    def content(self) -> str | bytes:
        if self._content is None:
            assert self._make is not None
            self._content = self._make()
            self._make = None
        return self._content

    def __repr__(self) -> str:
        return f"Output({self.src_uri!r}, in_nav={self.in_nav})"


#: libyaml's emitter when PyYAML has it (the same text, several times faster than Python's).
_DUMPER: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str) -> str:
    return relative_url(context["page_uri"], target)


@cache
def _field_converter() -> markdown_lib.Markdown:
    # Setting up a converter costs more than converting a short field: one is kept and reset
    # between fields (Python-Markdown's way to reuse an instance; nothing carries over).
    return markdown_lib.Markdown(extensions=["extra", "sane_lists"], output_format="html")


def _markdown(text: str | None) -> Markup:
    """An editor's Markdown field (already checked to be safe) rendered to HTML."""
    if not text:
        return Markup("")
    return Markup(_field_converter().reset().convert(text))


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
    return Output(src_uri, in_nav=in_nav, make=partial(_page_text, src_uri, template, meta, context))


def _page_text(src_uri: str, template: str, meta: dict[str, Any], context: dict[str, Any]) -> str:
    head = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    body = render(template, src_uri, title=meta["title"], **context)
    return f"---\n{head}---\n\n{body}"
