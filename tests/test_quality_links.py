"""No broken internal link or anchor: LinkChecker crawls the built shipped site, served on
127.0.0.1 as a web server would serve it, starting from every page."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BIN
from quality_support import serve, which_or_missing

#: Started first in a run (tests/conftest.py): LinkChecker over the shipped site takes ten seconds.
pytestmark = pytest.mark.runs_long

#: Internal links only (the build is offline); fragments are checked by the AnchorCheck plugin.
#: threads=0: LinkChecker checks in its main thread. Its work is parsing HTML in Python, so
#: threads only contend for the interpreter lock: the shipped site took 14.7 s of CPU with 4 and
#: 10.8 s with none, the same 728 URLs, and no thread is left to wait for at the end.
CONFIG = """\
[checking]
threads=0
maxrequestspersecond=1000
[filtering]
checkextern=0
[AnchorCheck]
"""


#: LinkChecker run as root switches to the user "nobody" before it loads its plugins; where the
#: project sits in a folder only root may read (a fresh clone in a private temp folder), the
#: AnchorCheck plugin then silently fails to load and no anchor is checked. The test server is
#: local and read-only, so the gate keeps the user it was started as.
RUN_LINKCHECKER = (
    "import sys; import linkcheck.command.linkchecker as cli; "
    "cli.drop_privileges = lambda: None; sys.argv[0] = 'linkchecker'; sys.exit(cli.linkchecker())"
)


def _page_urls(site: Path, base: str) -> list[str]:
    urls = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        urls.append(base + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel))
    return urls


def _linkcheck(site: Path, tmp_path: Path) -> list[dict[str, str]]:
    """Every URL LinkChecker saw, as rows of its CSV report."""
    which_or_missing(str(BIN / "linkchecker"), "pip install -e '.[test]'")
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    with serve(site) as base:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                RUN_LINKCHECKER,
                "--config",
                str(config),
                "--no-status",
                "--no-robots",
                "--verbose",
                "--output",
                "csv",
                *_page_urls(site, base),
            ],
            capture_output=True,
            text=True,
            timeout=900,
        )
    # Comment lines (starting "# ") come before the header and after the rows; a row's own
    # first field can start with "#" too (a link to an anchor on the same page).
    report = result.stdout[result.stdout.find("urlname;") :]
    rows = [row for row in csv.DictReader(io.StringIO(report), delimiter=";") if row["parentname"] is not None]
    assert rows, result.stderr
    return rows


def _broken(rows: list[dict[str, str]]) -> list[str]:
    return [
        f"{row['parentname'] or '(start)'}: {row['urlname']}: {row['result']} {row['warningstring']}".strip()
        for row in rows
        if row["valid"] != "True" or row["warningstring"]
    ]


def test_no_broken_internal_link_or_anchor(shipped_site, tmp_path):
    rows = _linkcheck(shipped_site, tmp_path)
    checked = {row["url"] for row in rows if row["valid"] == "True"}
    assert len(checked) >= 50
    assert len([url for url in checked if "#" in url]) >= 50, "anchors were not checked"
    assert _broken(rows) == []


def test_the_link_gate_catches_a_missing_page_and_a_missing_anchor(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<!doctype html><html lang="vi"><title>t</title><a href="a/">a</a> <a href="khong-co/">x</a> '
        '<a href="a/#muc-1">ok</a> <a href="a/#khong-co-muc">y</a>',
        encoding="utf-8",
    )
    (site / "a/index.html").write_text(
        '<!doctype html><html lang="vi"><title>a</title><h2 id="muc-1">1</h2>', encoding="utf-8"
    )
    broken = _broken(_linkcheck(site, tmp_path))
    assert any("khong-co/" in line and "404" in line for line in broken), broken
    assert any("khong-co-muc" in line for line in broken), broken
    assert not any("muc-1" in line and "khong-co-muc" not in line for line in broken), broken
