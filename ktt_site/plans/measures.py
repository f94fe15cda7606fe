"""The named measures of a plan's targets, computed from the data as of a date.

Pure functions over records: no files, no pages. How dates are counted:

- A founding date known only to the month (``2018-06``) or the year (``2018``) counts from the
  last day of that month or year: the first day on which the cooperative certainly existed.
  ``2018-06`` is therefore counted in June 2018, but only from 30/06/2018.
- A cooperative counts as founded in the period when that day falls inside the period and is not
  after the as-of date. A cooperative founded in the period and dissolved since still counts:
  the target is about founding.
- Commune coverage counts only cooperatives active on the as-of date (founded by then and not
  dissolved by then; a dissolved record without a date is never counted), and each commune once.
- Reported figures are what happened since the organisation's previous report; a report counts
  when its date lies in the period and is not after the as-of date.
- New cooperatives that organisations report count toward the founding targets. A report is
  taken to include the records on file that name the organisation as founder, so each reporting
  organisation adds the larger of its report and its records, and records that name no reporting
  organisation are added to that: nothing is counted twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ktt_site.cooperatives.model import Cooperative
from ktt_site.localities import Commune, District
from ktt_site.plans.model import Period, ProgressFile, ProgressReport, TargetRange
from ktt_site.plans.status import meets


def counted_from(cooperative: Cooperative) -> dt.date:
    """The day a cooperative is counted from (the last day of a month- or year-only date)."""
    return cooperative.founded.last_day


def _matches(cooperative: Cooperative, kinds: Iterable[str], legal_basis: Iterable[str]) -> bool:
    basis = list(legal_basis)
    return cooperative.kind in kinds and (not basis or cooperative.legal_basis in basis)


# --- counting cooperatives founded in the period -------------------------------------------


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int
    key: str = ""


@dataclass(frozen=True)
class CountResult:
    value: int
    counted: list[Cooperative]
    by_district: list[CountRow]
    by_organization: list[CountRow]
    reported: ReportedResult | None = None
    """Organisations' reports of new cooperatives of these kinds, when there is a report field."""

    @property
    def recorded(self) -> int:
        """How many of the counted are records on file."""
        return len(self.counted)


def count_founded(
    cooperatives: Iterable[Cooperative],
    *,
    kinds: Iterable[str],
    legal_basis: Iterable[str] = (),
    period: Period,
    as_of: dt.date,
    districts: Sequence[District] | None = None,
    district_of: Mapping[str, District | None] | None = None,
    organizations: Mapping[str, str] | None = None,
) -> CountResult:
    """Cooperatives of ``kinds`` (and legal basis) founded inside ``period``, by ``as_of``.

    ``districts`` (in reading order) with ``district_of`` (cooperative id -> its district, None
    where unknown) and ``organizations`` (id -> short name) give the breakdowns by district and
    by founding organisation.
    """
    kinds, basis = list(kinds), list(legal_basis)
    end = min(period.end, as_of)
    counted = sorted(
        (c for c in cooperatives if _matches(c, kinds, basis) and period.start <= counted_from(c) <= end),
        key=lambda c: (counted_from(c), c.name, c.id),
    )
    by_district: list[CountRow] = []
    if districts is not None and district_of is not None:
        tally: dict[str, int] = {}
        for coop in counted:
            district = district_of.get(coop.id)
            key = district.id if district else ""
            tally[key] = tally.get(key, 0) + 1
        by_district = [CountRow(d.name, tally[d.id], d.id) for d in districts if d.id in tally]
        if "" in tally:
            by_district.append(CountRow("Không rõ huyện", tally[""]))
    by_organization: list[CountRow] = []
    if organizations is not None:
        tally = {org_id: 0 for org_id in organizations}
        unknown = 0
        for coop in counted:
            for org_id in coop.founded_by:
                tally[org_id] = tally.get(org_id, 0) + 1
            if not coop.founded_by:
                unknown += 1
        by_organization = [CountRow(organizations.get(k, k), n, k) for k, n in tally.items()]
        if unknown:
            by_organization.append(CountRow("Không ghi tổ chức sáng lập", unknown))
    return CountResult(len(counted), counted, by_district, by_organization)


# --- communes with a qualifying cooperative ------------------------------------------------


