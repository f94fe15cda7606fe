"""The pure core of progress: each named measure and the status rule, with exact figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ktt_site.cooperatives.model import Cooperative
from ktt_site.localities import LocalitySet
from ktt_site.plans.measures import commune_coverage, count_founded, income_growth, reported_figures
from ktt_site.plans.model import Period, ProgressFile, TargetRange
from ktt_site.plans.status import elapsed_fraction, status_of

YEAR = Period(start=dt.date(2018, 1, 1), end=dt.date(2018, 12, 31))
D = dt.date


def coop(id: str, kind: str = "htx", founded: Any = "2018-03-01", commune: str = "xa-a", **extra: Any) -> Cooperative:
    basis = "nd-151-2007" if kind == "tht" else "luat-htx-2012"
    data = {"id": id, "name": id.upper(), "kind": kind, "founded": founded, "commune": commune,
            "status": "active", "legal_basis": basis, **extra}
    return Cooperative.model_validate(data)


LOCALITIES = LocalitySet.model_validate({
    "id": "2018",
    "as_of": "2018-01-01",
    "districts": [
        {"id": "huyen-1", "name": "Huyện Một", "kind": "huyen", "communes": [
            {"id": "xa-a", "name": "Xã A", "kind": "xa"},
            {"id": "xa-b", "name": "Xã B", "kind": "xa"},
        ]},
        {"id": "huyen-2", "name": "Huyện Hai", "kind": "huyen", "communes": [
            {"id": "xa-c", "name": "Xã C", "kind": "xa"},
            {"id": "phuong-d", "name": "Phường D", "kind": "phuong"},
        ]},
    ],
})
KEY = {"products": [{"name": "Mãng cầu", "key_product": True}]}


def communes_of(coops):
    """Each cooperative's commune in the 2018 set (what the measures are given)."""
    return {c.id: c.commune for c in coops}


def districts_of(coops):
    index = LOCALITIES.commune_index()
    return {c.id: index[c.commune][0] for c in coops}


# --- status -----------------------------------------------------------------------------------

def test_elapsed_fraction_counts_the_as_of_day():
    assert elapsed_fraction(YEAR, D(2018, 6, 30)) == pytest.approx(181 / 365)
    assert elapsed_fraction(YEAR, D(2017, 12, 31)) == 0.0
    assert elapsed_fraction(YEAR, D(2018, 12, 31)) == 1.0
    assert elapsed_fraction(YEAR, D(2020, 1, 1)) == 1.0


@pytest.mark.parametrize(
    ("value", "target", "as_of", "expected"),
    [
        (10, {"min": 10}, D(2018, 12, 31), "achieved"),          # met exactly, period ended
        (10, {"min": 10}, D(2018, 3, 1), "achieved"),            # met early
        (7, {"min": 5, "max": 10}, D(2018, 12, 31), "achieved"),
        (11, {"min": 5, "max": 10}, D(2018, 12, 31), "exceeded"),  # range exceeded
        (10, {"min": 5, "max": 10}, D(2018, 12, 31), "achieved"),  # top of the range is not 'exceeded'
        (5, {"min": 10}, D(2018, 6, 30), "on_track"),            # 10 x 181/365 = 4.96
        (4, {"min": 10}, D(2018, 6, 30), "behind"),
        (9, {"min": 10}, D(2018, 12, 31), "not_achieved"),       # last day: final
        (9, {"min": 10}, D(2019, 3, 1), "not_achieved"),         # after the period: final
        (None, {"min": 10}, D(2018, 6, 30), "no_data"),
        (None, {"min": 10}, D(2019, 1, 1), "no_data"),
        (0, {"min": 10}, D(2017, 12, 31), "not_started"),        # before the period
        (None, {"min": 10}, D(2017, 12, 31), "not_started"),
        (0, {"min": 0, "min_exclusive": True}, D(2018, 12, 31), "not_achieved"),  # must be higher
        (0.1, {"min": 0, "min_exclusive": True}, D(2018, 12, 31), "achieved"),
        (-2, {"min": 0, "min_exclusive": True}, D(2018, 6, 30), "behind"),
    ],
)
def test_status_rule(value, target, as_of, expected):
    assert status_of(value, TargetRange(**target), YEAR, as_of) == expected


