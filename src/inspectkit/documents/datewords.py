"""The plan's dates as a document prints them: words by babel, in the inspection's locale.

Memoised, because a batch formats the same few dates thousands of times.  A
range is written the way a letter writes it — "18–19 October 2011",
"30 September – 3 October 2011" — with the month names of the locale.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from babel.dates import format_date as babel_format_date

from inspectkit import dates as date_words

# What a document prints for a date the sources do not give and the inspector has not
# entered yet: visible, so it is filled in before the document is sent (``check`` lists it).
BLANK_DATE = "[date to be entered]"

if TYPE_CHECKING:
    from inspectkit.timeline import Plan


@cache
def format_date(day: date, locale: str) -> str:
    """``16 November 2011`` (``16 Tachwedd 2011`` in ``cy``)."""
    return date_words.format_date(day, locale)


@cache
def format_day(day: date, locale: str) -> str:
    """``Wednesday 16 November 2011``."""
    return date_words.format_day(day, locale)


@cache
def format_span(first: date, last: date, locale: str) -> str:
    """``Tuesday 18 October 2011 – Wednesday 19 October 2011`` (one day: just that day)."""
    return date_words.format_span(first, last, locale)


@cache
def format_range(first: date, last: date, locale: str) -> str:
    """``18–19 October 2011``, ``30 September – 3 October 2011``, or one date."""
    if last <= first:
        return format_date(first, locale)
    end = format_date(last, locale)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{end}"
    if first.year == last.year:
        known = date_words.check_locale(locale)
        start = str(babel_format_date(first, format="d MMMM", locale=known))
        return f"{start} – {end}"
    return f"{format_date(first, locale)} – {end}"


def milestone_dates(
    plan: Plan, locale: str, entered: Mapping[str, date] | None = None
) -> dict[str, dict[str, Any]]:
    """``dates.<milestone>`` for templates: each date in words, and ``to.<later milestone>``
    — the range from this one's first day to that one's last ("16–27 November 2009").

    A milestone the sources give no date (``plan.unspecified``) takes the date the
    inspector ``entered`` for it, else :data:`BLANK_DATE` everywhere; ``specified``
    says which a template is printing.
    """
    entered = entered or {}
    spans: list[tuple[str, str, date, date, date | None, bool]] = [
        (p.id, p.milestone.title, p.first, p.last, p.due, True) for p in plan.milestones
    ]
    spans += [(m.id, m.title, entered[m.id], entered[m.id], None, False)
              for m in plan.unspecified if m.id in entered]  # fmt: skip
    result: dict[str, dict[str, Any]] = {}
    for key, title, first, last, due, specified in spans:
        result[key] = {
            "title": title,
            "specified": specified,
            "entered": not specified,
            "first": format_date(first, locale),
            "last": format_date(last, locale),
            "first_day": format_day(first, locale),
            "last_day": format_day(last, locale),
            "span": format_span(first, last, locale),
            "range": format_range(first, last, locale),
            "due": format_date(due, locale) if due else "",
            "due_day": format_day(due, locale) if due else "",
            "to": {
                q: format_range(first, end, locale) for q, _, _, end, _, _ in spans if end >= first
            },
        }
    blanks = [m for m in plan.unspecified if m.id not in entered]
    for values in result.values():
        values["to"].update(dict.fromkeys((m.id for m in blanks), BLANK_DATE))
    for milestone in blanks:
        words = dict.fromkeys(
            ("first", "last", "first_day", "last_day", "span", "range", "due", "due_day"),
            BLANK_DATE,
        )
        result[milestone.id] = {
            "title": milestone.title,
            "specified": False,
            "entered": False,
            **words,
            "to": dict.fromkeys(result, BLANK_DATE) | {milestone.id: BLANK_DATE},
        }
    return result
