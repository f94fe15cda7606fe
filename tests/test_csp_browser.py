"""The shipped site in Debian's chromium: on every page, nothing that could run a script a reader
did not ask for, and a Content-Security-Policy that lets the site's own scripts (the theme,
search) work while an injected handler or inline script does not run.

The checks are made on the page as the browser holds it (addresses resolved by its own URL
parser, script text as it will run), not on the HTML files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from search_support import search, serve

#: Started first in a run (tests/conftest.py): the every-page test takes about ten seconds.
pytestmark = pytest.mark.runs_long

#: Run before any script of the page (Playwright's init scripts are not the page's, so the
#: policy does not apply to them): counts what the policy blocks, and gives injected code a
#: place to say it ran.
WATCH = """
window.__ran = [];
window.__blocked = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__blocked.push(event.effectiveDirective + ' ' + (event.blockedURI || 'inline'));
});
"""

#: Everything on the page that could run a script unasked, as the browser sees it.
AUDIT = r"""async () => {
  const problems = [];
  const meta = document.head.firstElementChild;
  const policy = meta && meta.localName === 'meta'
    && (meta.getAttribute('http-equiv') || '').toLowerCase() === 'content-security-policy'
    ? meta.getAttribute('content') : null;
  if (policy === null) problems.push('no Content-Security-Policy as the first element of <head>');
  const scriptSources = ((policy || '').split(';').find((d) => d.trim().startsWith('script-src ')) || '')
    .trim().split(/\s+/);
  const allowed = new Set(['http:', 'https:', 'mailto:', 'tel:']);
  const addressed = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'cite', 'background'];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`<${element.localName}> ${name}=${attribute.value}`);
      const values = name === 'srcset' ? attribute.value.split(',').map((c) => c.trim().split(' ')[0])
        : addressed.includes(name) ? [attribute.value] : [];
      for (const value of values) {
        let protocol;
        try { protocol = new URL(value, document.baseURI).protocol; } catch (error) { continue; }
        if (!allowed.has(protocol)) problems.push(`<${element.localName}> ${name}=${value} (${protocol})`);
      }
    }
  }
  for (const script of document.scripts) {
    if (script.src) {
      if (new URL(script.src).origin !== location.origin) problems.push(`script from ${script.src}`);
      continue;
    }
    if ((script.type || '').toLowerCase() === 'application/json') continue;  // data, never run
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script.text));
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    if (!scriptSources.includes(`'sha256-${hash}'`)) {
      problems.push(`inline script not in the policy: ${script.text.slice(0, 60)}`);
    }
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def base_url(shipped_site: Path) -> Iterator[str]:
    """The shipped site, its files kept by the browser as a reader's are (the policy and the
    audit apply the same to a script from the cache): every page's own work, not the theme's
    files fetched and compiled again, is what the every-page test waits for."""
    with serve(shipped_site, cache=True) as url:
        yield url


def _page(browser: Any) -> tuple[Any, Any, list[str]]:
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: console.append(str(error)))
    return context, page, console


def _policy_errors(console: list[str]) -> list[str]:
    return [text for text in console if "Content Security Policy" in text]


def test_every_shipped_page_runs_only_the_sites_own_scripts(browser, base_url, shipped_site):
    pages = sorted(p.relative_to(shipped_site).as_posix() for p in shipped_site.rglob("*.html"))
    assert len(pages) >= 80
    context, page, console = _page(browser)
    found: dict[str, list[str]] = {}
    for rel in pages:
        address = base_url + rel.removesuffix("index.html")
        page.goto(address, wait_until="load")
        problems = page.evaluate(AUDIT) + page.evaluate("() => window.__blocked")
        if problems:
            found[rel] = problems
    context.close()
    assert found == {}
    assert _policy_errors(console) == []


INJECTED = (
    '<img src="data:," onerror="window.__ran.push(\'onerror\')">'
    "<script>window.__ran.push('inline script')</script>"
    '<svg onload="window.__ran.push(\'svg onload\')"><rect width="10" height="10"></rect></svg>'
    '<p id="ktt-hover" onmouseover="window.__ran.push(\'onmouseover\')">di chuột vào đây</p>'
    '<a id="ktt-link" href="javascript:window.__ran.push(\'javascript: link\')">bấm vào đây</a>'
)
PROFILE = "hop-tac-xa/hop-tac-xa-dich-vu-nong-nghiep-thanh-dien-minh-hoa/"


def _open_injected(browser: Any, url: str, *, keep_policy: bool) -> tuple[Any, Any, list[str]]:
    """The built page with hostile markup written into its body after the build (as if it had
    got past the sanitiser), and without its policy when ``keep_policy`` is false."""
    context, page, console = _page(browser)

    def edit(route: Any) -> None:
        html = route.fetch().text()
        assert '<div class="md-content"' in html
        html = html.replace('<div class="md-content"', INJECTED + '<div class="md-content"', 1)
        if not keep_policy:
            start = html.index('<meta http-equiv="Content-Security-Policy"')
            html = html[:start] + html[html.index(">", start) + 1 :]
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(url, edit)
    page.goto(url, wait_until="load")
    page.hover("#ktt-hover")
    page.click("#ktt-link")
    page.wait_for_timeout(300)
    return context, page, console


def test_an_injected_handler_or_script_does_not_run_but_the_sites_scripts_do(browser, base_url):
    context, page, console = _open_injected(browser, base_url + PROFILE, keep_policy=True)
    assert page.evaluate("() => window.__ran") == []
    blocked = page.evaluate("() => window.__blocked")
    assert any(b.startswith("script-src-attr") for b in blocked), blocked
    assert any(b.startswith("script-src-elem") for b in blocked), blocked
    # The theme's script and the search (its script, Pagefind's worker and WebAssembly) run.
    assert page.evaluate("() => typeof window.document$ === 'object' && typeof window.__md_get === 'function'")
    meta, results = search(page, "mang cau")
    assert results and meta.startswith("Tìm thấy")
    assert [b for b in page.evaluate("() => window.__blocked") if b not in blocked] == []
    context.close()


def test_without_the_policy_the_same_injection_runs(browser, base_url):
    """The test above can fail: the injected markup is live when the policy is taken away."""
    context, page, console = _open_injected(browser, base_url + PROFILE, keep_policy=False)
    ran = page.evaluate("() => window.__ran")
    context.close()
    assert {"onerror", "inline script", "onmouseover", "javascript: link"} <= set(ran)
