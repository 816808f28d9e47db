"""Resolving regimes' timelines to dates: known answers, start rules, deadlines, plan data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from timeline_helpers import deadline, installed_regime, span

from inspectkit import hookimpl
from inspectkit.calendar import WorkingCalendar
from inspectkit.errors import InputError
from inspectkit.model import Milestone, Regime, StartRule
from inspectkit.plan_record import plan_from_data, plan_to_data
from inspectkit.plugins import PluginInfo, get_host
from inspectkit.timeline import Plan, plan_inspection, plan_many

CRA_START = date(2011, 10, 17)  # Monday; the council of Sunderland 2012 was visited 18-19 October
JUBILEE = {date(2012, 6, 4), date(2012, 6, 5)}


# -- known answers -----------------------------------------------------------------


def test_cra_2010_from_17_october_2011_matches_the_sunderland_inspection(cra: Regime) -> None:
    plan = plan_inspection(cra, CRA_START)
    site_visit = plan.milestone("site_visit")
    assert (site_visit.first, site_visit.last) == (date(2011, 10, 18), date(2011, 10, 19))
    assert plan.milestone("draft_letter_sent").due == date(2011, 10, 26)
    assert plan.milestone("pre_publication_letter").due == date(2011, 11, 9)
    # Sunderland 2012: the council received its letter on 16 November 2011.
    assert plan.milestone("publication").due == date(2011, 11, 16)
    assert plan.warnings == ()
    assert (plan.regime_id, plan.regime_version, plan.start) == ("cra_2010", cra.version, CRA_START)


def test_table_one_timetable_steps_over_4_and_5_june_2012(table_one: Regime) -> None:
    plan = plan_inspection(table_one, date(2012, 5, 21))
    audit, fieldwork = plan.milestone("initial_case_audit"), plan.milestone("fieldwork")
    assert audit.last == date(2012, 6, 1)  # day 10: Friday
    assert fieldwork.first == date(2012, 6, 6)  # day 11: Wednesday, after the two holidays
    assert fieldwork.last == date(2012, 6, 18)
    assert plan.milestone("end_of_inspection").first == date(2012, 6, 19)
    assert plan.milestone("final_report").due == date(2012, 7, 10)
    assert plan.milestone("publication").due == date(2012, 7, 17)
    for planned in plan.milestones:
        assert {planned.first, planned.last, planned.due} & JUBILEE == set()


def test_installed_slac_2009_steps_over_4_and_5_june_2012() -> None:
    slac = installed_regime("slac_2009")
    for start in (date(2012, 5, 14), date(2012, 5, 21), date(2012, 5, 28), date(2012, 6, 1)):
        plan = plan_inspection(slac, start)
        calendar = WorkingCalendar()
        for planned in plan.milestones:
            assert {planned.first, planned.last, planned.due} & JUBILEE == set()
            days = planned.milestone.days
            if days is not None:  # day N is exactly N-1 working days after the start
                assert calendar.working_days_between(start, planned.first) == days.first - 1
                assert calendar.working_days_between(start, planned.last) == days.last - 1
    plan = plan_inspection(slac, date(2012, 5, 21))
    assert plan.milestone("fieldwork").first == date(2012, 6, 6)


def test_plan_many_lays_out_each_regime_from_the_same_start(cra: Regime, table_one: Regime) -> None:
    plans = plan_many([cra, table_one], CRA_START)
    assert [p.regime_id for p in plans] == ["cra_2010", "table_one"]
    assert {p.start for p in plans} == {CRA_START}
    assert plans[0] == plan_inspection(cra, CRA_START)


# -- the start ---------------------------------------------------------------------


def test_a_start_on_a_bank_holiday_names_the_holiday(cra: Regime) -> None:
    with pytest.raises(InputError) as raised:
        plan_inspection(cra, date(2011, 4, 29))
    (problem,) = raised.value.problems
    assert "Wedding of William and Catherine" in problem
    assert "2011-04-29" in problem
    assert "next working day is 2011-05-03" in problem  # Tuesday, after the May Day holiday


def test_a_start_at_a_weekend_or_on_a_closure_day_is_refused(cra: Regime) -> None:
    with pytest.raises(InputError, match="is a Saturday"):
        plan_inspection(cra, date(2011, 10, 15))
    with pytest.raises(InputError, match="is a closure day"):
        plan_inspection(cra, CRA_START, WorkingCalendar([CRA_START]))


def test_a_start_that_breaks_a_normally_rule_is_a_warning(
    make_regime: Callable[..., Regime],
) -> None:
    rule = StartRule(weekday="Monday", strength="normally", text="normally a Monday", source="s3")
    regime = make_regime(span("notified", 1), start_rule=rule)
    assert plan_inspection(regime, date(2012, 6, 11)).warnings == ()
    (warning,) = plan_inspection(regime, date(2012, 6, 12)).warnings
    assert "normally a Monday" in warning
    assert "2012-06-12 is a Tuesday" in warning
    assert "s3" in warning


def test_a_start_that_breaks_a_must_rule_is_refused(make_regime: Callable[..., Regime]) -> None:
    rule = StartRule(weekday="Monday", strength="must", text="must be a Monday", source="s")
    regime = make_regime(span("notified", 1), start_rule=rule)
    with pytest.raises(InputError, match="must a Monday, but 2012-06-13 is a Wednesday"):
        plan_inspection(regime, date(2012, 6, 13))


def test_installed_child_protection_2012_warns_when_not_started_on_a_monday() -> None:
    cp = installed_regime("child_protection_2012")
    assert not [w for w in plan_inspection(cp, date(2012, 6, 11)).warnings if "Monday" in w]
    assert [w for w in plan_inspection(cp, date(2012, 6, 13)).warnings if "Monday" in w]


# -- deadlines ---------------------------------------------------------------------


def test_a_deadline_counts_from_the_end_of_the_milestone_it_follows(
    make_regime: Callable[..., Regime],
) -> None:
    regime = make_regime(
        span("visit", 2, 4),
        span("letter", 6, deadline=deadline(3, "visit")),
    )
    plan = plan_inspection(regime, date(2011, 10, 17))
    assert plan.milestone("visit").last == date(2011, 10, 20)
    assert plan.milestone("letter").due == date(2011, 10, 25)  # Thu + 3 working days


def test_a_milestone_with_only_a_deadline_occupies_its_due_day(
    make_regime: Callable[..., Regime], cra: Regime
) -> None:
    only_deadline = Milestone(
        id="report", title="Report", actor="Ofsted", source="t", deadline=deadline(2, "visit")
    )
    regime = make_regime(span("visit", 1, 2), only_deadline)
    planned = plan_inspection(regime, date(2011, 10, 17)).milestone("report")
    assert planned.first == planned.last == planned.due == date(2011, 10, 20)


def test_calendar_day_deadlines_are_brought_back_to_a_working_day(
    make_regime: Callable[..., Regime],
) -> None:
    regime = make_regime(
        span("notified", 1),
        span("ends", 10, deadline=deadline(13, "notified", unit="calendar days")),
    )
    # Monday 11 June 2012 + 13 days is Sunday 24 June: due Friday 22 June, which is day 10.
    plan = plan_inspection(regime, date(2012, 6, 11))
    assert plan.milestone("ends").due == date(2012, 6, 22)
    assert plan.warnings == ()
    # From Monday 28 May 2012 the jubilee holidays take two working days out of the fortnight.
    plan = plan_inspection(regime, date(2012, 5, 28))
    assert plan.milestone("ends").due == date(2012, 6, 8)
    assert plan.milestone("ends").last == date(2012, 6, 12)
    (warning,) = plan.warnings
    assert "falls on 2012-06-08, before day 10 (2012-06-12)" in warning


def test_closure_days_move_every_later_date(cra: Regime) -> None:
    closure = date(2011, 10, 24)  # the Monday after the site visit
    plan = plan_inspection(cra, CRA_START, WorkingCalendar([closure]))
    assert plan.milestone("publication").due == date(2011, 11, 17)
    assert plan.milestone("site_visit").last == date(2011, 10, 19)
    assert plan.closures == (closure,)


def test_a_plan_running_past_the_supported_years_is_refused(cra: Regime) -> None:
    with pytest.raises(InputError, match=r"cra_2010 from 2035-12-19: .*year 2036"):
        plan_inspection(cra, date(2035, 12, 19))


def _all_regimes(extra: list[Regime]) -> list[Regime]:
    return get_host().regime_models() + extra


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    start=st.dates(date(2009, 1, 5), date(2034, 12, 31)),
    closures=st.lists(st.dates(date(2009, 1, 1), date(2035, 6, 30)), max_size=8),
    region=st.sampled_from(["ENG", "WLS"]),
)
def test_no_date_ever_falls_on_a_weekend_or_a_bank_holiday(
    table_one: Regime,
    make_regime: Callable[..., Regime],
    start: date,
    closures: list[date],
    region: str,
) -> None:
    calendar = WorkingCalendar(closures, region=region)
    start = calendar.working_day_on_or_before(start)
    fortnight = make_regime(
        span("notified", 1),
        span("ends", 10, deadline=deadline(13, "notified", unit="calendar days")),
        span("report", 12, deadline=deadline(1, "ends", unit="calendar days")),
        regime_id="fortnight",
    )
    for regime in _all_regimes([table_one, fortnight]):
        plan = plan_inspection(regime, start, calendar)
        for planned in plan.milestones:
            for day in (planned.first, planned.last, planned.due):
                if day is not None:
                    assert calendar.is_working_day(day), (regime.id, planned.id, day)
                    assert day.weekday() < 5 and calendar.holiday_name(day) is None
            if planned.due is not None:
                after = plan.milestone(planned.milestone.deadline.after)  # type: ignore[union-attr]
                assert planned.due >= after.last


# -- plugin hook -------------------------------------------------------------------


class _PlanChecker:
    """A plugin extending ``test_regime`` (registered by no plugin): its hooks serve it."""

    @hookimpl
    def inspectkit_extended_regimes(self) -> list[str]:
        return ["test_regime"]

    @hookimpl
    def inspectkit_check_plan(self, regime: Regime, plan: Any) -> list[str]:
        return [f"checked {regime.id}: {len(plan.milestones)} milestones"]


@pytest.fixture
def plan_checker() -> Iterator[None]:
    host = get_host()
    checker = _PlanChecker()
    assert host.add_plugin(checker, PluginInfo(name="test-plan-checker"))
    yield
    host.remove_plugin("test-plan-checker")


def test_plugin_check_plan_warnings_come_after_the_data_warnings(
    make_regime: Callable[..., Regime], plan_checker: None
) -> None:
    rule = StartRule(weekday="Monday", text="normally a Monday", source="s")
    regime = make_regime(span("notified", 1), span("visit", 2, 3), start_rule=rule)
    plan = plan_inspection(regime, date(2012, 6, 12), host=get_host())
    assert len(plan.warnings) == 2
    assert "Tuesday" in plan.warnings[0]
    assert plan.warnings[1] == "checked test_regime: 2 milestones"
    # without a host, only the regime's own rules speak
    assert len(plan_inspection(regime, date(2012, 6, 12)).warnings) == 1


# -- plain data ---------------------------------------------------------------------


def test_plan_data_is_iso_and_round_trips(cra: Regime) -> None:
    plan = plan_inspection(cra, CRA_START, WorkingCalendar([date(2011, 11, 1)], region="WLS"))
    data = plan_to_data(plan)
    assert data["start"] == "2011-10-17"
    assert data["region"] == "WLS"
    assert data["closures"] == ["2011-11-01"]
    publication = data["milestones"][-1]
    assert publication["id"] == "publication"
    assert publication["due"] == "2011-11-17"
    assert publication["deadline"]["text"] == "within 20 working days of the end of the site visit"
    assert publication["source"] == cra.timeline.milestone("publication").source  # type: ignore[union-attr]
    assert plan_from_data(cra, data) == plan


def test_plan_from_data_reports_every_problem_of_shape(cra: Regime) -> None:
    data = plan_to_data(plan_inspection(cra, CRA_START))
    data["start"] = "17/10/2011"
    data["milestones"][1]["last"] = 20111001
    data["warnings"] = "one line"  # a string where a list belongs is not a list of letters
    data["milestones"][0]["dayz"] = 3
    with pytest.raises(InputError) as raised:
        plan_from_data(cra, data, where="plan.json")
    assert sorted(raised.value.problems) == [
        "plan.json: milestones[0]: unknown key(s) dayz",
        "plan.json: milestones[1].last: expected a YYYY-MM-DD date, got 20111001",
        "plan.json: start: expected a YYYY-MM-DD date, got '17/10/2011'",
        "plan.json: warnings: expected a list [...], got str 'one line'",
    ]


def test_plan_from_data_reports_every_problem_of_meaning(cra: Regime) -> None:
    """Once its shape is right, what the plan says is checked against the regime."""
    data = plan_to_data(plan_inspection(cra, CRA_START))
    data["milestones"][0]["id"] = "no_such_milestone"
    data["milestones"][1]["last"] = "2011-10-01"
    with pytest.raises(InputError) as raised:
        plan_from_data(cra, data, where="plan.json")
    first = data["milestones"][1]["first"]
    assert raised.value.problems == [
        "plan.json: milestones[0].id: 'no_such_milestone' is not a milestone of cra_2010",
        f"plan.json: milestones[1]: last 2011-10-01 is before first {first}",
    ]


def test_plan_from_data_refuses_another_regimes_plan(cra: Regime, table_one: Regime) -> None:
    data = plan_to_data(plan_inspection(table_one, CRA_START))
    with pytest.raises(InputError, match="the plan is for 'table_one', not 'cra_2010'"):
        plan_from_data(cra, data)


def test_plan_milestone_names_the_known_ids(cra: Regime) -> None:
    plan: Plan = plan_inspection(cra, CRA_START)
    with pytest.raises(KeyError, match="site_visit"):
        plan.milestone("nope")
    assert plan.end == date(2011, 11, 16)
