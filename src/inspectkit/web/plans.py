"""A plan for the page and for download: dated rows, the timeline chart, .ics and .csv.

Everything here is the core's: ``inspectkit.timeline`` dates the plan, the
command line's writers make the files (``plan_to_ical``, ``plan_csv_text``),
and the chart is the comparison's SVG timeline for one regime.  The SVG is
built by the core with every text escaped and styled only through classes
(the stylesheet is site.css), so the Content-Security-Policy blocks nothing.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen
from django.http import HttpResponse
from django.utils.safestring import SafeString, mark_safe

from inspectkit.bibliography import bibliography
from inspectkit.calendar import REGIONS
from inspectkit.compare import Comparison, RegimeHeading
from inspectkit.compare.svg import timeline_svg
from inspectkit.compare.timeline import timeline_entries
from inspectkit.dates import DEFAULT_LOCALE, format_day, format_span
from inspectkit.model import Regime
from inspectkit.plan_csv import plan_csv_text
from inspectkit.plan_ics import plan_to_ical
from inspectkit.timeline import Plan

DOWNLOADS = ("ics", "csv")
CONTENT_TYPES = {"ics": "text/calendar; charset=utf-8", "csv": "text/csv; charset=utf-8"}


@frozen(kw_only=True)
class PlanRow:
    days: str
    dates: str
    title: str
    actor: str
    deadline: str
    due: str
    source: str
    note: str


def plan_rows(plan: Plan, locale: str = DEFAULT_LOCALE) -> list[PlanRow]:
    """One row per milestone, as ``inspectkit plan`` prints it."""
    rows = []
    for planned in plan.milestones:
        milestone = planned.milestone
        days = milestone.days
        rows.append(
            PlanRow(
                days="–"
                if days is None
                else str(days.first)
                if days.first == days.last
                else f"{days.first}–{days.last}",
                dates=format_span(planned.first, planned.last, locale),
                title=milestone.title,
                actor=milestone.actor,
                deadline=milestone.deadline.text if milestone.deadline else "",
                due=format_day(planned.due, locale) if planned.due else "",
                source=milestone.source,
                note=milestone.note,
            )
        )
    return rows


def plan_heading(plan: Plan, regime: Regime, locale: str = DEFAULT_LOCALE) -> str:
    region = REGIONS.get(plan.region, plan.region)
    closures = f", {len(plan.closures)} closure day(s)" if plan.closures else ""
    return f"{regime.short_title} from {format_day(plan.start, locale)}, {region}{closures}"


def timeline_chart(plan: Plan, regime: Regime) -> SafeString:
    """The plan on the comparison's timeline chart (an inline SVG built by the core)."""
    heading = RegimeHeading(
        id=regime.id,
        short_title=regime.short_title,
        title=regime.title,
        version=regime.version,
        year=regime.year,
    )
    comparison = Comparison(
        regimes=(heading,),
        rows=(),
        timeline=tuple(timeline_entries(regime, plan)),
        requests=(),
        links=(),
        sampling=(),
        start=plan.start,
    )
    return svg_chart(comparison)


def svg_chart(comparison: Comparison) -> SafeString:
    """The core's timeline chart for the page: ``timeline_svg`` escapes every text it
    writes and styles only through classes, so it is safe to include as it is."""
    return mark_safe(timeline_svg(comparison))


def plan_download(plan: Plan, regime: Regime, kind: str, locale: str, name: str) -> HttpResponse:
    """The plan as an attachment: iCalendar or CSV, from the core's own writers."""
    if kind == "ics":
        title = regime.abbreviation or regime.short_title  # as `inspectkit plan --ics` names it
        body: bytes = plan_to_ical(plan, title=title, sources=bibliography([regime]))
    else:
        body = plan_csv_text(plan, locale).encode("utf-8")
    response = HttpResponse(body, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


def download_name(regime_id: str, start: date) -> str:
    return f"{regime_id}-plan-{start.isoformat()}"
