"""A regime's timeline resolved to real dates from its day one.

The sources count in working days from an anchor ("day 1: notification"), and
state deadlines as "within N working days of the end of the site visit".  This
module turns both into dates with a :class:`WorkingCalendar`:

* day N of the count is the start plus N−1 working days (day 1 is the start,
  which must itself be a working day);
* a deadline is ``within`` working days after the *last* day of the milestone it
  counts from; a deadline in calendar days that lands on a non-working day is
  brought back to the working day before it, since "within" means "by".

The result is a frozen :class:`Plan` that outputs (table, JSON, CSV, iCalendar),
the compare command and inspection workspaces all read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from inspectkit.calendar import WorkingCalendar
from inspectkit.dates import format_day
from inspectkit.errors import InputError
from inspectkit.model import Milestone, Regime

if TYPE_CHECKING:
    from inspectkit.plugins import PluginHost

__all__ = [
    "Plan",
    "PlannedMilestone",
    "plan_inspection",
    "plan_many",
    "unspecified_milestones",
]

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@frozen(kw_only=True)
class PlannedMilestone:
    """One milestone with its dates: ``first``..``last``, and ``due`` if it has a deadline.

    A milestone known only by its deadline occupies the single day it is due.
    """

    milestone: Milestone
    first: date
    last: date
    due: date | None = None

    @property
    def id(self) -> str:
        return self.milestone.id


@frozen(kw_only=True)
class Plan:
    """Every milestone of one regime dated from one start, with any warnings about it."""

    regime_id: str
    regime_version: str
    start: date
    milestones: tuple[PlannedMilestone, ...]
    warnings: tuple[str, ...] = ()
    region: str = "ENG"
    closures: tuple[date, ...] = ()
    # milestones the sources name but give no date ("not specified"), in the regime's order
    unspecified: tuple[Milestone, ...] = ()

    def milestone(self, milestone_id: str) -> PlannedMilestone:
        """The planned milestone ``milestone_id`` (KeyError naming the known ids if absent)."""
        for planned in self.milestones:
            if planned.milestone.id == milestone_id:
                return planned
        known = ", ".join(p.milestone.id for p in self.milestones)
        raise KeyError(f"{self.regime_id} has no milestone {milestone_id!r} (it has: {known})")

    @property
    def end(self) -> date:
        """The last date in the plan (a span's end or a deadline, whichever is later)."""
        return max((max(p.last, p.due or p.last) for p in self.milestones), default=self.start)


# -- resolving -------------------------------------------------------------------


def plan_inspection(
    regime: Regime,
    start: date,
    calendar: WorkingCalendar | None = None,
    *,
    host: PluginHost | None = None,
) -> Plan:
    """Date every milestone of ``regime`` with ``start`` as day 1.

    Raises InputError when the start is not a working day (naming the bank
    holiday or weekend), breaks a ``must`` start rule, or the plan runs outside
    the calendar's supported years.  A broken ``normally`` start rule, and
    anything the ``inspectkit_check_plan`` hooks of ``host`` report, become
    warnings.  The host is passed in, never fetched, so this stays a function of
    its arguments; without one only the regime's own rules apply.
    """
    calendar = calendar or WorkingCalendar()
    _check_start_is_working_day(regime, start, calendar)
    warnings = list(_start_rule_warnings(regime, start))
    try:
        milestones = _resolve(regime, start, calendar, warnings)
    except InputError as exc:
        raise InputError(
            [f"{regime.id} from {start.isoformat()}: {problem}" for problem in exc.problems]
        ) from None
    plan = Plan(
        regime_id=regime.id,
        regime_version=regime.version,
        start=start,
        milestones=milestones,
        warnings=tuple(warnings),
        region=calendar.region,
        closures=tuple(sorted(calendar.closures)),
        unspecified=unspecified_milestones(regime),
    )
    extra = host.check_plan(regime, plan) if host is not None else ()
    return attrs.evolve(plan, warnings=plan.warnings + tuple(extra)) if extra else plan


def plan_many(
    regimes: Sequence[Regime],
    start: date,
    calendar: WorkingCalendar | None = None,
    *,
    host: PluginHost | None = None,
) -> list[Plan]:
    """Several regimes laid out from the same start (for comparing them), in the order given."""
    calendar = calendar or WorkingCalendar()
    return [plan_inspection(regime, start, calendar, host=host) for regime in regimes]


def _check_start_is_working_day(regime: Regime, start: date, calendar: WorkingCalendar) -> None:
    reason = calendar.non_working_reason(start)
    if reason is None:
        return

    following = calendar.add_working_days(start, 1)
    raise InputError.single(
        f"{regime.id}: the start {start.isoformat()} ({format_day(start)}) is {reason}, "
        f"but day 1 ({regime.timeline.anchor}) must be a working day; "
        f"the next working day is {following.isoformat()} ({format_day(following)})"
    )


def _start_rule_warnings(regime: Regime, start: date) -> list[str]:
    rule = regime.timeline.start_rule
    if rule is None or rule.weekday is None:
        return []
    actual = _WEEKDAYS[start.weekday()]
    if actual == rule.weekday:
        return []
    wording = f'"{rule.text}"' if rule.text else ""
    cited = ", ".join(part for part in (rule.source, wording) if part)
    message = (
        f"{regime.id}: day 1 is {rule.strength} a {rule.weekday}, but "
        f"{start.isoformat()} is a {actual}{f' ({cited})' if cited else ''}"
    )
    if rule.strength == "must":
        raise InputError.single(message)
    return [message]


def unspecified_milestones(regime: Regime) -> tuple[Milestone, ...]:
    """Milestones the sources name but give no date, in the regime's order."""
    return tuple(m for m in regime.timeline.milestones if not m.specified)


def _resolve(
    regime: Regime, start: date, calendar: WorkingCalendar, warnings: list[str]
) -> tuple[PlannedMilestone, ...]:
    resolved: dict[str, PlannedMilestone] = {}
    for milestone in regime.timeline.milestones:
        if not milestone.specified:
            continue  # no date to give: the plan lists it in ``unspecified``
        first: date | None = None
        last: date | None = None
        due: date | None = None
        if milestone.days is not None:
            first = calendar.add_working_days(start, milestone.days.first - 1)
            last = calendar.add_working_days(start, milestone.days.last - 1)
        if milestone.deadline is not None:
            due = _due_date(milestone, resolved, calendar)
            if last is not None and due < last:
                warnings.append(
                    f"{regime.id}: {milestone.id}: the deadline as the source states it "
                    f"({milestone.deadline.text}) falls on {due.isoformat()}, before day "
                    f"{milestone.days.last if milestone.days else '?'} ({last.isoformat()}); "
                    "non-working days leave fewer working days than the day count assumes"
                )
        first = first or due
        last = last or due
        assert first is not None and last is not None  # the model requires days or a deadline
        resolved[milestone.id] = PlannedMilestone(
            milestone=milestone, first=first, last=last, due=due
        )
    return tuple(resolved.values())


def _due_date(
    milestone: Milestone, resolved: Mapping[str, PlannedMilestone], calendar: WorkingCalendar
) -> date:
    deadline = milestone.deadline
    assert deadline is not None
    after = resolved.get(deadline.after)
    if after is None:
        raise InputError.single(
            f"milestone {milestone.id!r}: its deadline counts from {deadline.after!r}, "
            "which is not an earlier dated milestone of this timeline"
        )
    if deadline.unit == "calendar days":
        return calendar.working_day_on_or_before(after.last + timedelta(days=deadline.within))
    return calendar.add_working_days(after.last, deadline.within)
