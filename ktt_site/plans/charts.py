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

# Drawn for a phone: the viewBox is about as wide as a 390 px screen's text column, so one unit
# is about one CSS pixel there and FONT_SIZE is the size readers get (at least 12 px). On a wider
# screen the chart grows up to MAX_WIDTH px (assets/ktt/ktt.css), its text with it.
WIDTH, HEIGHT = 360, 250
RIGHT, TOP, BOTTOM = 10, 30, 44
FONT_SIZE = 13
MAX_WIDTH = 560
CHAR_WIDTH = 7.5
"""Width of one digit at FONT_SIZE in a sans-serif font, to leave room for the value axis."""
VALUE_COLOUR = "#1565c0"
TARGET_COLOUR = "#2e7d32"
SHARE_COLOUR = "#616161"


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


def _left(labels: Sequence[str]) -> int:
    """Room for the value axis: its longest label and a gap."""
    return round(max((len(label) for label in labels), default=1) * CHAR_WIDTH) + 12


def _months(period: Period) -> list[dt.date]:
    found, month = [], dt.date(period.start.year, period.start.month, 1)
    while month <= period.end:
        if month >= period.start:
            found.append(month)
        month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return found


def month_axis_title(period: Period) -> str:
    """``Tháng, năm 2018`` or ``Tháng, từ 1/2018 đến 6/2019``: what the labels under the chart are."""
    if period.start.year == period.end.year:
        return f"Tháng, năm {period.start.year}"
    return f"Tháng, từ {period.start.month}/{period.start.year} đến {period.end.month}/{period.end.year}"


def legend(items: Sequence[tuple[str, str, str | None]]) -> str:
    """A legend beside the chart, in the page's own text size: (label, colour, dash pattern)."""
    entries = "".join(
        '<li><svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false">'
        f'<line x1="1" x2="27" y1="5" y2="5" stroke="{colour}" stroke-width="3"'
        + (f' stroke-dasharray="{dash}"' if dash else "")
        + f"/></svg>{text_html(label)}</li>"
        for label, colour, dash in items
    )
    return f'<ul class="ktt-legend">{entries}</ul>'


