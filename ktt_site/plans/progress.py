"""Each target of a plan evaluated as of a date: value, target, status and history.

Computed once per build (``load_site`` calls :func:`compute_progress`); pages, downloads and
shortcodes all read the same figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ktt_site.localities import Commune, District, LocalitySet
from ktt_site.plans import measures
from ktt_site.plans.model import (
    CommuneCoverage,
    CountCooperatives,
    IncomeGrowth,
    Plan,
    Reported,
    Target,
    TargetRange,
)
from ktt_site.plans.status import (
    COLOURS,
    LABELS,
    Evidence,
    PlanState,
    Status,
    elapsed_fraction,
    expected_by,
    plan_state,
    status_of,
)

if TYPE_CHECKING:
    from ktt_site.cooperatives.model import Cooperative
    from ktt_site.site import SiteData

Result = measures.CountResult | measures.CoverageResult | measures.IncomeResult | measures.ReportedResult


@dataclass(frozen=True)
class Point:
    """The value on one day of the period (the cumulative chart and its table)."""

    date: dt.date
    value: float | None
    expected: float | None


@dataclass(frozen=True)
class TargetProgress:
    plan: Plan
    target: Target
    as_of: dt.date
    result: Result
    goal: TargetRange
    """The plan-level target: the target itself, or 'all N organisations' for a per-organisation one."""
    unit: str
    status: Status
    expected: float | None
    series: list[Point]
    uses_reports: bool
    illustrative_reports: bool
    """Some of the organisations' reports behind the figure are example data."""
    illustrative_profiles: bool
    """Some of the profiles counted are example data."""
    complete: bool
    """The figures are the whole of what the target measures (a register declared complete, or
    every organisation reported); otherwise they are a floor, and a shortfall proves nothing."""

    @property
    def value(self) -> float | None:
        return self.result.value

    @property
    def illustrative(self) -> bool:
        return self.illustrative_reports or self.illustrative_profiles

    @property
    def status_label(self) -> str:
        return LABELS[self.status]

    @property
    def colour(self) -> str:
        return COLOURS[self.status]

    @property
    def kind(self) -> str:
        return self.target.measure.type

    @property
    def bar_max(self) -> float:
        """The value at which the bar is full: the top of a range, else the minimum.

        A growth target ('higher than last year') has no level to fill up to, so its bar shows
        this year's average income against last year's.
        """
        if isinstance(self.result, measures.IncomeResult):
            return float(self.result.average_previous or 0)
        top = self.goal.max if self.goal.max is not None else self.goal.min
        return float(top or 0)

    @property
    def bar_value(self) -> float:
        if self.value is None or self.bar_max <= 0:
            return 0.0
        value = self.result.average_year if isinstance(self.result, measures.IncomeResult) else self.value
        return min(max(float(value or 0), 0.0), self.bar_max)

    @property
    def bar_percent(self) -> float:
        return 100.0 * self.bar_value / self.bar_max if self.bar_max > 0 else 0.0


@dataclass(frozen=True)
class PlanProgress:
    plan: Plan
    as_of: dt.date
    state: PlanState
    elapsed: float
    targets: list[TargetProgress]
    latest_figure: dt.date | None = None
    """The newest date the figures carry (a report, or a register's date), if any."""

    @property
    def illustrative(self) -> bool:
        return any(t.illustrative for t in self.targets)

    @property
    def uses_illustrative_reports(self) -> bool:
        return any(t.illustrative_reports for t in self.targets)

    @property
    def uses_illustrative_profiles(self) -> bool:
        return any(t.illustrative_profiles for t in self.targets)

    def target(self, target_id: str) -> TargetProgress | None:
        return next((t for t in self.targets if t.target.id == target_id), None)


def plan_year(plan: Plan) -> int:
    return plan.period.end.year


def _place(site: SiteData, coop: Cooperative, units: LocalitySet) -> tuple[District | None, Commune | None]:
    """A cooperative's district and commune in ``units`` (the 2018 set, or today's)."""
    where = site.location(coop)
    if units is site.localities.today:
        return where.district_today, where.today
    return where.district_2018, where.commune_2018


def _whole_province(units: LocalitySet) -> District:
    """A set without districts, measured as one group (built as a view, not validated data)."""
    return District.model_construct(
        id="toan-tinh",
        code=None,
        name=f"Tỉnh {units.province or ''}".strip(),
        kind="thanh-pho",
        communes=units.communes,
    )


def evaluate(site: SiteData, plan: Plan, target: Target, as_of: dt.date) -> Result:
    """The value of one target's measure as of a date."""
    measure = target.measure
    units = site.localities.in_force(plan.period.start)  # the units the plan was written for
    if isinstance(measure, CountCooperatives):
        count = measures.count_founded(
            site.cooperatives.values(),
            kinds=measure.kinds,
            legal_basis=measure.legal_basis,
            period=plan.period,
            as_of=as_of,
            districts=units.districts,
            district_of={c.id: _place(site, c, units)[0] for c in site.cooperatives.values()},
            organizations={o.id: o.short_name for o in site.organizations.values()},
        )
        reported = measures.reported_new(
            site.progress.get(plan.id, {}),
            list(site.organizations),
            kinds=measure.kinds,
            period=plan.period,
            as_of=as_of,
        )
        return measures.with_reports(count, reported)
    if isinstance(measure, CommuneCoverage):
        return measures.commune_coverage(
            site.cooperatives.values(),
            units.districts or [_whole_province(units)],
            commune_of={c.id: getattr(_place(site, c, units)[1], "id", None) for c in site.cooperatives.values()},
            kinds=measure.kinds,
            legal_basis=measure.legal_basis,
            key_product=measure.key_product,
            as_of=as_of,
        )
    if isinstance(measure, IncomeGrowth):
        return measures.income_growth(site.cooperatives.values(), year=measure.year or plan_year(plan), as_of=as_of)
    assert isinstance(measure, Reported)
    return measures.reported_figures(
        site.progress.get(plan.id, {}),
        list(site.organizations),
        field=measure.field,
        period=plan.period,
        as_of=as_of,
        per_organization=target.target if measure.per_organization else None,
    )


