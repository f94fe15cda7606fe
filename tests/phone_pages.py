"""The pages a reader meets first, one of each kind, picked from the shipped data; and what a
phone shows of them (overflow, tables' key columns, chart text), measured in the browser.

Used by ``tests/test_quality_phone.py`` and ``bench/screenshots.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ktt_site.site import ProjectPaths, load_site

ROOT = Path(__file__).parent.parent
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def reader_pages(root: Path = ROOT) -> dict[str, str]:
    """Kind of page -> its path under the site (URLs as DESIGN.md fixes them)."""
    site = load_site(ProjectPaths(root, root / "models_data", root / "content"), as_of=dt.date(2025, 11, 26))
    year, plan = sorted(site.plans.items())[0]
    coop = sorted(site.cooperatives.values(), key=lambda c: (c.illustrative, c.id))[0]
    issue = next(i for i in site.bulletin if i.articles)
    article = next((a for a in issue.articles if a.meta.image), issue.articles[0])
    chart_target = next((t.id for t in plan.targets if t.measure.type == "count_cooperatives"), plan.targets[0].id)
    return {
        "home": "",
        "directory": "hop-tac-xa/",
        "facet": f"hop-tac-xa/theo-loai/{coop.kind}/",
        "profile": f"hop-tac-xa/{coop.id}/",
        "exemplary": "hop-tac-xa/dien-hinh-tien-tien/",
        "legal-library": "van-ban/",
        "legal": f"van-ban/{sorted(site.legal)[0]}/",
        "bulletin": "ban-tin/",
        "issue": f"ban-tin/{issue.folder}/",
        "article": article.src_uri.removesuffix(".md").removesuffix("/index") + "/",
        "plan": f"ke-hoach/{year}/",
        "progress": f"tien-do/{year}/",
        "target": f"tien-do/{year}/{chart_target}/",
    }


#: Run in the page: what a reader at this width cannot see. Each finding is one line.
MEASURE = """() => {
  const found = [];
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw + 1) {
    const wide = [...document.querySelectorAll('body *')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > vw + 1 && !el.closest('.md-typeset__scrollwrap, .ktt-scroll, svg, .md-sidebar, .md-search');
    }).slice(0, 3).map((el) => el.tagName + '.' + el.className);
    found.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + vw + ' ' + wide.join(' '));
  }
  for (const table of document.querySelectorAll('article table')) {
    if (!table.getClientRects().length) continue;
    const rows = [...table.rows];
    if (!rows.length) continue;
    const stacked = getComputedStyle(rows[rows.length - 1]).display !== 'table-row';
    // A stacked table hides its header row from sight (screen readers still read it).
    const cells = stacked ? rows.filter((r) => !r.closest('thead')).flatMap((r) => [...r.cells]) : [...rows[0].cells].slice(0, 1);
    for (const cell of cells) {
      if (!cell.getClientRects().length) continue;
      const r = cell.getBoundingClientRect();
      if (r.left < -1 || r.right > vw + 1) {
        found.push('table cell off screen: ' + (cell.innerText || '').trim().slice(0, 40) + ' (' + Math.round(r.left) + '..' + Math.round(r.right) + ')');
        break;
      }
    }
    if (!stacked) {
      // A table wider than the screen scrolls inside its box: it must say so, and keep its
      // first column (what each row is) pinned on screen when scrolled to its last column.
      const box = table.closest('.md-typeset__scrollwrap') || table;
      if (table.getBoundingClientRect().width > box.clientWidth + 1) {
        const hint = table.closest('.ktt-scroll');
        if (!hint || !hint.querySelector('.ktt-scroll__hint') || !hint.querySelector('.ktt-scroll__hint').getClientRects().length) {
          found.push('wide table without a scroll hint: ' + (rows[0].innerText || '').trim().slice(0, 40));
        }
        box.scrollLeft = box.scrollWidth;
        const pinned = rows[rows.length - 1].cells[0].getBoundingClientRect();
        if (pinned.left < -1 || pinned.right > vw + 1) {
          found.push('first column scrolls away: ' + rows[rows.length - 1].cells[0].innerText.trim().slice(0, 40));
        }
        box.scrollLeft = 0;
      }
    }
  }
  for (const text of document.querySelectorAll('svg.ktt-chart text')) {
    const size = text.getBoundingClientRect().height;
    const svg = text.ownerSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const px = parseFloat(getComputedStyle(text).fontSize) * scale;
    if (px < 11.95) { found.push('chart text ' + px.toFixed(1) + ' px: ' + text.textContent.slice(0, 30)); }
  }
  return found;
}"""


def measure(page: Any) -> list[str]:
    return list(page.evaluate(MEASURE))
