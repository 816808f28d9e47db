"""A plan saved as data (``plan.json``, the web store's plan column), and read back.

The saved form keeps each milestone's wording and source beside its dates, so a
plan file can be read on its own; when it is read back, the milestones come from
the regime (the authority) and only the dates, start, region, closures and
warnings come from the file.  A saved plan made for another regime, or naming a
milestone the regime does not have, is refused.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from attrs import frozen

from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.model.timeline import DaySpan, Deadline
from inspectkit.record_converter import from_data, to_data
from inspectkit.timeline import Plan, PlannedMilestone, unspecified_milestones

EXPECTED = (
    "a saved plan: a JSON object with regime_id, start and milestones, "
    "as `inspectkit init` writes it"
)


@frozen(kw_only=True)
class SavedMilestone:
    """One dated milestone, with the regime's wording of it."""

    id: str
    title: str = ""
    actor: str = ""
    days: DaySpan | None = None
    first: date
    last: date
    due: date | None = None
    deadline: Deadline | None = None
    source: str = ""
    note: str = ""


@frozen(kw_only=True)
class SavedUnspecified:
    """A milestone the sources name but give no date ("not specified")."""

    id: str
    title: str = ""
    actor: str = ""
    unspecified: str = ""
    source: str = ""
    note: str = ""


@frozen(kw_only=True)
class SavedPlan:
    """The file's shape, in the order its keys are written."""

    regime_id: str
    regime_version: str = ""
    start: date
    region: str = "ENG"
    closures: tuple[date, ...] = ()
    warnings: tuple[str, ...] = ()
    milestones: tuple[SavedMilestone, ...]
    not_specified: tuple[SavedUnspecified, ...] = ()


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-ready data: ISO dates, each milestone with its wording and source."""
    return to_data(
        SavedPlan(
            regime_id=plan.regime_id,
            regime_version=plan.regime_version,
            start=plan.start,
            region=plan.region,
            closures=plan.closures,
            warnings=plan.warnings,
            milestones=tuple(
                SavedMilestone(
                    id=p.milestone.id,
                    title=p.milestone.title,
                    actor=p.milestone.actor,
                    days=p.milestone.days,
                    first=p.first,
                    last=p.last,
                    due=p.due,
                    deadline=p.milestone.deadline,
                    source=p.milestone.source,
                    note=p.milestone.note,
                )
                for p in plan.milestones
            ),
            not_specified=tuple(
                SavedUnspecified(
                    id=m.id,
                    title=m.title,
                    actor=m.actor,
                    unspecified=m.unspecified,
                    source=m.source,
                    note=m.note,
                )
                for m in plan.unspecified
            ),
        )
    )


def plan_from_data(regime: Regime, data: object, *, where: str = "plan") -> Plan:
    """A plan saved by :func:`plan_to_data`, checked against ``regime``.

    ``data`` is whatever the JSON held.  Every problem of its shape is reported (as
    ``where: key.path: problem``) in one InputError; then every problem of its
    meaning (another regime's plan, an unknown milestone, dates running backwards).
    """
    saved = from_data(SavedPlan, data, where, EXPECTED)
    problems: list[str] = []
    if saved.regime_id != regime.id:
        problems.append(
            f"{where}: regime_id: the plan is for {saved.regime_id!r}, not {regime.id!r}"
        )
    milestones: list[PlannedMilestone] = []
    for index, row in enumerate(saved.milestones):
        milestone = regime.timeline.milestone(row.id)
        if milestone is None:
            problems.append(
                f"{where}: milestones[{index}].id: {row.id!r} is not a milestone of {regime.id}"
            )
        elif row.last < row.first:
            problems.append(
                f"{where}: milestones[{index}]: last {row.last} is before first {row.first}"
            )
        else:
            milestones.append(
                PlannedMilestone(milestone=milestone, first=row.first, last=row.last, due=row.due)
            )
    if problems:
        raise InputError(problems)
    return Plan(
        regime_id=regime.id,
        regime_version=saved.regime_version or regime.version,
        start=saved.start,
        milestones=tuple(milestones),
        warnings=saved.warnings,
        region=saved.region,
        closures=saved.closures,
        unspecified=unspecified_milestones(regime),  # a saved plan cannot date them
    )


__all__ = ["SavedPlan", "plan_from_data", "plan_to_data"]
