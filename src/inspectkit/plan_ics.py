"""A resolved plan as an iCalendar file that Outlook and Google Calendar import.

One all-day event per milestone; a milestone lasting several days is a single span
(``DTEND`` is the day after the last day, as RFC 5545 makes all-day ends exclusive).
Each event's summary is short and says whose inspection it is ("CRA · Site visit ·
Sunderland City Council"); days inspectors are on site show as busy (``OPAQUE``), the
rest as free.  Each deadline is also an all-day event of its own on the day it falls
due, with a reminder the day before.  UIDs are built from the inspection's id and the
milestone, never from the start date: importing a re-made plan of the same inspection
(a closure day added, the start moved) updates its events in place, and two
inspections never share one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import icalendar

from inspectkit.bibliography import Entry, cited_keys
from inspectkit.dates import format_day
from inspectkit.files import write_bytes_atomic
from inspectkit.identity import inspection_id
from inspectkit.timeline import Plan, PlannedMilestone

if TYPE_CHECKING:
    from icalendar import Event

PRODUCT_ID = "-//inspectkit//inspection plan//EN"
SEPARATOR = " · "
REMINDER = timedelta(days=-1)  # the day before a deadline


def event_uid(identity: str, planned: PlannedMilestone, *, due: bool = False) -> str:
    """Stable across re-plans of the inspection ``identity``; ``due`` for the deadline event."""
    return f"{identity}-{planned.milestone.id}{'-due' if due else ''}@inspectkit"


def plan_to_ical(
    plan: Plan,
    *,
    title: str,
    council: str = "",
    identity: str = "",
    sources: Sequence[Entry] = (),
    stamp: datetime | None = None,
) -> bytes:
    """The plan as iCalendar bytes.

    ``title`` names the regime in every summary (its abbreviation, "CRA"), ``council``
    the council inspected; ``identity`` is the inspection's id (default: from the
    regime, the council and the year, :func:`inspection_id`).  ``sources`` (the
    regime's bibliography) spell out each event's citation.  ``stamp`` (DTSTAMP,
    default now) tells calendar clients which copy is newer.
    """
    identity = identity or inspection_id(plan.regime_id, council, plan.start)
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = SEPARATOR.join(part for part in (title, council) if part)
    calendar.add("x-wr-calname", f"{name}: plan from {plan.start.isoformat()}")
    for planned in plan.milestones:
        milestone = planned.milestone
        event = icalendar.Event()
        event.add("uid", event_uid(identity, planned))
        event.add("dtstamp", stamp)
        event.add("summary", _summary(title, milestone.label, council))
        event.add("dtstart", planned.first)
        event.add("dtend", planned.last + timedelta(days=1))
        event.add("transp", "OPAQUE" if milestone.on_site else "TRANSPARENT")
        event.add("description", _description(planned, council, sources))
        event.add("categories", [plan.regime_id])
        calendar.add_component(event)
        if planned.due is not None and milestone.deadline is not None:
            calendar.add_component(
                _deadline_event(identity, planned, title, council, stamp, sources)
            )
    data: bytes = calendar.to_ical()
    return data


def _summary(title: str, what: str, council: str) -> str:
    return SEPARATOR.join(part for part in (title, what, council) if part)


def _deadline_event(
    identity: str,
    planned: PlannedMilestone,
    title: str,
    council: str,
    stamp: datetime,
    sources: Sequence[Entry],
) -> Event:
    milestone, due = planned.milestone, planned.due
    assert due is not None and milestone.deadline is not None
    event = icalendar.Event()
    event.add("uid", event_uid(identity, planned, due=True))
    event.add("dtstamp", stamp)
    event.add("summary", _summary(title, f"Due: {milestone.label}", council))
    event.add("dtstart", due)
    event.add("dtend", due + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    described = _description(planned, council, sources)
    event.add("description", f"Deadline: {milestone.deadline.text}\n{described}")
    event.add("categories", [planned.milestone.id, "deadline"])
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _summary(title, f"Due tomorrow: {milestone.label}", council))
    alarm.add("trigger", REMINDER)
    event.add_component(alarm)
    return event


def _description(planned: PlannedMilestone, council: str, sources: Sequence[Entry]) -> str:
    milestone = planned.milestone
    lines = [milestone.title]
    if council:
        lines.append(f"Council: {council}")
    lines.append(f"Who acts: {milestone.actor}")
    if milestone.days is not None:
        days = milestone.days
        span = f"Day {days.first}" if days.first == days.last else f"Days {days.first}–{days.last}"
        lines.append(f"{span} of the inspection timeline")
    if milestone.deadline is not None and planned.due is not None:
        lines.append(f"Deadline: {milestone.deadline.text} (due {format_day(planned.due)})")
    lines.append(f"Source: {milestone.source}")
    if milestone.note:
        lines.append(f"Note: {milestone.note}")
    entries = {e.key: e.text for e in sources}
    cited = cited_keys([milestone.source], entries)
    lines += [f"{key}: {entries[key]}" for key in cited if key in entries]
    return "\n".join(lines)


def write_plan_ics(
    plan: Plan,
    path: Path,
    *,
    title: str,
    council: str = "",
    identity: str = "",
    sources: Sequence[Entry] = (),
    stamp: datetime | None = None,
) -> Path:
    """Write the plan's iCalendar file to ``path`` atomically."""
    data = plan_to_ical(
        plan, title=title, council=council, identity=identity, sources=sources, stamp=stamp
    )
    write_bytes_atomic(path, data)
    return path
