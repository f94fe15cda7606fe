"""Lighthouse on the shipped site and, in the same run, on a plain MkDocs + Material site.

    .venv/bin/python bench/lighthouse.py [--runs 3] [--site site] [--no-compression]
                                         [--reports .bench/lighthouse-reports]

Lighthouse 12 (npm ``lighthouse``, installed on first use into ``.bench/lighthouse/``, which
is not committed: a benchmark tool, not a dependency of the site or of ``make test``) runs in
Debian's ``chromium`` (``CHROME_PATH``, flags ``--headless=new --no-sandbox``) with its default
settings: a mobile phone, simulated slow 4G and a 4x slower CPU.

Pages: the home page, a real cooperative's profile and an article, on both sites. Each run
visits them in turn, ours then plain for each page, so load on the machine hits both alike;
the table gives the median of the runs per page and category.

The plain site is what MkDocs + Material give with nothing of ours: the same three pages'
Markdown, as the plugin hands it to MkDocs (shortcodes expanded, captured by
``bench/capture_hook.py``), the same theme settings (``language: vi``, ``font: false``, the
palette and features of ``mkdocs.yml``), Material's default search plugin, and no custom_dir,
extra CSS or JavaScript. Same text, so the difference is what our theme layer, styles and
scripts cost (or save); our HTML in that Markdown is left unstyled there.

Both sites are served from 127.0.0.1 as GitHub and GitLab Pages serve them: gzip for text and
``Cache-Control: max-age=600``. Lighthouse's throttling is simulated from what it observed, so
a slow or busy CPU lowers performance for every site: compare ours with plain in the same run.

Exits 1 when accessibility, best practices or SEO is below 100 on any run of our pages, after
listing the failing audits (id and title) of every category below 100.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent / "tests")]

from generate import ROOT, copy_shipped_site  # noqa: E402
from search_support import served  # noqa: E402

LIGHTHOUSE_VERSION = "12"
TOOL_DIR = ROOT / ".bench" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "BP", "seo": "SEO"}
#: Pages measured: a real cooperative (not illustrative) with a picture, and the article about it.
PAGES = {
    "home": "",
    "profile": "hop-tac-xa/hop-tac-xa-nong-nghiep-mang-cau-thanh-tan/",
    "article": "ban-tin/2018-so-02/01-htx-mang-cau-thanh-tan/",
}
SOURCES = {
    "home": "index.md",
    "profile": "hop-tac-xa/hop-tac-xa-nong-nghiep-mang-cau-thanh-tan.md",
    "article": "ban-tin/2018-so-02/01-htx-mang-cau-thanh-tan.md",
}
EPOCH = "1764115200"
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


# --- tools -------------------------------------------------------------------------------


def lighthouse_bin() -> Path:
    """Lighthouse's command, installed into .bench/lighthouse/ the first time."""
    binary = TOOL_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("npm is needed to install Lighthouse (apt-get install npm)")
        TOOL_DIR.mkdir(parents=True, exist_ok=True)
        print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {TOOL_DIR}", file=sys.stderr)
        subprocess.run(
            [npm, "install", "--prefix", str(TOOL_DIR), "--no-audit", "--no-fund", f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
        )
    return binary


def mkdocs(config: Path, out: Path, extra_env: dict[str, str] | None = None, strict: bool = True) -> None:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": EPOCH,
        # This checkout's package first, whichever ktt_site the interpreter has installed.
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        **(extra_env or {}),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)]
    result = subprocess.run([*command, "--strict"] if strict else command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build failed ({' '.join(command)}):\n{result.stderr}")


# --- the two sites -----------------------------------------------------------------------


def build_sites(work: Path, ours: Path | None) -> tuple[Path, Path]:
    """Our site (built with the capture hook unless given) and the plain Material site."""
    project = copy_shipped_site(work / "project")
    captured = work / "captured"
    (project / "mkdocs-capture.yml").write_text(
        f"INHERIT: mkdocs.yml\nhooks:\n  - {ROOT / 'bench' / 'capture_hook.py'}\n", encoding="utf-8"
    )
    built = work / "ours"
    mkdocs(project / "mkdocs-capture.yml", built, {"KTT_CAPTURE_DIR": str(captured)})
    return (ours or built), plain_site(work, project, captured)


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    import yaml

    if not text.startswith("---\n"):
        return {}, text
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head) or {}, body


