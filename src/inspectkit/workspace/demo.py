"""Build the example workspaces behind ``inspectkit demo``: every step of the main job.

For each installed regime: a synthetic council's workspace (``init``), a fake
case list, the dated plan (JSON, iCalendar, CSV), the seeded sample, example
findings or grades, and every document.  Regimes without built-in example data
get the starter file and a generic report, so a new plugin shows up too.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

from inspectkit.plugins import RegisteredRegime, get_host

if TYPE_CHECKING:
    from inspectkit.timeline import Plan

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def fallback_start(registered: RegisteredRegime) -> date:
    """For a regime without examples: the first working day from 1 March of its year that
    keeps its start rule (the weekday day 1 falls on), so its plan raises no warning."""
    from datetime import timedelta

    from inspectkit.calendar import WorkingCalendar

    regime = registered.regime
    rule = regime.timeline.start_rule
    wanted = _WEEKDAYS.index(rule.weekday) if rule and rule.weekday else None
    calendar = WorkingCalendar()
    day = date(max(regime.year, 2009), 3, 1)
    while not calendar.is_working_day(day) or (wanted is not None and day.weekday() != wanted):
        day += timedelta(days=1)
    return day


@frozen(kw_only=True)
class DemoResult:
    name: str
    regime_id: str
    council: str
    description: str
    directory: Path
    files: tuple[Path, ...]
    outcome: str
    warnings: tuple[str, ...] = ()


@frozen(kw_only=True)
class _Plan:
    name: str
    registered: RegisteredRegime
    council: str
    start: date
    body: str | None
    team: tuple[str, ...] | None
    description: str
    rows: int
    seed: int


def _planned() -> Iterator[_Plan]:
    from inspectkit.examples import examples_for

    for registered in get_host().sorted_regimes():
        regime = registered.regime
        examples = examples_for(regime.id)
        for example in examples:
            yield _Plan(
                name=example.name,
                registered=registered,
                council=example.council,
                start=example.start,
                body=example.body(),
                team=example.team(),
                description=example.description,
                rows=example.caselist_rows,
                seed=example.seed,
            )
        if not examples:
            yield _Plan(
                name=regime.id,
                registered=registered,
                council="Example Council",
                start=fallback_start(registered),
                body=None,
                team=None,
                description="no built-in example data: starter file, nothing recorded",
                rows=400,
                seed=regime.year,
            )


def build_demo(out: Path) -> list[DemoResult]:
    """Write every example workspace under ``out``."""
    return [_build(plan, Path(out) / plan.name) for plan in _planned()]


def _build(plan: _Plan, directory: Path) -> DemoResult:
    from inspectkit.caselist import read_case_list
    from inspectkit.caselist.fake import write_fake_case_list
    from inspectkit.documents import render_workspace
    from inspectkit.judgements import apply_limiting_rules
    from inspectkit.sampling import draw_sample, write_sample
    from inspectkit.workspace import load_workspace
    from inspectkit.workspace.init import init_workspace

    regime = plan.registered.regime
    created = init_workspace(
        directory, regime, plan.council, plan.start, body=plan.body, team=plan.team, force=True
    )
    files = list(created.written)
    workspace = load_workspace(directory)
    timeline = workspace.plan()
    files += _plan_outputs(timeline, directory, f"{regime.short_title}: {plan.council}")
    caselist = write_fake_case_list(directory / "caselist.csv", plan.rows, plan.seed, plan.start)
    cases = read_case_list(caselist, regime, strict=False)
    record = draw_sample(regime, cases, seed=plan.seed, on=plan.start)
    sample = write_sample(record, directory / "sample.csv")
    files += [caselist, sample, sample.with_suffix(".json")]
    rendered = render_workspace(directory)
    files += list(rendered.documents)
    outcomes = apply_limiting_rules(regime, workspace.inspection)
    fired = [o for o in outcomes if o.fired]
    chosen = regime.report.chosen_statements(workspace.inspection.recorded_levels())
    summary = (
        f"{len(record.drawn)} cases sampled; {len(fired)} of {len(outcomes)} limiting rules fired"
    )
    if "outcome" in chosen:
        summary += f"; outcome: {chosen['outcome'].id}"
    return DemoResult(
        name=plan.name,
        regime_id=regime.id,
        council=plan.council,
        description=plan.description,
        directory=directory,
        files=tuple(files),
        outcome=summary,
        warnings=tuple(rendered.warnings) + tuple(record.shortfalls),
    )


def _plan_outputs(plan: Plan, directory: Path, title: str) -> list[Path]:
    """plan.ics and plan.csv beside plan.json, when those writers are installed."""
    written: list[Path] = []
    try:
        from inspectkit.plan_ics import write_plan_ics
    except ImportError:
        pass
    else:
        written.append(write_plan_ics(plan, directory / "plan.ics", title=title))
    try:
        from inspectkit.plan_csv import write_plan_csv
    except ImportError:
        pass
    else:
        written.append(write_plan_csv(plan, directory / "plan.csv"))
    return written
