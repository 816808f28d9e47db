"""A resolved plan as a rich table for the terminal: dates and weekdays in words.

Inspectors read the plan on screen before anything else, so each row gives what
happens, when (weekday and date in the chosen language), who acts, and the
deadline exactly as the source words it, with the citation beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from inspectkit.calendar import REGIONS
from inspectkit.dates import DEFAULT_LOCALE, format_date, format_weekday
from inspectkit.timeline import Plan, PlannedMilestone

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from inspectkit.model import Milestone


def plan_table(plan: Plan, *, title: str, locale: str = DEFAULT_LOCALE) -> Table:
    """The plan as a table titled ``title`` (usually the regime's short title)."""
    start = f"{format_weekday(plan.start, locale)} {format_date(plan.start, locale)}"
    closures = f", {len(plan.closures)} closure day(s)" if plan.closures else ""
    table = Table(
        title=f"{title} ({plan.regime_id}) from {start}, {REGIONS.get(plan.region, plan.region)}"
        f"{closures}",
        title_justify="left",
        show_lines=True,
        expand=True,
    )
    table.add_column("Day", no_wrap=True)
    table.add_column("Dates", no_wrap=True)
    table.add_column("Milestone (source)", overflow="fold", ratio=3, min_width=16)
    table.add_column("Who acts", overflow="fold", ratio=1, min_width=14)
    table.add_column("Deadline as the source states it", overflow="fold", ratio=2, min_width=14)
    for planned in plan.milestones:
        table.add_row(
            _days(planned),
            _dates(planned, locale),
            _milestone(planned),
            planned.milestone.actor,
            _deadline(planned, locale),
        )
    for milestone in plan.unspecified:  # named by the sources, dated by none of them
        table.add_row("–", "not specified", _titled(milestone), milestone.actor, "")
    return table


def _days(planned: PlannedMilestone) -> str:
    days = planned.milestone.days
    if days is None:
        return "–"
    return str(days.first) if days.first == days.last else f"{days.first}–{days.last}"


def _milestone(planned: PlannedMilestone) -> Text:
    return _titled(planned.milestone)


def _titled(milestone: Milestone) -> Text:
    """The title, then its citation dimmed (Text, so brackets in titles are not markup)."""
    text = Text(milestone.title)
    if milestone.unspecified:
        text.append(f"\n{milestone.unspecified}")
    text.append(f"\n{milestone.source}", style="dim")
    return text


def _dates(planned: PlannedMilestone, locale: str) -> str:
    """Weekday on one line and date on the next, so the column stays narrow."""
    first = f"{format_weekday(planned.first, locale)}\n{format_date(planned.first, locale)}"
    if planned.first == planned.last:
        return first
    last = f"{format_weekday(planned.last, locale)}\n{format_date(planned.last, locale)}"
    return f"{first} –\n{last}"


def _deadline(planned: PlannedMilestone, locale: str) -> str:
    deadline = planned.milestone.deadline
    if deadline is None or planned.due is None:
        return ""
    due = f"{format_weekday(planned.due, locale)} {format_date(planned.due, locale)}"
    return f"{deadline.text}\ndue {due}"
