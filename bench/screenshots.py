"""Screenshots of the pages a reader meets first, at a phone's width (390 px) and a desktop's
(1280 px), full page, into a folder (not committed), so anyone can look at the site as readers
do. Also prints what the phone test checks (sideways scrolling, tables' key columns, chart
text size) for each page.

    .venv/bin/python bench/screenshots.py                  # builds the site, shots in .bench/shots/
    .venv/bin/python bench/screenshots.py --site site --out /tmp/shots   # an already built site
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This checkout's package first, whichever ktt_site the interpreter has installed.
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from phone_pages import DESKTOP, PHONE, measure, reader_pages  # noqa: E402
from search_support import chromium, serve  # noqa: E402


def build(out: Path) -> None:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=ROOT, env=env, check=True
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--out", type=Path, default=ROOT / ".bench/shots", help="folder for the PNG files")
    parser.add_argument("--only", nargs="*", help="page kinds to shoot (default: all)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        pages = reader_pages()
        problems = 0
        with serve(site) as base, chromium() as browser:
            for name, size in (("390", PHONE), ("1280", DESKTOP)):
                phone = size is PHONE
                context = browser.new_context(
                    viewport=size, device_scale_factor=1, is_mobile=phone, has_touch=phone, locale="vi-VN"
                )
                page = context.new_page()
                for kind, path in pages.items():
                    if args.only and kind not in args.only:
                        continue
                    page.goto(base + path, wait_until="load")
                    target = args.out / f"{kind}-{name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    found = measure(page) if phone else []
                    problems += len(found)
                    print(f"{target.relative_to(args.out)}  /{path}" + "".join(f"\n    {f}" for f in found))
                context.close()
    print(f"{problems} problem(s) at 390 px; screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
