"""Milestones on one axis: each regime's working-day count, and real dates from one start.

The sources count in working days from each regime's own day 1, so without a
start date the comparison lines the regimes up on that count; with ``--start``
every regime is dated from the same day (through :mod:`inspectkit.timeline`) so
a reader sees the calendar each would have produced.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from inspectkit.compare.model import TimelineEntry
from inspectkit.dates import format_date
from inspectkit.model import Regime

if TYPE_CHECKING:
    from inspectkit.timeline import Plan


def timeline_entries(regime: Regime, plan: Plan | None = None) -> list[TimelineEntry]:
    """Every milestone with its working-day numbers and, given a plan, its dates.

    A milestone known only by a deadline in working days sits on the day the
    deadline falls (the end of the milestone it counts from, plus ``within``);
    one in calendar days has no working-day number.
    """
    last_days: dict[str, int | None] = {}
    entries: list[TimelineEntry] = []
    for milestone in regime.timeline.milestones:
        first_day: int | None = None
        last_day: int | None = None
        if milestone.days is not None:
            first_day, last_day = milestone.days.first, milestone.days.last
        elif milestone.deadline is not None and milestone.deadline.unit == "working days":
            after = last_days.get(milestone.deadline.after)
            if after is not None:
                first_day = last_day = after + milestone.deadline.within
        last_days[milestone.id] = last_day
        first = last = due = None
        if plan is not None and milestone.specified:  # an undated milestone stays undated
            planned = plan.milestone(milestone.id)
            first, last, due = planned.first, planned.last, planned.due
        entries.append(
            TimelineEntry(
                regime_id=regime.id,
                milestone_id=milestone.id,
                title=milestone.title,
                actor=milestone.actor,
                source=milestone.source,
                first_day=first_day,
                last_day=last_day,
                deadline=milestone.deadline.text if milestone.deadline else milestone.unspecified,
                note=milestone.note,
                first=first,
                last=last,
                due=due,
            )
        )
    return entries


def day_label(entry: TimelineEntry) -> str:
    """``day 2``, ``days 2–3``, or ``day not specified`` (a calendar-day deadline, or a
    milestone the sources do not date)."""
    if entry.first_day is None or entry.last_day is None:
        return "day not specified"
    if entry.first_day == entry.last_day:
        return f"day {entry.first_day}"
    return f"days {entry.first_day}–{entry.last_day}"


def short_date(day: date) -> str:
    """``16 November 2011``."""
    return format_date(day)


def span_label(first: date, last: date) -> str:
    """One date, or ``18 October 2011 – 19 October 2011``."""
    return short_date(first) if first == last else f"{short_date(first)} – {short_date(last)}"


def axis_bounds(entries: Sequence[TimelineEntry]) -> tuple[int, int]:
    """The working-day range the chart must show (at least day 1 to day 1)."""
    days = [d for e in entries for d in (e.first_day, e.last_day) if d is not None]
    return 1, max(days, default=1)
