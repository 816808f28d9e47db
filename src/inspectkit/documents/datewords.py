"""The plan's dates as a document prints them: words by babel, in the inspection's locale.

Memoised, because a batch formats the same few dates thousands of times.  A
range is written the way a letter writes it — "18–19 October 2011",
"30 September – 3 October 2011" — with the month names of the locale.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from inspectkit.timeline import Plan


@cache
def format_date(day: date, locale: str) -> str:
    """``16 November 2011`` (``16 Tachwedd 2011`` in ``cy``)."""
    from inspectkit.dates import format_date as words

    return words(day, locale)


@cache
def format_day(day: date, locale: str) -> str:
    """``Wednesday 16 November 2011``."""
    from inspectkit.dates import format_day as words

    return words(day, locale)


@cache
def format_span(first: date, last: date, locale: str) -> str:
    """``Tuesday 18 October 2011 – Wednesday 19 October 2011`` (one day: just that day)."""
    from inspectkit.dates import format_span as words

    return words(first, last, locale)


@cache
def format_range(first: date, last: date, locale: str) -> str:
    """``18–19 October 2011``, ``30 September – 3 October 2011``, or one date."""
    from babel.dates import format_date as babel_format_date

    from inspectkit.dates import check_locale

    if last <= first:
        return format_date(first, locale)
    end = format_date(last, locale)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{end}"
    if first.year == last.year:
        start = str(babel_format_date(first, format="d MMMM", locale=check_locale(locale)))
        return f"{start} – {end}"
    return f"{format_date(first, locale)} – {end}"


def milestone_dates(plan: Plan, locale: str) -> dict[str, dict[str, Any]]:
    """``dates.<milestone>`` for templates: each date in words, and ``to.<later milestone>``
    — the range from this one's first day to that one's last ("16–27 November 2009")."""
    planned = list(plan.milestones)
    result: dict[str, dict[str, Any]] = {}
    for p in planned:
        result[p.id] = {
            "title": p.milestone.title,
            "first": format_date(p.first, locale),
            "last": format_date(p.last, locale),
            "first_day": format_day(p.first, locale),
            "last_day": format_day(p.last, locale),
            "span": format_span(p.first, p.last, locale),
            "range": format_range(p.first, p.last, locale),
            "due": format_date(p.due, locale) if p.due else "",
            "due_day": format_day(p.due, locale) if p.due else "",
            "to": {
                q.id: format_range(p.first, q.last, locale) for q in planned if q.last >= p.first
            },
        }
    return result