def cumulative_chart(
    series: Sequence[Point],
    goal: TargetRange,
    period: Period,
    *,
    chart_id: str,
    title: str,
    description: str,
    unit: str,
    value_title: str,
    value_label: str = "Kết quả cộng dồn",
) -> Markup:
    """The value over the period (month by month) against the target and its linear share,
    with plain-language axis titles and a legend."""
    days = (period.end - period.start).days or 1
    values = [p.value for p in series if p.value is not None]
    top = _nice_ceiling(max([*values, goal.max or 0, goal.min or 0, 1]) * 1.05)
    ticks = [top * step / 4 for step in range(5)]
    left = _left([_number(t) for t in ticks])
    plot_w, plot_h = WIDTH - left - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return left + plot_w * (day - period.start).days / days

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    parts = [
        *_svg_opening(chart_id, title, description),
        f'<text x="0" y="{FONT_SIZE}">{text_html(value_title)}</text>',
    ]
    for tick in ticks:
        parts.append(
            f'<line x1="{left}" x2="{WIDTH - RIGHT}" y1="{_fmt(y(tick))}" y2="{_fmt(y(tick))}" stroke="currentColor" stroke-opacity="0.15"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{_fmt(y(tick) + 4)}" text-anchor="end">{text_html(_number(tick))}</text>'
        )
    months = _months(period)
    # Every month gets a tick; labels only as many as fit at FONT_SIZE (about 6 across).
    every = max(1, math.ceil(len(months) / 6))
    for index, month in enumerate(months):
        parts.append(
            f'<line x1="{_fmt(x(month))}" x2="{_fmt(x(month))}" y1="{_fmt(y(0))}" y2="{_fmt(y(0) + 4)}" stroke="currentColor"/>'
        )
        if index % every == 0:
            parts.append(f'<text x="{_fmt(x(month))}" y="{_fmt(y(0) + 18)}" text-anchor="middle">T{month.month}</text>')
    parts.append(
        f'<text x="{_fmt(left + plot_w / 2)}" y="{HEIGHT - 4}" text-anchor="middle">{text_html(month_axis_title(period))}</text>'
    )
    parts.append(f'<line x1="{left}" x2="{WIDTH - RIGHT}" y1="{_fmt(y(0))}" y2="{_fmt(y(0))}" stroke="currentColor"/>')
    keys: list[tuple[str, str, str | None]] = []
    for level, dash, name in ((goal.min, "6 4", "Mức chỉ tiêu"), (goal.max, "2 4", "Mức tối đa")):
        if level is not None:
            parts.append(
                f'<line x1="{left}" x2="{WIDTH - RIGHT}" y1="{_fmt(y(level))}" y2="{_fmt(y(level))}" stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="{dash}"/>'
            )
            keys.append((f"{name}: {_number(level)} {unit}".rstrip(), TARGET_COLOUR, dash))
    if goal.min:
        parts.append(
            f'<line x1="{_fmt(x(period.start))}" y1="{_fmt(y(0))}" x2="{_fmt(x(period.end))}" y2="{_fmt(y(goal.min))}" stroke="{SHARE_COLOUR}" stroke-width="1.5" stroke-dasharray="3 3"/>'
        )
        keys.append(("Tiến độ cần đạt theo thời gian", SHARE_COLOUR, "3 3"))
    points = [(x(p.date), y(p.value)) for p in series if p.value is not None]
    if points:
        path = " ".join(f"{_fmt(px)},{_fmt(py)}" for px, py in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{VALUE_COLOUR}" stroke-width="3"/>')
        for px, py in points:
            parts.append(f'<circle cx="{_fmt(px)}" cy="{_fmt(py)}" r="3.5" fill="{VALUE_COLOUR}"/>')
        keys.insert(0, (value_label, VALUE_COLOUR, None))
    parts.append("</g></svg>")
    return Markup("".join(parts) + legend(keys))


def _svg_opening(chart_id: str, title: str, description: str) -> list[str]:
    """The start of a chart: a scalable image named by its title and description."""
    return [
        f'<svg class="ktt-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" preserveAspectRatio="xMidYMid meet" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{text_html(title)}</title>',
        f'<desc id="{chart_id}-desc">{text_html(description)}</desc>',
        f'<g font-size="{FONT_SIZE}" fill="currentColor">',
    ]


def bar_chart(
    bars: Sequence[tuple[str, float]], *, chart_id: str, title: str, description: str, unit: str, value_title: str
) -> Markup:
    """Side-by-side bars, each labelled with its value (e.g. average income of two years)."""
    left = 8
    plot_w, plot_h = WIDTH - left - RIGHT, HEIGHT - TOP - BOTTOM
    top = _nice_ceiling(max([v for _, v in bars] + [1]) * 1.15)
    slot = plot_w / max(len(bars), 1)
    parts = [
        *_svg_opening(chart_id, title, description),
        f'<text x="0" y="{FONT_SIZE}">{text_html(value_title)}</text>',
        f'<line x1="{left}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="currentColor"/>',
    ]
    for index, (label, value) in enumerate(bars):
        height = plot_h * value / top
        bx = left + slot * index + slot * 0.2
        by = TOP + plot_h - height
        parts.append(
            f'<rect x="{_fmt(bx)}" y="{_fmt(by)}" width="{_fmt(slot * 0.6)}" height="{_fmt(height)}" fill="{VALUE_COLOUR}"/>'
        )
        parts.append(
            f'<text x="{_fmt(bx + slot * 0.3)}" y="{_fmt(by - 6)}" text-anchor="middle">{text_html(_number(round(value)))}</text>'
        )
        parts.append(
            f'<text x="{_fmt(bx + slot * 0.3)}" y="{TOP + plot_h + 18}" text-anchor="middle">{text_html(label)}</text>'
        )
    parts.append(f'<text x="{_fmt(left + plot_w / 2)}" y="{HEIGHT - 4}" text-anchor="middle">Năm</text>')
    parts.append("</g></svg>")
    return Markup("".join(parts) + legend([(f"{value_title} ({unit})", VALUE_COLOUR, None)]))
