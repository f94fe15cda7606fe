"""Benchmark: the shipped site plus generated profiles and articles, built with the ktt-site
plugin and, in the same run, by plain MkDocs from the very Markdown the plugin produced.

    .venv/bin/python bench/bench_build.py [--profiles 1000] [--articles 2000] [--repeat 3] [--keep]
                                          [--breakdown] [--one-core]

Reports (goals in brackets):
  - build time with the plugin against plain MkDocs, same theme and settings  [ratio <= 1.25;
    held to one core, <= 1.5]
  - CPU time of each build (every process), and with --one-core both builds held to one
    processor: Pagefind indexes in its own process while MkDocs renders, so on two cores the
    wall time hides some of the work that CPU time shows
  - peak memory (max RSS) of each build
  - the data stage alone, load + validate + progress (load_site), 1,000 profiles  [< 0.5 s]
  - HTML bytes of a profile page and of the home page, and their sidebar links  [< 60 KB each]

Plain MkDocs gets what the plugin hands to MkDocs, captured by bench/capture_hook.py: every
page's final Markdown and every generated data file, written as ordinary files, with the same
mkdocs.yml (through INHERIT) minus the plugin and with the plugin's theme folder as custom_dir.
The difference is the plugin's own work: loading, checking, generating, shortcodes, feeds,
search index. Not a test: numbers depend on the machine, and other load skews them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import BENCH_PREFIX, ROOT, add_articles, add_profiles, copy_shipped_site  # noqa: E402

BIN = Path(sys.executable).parent
THEME = ROOT / "ktt_site" / "theme"
EPOCH = "1764115200"
GOALS = {"ratio": 1.25, "one_core_ratio": 1.5, "data_s": 0.5, "page_kb": 60}


@dataclass(frozen=True)
class Run:
    wall_s: float
    cpu_s: float  # user + system, the build's process and every process it waited for
    peak_kib: int  # the largest single process


def _one_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def run_build(
    work: Path,
    config: str,
    site_dir: str,
    extra_env: dict[str, str] | None = None,
    *,
    one_core: bool = False,
) -> Run:
    """``mkdocs build --strict`` in ``work``, timed as a whole (its helper processes included)."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": EPOCH,
        **(extra_env or {}),
    }
    # Python keeps its compiled modules, as on any machine (some sandboxes turn that off, and
    # every build would then compile the plugin's modules again: about 0.12 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "-f", config, "-d", site_dir]
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_one_core if one_core else None,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build failed ({' '.join(command)}):\n{stderr}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def write_configs(work: Path, *, plain_search: bool = False) -> None:
    (work / "mkdocs-capture.yml").write_text(
        f"INHERIT: mkdocs.yml\nhooks:\n  - {ROOT / 'bench' / 'capture_hook.py'}\n", encoding="utf-8"
    )
    # Links to feeds and the search bundle (written after the build by the plugin) are not
    # files plain MkDocs knows: reported, not fatal. Everything else is as in mkdocs.yml.
    # MkDocs' default is its own search plugin (Material's, with this theme); --plain-search
    # keeps it, so that both builds make a search index.
    plugins = "plugins:\n  - search\n" if plain_search else "plugins: []\n"
    (work / "mkdocs-plain.yml").write_text(
        "INHERIT: mkdocs.yml\n"
        "docs_dir: plain-docs\n"
        f"theme:\n  custom_dir: {THEME}\n"
        f"{plugins}"
        "validation:\n  links:\n    not_found: info\n    unrecognized_links: info\n",
        encoding="utf-8",
    )


