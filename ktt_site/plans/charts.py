"""Charts as inline SVG: no script, readable by screen readers (title and description), and
always printed next to a table of the same figures."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from markupsafe import Markup

from ktt_site.plans.model import Period, TargetRange
from ktt_site.plans.progress import Point
from ktt_site.rendering import text_html
from ktt_site.text import vn_number

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 60, 16, 16, 50
VALUE_COLOUR = "#1565c0"
TARGET_COLOUR = "#2e7d32"
SHARE_COLOUR = "#757575"


def _nice_ceiling(value: float) -> float:
    """The smallest 'round' number (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8 x 10^n) at or above ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def _fmt(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _number(value: float) -> str:
    return vn_number(value, 0 if float(value).is_integer() else 1)


def cumulative_chart(
    series: Sequence[Point],
    goal: TargetRange,
    period: Period,
    *,
    chart_id: str,
    title: str,
    description: str,
    unit: str,
) -> Markup:
    """The value over the period (month by month) against the target and its linear share."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    days = (period.end - period.start).days or 1
    values = [p.value for p in series if p.value is not None]
    top = _nice_ceiling(max([*values, goal.max or 0, goal.min or 0, 1]) * 1.05)

    def x(day: dt.date) -> float:
        return LEFT + plot_w * (day - period.start).days / days

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    parts = [
        *_svg_opening(chart_id, title, description),
    ]
    for step in range(5):
        tick = top * step / 4
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_fmt(y(tick))}" y2="{_fmt(y(tick))}" stroke="currentColor" stroke-opacity="0.15"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{_fmt(y(tick) + 4)}" text-anchor="end">{text_html(_number(tick))}</text>'
        )
    month = dt.date(period.start.year, period.start.month, 1)
    while month <= period.end:
        if month >= period.start:
            parts.append(
                f'<text x="{_fmt(x(month))}" y="{HEIGHT - BOTTOM + 22}" text-anchor="middle">T{month.month}</text>'
            )
        month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    parts.append(
        f'<text x="{LEFT}" y="{HEIGHT - 6}">{text_html(unit)}; tháng {period.start.month}/{period.start.year} đến {period.end.month}/{period.end.year}</text>'
    )
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_fmt(y(0))}" y2="{_fmt(y(0))}" stroke="currentColor"/>')
    for level, dash in ((goal.min, "6 4"), (goal.max, "2 4")):
        if level is not None:
            parts.append(
                f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_fmt(y(level))}" y2="{_fmt(y(level))}" stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="{dash}"/>'
            )
    if goal.min:
        parts.append(
            f'<line x1="{_fmt(x(period.start))}" y1="{_fmt(y(0))}" x2="{_fmt(x(period.end))}" y2="{_fmt(y(goal.min))}" stroke="{SHARE_COLOUR}" stroke-width="1.5" stroke-dasharray="3 3"/>'
        )
    points = [(x(p.date), y(p.value)) for p in series if p.value is not None]
    if points:
        path = " ".join(f"{_fmt(px)},{_fmt(py)}" for px, py in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{VALUE_COLOUR}" stroke-width="3"/>')
        for px, py in points:
            parts.append(f'<circle cx="{_fmt(px)}" cy="{_fmt(py)}" r="3.5" fill="{VALUE_COLOUR}"/>')
    parts.append("</g></svg>")
    return Markup("".join(parts))


def _svg_opening(chart_id: str, title: str, description: str) -> list[str]:
    """The start of a chart: a scalable image named by its title and description."""
    return [
        f'<svg class="ktt-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" preserveAspectRatio="xMidYMid meet" '
        f'style="max-width:{WIDTH}px;height:auto" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{text_html(title)}</title>',
        f'<desc id="{chart_id}-desc">{text_html(description)}</desc>',
        '<g font-size="16" fill="currentColor">',
    ]


def bar_chart(bars: Sequence[tuple[str, float]], *, chart_id: str, title: str, description: str, unit: str) -> Markup:
    """Side-by-side bars, each labelled with its value (e.g. average income of two years)."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = _nice_ceiling(max([v for _, v in bars] + [1]) * 1.1)
    slot = plot_w / max(len(bars), 1)
    parts = [
        *_svg_opening(chart_id, title, description),
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="currentColor"/>',
    ]
    for index, (label, value) in enumerate(bars):
        height = plot_h * value / top
        bx = LEFT + slot * index + slot * 0.25
        by = TOP + plot_h - height
        parts.append(
            f'<rect x="{_fmt(bx)}" y="{_fmt(by)}" width="{_fmt(slot * 0.5)}" height="{_fmt(height)}" fill="{VALUE_COLOUR}"/>'
        )
        parts.append(
            f'<text x="{_fmt(bx + slot * 0.25)}" y="{_fmt(by - 6)}" text-anchor="middle">{text_html(_number(value))}</text>'
        )
        parts.append(
            f'<text x="{_fmt(bx + slot * 0.25)}" y="{TOP + plot_h + 22}" text-anchor="middle">{text_html(label)}</text>'
        )
    parts.append(f'<text x="{LEFT}" y="{HEIGHT - 6}">{text_html(unit)}</text>')
    parts.append("</g></svg>")
    return Markup("".join(parts))