@pytest.mark.parametrize(
    ("value", "target", "as_of", "evidence", "expected"),
    [
        (10, {"min": 10}, D(2018, 12, 31), "floor", "achieved"),  # a floor that reaches it proves it
        (11, {"min": 5, "max": 10}, D(2018, 12, 31), "floor", "exceeded"),
        (9, {"min": 10}, D(2018, 12, 31), "floor", "insufficient_data"),  # more may exist
        (5, {"min": 10}, D(2018, 6, 30), "floor", "on_track"),  # at least the linear share
        (4, {"min": 10}, D(2018, 6, 30), "floor", "insufficient_data"),
        (0.1, {"min": 0, "min_exclusive": True}, D(2018, 12, 31), "sample", "insufficient_data"),
        (-2, {"min": 0, "min_exclusive": True}, D(2018, 12, 31), "sample", "insufficient_data"),
        (3, {"max": 10}, D(2018, 12, 31), "floor", "insufficient_data"),  # a ceiling needs the whole
        (None, {"min": 10}, D(2018, 12, 31), "floor", "no_data"),
        (0, {"min": 10}, D(2017, 12, 31), "floor", "not_started"),
    ],
)
def test_status_claims_only_what_incomplete_figures_prove(value, target, as_of, evidence, expected):
    assert status_of(value, TargetRange(**target), YEAR, as_of, evidence=evidence) == expected


# --- counting founded cooperatives ------------------------------------------------------------

def test_count_founded_filters_by_kind_basis_and_period():
    coops = [
        coop("t1", "tht", "2018-02-10"),
        coop("t2", "tht", "2018-06"),                       # month only
        coop("t3", "tht", "2017-12-31"),                    # before the period
        coop("t4", "tht", "2019-01-02"),                    # after
        coop("t5", "tht", "2018-04-01", legal_basis="nd-77-2019"),  # other legal basis
        coop("h1", "htx", "2018-03-01"),                    # other kind
        coop("t6", "tht", "2018-05-05", status="dissolved", dissolved="2018-10-01"),
    ]
    result = count_founded(coops, kinds=["tht"], legal_basis=["nd-151-2007"], period=YEAR, as_of=D(2018, 12, 31))
    assert result.value == 3
    assert [c.id for c in result.counted] == ["t1", "t6", "t2"]   # by the day counted


def test_a_month_only_founding_date_counts_from_the_last_day_of_the_month():
    coops = [coop("t", "tht", "2018-06")]
    count = lambda day: count_founded(coops, kinds=["tht"], period=YEAR, as_of=day).value  # noqa: E731
    assert count(D(2018, 6, 29)) == 0
    assert count(D(2018, 6, 30)) == 1
    year_only = [coop("y", "tht", 2018)]
    assert count_founded(year_only, kinds=["tht"], period=YEAR, as_of=D(2018, 12, 30)).value == 0
    assert count_founded(year_only, kinds=["tht"], period=YEAR, as_of=D(2018, 12, 31)).value == 1


def test_count_breakdowns_by_district_and_founding_organisation():
    coops = [
        coop("a", "htx", "2018-02-01", "xa-a", founded_by=["hoi-nong-dan"]),
        coop("b", "htx", "2018-03-01", "xa-c", founded_by=["hoi-nong-dan", "hoi-phu-nu"]),
        coop("c", "htx", "2018-04-01", "xa-b"),
    ]
    result = count_founded(
        coops, kinds=["htx"], period=YEAR, as_of=D(2018, 12, 31), districts=LOCALITIES.districts, district_of=districts_of(coops),
        organizations={"hoi-nong-dan": "Hội Nông dân", "hoi-phu-nu": "Hội Phụ nữ", "mttq": "MTTQ"},
    )
    assert [(r.label, r.count) for r in result.by_district] == [("Huyện Một", 2), ("Huyện Hai", 1)]
    assert [(r.label, r.count) for r in result.by_organization] == [
        ("Hội Nông dân", 2), ("Hội Phụ nữ", 1), ("MTTQ", 0), ("Không ghi tổ chức sáng lập", 1)]


# --- commune coverage -------------------------------------------------------------------------

def test_a_commune_with_two_cooperatives_counts_once():
    coops = [coop("h1", commune="xa-a", **KEY), coop("h2", commune="xa-a", **KEY)]
    result = commune_coverage(coops, LOCALITIES.districts, commune_of=communes_of(coops), kinds=["htx"], legal_basis=["luat-htx-2012"],
                              key_product=True, as_of=D(2018, 12, 31))
    assert (result.covered, result.total, result.value) == (1, 4, 25.0)
    assert [c.id for c in result.qualifying["xa-a"]] == ["h1", "h2"]