def plain_site(work: Path, project: Path, captured: Path) -> Path:
    """MkDocs + Material as shipped, on the same three pages' Markdown and pictures."""
    import yaml

    docs = work / "plain-docs"
    shutil.copytree(project / "content" / "images", docs / "images")
    nav = []
    for kind, src in SOURCES.items():
        meta, body = _front_matter((captured / src).read_text(encoding="utf-8"))
        # Only what plain MkDocs understands: our page templates do not exist there.
        kept = {key: meta[key] for key in ("title", "description") if key in meta}
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        head = yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=1000)
        target.write_text(f"---\n{head}---\n\n{body}", encoding="utf-8")
        nav.append({str(kept.get("title", kind)): src})

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)  # site_url: set below
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 - a SafeLoader
    config = {
        "site_name": ours["site_name"],
        "site_description": ours["site_description"],
        "site_url": "https://ktt-tayninh.example.org/",
        "docs_dir": str(docs),
        "use_directory_urls": True,
        "theme": {key: ours["theme"][key] for key in ("name", "language", "font", "palette", "features")},
        "markdown_extensions": ours["markdown_extensions"],
        "nav": nav,
        # Links to the rest of our site lead nowhere here; Lighthouse does not follow them.
        "validation": {"links": {"not_found": "info", "unrecognized_links": "info", "anchors": "info"}},
    }
    (work / "mkdocs-plain.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    out = work / "plain"
    mkdocs(work / "mkdocs-plain.yml", out, strict=False)
    return out


# --- serving -----------------------------------------------------------------------------


class _PagesHandler(SimpleHTTPRequestHandler):
    """A static host as GitHub and GitLab Pages are: gzip for text, ten minutes of caching."""

    compression = True

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes()
        kind = self.guess_type(str(path))
        compress = (
            self.compression and kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", "")
        )
        if compress:
            body = gzip.compress(body, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        pass


class _PlainHandler(_PagesHandler):
    """A host that sends files as they are (``python -m http.server``): a worst case."""

    compression = False


@contextmanager
def serve(site: Path, compression: bool = True) -> Iterator[str]:
    handler = _PagesHandler if compression else _PlainHandler
    with served(partial(handler, directory=str(site))) as url:
        yield url


# --- Lighthouse --------------------------------------------------------------------------


def lighthouse(binary: Path, url: str, report: Path) -> dict[str, Any]:
    chrome = shutil.which("chromium")
    if chrome is None:
        raise SystemExit("chromium is needed (apt-get install chromium)")
    command = [
        str(binary),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox",
        "--only-categories=" + ",".join(CATEGORIES),
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome}, check=True, timeout=300)
    return json.loads(report.read_text(encoding="utf-8"))


def scores(report: dict[str, Any]) -> dict[str, int]:
    return {key: round(100 * (report["categories"][key]["score"] or 0)) for key in CATEGORIES}


def failing(report: dict[str, Any]) -> list[str]:
    """Audits that cost points: every one below full marks in a category under 100 (weighted
    ones only for performance, whose diagnostics carry no weight), and performance's
    opportunities with savings."""
    lines = []
    for key in CATEGORIES:
        category = report["categories"][key]
        if category["score"] == 1:
            continue
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit["score"] is None or audit["score"] >= 1:
                continue
            if key == "performance" and ref["weight"] == 0 and not audit.get("details", {}).get("overallSavingsMs"):
                continue
            shown = audit.get("displayValue", "")
            lines.append(f"{SHORT[key]:>4}  {ref['id']}: {audit['title']}" + (f" ({shown})" if shown else ""))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="our site, already built (default: build the shipped site)")
    parser.add_argument("--runs", type=int, default=3, help="runs of every page (median kept)")
    parser.add_argument(
        "--no-compression", action="store_true", help="send files uncompressed, as python -m http.server does"
    )
    parser.add_argument("--reports", type=Path, default=ROOT / ".bench" / "lighthouse-reports")
    args = parser.parse_args()
    binary = lighthouse_bin()
    args.reports.mkdir(parents=True, exist_ok=True)
    results: dict[tuple[str, str], list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ours, plain = build_sites(Path(tmp), args.site.resolve() if args.site else None)
        compression = not args.no_compression
        with serve(ours, compression) as ours_url, serve(plain, compression) as plain_url:
            for run in range(1, args.runs + 1):
                for kind, path in PAGES.items():
                    for site, base in (("ours", ours_url), ("plain", plain_url)):
                        report = lighthouse(binary, base + path, args.reports / f"{site}-{kind}-{run}.json")
                        results.setdefault((site, kind), []).append(report)
                        print(f"run {run} {site:5} {kind:7} " + " ".join(f"{v:3}" for v in scores(report).values()))
    served = "uncompressed" if args.no_compression else "gzip"
    version = results[("ours", "home")][0]["lighthouseVersion"]
    print(f"\nLighthouse {version}, mobile, served with {served}, median of {args.runs} runs")
    print(f"{'page':8} {'site':6} " + " ".join(f"{SHORT[c]:>5}" for c in CATEGORIES))
    medians: dict[tuple[str, str], dict[str, float]] = {}
    for kind in PAGES:
        for site in ("ours", "plain"):
            runs = [scores(r) for r in results[(site, kind)]]
            medians[(site, kind)] = {c: statistics.median(s[c] for s in runs) for c in CATEGORIES}
            print(f"{kind:8} {site:6} " + " ".join(f"{medians[(site, kind)][c]:5g}" for c in CATEGORIES))
    status = 0
    for kind in PAGES:
        reports = results[("ours", kind)]
        below = [r for r in reports if any(scores(r)[c] < 100 for c in CATEGORIES[1:])]
        if below:
            status = 1
        # The run with the median performance stands for the page.
        shown = below[0] if below else sorted(reports, key=lambda r: scores(r)["performance"])[len(reports) // 2]
        lines = failing(shown)
        if lines:
            print(f"\n{kind} (ours): audits below full marks")
            print("\n".join(f"  {line}" for line in lines))
    for kind in PAGES:
        reports = results[("plain", kind)]
        lines = failing(sorted(reports, key=lambda r: scores(r)["performance"])[len(reports) // 2])
        if lines:
            print(f"\n{kind} (plain Material, for comparison): audits below full marks")
            print("\n".join(f"  {line}" for line in lines))
    for kind in PAGES:
        ours_perf, plain_perf = medians[("ours", kind)]["performance"], medians[("plain", kind)]["performance"]
        verdict = "met" if ours_perf >= 95 or ours_perf >= plain_perf else "missed"
        print(f"performance goal on {kind} (>= 95, or >= plain Material's {plain_perf:g}): {ours_perf:g}, {verdict}")
    print(f"\nreports: {args.reports}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