@dataclass(frozen=True)
class DistrictCoverage:
    district: District
    covered: int
    total: int
    missing: list[Commune]

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 0.0


@dataclass(frozen=True)
class CoverageResult:
    value: float
    covered: int
    total: int
    by_district: list[DistrictCoverage]
    qualifying: dict[str, list[Cooperative]]
    """Commune id -> the cooperatives that make it count (a commune appears once)."""

    @property
    def missing(self) -> list[tuple[District, Commune]]:
        return [(row.district, c) for row in self.by_district for c in row.missing]


def qualifies_for_coverage(
    cooperative: Cooperative,
    *,
    kinds: Iterable[str],
    legal_basis: Iterable[str],
    key_product: bool,
    as_of: dt.date,
) -> bool:
    if not _matches(cooperative, kinds, legal_basis) or not cooperative.active_on(as_of):
        return False
    return not key_product or any(p.key_product for p in cooperative.products)


def commune_coverage(
    cooperatives: Iterable[Cooperative],
    districts: Iterable[District],
    *,
    commune_of: Mapping[str, str | None],
    kinds: Iterable[str],
    legal_basis: Iterable[str] = (),
    key_product: bool = False,
    as_of: dt.date,
) -> CoverageResult:
    """Share (percent) of all communes with at least one qualifying cooperative on ``as_of``.

    ``commune_of``: each cooperative's commune in the set of units measured (None if unknown).
    """
    kinds, basis = list(kinds), list(legal_basis)
    qualifying: dict[str, list[Cooperative]] = {}
    for coop in sorted(cooperatives, key=lambda c: (c.name, c.id)):
        if qualifies_for_coverage(coop, kinds=kinds, legal_basis=basis, key_product=key_product, as_of=as_of):
            commune = commune_of.get(coop.id)
            if commune is not None:
                qualifying.setdefault(commune, []).append(coop)
    rows = []
    for district in districts:
        missing = [c for c in district.communes if c.id not in qualifying]
        rows.append(DistrictCoverage(district, len(district.communes) - len(missing), len(district.communes), missing))
    total = sum(row.total for row in rows)
    covered = sum(row.covered for row in rows)
    value = 100.0 * covered / total if total else 0.0
    known = {c.id for row in rows for c in row.district.communes}
    return CoverageResult(value, covered, total, rows, {k: v for k, v in qualifying.items() if k in known})


# --- members' average income, year on year -------------------------------------------------


@dataclass(frozen=True)
class IncomeRow:
    cooperative: Cooperative
    members_previous: int
    members_year: int
    income_previous: int
    income_year: int


@dataclass(frozen=True)
class IncomeResult:
    value: float | None
    """Growth of the weighted average, in percent (None without usable data)."""
    year: int
    average_previous: float | None
    average_year: float | None
    included: list[IncomeRow]
    excluded: list[tuple[Cooperative, str]]


def income_growth(cooperatives: Iterable[Cooperative], *, year: int, as_of: dt.date) -> IncomeResult:
    """Members' average income in ``year`` against ``year - 1``, weighted by members.

    A profile is included when it gives the average income for both years and the number of
    members for at least one of them (the known number is used for both years). Each year's
    average is the sum of income x members over the sum of members.
    """
    previous = year - 1
    included: list[IncomeRow] = []
    excluded: list[tuple[Cooperative, str]] = []
    for coop in sorted(cooperatives, key=lambda c: (c.name, c.id)):
        if counted_from(coop) > as_of:
            continue
        has_prev, has_year = previous in coop.avg_income, year in coop.avg_income
        if not (has_prev or has_year):
            continue
        if not (has_prev and has_year):
            missing = previous if not has_prev else year
            excluded.append((coop, f"thiếu thu nhập bình quân năm {missing}"))
            continue
        m_prev = coop.members.get(previous) or coop.members.get(year)
        m_year = coop.members.get(year) or coop.members.get(previous)
        if not m_prev or not m_year:
            excluded.append((coop, f"thiếu số thành viên năm {previous} và {year}"))
            continue
        included.append(IncomeRow(coop, m_prev, m_year, coop.avg_income[previous], coop.avg_income[year]))
    if not included:
        return IncomeResult(None, year, None, None, included, excluded)
    members_prev = sum(r.members_previous for r in included)
    members_year = sum(r.members_year for r in included)
    avg_prev = sum(r.income_previous * r.members_previous for r in included) / members_prev
    avg_year = sum(r.income_year * r.members_year for r in included) / members_year
    growth = (avg_year / avg_prev - 1.0) * 100.0 if avg_prev else None
    return IncomeResult(growth, year, avg_prev, avg_year, included, excluded)


