"""Live preview (``mkdocs serve``): keep serving whatever goes wrong, and redo only what changed.

With invalid data, every page shows the problems. MkDocs 1.6 stops ``mkdocs serve`` when the
first build raises, and when a later rebuild raises it prints the error in the terminal and
every request then waits for a build that never comes: the browser hangs. An editor watching
it would never know why. So a theme template that fails renders an error page in place of the
page (the build goes on), and any other failure of a rebuild writes that error page over every
page, until a rebuild succeeds.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import jinja2
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File, Files, InclusionLevel

from ktt_site.errors import Problem
from ktt_site.preview import terminal_text

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

# Outside the "mkdocs" logger on purpose: with `strict: true`, MkDocs aborts a build after any
# warning it counted, and an aborted rebuild is exactly the stuck preview we avoid.
terminal = logging.getLogger("ktt_site.preview")
if not terminal.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    terminal.addHandler(_handler)
    terminal.propagate = False


def report(problems: list[Problem]) -> None:
    terminal.error(terminal_text(problems))


def nav_paths(nav: Any) -> Iterator[str]:
    """Every Markdown path named in ``nav:``, at any depth."""
    if isinstance(nav, str):
        if nav.endswith(".md"):
            yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_paths(item)


def generated_pages(files: Files) -> list[tuple[str, bool]]:
    """The generated pages of a good build, with whether each is in the sidebar, to stand in
    for them while the data is broken (a reloaded profile page then shows the errors, not 404)."""
    return [
        (f.src_uri, not f.inclusion.is_not_in_nav())
        for f in files
        if f.generated_by is not None and f.src_uri.endswith(".md")
    ]


def stand_in_pages(files: Files, config: MkDocsConfig, previous: list[tuple[str, bool]]) -> Files:
    """Pages the broken data cannot generate: the last good build's, and any the nav names, so
    links and the nav resolve (no strict-mode warning) and each shows the problems instead."""
    wanted = dict(previous)
    for src_uri in nav_paths(config.nav):
        wanted[src_uri] = True
    for src_uri, in_nav in wanted.items():
        if files.get_file_from_path(src_uri) is not None:
            continue
        stand_in = File.generated(config, src_uri, content="")
        if not in_nav:
            stand_in.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(stand_in)
    return files


class GeneratedFile(File):
    """``File.generated`` that tells a dirty build (``mkdocs serve --dirty``) whether its content
    changed since the previous build, through ``File.is_modified``, the method MkDocs asks. One
    copied from a file (the form editor's bundle) is modified when MkDocs' own rule says so."""

    changed = True

    def is_modified(self) -> bool:
        if self.abs_src_path is not None:  # copied, with its date, by MkDocs: newer source, new copy
            return super().is_modified()
        return self.changed or not os.path.isfile(self.abs_dest_path)


class ChangedPages:
    """What a rebuild of ``mkdocs serve --dirty`` must render again: the pages whose Markdown as
    readers get it differs from the previous build's. MkDocs itself only compares an editor's
    file with its output by date, and a changed YAML file changes pages whose own file did not
    (a shortcode, an article's header); so such an output is dated back to make MkDocs redo it.
    A page added or removed changes every page's links: then every page is made again."""

    def __init__(self) -> None:
        self._previous: dict[str, str] = {}
        self._previous_data: dict[str, bytes] = {}

    def forget(self) -> None:
        """Make the next rebuild redo every page (after a failure, or a change of the theme)."""
        self._previous = {}
        self._previous_data = {}

    def mark(self, files: Files, fingerprint: Callable[[File], str]) -> int:
        """Mark each documentation page changed or not, and each generated download or data
        file (written again only when its bytes differ); return how many pages changed."""
        data_files = [
            item
            for item in files
            if isinstance(item, GeneratedFile) and item.abs_src_path is None and not item.is_documentation_page()
        ]
        data = {item.src_uri: item.content_bytes for item in data_files}
        for item in data_files:
            item.changed = data[item.src_uri] != self._previous_data.get(item.src_uri)
        self._previous_data = data
        pages = list(files.documentation_pages(inclusion=InclusionLevel.is_in_serve))
        current = {file.src_uri: fingerprint(file) for file in pages}
        same_pages = current.keys() == self._previous.keys()
        changed = 0
        for file in pages:
            is_changed = not same_pages or current[file.src_uri] != self._previous[file.src_uri]
            changed += is_changed
            if isinstance(file, GeneratedFile):
                file.changed = is_changed
            elif is_changed and file.generated_by is None and os.path.isfile(file.abs_dest_path):
                os.utime(file.abs_dest_path, (0, 0))
        self._previous = current
        return changed


#: What MkDocs 1.6 puts at the top of a draft shown by ``mkdocs serve`` (``commands/build.py``).
#: Our own Vietnamese banner replaces it; if MkDocs writes it otherwise, both simply show.
MKDOCS_DRAFT_MARKER = (
    '<div class="mkdocs-draft-marker" title="This page will not be included into the built site.">DRAFT</div>'
)


def keep_answering(server: LiveReloadServer, on_failure: Callable[[Exception], None]) -> None:
    """Let a failed rebuild end like a good one, after ``on_failure`` has written its error page.

    MkDocs 1.6.1 (checked with ProperDocs 1.6 too) calls ``server.builder()`` for each rebuild and,
    when it raises, keeps the previous build's epoch, for which every request then waits without
    end (``LiveReloadServer._serve_request``). ``builder`` is a plain attribute there; where it is
    missing, MkDocs' own behaviour stays."""
    builder = getattr(server, "builder", None)
    if not callable(builder):
        return

    def rebuild() -> None:
        try:
            builder()
        except Exception as exc:  # Abort is one too (SystemExit and Exception); Ctrl+C is not
            on_failure(exc)

    server.builder = rebuild


class PreviewTemplate(jinja2.Template):
    """A theme template whose failure renders the error page in place of the page."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        try:
            return super().render(*args, **kwargs)
        except Exception as exc:
            error_page: Callable[[Exception], str] = self.environment.globals[_ERROR_PAGE]  # type: ignore[assignment]
            return error_page(exc)


_ERROR_PAGE = "ktt_preview_error_page"


def show_template_errors(env: jinja2.Environment, error_page: Callable[[Exception], str]) -> jinja2.Environment:
    """Make a failing theme template (a broken override in ``custom_dir``, say) render
    ``error_page`` instead of stopping the build, through Jinja's documented
    ``Environment.template_class`` and ``BaseLoader``."""
    env.globals[_ERROR_PAGE] = error_page
    env.template_class = PreviewTemplate
    if env.loader is not None:
        env.loader = _SyntaxErrorsWhenRendered(env.loader, env)
    return env


class _SyntaxErrorsWhenRendered(jinja2.BaseLoader):
    """The theme's loader, but a template with a syntax error loads as one that raises it when
    rendered: in the page's own render, where :class:`PreviewTemplate` shows it. (The raising
    function is an environment global: an included template sees those, not its own.)"""

    def __init__(self, loader: jinja2.BaseLoader, environment: jinja2.Environment) -> None:
        self.loader = loader
        self.errors: dict[str, jinja2.TemplateSyntaxError] = {}
        environment.globals[_SYNTAX_ERROR] = self._raise

    def _raise(self, name: str) -> NoReturn:
        raise self.errors[name]

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Any]:
        return self.loader.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()

    def load(self, environment: jinja2.Environment, name: str, globals: Any = None) -> jinja2.Template:
        try:
            return self.loader.load(environment, name, globals)
        except jinja2.TemplateSyntaxError as exc:
            self.errors[name] = exc
            return environment.from_string(f"{{{{ {_SYNTAX_ERROR}({json.dumps(name)}) }}}}")


_SYNTAX_ERROR = "ktt_preview_syntax_error"
_TEMPLATE_SUFFIXES = (".html", ".htm", ".xml", ".j2", ".jinja", ".jinja2")


def failure_text(error: BaseException, root: Path) -> str:
    """What stopped the preview, in Vietnamese, with the file and line to fix where known."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"mẫu giao diện {_shown(error.filename, root)}, dòng {error.lineno}: lỗi cú pháp Jinja: {error.message}"
    if isinstance(error, Abort):
        cause = error.__context__
        if isinstance(cause, BuildError):  # MkDocs logged it and raised "Aborted with a BuildError!"
            return str(cause)
        return (
            "MkDocs dừng vì có cảnh báo (mkdocs.yml đặt strict: true); xem các dòng WARNING trong cửa sổ lệnh. "
            "Lệnh make serve xem trước mà không dừng vì cảnh báo"
        )
    if isinstance(error, BuildError):
        return str(error)
    frames = traceback.extract_tb(error.__traceback__)
    templates = [f for f in frames if f.filename.endswith(_TEMPLATE_SUFFIXES)]
    own = [f for f in frames if _is_project_file(f.filename, root)]
    what = f"{type(error).__name__}: {error}"
    if templates:
        return f"mẫu giao diện {_shown(templates[-1].filename, root)}, dòng {templates[-1].lineno}: {what}"
    if own:
        return f"{what} (tại {_shown(own[-1].filename, root)}, dòng {own[-1].lineno})"
    return what


def _is_project_file(filename: str, root: Path) -> bool:
    path = Path(filename)
    return path.is_relative_to(root) and not {"site-packages", ".venv"} & set(path.parts)


def _shown(filename: str | None, root: Path) -> str:
    if not filename:
        return "(không rõ tệp)"
    path = Path(filename)
    return f"'{path.relative_to(root).as_posix()}'" if path.is_relative_to(root) else f"'{filename}'"


def failure_page(message: str) -> str:
    """A page of its own, needing nothing from the theme (which may be what is broken)."""
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trang xem trước gặp lỗi</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}
.ktt-preview-errors {{ border-left: 0.3rem solid #c62828; background: #fdecea; padding: 0.5rem 1rem; }}
pre {{ white-space: pre-wrap; }}
</style>
</head>
<body>
<main class="ktt-preview-errors" role="alert">
<h1>Trang xem trước gặp lỗi</h1>
<p>Lần dựng trang gần nhất không thành công:</p>
<pre>{html.escape(message)}</pre>
<p>Sửa lỗi rồi lưu tệp: trang sẽ tự tải lại khi dựng được. Cửa sổ lệnh có thêm chi tiết.</p>
</main>
</body>
</html>
"""


def write_failure_pages(site_dir: Path, destinations: Iterable[str], page: str) -> None:
    """``page`` at every page's place, and for any address not found (MkDocs' server shows 404.html)."""
    for destination in {*destinations, "index.html", "404.html"}:
        target = site_dir / destination
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
        except OSError:  # a full disk, say: the terminal still says what happened
            return


def report_failure(message: str) -> None:
    terminal.error(f"Không dựng được trang xem trước: {message}\nTrình duyệt hiện trang báo lỗi cho tới khi sửa xong.")


def folder_state(folder: str | None) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``folder`` with its time and size: a theme change redoes every page."""
    if not folder:
        return ()
    found = []
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            with contextlib.suppress(OSError):
                stat = os.stat(path)
                found.append((path, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))
