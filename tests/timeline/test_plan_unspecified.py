"""Milestones the sources name but do not date: "not specified", a value of its own.

Council briefing 2012 bounds the 2012 child protection inspection ("contained within a two-week
period") but dates neither the day it ends nor the report. A regime declares such a
milestone with ``unspecified = "not specified: ..."``; the plan dates it nowhere, every
plan output says "not specified", documents leave the date for the inspector to enter
(``[dates]`` in inspection.toml) and ``inspectkit check`` says so.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from tests.cli_run import installed_regime, run_main
from timeline_helpers import deadline, span

from inspectkit.model import Milestone
from inspectkit.plan_csv import plan_csv_text
from inspectkit.plan_record import plan_from_data, plan_to_data
from inspectkit.timeline import plan_inspection

CP_START = date(2012, 6, 11)


def undated(milestone_id: str, **extra: object) -> Milestone:
    return Milestone(
        id=milestone_id,
        title=milestone_id.replace("_", " "),
        actor="Test actor",
        source="test",
        unspecified="Not specified: the test source gives no date.",
        **extra,  # type: ignore[arg-type]
    )


def test_an_undated_milestone_must_say_not_specified_and_carry_no_days() -> None:
    with pytest.raises(ValueError, match="must say 'not specified'"):
        Milestone(id="x", title="x", actor="a", source="s", unspecified="some day")
    with pytest.raises(ValueError, match="has no days and no deadline"):
        undated("x", days=span("y", 1).days)
    with pytest.raises(ValueError, match="unspecified"):
        Milestone(id="x", title="x", actor="a", source="s")  # neither days nor deadline


def test_the_plan_dates_it_nowhere_and_keeps_it(make_regime) -> None:
    regime = make_regime(span("visit", 1, 2), undated("report"))
    plan = plan_inspection(regime, date(2011, 10, 17))
    assert [p.id for p in plan.milestones] == ["visit"]
    assert [m.id for m in plan.unspecified] == ["report"]
    assert plan.end == date(2011, 10, 18)  # nothing invented after the last dated day
    data = plan_to_data(plan)
    assert data["not_specified"][0]["id"] == "report"
    assert "Not specified" in data["not_specified"][0]["unspecified"]
    again = plan_from_data(regime, json.loads(json.dumps(data)))
    assert again.unspecified == plan.unspecified


def test_no_deadline_counts_from_an_undated_milestone(make_regime) -> None:
    from inspectkit.conformance import check_regime

    regime = make_regime(
        span("visit", 1), undated("report"), span("after", 3, deadline=deadline(2, "report"))
    )
    problems = [str(p) for p in check_regime(regime)]
    assert any("counts from 'report', whose date is not specified" in p for p in problems)


def test_child_protection_plan_outputs_say_not_specified(capsys) -> None:
    regime = installed_regime("child_protection_2012")
    plan = plan_inspection(regime, CP_START)
    assert [m.id for m in plan.unspecified] == ["inspection_ends", "report_published"]
    rows = plan_csv_text(plan).splitlines()
    report = next(r for r in rows if ",report_published," in r)
    assert ',,,,,,,,"Not specified: no source available' in report
    status, out, _ = run_main(
        capsys, "plan", "--regime", "child_protection_2012", "--start", "2012-06-11"
    )
    assert status == 0
    assert out.count("not specified") >= 2