# --- figures reported by organisations ----------------------------------------------------


@dataclass(frozen=True)
class OrganizationFigure:
    organization: str
    """Organisation id."""
    total: int | None
    """Sum of the reports counted; None when the organisation reported nothing for this field."""
    reports: list[ProgressReport]
    met: bool | None
    """Per-organisation targets: whether this organisation reached it (None without data)."""
    illustrative: bool


@dataclass(frozen=True)
class ReportedResult:
    value: float | None
    per_organization: bool
    figures: list[OrganizationFigure]

    @property
    def total(self) -> int | None:
        totals = [f.total for f in self.figures if f.total is not None]
        return sum(totals) if totals else None


def reported_figures(
    progress: Mapping[str, ProgressFile],
    organizations: Iterable[str],
    *,
    field: str,
    period: Period,
    as_of: dt.date,
    per_organization: TargetRange | None = None,
) -> ReportedResult:
    """Sum each organisation's reports of ``field`` dated in the period up to ``as_of``.

    With ``per_organization`` (the level each organisation must reach) the value is how many
    organisations reached it; otherwise it is the sum over all organisations.
    """
    end = min(period.end, as_of)
    figures = []
    for org_id in organizations:
        report_file = progress.get(org_id)
        used = [
            r
            for r in (report_file.reports if report_file else [])
            if period.start <= r.date <= end and getattr(r, field) is not None
        ]
        used.sort(key=lambda r: r.date)
        total = sum(getattr(r, field) for r in used) if used else None
        met = None if total is None or per_organization is None else meets(total, per_organization)
        figures.append(OrganizationFigure(org_id, total, used, met, bool(report_file and report_file.illustrative)))
    if all(f.total is None for f in figures):
        return ReportedResult(None, per_organization is not None, figures)
    if per_organization is not None:
        return ReportedResult(sum(1 for f in figures if f.met), True, figures)
    return ReportedResult(sum(f.total or 0 for f in figures), False, figures)


#: The report field that counts new cooperatives of each kind.
NEW_COOPERATIVE_FIELDS: dict[str, str] = {"tht": "new_tht", "htx": "new_htx"}


def reported_new(
    progress: Mapping[str, ProgressFile],
    organizations: Iterable[str],
    *,
    kinds: Iterable[str],
    period: Period,
    as_of: dt.date,
) -> ReportedResult | None:
    """Organisations' reports of new cooperatives of ``kinds`` (None if a kind has no report field)."""
    kinds = list(kinds)
    if not all(kind in NEW_COOPERATIVE_FIELDS for kind in kinds):
        return None
    results = [
        reported_figures(progress, organizations, field=NEW_COOPERATIVE_FIELDS[kind], period=period, as_of=as_of)
        for kind in kinds
    ]
    figures = []
    for per_kind in zip(*(r.figures for r in results), strict=True):
        totals = [f.total for f in per_kind if f.total is not None]
        figures.append(
            OrganizationFigure(
                per_kind[0].organization,
                sum(totals) if totals else None,
                sorted((r for f in per_kind for r in f.reports), key=lambda r: r.date),
                None,
                per_kind[0].illustrative,
            )
        )
    totals = [f.total for f in figures if f.total is not None]
    return ReportedResult(sum(totals) if totals else None, False, figures)


def with_reports(count: CountResult, reported: ReportedResult | None) -> CountResult:
    """The founding count with organisations' reports added, each cooperative counted once."""
    if reported is None or reported.total is None:
        return replace(count, reported=reported)
    reporting = [f.organization for f in reported.figures if f.total is not None]
    records_of: dict[str, int] = dict.fromkeys(reporting, 0)
    unclaimed = 0
    for coop in count.counted:
        founder = next((org for org in coop.founded_by if org in records_of), None)
        if founder is None:
            unclaimed += 1
        else:
            records_of[founder] += 1
    value = unclaimed + sum(
        max(f.total or 0, records_of[f.organization]) for f in reported.figures if f.total is not None
    )
    return replace(count, value=value, reported=reported)
