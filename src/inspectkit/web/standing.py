"""Where an inspection stands: the regime's own timeline as steps, each with its deadline
from the plan, the day the team recorded it done, and whether it is overdue.

A step's deadline is its milestone's deadline where the regime gives one (cra_2010's
"within 15 working days"), else the last day of its span.  A step not done by its
deadline is overdue; the home page orders an inspector's inspections by their next
deadline not yet done.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Literal

from attrs import frozen

from inspectkit.plugins import get_host
from inspectkit.timeline import Plan
from inspectkit.web.models import Inspection as Record
from inspectkit.web.store.records import plan_of

State = Literal["done", "overdue", "today", "to come"]


@frozen(kw_only=True)
class Step:
    id: str
    title: str
    actor: str
    deadline: date
    done: date | None
    state: State
    source: str


def steps(plan: Plan, done: Mapping[str, date], today: date) -> list[Step]:
    """Every planned milestone as a step, in the plan's order."""
    found = []
    for planned in plan.milestones:
        deadline = planned.due or planned.last
        finished = done.get(planned.id)
        state: State
        if finished is not None:
            state = "done"
        elif deadline < today:
            state = "overdue"
        elif deadline == today:
            state = "today"
        else:
            state = "to come"
        found.append(
            Step(
                id=planned.id,
                title=planned.milestone.title,
                actor=planned.milestone.actor,
                deadline=deadline,
                done=finished,
                state=state,
                source=planned.milestone.source,
            )
        )
    return found


def next_step(plan: Plan, done: Mapping[str, date], today: date) -> Step | None:
    """The step with the earliest deadline not yet done (None when all are done)."""
    waiting = [s for s in steps(plan, done, today) if s.state != "done"]
    return min(waiting, key=lambda s: s.deadline, default=None)


def by_next_deadline(records: Iterable[Record], today: date) -> list[tuple[Record, Step | None]]:
    """Inspections with their next step, soonest deadline first (all done, or a regime no
    longer installed: last)."""
    host = get_host()
    found: list[tuple[Record, Step | None]] = []
    for record in records:
        registered = host.regimes.get(record.regime)
        if registered is None:
            found.append((record, None))
            continue
        done = {key: date.fromisoformat(day) for key, day in record.done.items()}
        found.append((record, next_step(plan_of(record, registered.regime), done, today)))
    return sorted(found, key=lambda pair: (pair[1] is None, pair[1].deadline if pair[1] else today))