def capture(work: Path) -> int:
    """Build once with the capture hook; lay the plain docs folder out; return its page count."""
    captured = work / "captured"
    run_build(work, "mkdocs-capture.yml", "out-capture", {"KTT_CAPTURE_DIR": str(captured)})
    plain = work / "plain-docs"
    shutil.copytree(work / "content", plain, ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(captured, plain, dirs_exist_ok=True)
    return len(list(plain.rglob("*.md")))


def data_stage(work: Path, rounds: int = 5) -> list[float]:
    """Seconds for ``load_site`` (load, validate, cross-check, compute progress), in-process."""
    from ktt_site.site import ProjectPaths, load_site
    from ktt_site.sources import parse_yaml

    paths = ProjectPaths(work, work / "models_data", work / "content")
    times = []
    for _ in range(rounds):
        parse_yaml.cache_clear()  # each round reads as a new build would, not from the preview's cache
        started = time.perf_counter()
        load_site(paths, as_of=dt.date(2025, 11, 26))
        times.append(time.perf_counter() - started)
    return times


def breakdown(work: Path) -> dict[str, float]:
    """Seconds spent in each hook of the plugin, from one in-process build of ``work`` (the
    plugin's own work, piece by piece), with its largest pieces of core work named apart."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from ktt_site.mkdocs_plugin import plugin as plugin_module
    from ktt_site.mkdocs_plugin.plugin import KttSitePlugin

    spent: dict[str, float] = {}

    def timed(label: str, function):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - started

        return wrapper

    originals = {name: getattr(KttSitePlugin, name) for name in dir(KttSitePlugin) if name.startswith("on_")}
    core = {
        name: getattr(plugin_module, name) for name in ("load_site", "build_outputs", "page_markdown", "write_feeds")
    }
    try:
        for name, method in originals.items():
            setattr(KttSitePlugin, name, timed(f"hook {name}", method))
        for name, function in core.items():
            setattr(plugin_module, name, timed(f"  core {name}", function))
        os.environ.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH)
        cwd = os.getcwd()
        os.chdir(work)
        try:
            config = load_config(str(work / "mkdocs.yml"), site_dir=str(work / "out-breakdown"), strict=True)
            started = time.perf_counter()
            build(config)
            spent["whole build"] = time.perf_counter() - started
        finally:
            os.chdir(cwd)
    finally:
        for name, method in originals.items():
            setattr(KttSitePlugin, name, method)
        for name, function in core.items():
            setattr(plugin_module, name, function)
    return spent


def nav_links(html: str) -> int:
    return len(re.findall(r'class="md-nav__link', html))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="timed builds of each kind (median kept)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder to rerun the commands")
    parser.add_argument(
        "--plain-search",
        action="store_true",
        help="give plain MkDocs its default search plugin (a lunr index), as a plain Material site has",
    )
    parser.add_argument("--breakdown", action="store_true", help="also time each plugin hook, builder and step")
    parser.add_argument(
        "--one-core",
        action="store_true",
        help="also time both builds held to one processor (Linux): the plugin's whole CPU cost",
    )
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="ktt-bench-build-"))
    try:
        # The data stage on the shipped site plus 1,000 profiles alone, as the goal states it.
        only_profiles = copy_shipped_site(tmp / "profiles-only")
        add_profiles(only_profiles, args.profiles)
        data_times = data_stage(only_profiles)

        work = copy_shipped_site(tmp / "site")
        coops = add_profiles(work, args.profiles)
        written = add_articles(work, args.articles, coops)
        full_data_times = data_stage(work, rounds=3)
        write_configs(work, plain_search=args.plain_search)
        pages = capture(work)

        def paired(one_core: bool = False) -> tuple[list[Run], list[Run]]:
            plugin: list[Run] = []
            plain: list[Run] = []
            for _ in range(args.repeat):  # alternated, so drifting machine load hits both alike
                plugin.append(run_build(work, "mkdocs.yml", "out-ktt", one_core=one_core))
                plain.append(run_build(work, "mkdocs-plain.yml", "out-plain", one_core=one_core))
            return plugin, plain

        plugin_runs, plain_runs = paired()
        plugin_s = statistics.median(run.wall_s for run in plugin_runs)
        plain_s = statistics.median(run.wall_s for run in plain_runs)
        ratio = plugin_s / plain_s

        out = work / "out-ktt"
        profile_page = out / "hop-tac-xa" / f"{BENCH_PREFIX}0001-minh-hoa" / "index.html"
        home = out / "index.html"
        profile_html, home_html = (
            profile_page.read_text(encoding="utf-8"),
            home.read_text(encoding="utf-8"),
        )

        def verdict(ok: bool) -> str:
            return "ok" if ok else "MISSED"

        print(f"site:        shipped site + {args.profiles} profiles + {written} articles; {pages} Markdown pages")
        print(
            f"build:       with ktt-site {plugin_s:.1f} s, plain MkDocs {plain_s:.1f} s "
            f"(median of {args.repeat}); ratio {ratio:.2f}x "
            f"[goal <= {GOALS['ratio']:.2f}: {verdict(ratio <= GOALS['ratio'])}]"
        )
        print(
            f"             runs: ktt-site {', '.join(f'{run.wall_s:.1f}' for run in plugin_runs)}; "
            f"plain {', '.join(f'{run.wall_s:.1f}' for run in plain_runs)} s"
        )
        plugin_cpu = statistics.median(run.cpu_s for run in plugin_runs)
        plain_cpu = statistics.median(run.cpu_s for run in plain_runs)
        print(
            f"cpu time:    with ktt-site {plugin_cpu:.1f} s, plain MkDocs {plain_cpu:.1f} s, "
            f"ratio {plugin_cpu / plain_cpu:.2f}x (every process)"
        )
        if args.one_core:
            one_plugin, one_plain = paired(one_core=True)
            one_plugin_s = statistics.median(run.wall_s for run in one_plugin)
            one_plain_s = statistics.median(run.wall_s for run in one_plain)
            print(
                f"one core:    with ktt-site {one_plugin_s:.1f} s, plain MkDocs {one_plain_s:.1f} s, "
                f"ratio {one_plugin_s / one_plain_s:.2f}x (both held to one processor) "
                f"[goal <= {GOALS['one_core_ratio']:.2f}: {verdict(one_plugin_s / one_plain_s <= GOALS['one_core_ratio'])}]"
            )
        print(
            f"peak memory: with ktt-site {max(run.peak_kib for run in plugin_runs) / 1024:.0f} MB, "
            f"plain MkDocs {max(run.peak_kib for run in plain_runs) / 1024:.0f} MB "
            "(max RSS of the largest process; with ktt-site that is Pagefind's)"
        )
        best, median = min(data_times), statistics.median(data_times)
        print(
            f"data stage:  load_site with {args.profiles} profiles: median {median:.3f} s, best {best:.3f} s "
            f"[goal < {GOALS['data_s']} s: {verdict(median < GOALS['data_s'])}]; "
            f"with the {written} articles too: {statistics.median(full_data_times):.3f} s"
        )
        for label, path, html in (
            ("profile", profile_page, profile_html),
            ("home", home, home_html),
        ):
            size = path.stat().st_size
            print(
                f"{label + ' page:':<13}{size / 1000:.1f} KB, {nav_links(html)} sidebar links "
                f"({path.relative_to(out)}) [goal < {GOALS['page_kb']} KB: {verdict(size < GOALS['page_kb'] * 1000)}]"
            )
        if args.breakdown:
            print("where the plugin's time goes (one in-process build, seconds):")
            for label, seconds in sorted(breakdown(work).items(), key=lambda item: -item[1]):
                print(f"  {seconds:7.2f}  {label}")
        generated_in_nav = profile_html.count(f'href="../{BENCH_PREFIX}')
        print(f"sidebar:     links to other generated profiles on a profile page: {generated_in_nav}")
        if args.keep:
            print(
                f"\nwork folder kept: {work}\nrerun either build alone, e.g.:\n"
                f"  cd {work} && NO_MKDOCS_2_WARNING=1 SOURCE_DATE_EPOCH={EPOCH} hyperfine -w 1 -r 5 \\\n"
                f"    '{BIN}/mkdocs build --strict -q -d out-ktt' \\\n"
                f"    '{BIN}/mkdocs build --strict -q -f mkdocs-plain.yml -d out-plain'\n"
                f"  cd {work} && NO_MKDOCS_2_WARNING=1 /usr/bin/time -v {BIN}/mkdocs build --strict -q -d out-ktt"
            )
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
