"""Jinja rendering of generated pages: HTML inside Markdown, Vietnamese filters.

Every value a template prints is text from data unless it is already markup made by the site
(``Markup``: a macro, the ``markdown`` filter, a chart): ``text_html`` writes it so that neither
the browser nor Markdown (nor an extension a site may enable) reads any of it as markup.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import jinja2
import markdown as markdown_lib
import yaml
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from ktt_site import reuse
from ktt_site.dates import vn_date
from ktt_site.tables import label_stacked_tables
from ktt_site.text import vn_number
from ktt_site.urls import relative_url


@dataclass(frozen=True)
class BuildSettings:
    """Settings of one build that the core needs, independent of the site engine."""

    site_url: str
    site_name: str
    site_description: str = ""
    feed_size: int = 20


@dataclass(frozen=True)
class Output:
    """A file to add to the site: a Markdown page (``.md``) or a data file, by its path.

    ``in_nav``: section home pages go in the sidebar; the many pages under them do not.
    """

    src_uri: str
    content: str | bytes
    in_nav: bool = False


#: libyaml's emitter when PyYAML has it (the same text, several times faster than Python's).
_DUMPER: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


#: HTML's special characters, and every character Markdown or a common extension gives a meaning
#: (emphasis, code, links, attribute lists "{: ...}", shortcodes "{{ ... }}", tables, headings,
#: emoji, keys, marks...), written as character references: browsers show them as typed, and
#: Markdown passes references through untouched. Line breaks too, so no text starts a block.
_TEXT_REFERENCES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {c: f"&#{ord(c)};" for c in "\"'\\`*_{}[]|#~^=+:$!\n\r"}
)
#: Any of those characters: most values (names, places, dates) have none and are kept as they are.
_SPECIAL = re.compile("[" + re.escape("".join(chr(code) for code in _TEXT_REFERENCES)) + "]")
# A list marker at the start of a text that a template puts after "- " would open a nested list.
_LEADING_MARKER = re.compile(r"\A(?:-|\d+[.)])")
_MARKER_STARTS = frozenset("-0123456789")


def text_html(value: object) -> Markup:
    """``value`` as text inside the HTML and Markdown of a generated page; markup the site
    made (anything with ``__html__``) is kept as it is."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    text = str(value)
    if _SPECIAL.search(text):
        text = text.translate(_TEXT_REFERENCES)
    if text[:1] not in _MARKER_STARTS:  # most values: no list marker to look for
        return Markup(text)
    return Markup(_LEADING_MARKER.sub(lambda marker: f"{marker.group()[:-1]}&#{ord(marker.group()[-1])};", text))


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str) -> Markup:
    # Only ever inside an attribute, where Markdown reads nothing: HTML escaping is enough, and
    # the address stays readable in the generated Markdown.
    return escape(relative_url(context["page_uri"], target))


@cache
def _field_converter() -> markdown_lib.Markdown:
    # Setting up a converter costs more than converting a short field: one is kept and reset
    # between fields (Python-Markdown's way to reuse an instance; nothing carries over).
    return markdown_lib.Markdown(extensions=["extra", "sane_lists"], output_format="html")


@lru_cache(maxsize=1 << 13)  # the same fields again on every rebuild of the live preview
def _markdown(text: str | None) -> Markup:
    """An editor's Markdown field rendered to HTML (cleaned with the rest of its page, by
    ``ktt_site.sanitize``)."""
    if not text:
        return Markup("")
    return Markup(_field_converter().reset().convert(text))


_SETTINGS: dict[str, Any] = {
    "autoescape": True,
    "undefined": jinja2.StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    # Called on every printed value before autoescaping, which leaves Markup alone.
    "finalize": text_html,
}


def _settings_key(env: jinja2.Environment) -> str:
    """The settings the compiled code of ``env``'s templates depends on, by name (a function's
    repr holds its address, new in every process)."""
    settings = {
        "autoescape": env.autoescape,
        "finalize": env.finalize,
        "extensions": sorted(env.extensions),
        # How the i18n extension compiles {% trans %} (set by install_gettext_translations).
        "newstyle_gettext": getattr(env, "newstyle_gettext", None),
        "undefined": env.undefined,
        "whitespace": (env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.newline_sequence),
        "syntax": (
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
        ),
        "code": (env.optimized, env.is_async),
    }
    named = {key: getattr(value, "__qualname__", value) for key, value in settings.items()}
    return hashlib.sha256(repr((jinja2.__version__, named)).encode()).hexdigest()[:12]


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Templates compiled once rather than in every build: ours (0.17 s of each build, a tenth
    of the shipped site's) and the theme's (0.13 s of each build and of each rebuild of the live
    preview). Jinja keeps them in its folder of the system's temporary directory and compiles a
    template again when its source changed; the file names carry Jinja's version and the
    environment's settings, which the compiled code depends on and Jinja's check does not see.
    A cache that cannot be read or written is no cache: the template is compiled as before."""

    def __init__(self, settings_key: str) -> None:
        super().__init__(pattern=f"ktt-site-{settings_key}-%s.cache")

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def keep_compiled_templates(env: jinja2.Environment) -> None:
    """Give ``env`` a cache of its compiled templates, unless it has one."""
    if env.bytecode_cache is not None:
        return
    # No temporary directory, or one other users could write to: no cache.
    with contextlib.suppress(OSError, RuntimeError):
        env.bytecode_cache = _CompiledTemplates(_settings_key(env))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("ktt_site", "templates"), **_SETTINGS)
    keep_compiled_templates(env)
    env.filters.update(
        url=_url,
        vn_date=vn_date,
        vn_number=vn_number,
        markdown=_markdown,
    )
    return env


def forget() -> None:
    """Drop the compiled templates and the rendered fields, fragments and links kept in memory,
    once a process is done building (the compiled templates stay in Jinja's file cache)."""
    environment.cache_clear()
    _markdown.cache_clear()
    relative_url.cache_clear()
    reuse.forget()


def render(template: str, page_uri: str, **context: Any) -> str:
    """Render ``ktt_site/templates/<template>`` for the page at ``page_uri``."""
    return label_stacked_tables(environment().get_template(template).render(page_uri=page_uri, **context))


def render_again(template: str, page_uri: str, **context: Any) -> str:
    """``render``, but the text of the previous render of ``template`` for this page when the
    template is the same and ``context`` equals that render's (compared by value: the template
    sees nothing else, so it must hold immutable records, tuples and text only)."""
    compiled = environment().get_template(template)  # a new one if its file changed
    return reuse.made(
        ("render", template, page_uri),
        (compiled, context),
        lambda: label_stacked_tables(compiled.render(page_uri=page_uri, **context)),
    )


def page(
    src_uri: str,
    template: str,
    *,
    title: str,
    front_matter: dict[str, Any] | None = None,
    in_nav: bool = False,
    reusable: bool = False,
    **context: Any,
) -> Output:
    """A generated page: YAML front matter (title, theme template, ...) and a rendered body.

    ``reusable``: ``context`` holds immutable values only, so the body is made by ``render_again``."""
    meta = {"title": title, **(front_matter or {})}
    meta.setdefault("template", "ktt-page.html")
    body = (render_again if reusable else render)(template, src_uri, title=title, **context)
    return Output(src_uri, f"---\n{_front_matter(src_uri, meta)}---\n\n{body}", in_nav=in_nav)


def _front_matter(src_uri: str, meta: dict[str, Any]) -> str:
    # PyYAML's representer is Python even with libyaml's emitter: kept while the values are equal.
    return reuse.made(
        ("front matter", src_uri),
        meta,
        lambda: yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000),
    )
