"""A resolved plan as CSV, for councils that track inspection dates in a spreadsheet.

One row per milestone, ISO dates (which sort and import cleanly) alongside the
weekday in words, the deadline as the source words it and the citation.  A
milestone the sources give no date has blank dates and says "not specified".  The
file is written atomically: a half-written plan is never left behind.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from inspectkit.dates import DEFAULT_LOCALE, format_weekday
from inspectkit.files import write_text_atomic
from inspectkit.safe_cells import SafeCsvWriter
from inspectkit.timeline import Plan

COLUMNS = (
    "regime_id",
    "milestone",
    "title",
    "actor",
    "day_first",
    "day_last",
    "first",
    "first_weekday",
    "last",
    "last_weekday",
    "due",
    "due_weekday",
    "deadline",
    "source",
    "note",
)


def plan_csv_text(plan: Plan, locale: str = DEFAULT_LOCALE) -> str:
    """The CSV text (header and one row per milestone)."""

    def weekday(day: date | None) -> str:
        return format_weekday(day, locale) if day else ""

    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for planned in plan.milestones:
        milestone = planned.milestone
        writer.writerow(
            (
                plan.regime_id,
                milestone.id,
                milestone.title,
                milestone.actor,
                milestone.days.first if milestone.days else "",
                milestone.days.last if milestone.days else "",
                planned.first.isoformat(),
                weekday(planned.first),
                planned.last.isoformat(),
                weekday(planned.last),
                planned.due.isoformat() if planned.due else "",
                weekday(planned.due),
                milestone.deadline.text if milestone.deadline else "",
                milestone.source,
                milestone.note,
            )
        )
    for milestone in plan.unspecified:
        writer.writerow(
            (
                plan.regime_id,
                milestone.id,
                milestone.title,
                milestone.actor,
                *([""] * 8),
                milestone.unspecified,
                milestone.source,
                milestone.note,
            )
        )
    return buffer.getvalue()


def write_plan_csv(plan: Plan, path: Path, locale: str = DEFAULT_LOCALE) -> Path:
    """Write the plan's CSV to ``path`` atomically (UTF-8)."""
    write_text_atomic(path, plan_csv_text(plan, locale))
    return path
