"""A resolved plan as an iCalendar file that Outlook and Google Calendar import.

One all-day event per milestone; a milestone lasting several days is a single
span (``DTEND`` is the day after the last day, as RFC 5545 makes all-day ends
exclusive).  Each event's UID is built from regime, milestone and start, so
importing a re-made plan (say with a closure day added) updates the events
already in the calendar instead of duplicating them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from inspectkit.dates import format_day
from inspectkit.files import write_bytes_atomic
from inspectkit.timeline import Plan, PlannedMilestone

PRODUCT_ID = "-//inspectkit//inspection plan//EN"


def event_uid(plan: Plan, planned: PlannedMilestone) -> str:
    """Stable across re-runs for the same regime, milestone and start."""
    return f"{plan.regime_id}-{planned.milestone.id}-{plan.start:%Y%m%d}@inspectkit"


def plan_to_ical(plan: Plan, *, title: str, stamp: datetime | None = None) -> bytes:
    """The plan as iCalendar bytes; ``title`` names the calendar and prefixes each event.

    ``stamp`` (DTSTAMP, default now) tells calendar clients which copy is newer.
    """
    import icalendar

    stamp = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{title}: plan from {plan.start.isoformat()}")
    for planned in plan.milestones:
        event = icalendar.Event()
        event.add("uid", event_uid(plan, planned))
        event.add("dtstamp", stamp)
        event.add("summary", f"{title}: {planned.milestone.title}")
        event.add("dtstart", planned.first)
        event.add("dtend", planned.last + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("description", _description(planned))
        event.add("categories", [plan.regime_id])
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _description(planned: PlannedMilestone) -> str:
    milestone = planned.milestone
    lines = [f"Who acts: {milestone.actor}"]
    if milestone.days is not None:
        days = milestone.days
        span = f"Day {days.first}" if days.first == days.last else f"Days {days.first}–{days.last}"
        lines.append(f"{span} of the inspection timeline")
    if milestone.deadline is not None and planned.due is not None:
        lines.append(f"Deadline: {milestone.deadline.text} (due {format_day(planned.due)})")
    lines.append(f"Source: {milestone.source}")
    if milestone.note:
        lines.append(f"Note: {milestone.note}")
    return "\n".join(lines)


def write_plan_ics(plan: Plan, path: Path, *, title: str, stamp: datetime | None = None) -> Path:
    """Write the plan's iCalendar file to ``path`` atomically."""
    write_bytes_atomic(path, plan_to_ical(plan, title=title, stamp=stamp))
    return path
