"""Illustrative data for benchmarks: many cooperative profiles and bulletin articles, added to a
copy of the shipped site. Everything generated is marked ``illustrative: true`` and named
"Thử nghiệm", so it can never pass for real data.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

SECTORS = [
    "Trồng trọt",
    "Chăn nuôi",
    "Dịch vụ nông nghiệp",
    "Chế biến nông sản",
    "Thủ công",
    "Thủy sản",
]
PRODUCTS = ["Mãng cầu", "Rau ăn lá", "Gạo", "Nấm rơm", "Xoài", "Mật ong", "Bánh tráng"]
CATEGORIES = ["Hoạt động", "Pháp luật", "Mô hình hay", "Hỏi đáp", "Chuỗi giá trị", "Tập huấn"]
BENCH_PREFIX = "thu-nghiem-so-"


def copy_shipped_site(work: Path) -> Path:
    """Copy the repository's site (mkdocs.yml, content/, models_data/) into ``work``."""
    work.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "content", "models_data"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name)
        else:
            shutil.copy2(source, work / name)
    return work


def _ids(work: Path) -> tuple[list[str], list[str], list[str]]:
    data = work / "models_data"
    # The 2018 set (localities/2018.yaml): a profile's 2018 commune; its unit today is derived.
    localities = yaml.safe_load((data / "localities/2018.yaml").read_text(encoding="utf-8"))
    communes = [c["id"] for d in localities["districts"] for c in d["communes"]]
    organizations = [
        o["id"] for o in yaml.safe_load((data / "organizations.yaml").read_text(encoding="utf-8"))
    ]
    legal = sorted(p.stem for p in (data / "legal").glob("*.yaml"))
    return communes, organizations, legal


def profile(
    rng: random.Random,
    index: int,
    communes: list[str],
    organizations: list[str],
    rated_share: float = 0.1,
) -> dict[str, object]:
    """One profile; each of its products is OCOP-rated with probability ``rated_share``."""
    kind = rng.choice(["htx", "htx", "tht"])
    founded = rng.randint(2008, 2018)
    years = range(max(founded, 2015), 2019)
    members = rng.randint(7, 80)
    income = rng.randint(25, 60) * 1_000_000
    return {
        "name": f"{'Hợp tác xã' if kind == 'htx' else 'Tổ hợp tác'} Thử nghiệm số {index:04d} (minh họa)",
        "kind": kind,
        "founded": f"{founded}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "commune_2018": rng.choice(communes),
        "status": "active",
        "legal_basis": "luat-htx-2012" if kind == "htx" else "nd-151-2007",
        "founded_by": sorted(rng.sample(organizations, rng.randint(0, 2))),
        "sectors": sorted(rng.sample(SECTORS, rng.randint(1, 2))),
        "members": {year: members + 3 * (year - years[0]) for year in years},
        "avg_income": {year: income + 2_000_000 * (year - years[0]) for year in years},
        "products": [
            {"name": name, **({"ocop_stars": rng.randint(3, 5)} if rng.random() < rated_share else {})}
            for name in rng.sample(PRODUCTS, rng.randint(1, 3))
        ],
        "summary": f"Hồ sơ sinh tự động số {index} để đo thời gian xây dựng trang.",
        "story": "Câu chuyện **minh họa** của một hợp tác xã.\n\n- mua chung vật tư;\n- bán chung sản phẩm.\n",
        "illustrative": True,
    }


def add_profiles(work: Path, count: int, seed: int = 2018, rated_share: float = 0.1) -> list[str]:
    """Write ``count`` profiles into ``work/models_data/cooperatives``; return their ids."""
    rng = random.Random(seed)
    communes, organizations, _ = _ids(work)
    ids = []
    for index in range(1, count + 1):
        coop_id = f"{BENCH_PREFIX}{index:04d}-minh-hoa"
        text = yaml.safe_dump(
            profile(rng, index, communes, organizations, rated_share),
            allow_unicode=True,
            sort_keys=False,
        )
        (work / "models_data/cooperatives" / f"{coop_id}.yaml").write_text(text, encoding="utf-8")
        ids.append(coop_id)
    return ids


def _article(rng: random.Random, number: int, day: str, coops: list[str], legal: list[str]) -> str:
    meta = {
        "title": f"Bài thử nghiệm số {number:04d} về kinh tế tập thể (minh họa)",
        "date": day,
        "authors": ["Ban biên tập"],
        "categories": rng.sample(CATEGORIES, rng.randint(1, 2)),
        "summary": f"Bài viết sinh tự động số {number} để đo thời gian xây dựng trang.",
        "cooperatives": sorted(rng.sample(coops, min(len(coops), 2))),
        "legal": sorted(rng.sample(legal, min(len(legal), 1))),
        "illustrative": True,
    }
    paragraph = (
        "Hợp tác xã giúp thành viên mua chung vật tư, bán chung sản phẩm và tiếp cận vốn; "
        "bài viết này là dữ liệu thử nghiệm, không phải tin thật. "
    )
    parts = [f"## Phần {part}\n\n{paragraph * 3}" for part in range(1, 4)]
    if legal:
        parts.append(f'Văn bản liên quan: {{{{ van_ban("{meta["legal"][0]}") }}}}.')
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{head}---\n\n" + "\n\n".join(parts) + "\n"


def add_articles(
    work: Path, count: int, coops: list[str], per_issue: int = 20, seed: int = 2019
) -> int:
    """Write ``count`` articles in new issue folders under ``content/ban-tin``, 20 issues a year
    from 2019 on, numbered after the shipped issues."""
    rng = random.Random(seed)
    _, _, legal = _ids(work)
    first = 1 + max(
        (int(p.name.split("-so-")[1]) for p in (work / "content/ban-tin").glob("*-so-*")), default=0
    )
    written = 0
    issue = 0
    while written < count:
        year, slot = 2019 + issue // 20, issue % 20
        day = f"{year}-{slot // 2 + 1:02d}-{1 + 14 * (slot % 2):02d}"
        number = first + issue
        folder = work / "content/ban-tin" / f"{year}-so-{number:03d}"
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(
            f"---\nissue: {number}\ndate: {day}\ntitle: Bản tin thử nghiệm số {number} (minh họa)\n"
            "illustrative: true\n---\n\nSố bản tin sinh tự động để đo thời gian xây dựng trang.\n",
            encoding="utf-8",
        )
        for _ in range(min(per_issue, count - written)):
            written += 1
            text = _article(rng, written, day, coops, legal)
            (folder / f"bai-{written:04d}.md").write_text(text, encoding="utf-8")
        issue += 1
    return written
