"""Reproducible builds: the same commit and ``SOURCE_DATE_EPOCH`` give byte-identical output,
whatever the checkout's folder, the hash seed or the machine's time zone."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import BIN, ROOT

#: The epoch ``conftest.shipped_site`` builds with.
EPOCH = "1764115200"

#: Files whose bytes matter most to readers and feed readers; each must be built and compared.
MUST_EXIST = [
    "index.html",
    "sitemap.xml",
    "sitemap.xml.gz",
    "feed.xml",
    "atom.xml",
    "feed.json",
    "du-lieu/hop-tac-xa.json",
    "du-lieu/hop-tac-xa.csv",
    "tien-do/2018/tien-do.json",
    "tien-do/2018/tien-do.csv",
]


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def second_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site built again from another checkout folder, hash seed and time zone."""
    checkout = tmp_path_factory.mktemp("other-checkout") / "ktt-site"
    checkout.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", checkout / "mkdocs.yml")
    for folder in ("content", "models_data"):
        shutil.copytree(ROOT / folder, checkout / folder)
    out = checkout / "out"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": EPOCH,
        "PYTHONHASHSEED": "0",
        "TZ": "America/New_York",
    }
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(out)],
        cwd=checkout,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_two_builds_of_the_same_commit_are_byte_identical(shipped_site, second_build):
    first, second = _digests(shipped_site), _digests(second_build)
    for rel in MUST_EXIST:
        assert rel in first, f"{rel} not built"
    search = [rel for rel in first if rel.startswith(("pagefind/", "search/"))]
    assert search, "no search index built"
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    differing = [rel for rel in first if first[rel] != second[rel]]
    assert differing == []


def test_sitemap_dates_come_from_the_pages_not_the_build(shipped_site):
    """The sitemap's dates are the pages' own (articles, issues), never the day the build ran
    nor the epoch's day; the gzipped copy is stamped with the newest of them."""
    sitemap = (shipped_site / "sitemap.xml").read_text(encoding="utf-8")
    dates = re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)
    assert dates
    assert "2025-11-26" not in dates
    assert dt.date.today().isoformat() not in dates or dt.date.today().isoformat() <= max(dates)
    with (shipped_site / "sitemap.xml.gz").open("rb") as raw:
        stamp = int.from_bytes(raw.read(8)[4:8], "little")
    assert dt.datetime.fromtimestamp(stamp, dt.UTC).date().isoformat() == max(dates)