def test_a_dissolved_cooperative_is_not_counted():
    coops = [
        coop("h1", founded="2015-01-01", commune="xa-b", status="dissolved", dissolved="2018-05-01", **KEY),
        coop("h2", founded="2015-01-01", commune="xa-c", status="dissolved", **KEY),  # no date: never
    ]
    cover = lambda day: commune_coverage(coops, LOCALITIES.districts, commune_of=communes_of(coops), kinds=["htx"], key_product=True, as_of=day)  # noqa: E731
    assert cover(D(2018, 4, 30)).covered == 1      # h1 still active then
    assert cover(D(2018, 5, 1)).covered == 0
    assert cover(D(2018, 12, 31)).value == 0.0


def test_coverage_needs_a_key_product_kind_and_basis_and_lists_missing_communes():
    coops = [
        coop("h1", commune="xa-a", **KEY),
        coop("h2", commune="xa-b"),                                   # no key product
        coop("h3", commune="xa-c", legal_basis="luat-htx-2023", **KEY),  # other law
        coop("t1", "tht", commune="phuong-d", **KEY),                 # a THT
        coop("h4", founded="2019-02", commune="phuong-d", **KEY),     # not founded yet
    ]
    result = commune_coverage(coops, LOCALITIES.districts, commune_of=communes_of(coops), kinds=["htx"], legal_basis=["luat-htx-2012"],
                              key_product=True, as_of=D(2018, 12, 31))
    assert result.value == 25.0
    assert [(row.district.id, row.covered, row.total) for row in result.by_district] == [
        ("huyen-1", 1, 2), ("huyen-2", 0, 2)]
    assert [c.id for _, c in result.missing] == ["xa-b", "xa-c", "phuong-d"]
    assert result.by_district[0].percent == 50.0


# --- income growth ----------------------------------------------------------------------------

def test_income_growth_is_weighted_by_members():
    coops = [
        coop("a", members={2017: 10, 2018: 20}, avg_income={2017: 30_000_000, 2018: 36_000_000}),
        coop("b", members={2017: 30}, avg_income={2017: 40_000_000, 2018: 42_000_000}),  # members of one year
        coop("c", members={2018: 5}, avg_income={2018: 99_000_000}),                     # one year only
        coop("d", avg_income={2017: 10_000_000, 2018: 20_000_000}),                      # no members
        coop("e"),                                                                        # no income at all
    ]
    result = income_growth(coops, year=2018, as_of=D(2018, 12, 31))
    assert result.average_previous == pytest.approx(37_500_000)   # (300M + 1200M) / 40
    assert result.average_year == pytest.approx(39_600_000)       # (720M + 1260M) / 50
    assert result.value == pytest.approx(5.6)
    assert [r.cooperative.id for r in result.included] == ["a", "b"]
    assert [(c.id, reason) for c, reason in result.excluded] == [
        ("c", "thiếu thu nhập bình quân năm 2017"), ("d", "thiếu số thành viên năm 2017 và 2018")]


def test_income_growth_without_usable_profiles_has_no_data():
    result = income_growth([coop("a", avg_income={2018: 1})], year=2018, as_of=D(2018, 12, 31))
    assert result.value is None and result.included == []


# --- reported figures -------------------------------------------------------------------------

def _reports(org: str, *reports: tuple[str, int]) -> ProgressFile:
    return ProgressFile.model_validate(
        {"id": org, "reports": [{"date": day, "training_classes": n} for day, n in reports]})


def test_reported_per_organisation_counts_organisations_that_reached_the_level():
    progress = {
        "a": _reports("a", ("2018-03-31", 1), ("2018-09-30", 2)),
        "b": _reports("b", ("2018-09-30", 0)),
        # c has no file: not met.
    }
    per_org = TargetRange(min=1)
    result = reported_figures(progress, ["a", "b", "c"], field="training_classes", period=YEAR,
                              as_of=D(2018, 12, 31), per_organization=per_org)
    assert result.value == 1
    assert [(f.organization, f.total, f.met) for f in result.figures] == [("a", 3, True), ("b", 0, False), ("c", None, None)]
    early = reported_figures(progress, ["a", "b", "c"], field="training_classes", period=YEAR,
                             as_of=D(2018, 3, 30), per_organization=per_org)
    assert early.value is None      # nobody had reported yet: no data
    summed = reported_figures(progress, ["a", "b", "c"], field="training_classes", period=YEAR, as_of=D(2018, 6, 30))
    assert summed.value == 1 and not summed.per_organization
