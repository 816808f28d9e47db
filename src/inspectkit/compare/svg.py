"""The timeline chart: every regime's milestones on one axis, as an inline SVG.

Inline SVG needs no script, font or network, so the HTML page stays one file a
policy team can e-mail.  Without a start date the axis is each regime's
working-day count; with one it is the calendar, weekends shaded, deadlines
marked with a diamond.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

from inspectkit.compare.model import Comparison, TimelineEntry
from inspectkit.compare.timeline import axis_bounds, day_label, span_label
from inspectkit.dates import format_date

COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#912b88", "#f47738", "#28a197", "#4c2c92")
LABEL_WIDTH = 360
CHART_WIDTH = 720
ROW_HEIGHT = 18
HEADER_HEIGHT = 24
AXIS_HEIGHT = 34
LABEL_CHARS = 56
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def timeline_svg(comparison: Comparison) -> str:
    """The chart as an ``<svg>`` element (a string), sized to its rows."""
    entries = list(comparison.timeline)
    # dated from --start: every milestone the sources date has dates (one they name but do
    # not date, "not specified", has none and is drawn as a label with no bar)
    dated = comparison.start is not None and any(e.first is not None for e in entries)
    if dated:
        first = min(e.first for e in entries if e.first is not None)
        last = max(max(e.last or first, e.due or first) for e in entries)
        low, high = 0, (last - first).days + 1

        def x_of_entry(entry: TimelineEntry) -> tuple[float, float] | None:
            if entry.first is None or entry.last is None:
                return None
            return _x((entry.first - first).days, low, high), _x(
                (entry.last - first).days + 1, low, high
            )
    else:
        low_day, high_day = axis_bounds(entries)
        low, high = low_day, high_day + 1

        def x_of_entry(entry: TimelineEntry) -> tuple[float, float] | None:
            if entry.first_day is None or entry.last_day is None:
                return None
            return _x(entry.first_day, low, high), _x(entry.last_day + 1, low, high)

    regimes = [h.id for h in comparison.regimes]
    titles = {h.id: h.short_title for h in comparison.regimes}
    height = AXIS_HEIGHT + len(regimes) * HEADER_HEIGHT + len(entries) * ROW_HEIGHT + 8
    width = LABEL_WIDTH + CHART_WIDTH + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="timeline" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="timeline-title">',
        '<title id="timeline-title">Timeline of every regime\'s milestones on one axis</title>',
    ]
    plot_top = AXIS_HEIGHT
    plot_bottom = height - 8
    if dated:
        parts.extend(_calendar_axis(first, low, high, plot_top, plot_bottom))
    else:
        parts.extend(_day_axis(low, high, plot_top, plot_bottom))
    y = plot_top
    for index, regime_id in enumerate(regimes):
        colour = COLOURS[index % len(COLOURS)]
        parts.append(
            f'<text x="4" y="{y + 16}" class="regime" fill="{colour}">'
            f"{escape(titles[regime_id])} ({escape(regime_id)})</text>"
        )
        y += HEADER_HEIGHT
        for entry in (e for e in entries if e.regime_id == regime_id):
            due_x = None
            if dated and entry.due is not None:
                offset = (entry.due - first).days
                due_x = (_x(offset, low, high) + _x(offset + 1, low, high)) / 2
            parts.extend(_bar(entry, x_of_entry(entry), y, colour, due_x))
            y += ROW_HEIGHT
    parts.append("</svg>")
    return "\n".join(parts)


def _x(value: float, low: float, high: float) -> float:
    span = max(high - low, 1)
    return round(LABEL_WIDTH + (value - low) / span * CHART_WIDTH, 1)


def _bar(
    entry: TimelineEntry,
    span: tuple[float, float] | None,
    y: int,
    colour: str,
    due_x: float | None,
) -> list[str]:
    when = day_label(entry)
    if entry.first and entry.last:
        when += f"; {span_label(entry.first, entry.last)}"
    tooltip = escape(f"{entry.title} — {when}" + (f" ({entry.deadline})" if entry.deadline else ""))
    parts = [
        f'<g class="milestone" data-regime="{escape(entry.regime_id)}" '
        f'data-milestone="{escape(entry.milestone_id)}"><title>{tooltip}</title>',
        f'<text x="14" y="{y + 13}" class="label">{escape(_short(entry.title))}</text>',
    ]
    if span is None:
        parts.append(
            f'<text x="{LABEL_WIDTH + 4}" y="{y + 13}" class="unplaced">{escape(when)}</text>'
        )
    else:
        x0, x1 = span
        parts.append(
            f'<rect x="{x0}" y="{y + 3}" width="{max(x1 - x0, 2)}" height="{ROW_HEIGHT - 6}" '
            f'rx="2" fill="{colour}" opacity="0.85"/>'
        )
    if due_x is not None:
        cy = y + ROW_HEIGHT / 2
        parts.append(
            f'<path d="M {due_x:.1f} {cy - 6:.1f} L {due_x + 6:.1f} {cy:.1f} '
            f'L {due_x:.1f} {cy + 6:.1f} L {due_x - 6:.1f} {cy:.1f} Z" class="due"/>'
        )
    parts.append("</g>")
    return parts


def _day_axis(low: int, high: int, top: int, bottom: int) -> list[str]:
    parts = [
        f'<text x="{LABEL_WIDTH}" y="12" class="axis-title">'
        "Working days, counted from each regime's day 1</text>"
    ]
    step = 5 if high - low > 15 else 1
    ticks: Sequence[int] = [low, *range(step, high, step)] if step > 1 else range(low, high)
    for day in ticks:
        x = _x(day, low, high)
        parts.append(f'<line x1="{x}" y1="{top - 6}" x2="{x}" y2="{bottom}" class="grid"/>')
        parts.append(f'<text x="{x + 2}" y="{top - 8}" class="tick">{day}</text>')
    return parts


def _calendar_axis(origin: date, low: int, high: int, top: int, bottom: int) -> list[str]:
    parts = [
        f'<text x="{LABEL_WIDTH}" y="12" class="axis-title">'
        f"Calendar from {escape(format_date(origin))}; weekends shaded; ◆ deadline</text>"
    ]
    day_width = CHART_WIDTH / max(high - low, 1)
    for offset in range(low, high):
        day = origin + timedelta(days=offset)
        x = _x(offset, low, high)
        if day.weekday() >= 5:
            parts.append(
                f'<rect x="{x}" y="{top}" width="{day_width:.1f}" height="{bottom - top}" '
                'class="weekend"/>'
            )
        if day.weekday() == 0 or offset == low:
            parts.append(f'<line x1="{x}" y1="{top - 6}" x2="{x}" y2="{bottom}" class="grid"/>')
            label = f"{day.day} {_MONTHS[day.month - 1]}"
            parts.append(f'<text x="{x + 2}" y="{top - 8}" class="tick">{label}</text>')
    return parts
