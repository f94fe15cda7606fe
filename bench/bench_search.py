"""Search at scale: index build time and what a reader's first query downloads.

For each requested size, generates a site of about that many Vietnamese pages (cooperative
profiles and bulletin articles on the repository's own districts, organisations and legal
documents; the text is synthetic and never shipped), builds it with ``mkdocs build``, and
times the search post-build step. Then, in Debian's chromium, a new reader opens the home
page, types a query into the search box, and every byte fetched from the search bundle
(``pagefind/``: engine, metadata, index chunks, filters, result fragments) is added up from
the browser's own network events. The budget is 500 KB for a first query; the script exits
with status 1 if any query exceeds it.

    .venv/bin/python bench/bench_search.py               # 1,000 and 3,000 pages
    .venv/bin/python bench/bench_search.py --pages 300   # a quick run
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from search_support import chromium, serve  # noqa: E402

BUDGET_BYTES = 500 * 1000
QUERIES = [
    "hop tac xa",  # the section's own name: on nearly every page
    "dong",  # đ folded: đồng, đông, động, dòng...
    "Hợp tác xã nông nghiệp",  # accented, four words
    "thanh vien gop von",
    "xoai tu quy",
    "duong minh chau",
]

SENTENCES = [
    "Hợp tác xã {name} được thành lập với {members} thành viên, chủ yếu là nông dân ở {commune}.",
    "Năm {year}, thu nhập bình quân của thành viên đạt khoảng {income} triệu đồng mỗi người.",
    "Các thành viên góp vốn, cùng mua vật tư nông nghiệp và bán {product} theo hợp đồng bao tiêu.",
    "Tổ hợp tác nhận được hỗ trợ tập huấn kỹ thuật trồng {product} theo tiêu chuẩn VietGAP.",
    "Ban quản trị họp định kỳ mỗi quý để bàn kế hoạch sản xuất và phân phối lợi nhuận.",
    "Liên minh Hợp tác xã tỉnh phối hợp với {org} tuyên truyền Luật Hợp tác xã đến hội viên.",
    "Đại hội thành viên thường niên thông qua báo cáo tài chính và phương án kinh doanh năm {year}.",
    "Sản phẩm {product} của đơn vị được thương lái thu mua ổn định, giá cao hơn thị trường.",
    "Chính quyền {district} hỗ trợ hợp tác xã xây dựng nhà sơ chế và kho bảo quản.",
    "Mô hình liên kết chuỗi giá trị giúp hộ thành viên giảm chi phí đầu vào khoảng {percent} phần trăm.",
    "Chị {person} cho biết nhờ tham gia tổ hợp tác, gia đình có việc làm ổn định quanh năm.",
    "Anh {person}, giám đốc hợp tác xã, mong muốn được vay vốn ưu đãi để mở rộng diện tích.",
    "Đoàn viên thanh niên khởi nghiệp với mô hình trồng {product} công nghệ cao.",
    "Hội Cựu chiến binh vận động hội viên thành lập tổ hợp tác chăn nuôi bò sinh sản.",
    "Phong trào thi đua được phát động rộng rãi trong đoàn viên, hội viên ở cơ sở.",
    "Đến cuối năm, toàn huyện có thêm {members} hợp tác xã và tổ hợp tác mới thành lập.",
]
PRODUCTS = [
    "mãng cầu",
    "xoài tứ quý",
    "rau an toàn",
    "nấm rơm",
    "mía đường",
    "cao su",
    "mì (sắn)",
    "lúa gạo",
    "đậu phộng",
    "bò sinh sản",
    "thanh long",
    "dưa lưới",
    "chuối già",
    "bưởi da xanh",
    "muối tôm",
    "bánh tráng phơi sương",
    "tiêu",
    "điều",
    "cá lóc",
    "gà thả vườn",
]
SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
]
GIVEN = [
    "Văn Hùng",
    "Thị Lan",
    "Minh Tâm",
    "Thị Hồng",
    "Văn Đức",
    "Ngọc Ánh",
    "Quốc Bảo",
    "Thị Thu",
    "Hữu Phước",
    "Thanh Tùng",
    "Thị Mai",
    "Văn Lộc",
    "Đức Thịnh",
    "Kim Ngân",
    "Hoàng Long",
]
CATEGORIES = ["Pháp luật", "Mô hình hay", "Chính sách", "Đào tạo", "Kế hoạch phối hợp", "Thi đua"]
SECTORS = [
    "Trồng trọt",
    "Chăn nuôi",
    "Dịch vụ nông nghiệp",
    "Thủy sản",
    "Tiểu thủ công nghiệp",
    "Thương mại",
]


def paragraph(
    rng: random.Random, places: list[tuple[str, str]], orgs: list[str], count: int
) -> str:
    sentences = []
    for _ in range(count):
        commune, district = rng.choice(places)
        sentences.append(
            rng.choice(SENTENCES).format(
                name=f"{rng.choice(PRODUCTS).capitalize()} {commune.split(' ', 1)[-1]}",
                members=rng.randint(7, 250),
                commune=commune,
                district=district,
                year=rng.randint(2015, 2024),
                income=rng.randint(40, 140),
                product=rng.choice(PRODUCTS),
                org=rng.choice(orgs),
                percent=rng.randint(5, 30),
                person=f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
            )
        )
    return " ".join(sentences)


def generate(target: Path, pages: int, seed: int = 7) -> None:
    """A site of about ``pages`` pages: 30 % profiles, the rest articles in issues of 25."""
    rng = random.Random(seed)
    data = target / "models_data"
    (data / "cooperatives").mkdir(parents=True)
    shutil.copy(ROOT / "models_data" / "organizations.yaml", data / "organizations.yaml")
    for folder in ("legal", "localities"):
        shutil.copytree(ROOT / "models_data" / folder, data / folder)
    # The 2018 units: districts and their communes, which the synthetic text names.
    localities = yaml.safe_load((data / "localities" / "2018.yaml").read_text(encoding="utf-8"))
    places = [(c["name"], d["name"]) for d in localities["districts"] for c in d["communes"]]
    commune_ids = [c["id"] for d in localities["districts"] for c in d["communes"]]
    organizations = yaml.safe_load((data / "organizations.yaml").read_text(encoding="utf-8"))
    orgs = [o["name"] for o in organizations]
    org_ids = [o["id"] for o in organizations]

    profiles = int(pages * 0.3)
    for n in range(profiles):
        product = rng.choice(PRODUCTS)
        record = {
            "name": f"Hợp tác xã {product.capitalize()} số {n + 1}",
            "kind": rng.choice(["htx", "htx", "tht"]),
            # Under the 2012 law (in force 01/07/2013 to 30/06/2024), which the build checks.
            "founded": dt.date(rng.randint(2014, 2023), rng.randint(1, 12), rng.randint(1, 28)),
            "commune_2018": rng.choice(commune_ids),
            "status": "active",
            "legal_basis": "luat-htx-2012",
            "founded_by": rng.sample(org_ids, 1),
            "sectors": rng.sample(SECTORS, 2),
            "summary": paragraph(rng, places, orgs, 1)[:300],
            "story": "\n\n".join(paragraph(rng, places, orgs, 6) for _ in range(5)),
            "illustrative": True,
        }
        (data / "cooperatives" / f"htx-so-{n + 1:05d}.yaml").write_text(
            yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )

    articles = pages - profiles - 80
    per_issue = 25
    content = target / "content"
    (content / "ban-tin").mkdir(parents=True)
    # The sharing image the site's configuration expects by default.
    share_image = ROOT / "content" / "images" / "chia-se.png"
    if share_image.exists():
        (content / "images").mkdir()
        shutil.copy(share_image, content / "images" / share_image.name)
    (content / "index.md").write_text(
        "# Trang thử tải\n\nSố liệu minh họa cho phép đo tìm kiếm.\n", encoding="utf-8"
    )
    for issue in range((articles + per_issue - 1) // per_issue):
        year = 2018 + issue // 12
        folder = content / "ban-tin" / f"{year}-so-{issue + 1:03d}"
        folder.mkdir()
        day = dt.date(year, issue % 12 + 1, 15)
        (folder / "index.md").write_text(
            f"---\nissue: {issue + 1}\ndate: {day}\ntitle: Bản tin số {issue + 1}\nillustrative: true\n---\n",
            encoding="utf-8",
        )
        for n in range(min(per_issue, articles - issue * per_issue)):
            title = paragraph(rng, places, orgs, 1).split(",")[0][:90]
            body = "\n\n".join(paragraph(rng, places, orgs, 7) for _ in range(6))
            meta = {
                "title": title,
                "date": day,
                "categories": [rng.choice(CATEGORIES)],
                "illustrative": True,
            }
            (folder / f"bai-{n + 1:03d}.md").write_text(
                "---\n"
                + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
                + "---\n\n"
                + body
                + "\n",
                encoding="utf-8",
            )
    (target / "mkdocs.yml").write_text(
        "site_name: Thử tải tìm kiếm\nsite_url: https://bench.example.org/\ndocs_dir: content\n"
        "use_directory_urls: true\ntheme:\n  name: material\n  language: vi\n  font: false\n"
        "plugins:\n  - ktt-site:\n      data_dir: models_data\n      as_of: 2024-12-31\n"
        "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - tables\n",
        encoding="utf-8",
    )


def build(project: Path) -> dict[str, float]:
    """Build in this process, timing the search bundle's last step: waiting for Pagefind (which
    indexes pages while MkDocs renders the others), re-cutting its index and writing it."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from ktt_site.search.background import BackgroundIndexer

    timings: dict[str, float] = {}
    original = BackgroundIndexer.finish

    def timed(indexer: BackgroundIndexer) -> None:
        start = time.perf_counter()
        original(indexer)
        timings["index"] = time.perf_counter() - start

    BackgroundIndexer.finish = timed  # type: ignore[method-assign]
    try:
        start = time.perf_counter()
        mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
        timings["build"] = time.perf_counter() - start
    finally:
        BackgroundIndexer.finish = original  # type: ignore[method-assign]
    return timings


