"""Fixtures for the planning tests: installed regimes, and regimes built in the test.

A test regime reuses the installed cra_2010 regime for everything except its id
and timeline, so each test states exactly the timeline it exercises.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest
from timeline_helpers import deadline, installed_regime, span

from inspectkit.model import Milestone, Regime, StartRule, Timeline


@pytest.fixture
def cra() -> Regime:
    return installed_regime("cra_2010")


@pytest.fixture
def make_regime(cra: Regime) -> Callable[..., Regime]:
    """Build a regime with the given milestones (and optional start rule)."""

    def make(
        *milestones: Milestone, regime_id: str = "test_regime", start_rule: StartRule | None = None
    ) -> Regime:
        timeline = Timeline(
            anchor="Day 1: the test anchor",
            source="test",
            milestones=tuple(milestones),
            start_rule=start_rule,
        )
        return attrs.evolve(cra, id=regime_id, timeline=timeline)

    return make


@pytest.fixture
def table_one(make_regime: Callable[..., Regime]) -> Regime:
    """The 40-day timetable of 090027 §60 Table 1 (slac_2009), built in the test."""
    return make_regime(
        span("notification", 1),
        span("set_up_call", 2),
        span("case_list", 4),
        span("set_up_meeting", 5),
        span("initial_case_audit", 6, 10),
        span("fieldwork", 11, 19),
        span("end_of_inspection", 20),
        span("draft_report", 21, 25, deadline=deadline(5, "end_of_inspection")),
        span("factual_accuracy_check", 26, 30, deadline=deadline(10, "end_of_inspection")),
        span("final_report", 35, deadline=deadline(15, "end_of_inspection")),
        span("publication", 40, deadline=deadline(20, "end_of_inspection")),
        regime_id="table_one",
    )
