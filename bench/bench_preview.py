"""Benchmark: how long a saved change takes to reach the browser under live preview.

Generates the shipped site plus 1,000 profiles and 1,000 articles in a temporary folder, starts
the live preview the way ``make serve`` does, then, as an editor would, saves a change to a
profile's YAML file and to an article, and times each from the save until the served page shows
the new text (polled every 50 ms over HTTP). Goal: at most 3 s for each on a quiet 2-core machine.

    .venv/bin/python bench/bench_preview.py [--profiles 1000] [--articles 1000] [--rounds 5]
                                            [--command 'mkdocs serve --dirty']

Not a test: the figures depend on the machine and on other load.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import add_articles, add_profiles, copy_shipped_site  # noqa: E402

BIN = Path(sys.executable).parent
GOAL_S = 3.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for_text(url: str, text: str, server: subprocess.Popen[bytes], limit: float = 600.0) -> float:
    """Seconds until ``url`` serves a page containing ``text``."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if server.poll() is not None:
            raise SystemExit("the preview server stopped")
        if text in page_text(url):
            return time.monotonic() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} never showed {text!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profiles", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--command", default="mkdocs serve", help="the preview command, as make serve runs it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ktt-preview-") as tmp:
        work = copy_shipped_site(Path(tmp) / "site")
        coops = add_profiles(work, args.profiles)
        add_articles(work, args.articles, coops)
        profile_file = work / "models_data/cooperatives" / f"{coops[0]}.yaml"
        article_file = sorted(p for p in (work / "content/ban-tin").glob("*/*.md") if p.name != "index.md")[-1]
        article_url = article_file.relative_to(work / "content").with_suffix("").as_posix() + "/"
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        words = shlex.split(args.command)
        command = [str(BIN / words[0]), *words[1:], "--dev-addr", f"127.0.0.1:{port}"]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        log = Path(os.environ.get("KTT_BENCH_LOG", Path(tmp) / "serve.log"))
        with log.open("w") as out:
            server = subprocess.Popen(
                command, cwd=work, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
            )
        try:
            first = wait_for_text(base, "Kinh tế tập thể", server)
            print(
                f"{args.command}: {args.profiles} profiles, {args.articles} articles; first build served "
                f"after {first:.1f} s"
            )
            time.sleep(2)  # let the watcher settle after the first build
            data_times, page_times = [], []
            profile_text = profile_file.read_text(encoding="utf-8")
            article_text = article_file.read_text(encoding="utf-8")
            for round_number in range(1, args.rounds + 1):
                token = f"Dấu kiểm tra {round_number} ở hồ sơ"
                profile_file.write_text(profile_text.replace("summary: ", f"summary: {token}. ", 1), encoding="utf-8")
                data_times.append(wait_for_text(f"{base}hop-tac-xa/{coops[0]}/", token, server))
                time.sleep(1)
                token = f"Dấu kiểm tra {round_number} ở bài viết"
                article_file.write_text(article_text + f"\n{token}.\n", encoding="utf-8")
                page_times.append(wait_for_text(base + article_url, token, server))
                time.sleep(1)
            for name, times in (("YAML profile saved", data_times), ("article saved", page_times)):
                verdict = "met" if statistics.median(times) <= GOAL_S else "MISSED"
                print(
                    f"{name}: median {statistics.median(times):.2f} s, min {min(times):.2f} s, "
                    f"max {max(times):.2f} s over {len(times)} saves (goal <= {GOAL_S:.0f} s: {verdict})"
                )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