def first_query_bytes(
    browser: Any, base: str, query: str, sent: list[tuple[str, int]]
) -> dict[str, int]:
    """What a new reader's browser fetches from ``pagefind/`` for one query.

    ``browser``: body bytes of the responses Playwright reports (requests made by the page and
    by Pagefind's web worker); ``server``: what the HTTP server sent for those paths, as a check.
    """
    context = browser.new_context()
    page = context.new_page()
    page.goto(base)
    page.wait_for_load_state("networkidle")
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    served_before = len(sent)
    box = page.locator("[data-ktt-search-input]")
    box.click()
    box.press_sequentially(query, delay=20)
    page.wait_for_function(  # a function: the pages' Content-Security-Policy forbids eval()
        "() => document.querySelector('[data-ktt-search-results]').getAttribute('aria-busy') === 'false'"
        " && document.querySelectorAll('.md-search-result__item').length > 0"
    )
    page.wait_for_load_state("networkidle")
    shown = page.locator(".md-search-result__item").count()
    fetched = [r for r in responses if "/pagefind/" in r.url]
    browser_bytes = sum(r.request.sizes()["responseBodySize"] for r in fetched)
    server_bytes = sum(size for path, size in sent[served_before:] if "/pagefind/" in path)
    requests = sum(1 for path, _ in sent[served_before:] if "/pagefind/" in path)
    context.close()
    return {"browser": browser_bytes, "server": server_bytes, "requests": requests, "shown": shown}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--keep", type=Path, help="keep the generated sites in this folder")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1735603200")
    work = args.keep or Path(tempfile.mkdtemp(prefix="ktt-bench-search-"))
    over_budget = False
    report: list[dict[str, Any]] = []
    with chromium() as browser:
        for pages in args.pages:
            project = work / f"site-{pages}"
            if project.exists():
                shutil.rmtree(project)
            generate(project, pages)
            timings = build(project)
            site = project / "site"
            entry = json.loads(
                (site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
            )
            indexed = entry["languages"]["vi"]["page_count"]
            bundle_bytes = sum(
                p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()
            )
            print(
                f"\n{indexed} pages indexed (asked for {pages}); mkdocs build {timings['build']:.1f} s, "
                f"{timings['index']:.2f} s of it writing the search bundle at the end; whole bundle {bundle_bytes / 1e6:.1f} MB"
            )
            print(
                f"  {'query':<26} {'browser saw':>12} {'server sent':>12} {'requests':>9} {'results':>8}"
            )
            sent: list[tuple[str, int]] = []
            with serve(site, "/", sent) as base:
                for query in QUERIES:
                    got = first_query_bytes(browser, base, query, sent)
                    total = max(got["browser"], got["server"])
                    over_budget |= total > BUDGET_BYTES
                    flag = "  OVER BUDGET" if total > BUDGET_BYTES else ""
                    print(
                        f"  {query:<26} {got['browser'] / 1000:>9.1f} KB {got['server'] / 1000:>9.1f} KB"
                        f" {got['requests']:>9} {got['shown']:>8}{flag}"
                    )
                    report.append({"pages": indexed, "query": query, "bytes": total})
    if not args.keep:
        shutil.rmtree(work)
    worst = max(report, key=lambda r: r["bytes"])
    print(
        f"\nLargest first query: {worst['bytes'] / 1000:.1f} KB ('{worst['query']}', {worst['pages']} pages);"
        f" budget {BUDGET_BYTES / 1000:.0f} KB"
    )
    return 1 if over_budget else 0


if __name__ == "__main__":
    raise SystemExit(main())
