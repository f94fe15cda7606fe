"""Benchmark: build the shipped site with 1,000 generated cooperative profiles.

    .venv/bin/python bench/bench_profiles.py [--count 1000] [--keep]

Copies the repository's site (mkdocs.yml, content/, models_data/) into a temporary folder, adds
``--count`` generated illustrative profiles, runs ``mkdocs build --strict`` once, and prints the
build time, the build's peak memory (max resident set size of the mkdocs process) and the size
of the output. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import BENCH_PREFIX, add_profiles, copy_shipped_site  # noqa: E402

BIN = Path(sys.executable).parent


def time_profile_generation(work: Path) -> tuple[float, float]:
    """Seconds to load the data and to generate every generated page and file, outside MkDocs."""
    import datetime as dt

    from ktt_site.outputs import BuildSettings, build_outputs
    from ktt_site.site import ProjectPaths, load_site

    started = time.perf_counter()
    site = load_site(
        ProjectPaths(work, work / "models_data", work / "content"), as_of=dt.date(2018, 12, 31)
    )
    loaded = time.perf_counter()
    build_outputs(site, BuildSettings("https://example.org/", "bench"))
    return loaded - started, time.perf_counter() - loaded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ktt-bench-"))
    try:
        copy_shipped_site(work)
        add_profiles(work, args.count)
        data = work / "models_data"
        total = len(list((data / "cooperatives").glob("*.yaml")))

        loaded, generated = time_profile_generation(work)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1546214400"}
        started = time.perf_counter()
        result = subprocess.run(
            [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "--site-dir", str(work / "site")],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
        site = work / "site"
        pages = len(list(site.rglob("index.html")))
        profiles = len(list((site / "hop-tac-xa").glob("*/index.html")))
        size_mb = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1_000_000
        sample = site / "hop-tac-xa" / f"{BENCH_PREFIX}0001-minh-hoa" / "index.html"
        print(f"profiles:          {total} ({args.count} generated)")
        print(f"pages built:       {pages} ({profiles} under /hop-tac-xa/)")
        print(f"build time:        {elapsed:.1f} s  (mkdocs build --strict)")
        print(
            f"  measured apart:  {loaded:.1f} s loading and validating all data, "
            f"{generated:.1f} s generating every page and file the plugin makes (in-process)"
        )
        print(f"peak memory:       {peak_mb:.0f} MB  (max RSS of the build)")
        print(
            f"output size:       {size_mb:.1f} MB; one profile page {sample.stat().st_size / 1000:.0f} kB"
        )
        print(
            f"open data:         hop-tac-xa.json {(site / 'du-lieu/hop-tac-xa.json').stat().st_size / 1000:.0f} kB, "
            f"hop-tac-xa.csv {(site / 'du-lieu/hop-tac-xa.csv').stat().st_size / 1000:.0f} kB"
        )
        return 0
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
