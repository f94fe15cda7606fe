"""Accessible on a phone: axe-core, injected through Playwright into Debian's Chromium at phone
width, finds no serious or critical violation on each kind of page, beyond a commented
allow-list for markup the Material theme itself writes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from quality_support import ROOT, missing_tool, serve

from ktt_site.project import read_project
from ktt_site.site import ProjectPaths, load_site

AXE = ROOT / "node_modules/axe-core/axe.min.js"
PHONE = {"width": 360, "height": 740}


@dataclass(frozen=True)
class Allowed:
    """A violation in the theme's own markup: axe rule id and a CSS selector of its element."""

    rule: str
    target: str
    why: str


ALLOWED: list[Allowed] = [
    Allowed(
        "scrollable-region-focusable",
        r"\.md-typeset__scrollwrap",
        "Material's script wraps every wide table in a scrolling div without tabindex; the "
        "table's links and cells stay reachable and phones scroll it by touch.",
    ),
]


def _page_paths() -> dict[str, str]:
    """One built page of each kind, picked from the shipped data (URLs as DESIGN.md fixes them)."""
    site = load_site(
        ProjectPaths(ROOT, ROOT / "models_data", ROOT / "content"), as_of=dt.date(2025, 11, 26)
    )
    year, plan = sorted(site.plans.items())[0]
    assert site.cooperatives and site.legal and site.articles and plan.targets, (
        "shipped site lacks a page kind"
    )
    article = site.articles[0].src_uri.removesuffix(".md")
    return {
        "home": "",
        "profile": f"hop-tac-xa/{sorted(site.cooperatives)[0]}/",
        "legal": f"van-ban/{sorted(site.legal)[0]}/",
        "article": f"{article.removesuffix('/index')}/",
        "progress": f"tien-do/{year}/",
        "target": f"tien-do/{year}/{plan.targets[0].id}/",
    }


PAGES = _page_paths()
SITE_URL = str(read_project(ROOT / "mkdocs.yml")[1]["site_url"])


@pytest.fixture(scope="module")
def browser(browser: Any) -> Any:
    """The test process's chromium (tests/conftest.py), with axe-core there to inject."""
    if not AXE.is_file():
        missing_tool("axe-core is not installed (run 'npm ci' in the project folder)")
    return browser


@pytest.fixture(scope="module")
def base_url(shipped_site) -> Iterator[str]:
    with serve(shipped_site) as url:
        yield url


def _allowed(rule: str, node: dict[str, Any]) -> bool:
    targets = " ".join(str(t) for t in node.get("target", []))
    return any(a.rule == rule and re.search(a.target, targets) for a in ALLOWED)


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_page_has_no_serious_accessibility_violation_on_a_phone(browser, base_url, kind):
    # bypass_csp: axe is added to the page as an inline script, which the page's policy refuses
    # (test_csp_browser.py checks the policy itself).
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="vi-VN", bypass_csp=True
    )
    page = context.new_page()
    outside: list[str] = []

    def offline(route: Any) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", offline)
    response = page.goto(base_url + PAGES[kind], wait_until="load")
    assert response is not None and response.ok, PAGES[kind]
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    context.close()
    found = [
        f"{v['id']} ({v['impact']}): {v['help']} at {' '.join(map(str, node['target']))}"
        for v in results["violations"]
        if v.get("impact") in ("serious", "critical")
        for node in v["nodes"]
        if not _allowed(v["id"], node)
    ]
    assert found == [], f"{PAGES[kind]}:\n" + "\n".join(found)
    # Material's script asks the site's own address for sitemap.xml; anything else is a leak.
    assert [url for url in outside if not url.startswith(("data:", "blob:", SITE_URL))] == []


def test_the_accessibility_gate_catches_a_violation(browser, tmp_path):
    """An image without text and an unlabelled field must be reported (the gate can fail)."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="vi"><head><title>t</title></head><body><main>'
        '<img src="x.png"><input type="text"></main></body></html>',
        encoding="utf-8",
    )
    with serve(tmp_path) as url:
        page = browser.new_page(viewport=PHONE)
        page.goto(url)
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        page.close()
    rules = {v["id"] for v in results["violations"] if v["impact"] in ("serious", "critical")}
    assert {"image-alt", "label"} <= rules
