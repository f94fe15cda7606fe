"""A target's status as of a date: the rule shown to readers on every progress page.

- Before the period starts: ``not_started``, whatever the figures.
- No figure at all: ``no_data``.
- The target is met: ``achieved`` (``exceeded`` above the top of a range such as 5 to 10). The
  figures are a floor (what is on file or reported), so a floor that reaches the target proves it.
- The figures are not complete (a showcase of profiles, organisations that did not all report, an
  average over the few profiles that give incomes): ``insufficient_data``, since a floor below
  the target, or a sample, proves nothing about the whole (a floor at or above the linear share
  still proves ``on_track``).
- The period has ended (the as-of date is its last day or later) and the target is not met:
  ``not_achieved``; this is the plan's final status.
- Otherwise ``on_track`` when the value is at or above the linear share of the target for the
  time elapsed (days elapsed, the as-of day included, over the days of the period), else ``behind``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ktt_site.plans.model import Period, TargetRange

Status = Literal[
    "achieved", "exceeded", "on_track", "behind", "not_achieved", "insufficient_data", "no_data", "not_started"
]

LABELS: dict[str, str] = {
    "achieved": "Đã đạt",
    "exceeded": "Vượt chỉ tiêu",
    "on_track": "Đúng tiến độ",
    "behind": "Chậm tiến độ",
    "not_achieved": "Không đạt",
    "insufficient_data": "Chưa đủ dữ liệu để đánh giá",
    "no_data": "Chưa có số liệu",
    "not_started": "Chưa đến kỳ thực hiện",
}

#: Colours of the bars; the status is always written out too, never shown by colour alone.
COLOURS: dict[str, str] = {
    "achieved": "#2e7d32",
    "exceeded": "#1b5e20",
    "on_track": "#1565c0",
    "behind": "#e65100",
    "not_achieved": "#c62828",
    "insufficient_data": "#6d4c41",
    "no_data": "#757575",
    "not_started": "#757575",
}

PlanState = Literal["not_started", "running", "ended"]


def plan_state(period: Period, as_of: dt.date) -> PlanState:
    if as_of < period.start:
        return "not_started"
    if as_of >= period.end:
        return "ended"
    return "running"


def elapsed_fraction(period: Period, as_of: dt.date) -> float:
    """Share of the period's days gone by at the end of ``as_of`` (0 before, 1 from the last day)."""
    total = (period.end - period.start).days + 1
    done = (as_of - period.start).days + 1
    return min(max(done / total, 0.0), 1.0)


def meets(value: float, target: TargetRange) -> bool:
    if target.min is not None and (value <= target.min if target.min_exclusive else value < target.min):
        return False
    return not (target.max is not None and target.min is None and value > target.max)


def expected_by(target: TargetRange, period: Period, as_of: dt.date) -> float | None:
    """The linear share of the target's minimum due by ``as_of`` (None for a ceiling-only target)."""
    if target.min is None:
        return None
    return target.min * elapsed_fraction(period, as_of)


#: How much of what a target measures the value covers: all of it, a floor (a count of what is
#: on file: more may exist), or a sample (an average over the profiles that give figures).
Evidence = Literal["complete", "floor", "sample"]


def status_of(
    value: float | None, target: TargetRange, period: Period, as_of: dt.date, *, evidence: Evidence = "complete"
) -> Status:
    state = plan_state(period, as_of)
    if state == "not_started":
        return "not_started"
    if value is None:
        return "no_data"
    # A floor proves a minimum; a ceiling-only target, or a sample, needs the whole figure.
    proves = evidence == "complete" or (evidence == "floor" and target.min is not None)
    if meets(value, target) and proves:
        if target.max is not None and target.min is not None and value > target.max:
            return "exceeded"
        return "achieved"
    expected = expected_by(target, period, as_of)
    if state != "ended" and expected is not None and value >= expected and proves:
        return "on_track"
    if evidence != "complete":
        return "insufficient_data"
    return "not_achieved" if state == "ended" else "behind"
