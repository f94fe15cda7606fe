"""Serving a built site on 127.0.0.1 (at the root or under a sub-path), a headless chromium,
and typing into the site's search box as a reader does.

Used by the search browser tests and by ``bench/bench_search.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from socketserver import BaseRequestHandler
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves ``directory`` at ``prefix`` only, as a web host serving a project sub-path would."""

    prefix = "/"

    def __init__(self, *args: Any, prefix: str, sent: list[tuple[str, int]], cache: bool, **kwargs: Any) -> None:
        self.prefix = prefix
        self.sent = sent
        self.cache = cache
        super().__init__(*args, **kwargs)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            self.sent.append((self.path, int(value)))
        super().send_header(keyword, value)

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        # Every test and benchmark run starts from an empty cache, as a first visit does; or, for
        # a reader going from page to page, keeps the theme's files for ten minutes as GitHub
        # Pages does, so that the browser does not fetch and compile them again on every page.
        self.send_header("Cache-Control", "max-age=600" if self.cache else "no-store")
        # LinkChecker paces itself (about 10 requests a second) on hosts that do not send this.
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        pass


@contextmanager
def serve(
    site_dir: Path, prefix: str = "/", sent: list[tuple[str, int]] | None = None, *, cache: bool = False
) -> Iterator[str]:
    """Serve ``site_dir`` at ``http://127.0.0.1:<port><prefix>``; yields that base URL.

    ``sent``, when given, receives ``(request path, body bytes)`` for every response. With
    ``cache``, responses may be kept by the browser (else every request reaches the server).
    """
    if not prefix.endswith("/"):
        prefix += "/"
    sent = [] if sent is None else sent
    handler = partial(_SiteHandler, directory=str(site_dir), prefix=prefix, sent=sent, cache=cache)
    with served(handler, prefix) as url:
        yield url


@contextmanager
def served(handler: Callable[..., BaseRequestHandler], path: str = "/") -> Iterator[str]:
    """A local HTTP server answering with ``handler`` on its own thread; yields its URL + ``path``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    # shutdown() waits for the serving loop to look at its flag, which it does between waits for
    # a request: every 0.5 s by default, half a second lost at the end of each test that serves.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def chromium_path() -> str | None:
    return shutil.which("chromium")


def tools_required() -> bool:
    return os.environ.get("KTT_REQUIRE_TOOLS") == "1"


#: Browser interface that no page and no test sees, which chromium still builds for every new
#: window (each Playwright context): since version 15x, the address bar's suggestion popup is a
#: web page of its own (chrome://omnibox-popup.top-chrome/), loaded in its own renderer. It cost
#: 0.6 s of CPU per context, more than the page a test opens in it (chromium 156: ten contexts
#: took 11.6 s of CPU with it and 5.3 s without).
UNSEEN_BROWSER_UI = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup")


def disabled_features(command_line: list[str]) -> list[str]:
    """The features a command line turns off, from every ``--disable-features`` on it, in order."""
    names: list[str] = []
    for argument in command_line:
        if argument.startswith("--disable-features="):
            names += [name for name in argument.partition("=")[2].split(",") if name and name not in names]
    return names


def launch_arguments(playwright: Any, executable: str) -> list[str]:
    """``CHROMIUM_ARGS`` and one ``--disable-features`` adding ``UNSEEN_BROWSER_UI`` to the
    features Playwright turns off itself.

    Chromium keeps only the last ``--disable-features`` of its command line, and Playwright puts
    its own list first: a second switch would silently turn its features back on. Playwright
    does not publish its list, so a first browser, started for a moment, reads it from its own
    command line (``Browser.getBrowserCommandLine``, which needs ``--enable-automation``)."""
    probe = playwright.chromium.launch(executable_path=executable, args=[*CHROMIUM_ARGS, "--enable-automation"])
    try:
        command_line = probe.new_browser_cdp_session().send("Browser.getBrowserCommandLine")["arguments"]
    finally:
        probe.close()
    features = [*disabled_features(command_line), *UNSEEN_BROWSER_UI]
    return [*CHROMIUM_ARGS, "--disable-features=" + ",".join(dict.fromkeys(features))]


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's chromium driven by Playwright (never a browser Playwright downloads)."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=launch_arguments(playwright, executable))
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def browser_or_skip() -> Iterator[Any]:
    """Chromium for a test; the test is skipped when it is missing, unless KTT_REQUIRE_TOOLS=1."""
    if chromium_path() is None and not tools_required():
        pytest.skip("chromium not installed (apt-get install chromium); set KTT_REQUIRE_TOOLS=1 to fail instead")
    with chromium() as launched:
        yield launched


@dataclass
class Result:
    """One search result as a reader sees it."""

    title: str
    section: str
    href: str
    marks: list[str]
    snippet: str


# A function, not an expression: Playwright evaluates a string with eval(), which the pages'
# Content-Security-Policy forbids (as it should).
_SETTLED = "() => document.querySelector('[data-ktt-search-results]').getAttribute('aria-busy') === 'false'"


@contextmanager
def phone_reader(browser: Any, site_dir: Path, prefix: str, viewport: tuple[int, int]) -> Iterator[tuple[Any, str]]:
    """A phone (``viewport`` in CSS pixels, touch) on ``site_dir`` served at ``prefix``, the search
    box opened from the header; yields the page and the site's base URL. No script may fail."""
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(site_dir, prefix) as base:
        page.goto(base)
        page.locator("label.md-header__button[for=__search]").tap()
        yield page, base
    context.close()
    assert errors == []


def search(page: Any, query: str) -> tuple[str, list[Result]]:
    """Type ``query`` into the search box as a reader would; the results once shown."""
    box = page.locator("[data-ktt-search-input]")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query, delay=15)
    return read_results(page)


#: Every result as shown, read in one call (six calls a result, one by one, took most of a
#: search's time). As strict as Playwright's locators: a result must be visible (a box with a
#: size, not ``visibility: hidden``) and hold exactly one title, section, link and snippet.
_READ_RESULTS = """() => Array.from(document.querySelectorAll('.md-search-result__item'), (item) => {
  const one = (selector) => {
    const found = item.querySelectorAll(selector);
    if (found.length !== 1) throw new Error(`${found.length} elements match ${selector} in a result`);
    return found[0];
  };
  const box = item.getBoundingClientRect();
  return {
    visible: box.width > 0 && box.height > 0 && getComputedStyle(item).visibility !== 'hidden',
    title: one('h1').innerText,
    section: one('.ktt-search__section').innerText,
    href: one('a').getAttribute('href'),
    marks: Array.from(item.querySelectorAll('.ktt-search__snippet mark'), (mark) => mark.innerText),
    snippet: one('.ktt-search__snippet').innerText,
  };
})"""


def read_results(page: Any) -> tuple[str, list[Result]]:
    """The results shown, after pressing "more" until every result is on the list."""
    page.wait_for_function(_SETTLED)
    more = page.locator("[data-ktt-search-more]")
    while more.is_visible():
        more.click()
        page.wait_for_function(_SETTLED)
    meta = page.locator("[data-ktt-search-meta]").inner_text().strip()
    count = re.fullmatch(r"Tìm thấy (\d+) trang", meta)
    found = []
    for item in page.evaluate(_READ_RESULTS):
        assert item.pop("visible"), item
        found.append(Result(**item))
    assert len(found) == (int(count.group(1)) if count else 0), meta
    return meta, found


def paths(results: list[Result], base: str) -> list[str]:
    return [r.href.removeprefix(base) for r in results]
