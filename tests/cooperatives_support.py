"""Helpers for the cooperative tests: the fixture profiles, and reading built pages as a reader."""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib

FIXTURE = Path(__file__).parent / "fixtures" / "cooperatives"


def add_profiles(project) -> None:
    """Lay the cooperative fixture (profiles, criteria, image, an article) over the minimal site."""
    shutil.copytree(FIXTURE, project.root, dirs_exist_ok=True)


def parse(path: Path) -> Element:
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def text(element: Element | None) -> str:
    """Visible text with whitespace collapsed, as a reader sees it."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def content(doc: Element) -> Element:
    """The page's main article (not the header, sidebar or footer)."""
    for element in doc.iter("article"):
        if "md-content__inner" in element.get("class", ""):
            return element
    raise AssertionError("no main article in page")


def page_file(site_dir: Path, url_path: str) -> Path:
    """``hop-tac-xa/abc/`` -> ``site/hop-tac-xa/abc/index.html``."""
    return site_dir / url_path / "index.html"


def resolve(site_dir: Path, page: Path, href: str) -> Path | None:
    """The built file a relative link from ``page`` leads to (None for external links)."""
    if href.startswith(("http://", "https://", "mailto:", "tel:", "#", "//")):
        return None
    href = href.split("#", 1)[0]
    here = page.parent.relative_to(site_dir).as_posix()
    target = posixpath.normpath(posixpath.join(here, href))
    path = site_dir / target
    return path / "index.html" if href.endswith("/") or path.is_dir() else path


def links(element: Element) -> list[tuple[str, str]]:
    """(text, href) of every link inside ``element``."""
    return [(text(a), a.get("href", "")) for a in element.iter("a") if a.get("href")]


def broken_links(site_dir: Path, page: Path) -> list[str]:
    """Relative links in the page's article whose target was not built."""
    broken = []
    for _, href in links(content(parse(page))):
        target = resolve(site_dir, page, href)
        if target is not None and not target.exists():
            broken.append(href)
    return broken


def table_rows(table: Element) -> list[list[str]]:
    """Each body row's cells as text (header cells of the row included)."""
    body = table.find("tbody")
    rows = body.findall("tr") if body is not None else table.findall("tr")
    return [[text(cell) for cell in row if cell.tag in ("td", "th")] for row in rows]


def table(element: Element, kind: str) -> Element:
    for found in element.iter("table"):
        if found.get("data-table") == kind:
            return found
    raise AssertionError(f"no table {kind!r} on the page")


def section_after(article: Element, heading: str) -> list[Element]:
    """The elements between the h2 titled ``heading`` and the next h2."""
    children = list(article)
    for index, child in enumerate(children):
        if child.tag == "h2" and text(child).startswith(heading):
            found = []
            for sibling in children[index + 1 :]:
                if sibling.tag == "h2":
                    break
                found.append(sibling)
            return found
    raise AssertionError(
        f"no section {heading!r}; headings: {[text(c) for c in children if c.tag == 'h2']}"
    )