def _goal(site: SiteData, target: Target) -> tuple[TargetRange, str]:
    measure = target.measure
    if isinstance(measure, Reported) and measure.per_organization:
        return TargetRange(min=len(site.organizations)), "tổ chức"
    return target.target, target.unit


def checkpoints(plan: Plan, as_of: dt.date) -> list[dt.date]:
    """The last day of each month of the period up to ``as_of``, and ``as_of`` itself."""
    start, end = plan.period.start, min(plan.period.end, as_of)
    days: list[dt.date] = []
    year, month = start.year, start.month
    while True:
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        day = min(following - dt.timedelta(days=1), end)
        if day < start:
            break
        days.append(day)
        if day >= end:
            break
        year, month = following.year, following.month
    return days


def _illustrative(result: Result) -> tuple[bool, bool]:
    """Whether example data is behind the figure: (in organisations' reports, in profiles)."""
    if isinstance(result, measures.ReportedResult):
        return any(f.illustrative and f.reports for f in result.figures), False
    if isinstance(result, measures.CountResult):
        reports = result.reported is not None and _illustrative(result.reported)[0]
        return reports, any(c.illustrative for c in result.counted)
    if isinstance(result, measures.CoverageResult):
        return False, any(c.illustrative for coops in result.qualifying.values() for c in coops)
    return False, any(r.cooperative.illustrative for r in result.included)


def records_complete(plan: Plan, kinds: Iterable[str], as_of: dt.date) -> bool:
    """Whether the plan declares the records of every one of ``kinds`` complete up to ``as_of``."""
    return all(
        any(kind in declared.kinds and declared.as_of >= as_of for declared in plan.complete_records) for kind in kinds
    )


def _all_reported(result: measures.ReportedResult | None) -> bool:
    return result is not None and all(f.total is not None for f in result.figures)


def is_complete(plan: Plan, target: Target, result: Result, as_of: dt.date) -> bool:
    """Whether ``result`` is the whole figure the target measures (see :attr:`TargetProgress.complete`)."""
    measure = target.measure
    if isinstance(result, measures.CountResult):
        assert isinstance(measure, CountCooperatives)
        return records_complete(plan, measure.kinds, as_of) or _all_reported(result.reported)
    if isinstance(result, measures.CoverageResult):
        assert isinstance(measure, CommuneCoverage)
        return records_complete(plan, measure.kinds, as_of)
    if isinstance(result, measures.IncomeResult):
        return records_complete(plan, ("htx", "tht"), as_of)
    return _all_reported(result)


def _evidence(result: Result, complete: bool) -> Evidence:
    if complete:
        return "complete"
    return "sample" if isinstance(result, measures.IncomeResult) else "floor"


def target_progress(site: SiteData, plan: Plan, target: Target, as_of: dt.date) -> TargetProgress:
    result = evaluate(site, plan, target, as_of)
    complete = is_complete(plan, target, result, as_of)
    illustrative = _illustrative(result)
    goal, unit = _goal(site, target)
    series: list[Point] = []
    if not isinstance(target.measure, IncomeGrowth):
        for day in checkpoints(plan, as_of):
            value = result.value if day == as_of else evaluate(site, plan, target, day).value
            series.append(Point(day, value, expected_by(goal, plan.period, day)))
    return TargetProgress(
        plan=plan,
        target=target,
        as_of=as_of,
        result=result,
        goal=goal,
        unit=unit,
        status=status_of(result.value, goal, plan.period, as_of, evidence=_evidence(result, complete)),
        expected=expected_by(goal, plan.period, as_of) if as_of <= plan.period.end else goal.min,
        series=series,
        uses_reports=isinstance(target.measure, Reported),
        illustrative_reports=illustrative[0],
        illustrative_profiles=illustrative[1],
        complete=complete,
    )


def latest_figure(site: SiteData, plan: Plan, as_of: dt.date) -> dt.date | None:
    dates = [r.date for f in site.progress.get(plan.id, {}).values() for r in f.reports if r.date <= as_of]
    dates += [declared.as_of for declared in plan.complete_records if declared.as_of <= as_of]
    return max(dates, default=None)


def plan_progress(site: SiteData, plan: Plan, as_of: dt.date | None = None) -> PlanProgress:
    """A plan's targets as of a date; a plan that has ended is shown as of its last day."""
    as_of = min(as_of or site.as_of, plan.period.end)
    return PlanProgress(
        plan,
        as_of,
        plan_state(plan.period, as_of),
        elapsed_fraction(plan.period, as_of),
        [target_progress(site, plan, target, as_of) for target in plan.targets],
        latest_figure(site, plan, site.as_of),
    )


def compute_progress(site: SiteData) -> dict[str, PlanProgress]:
    """Every plan's progress as of the site's as-of date."""
    return {plan_id: plan_progress(site, plan) for plan_id, plan in sorted(site.plans.items())}
