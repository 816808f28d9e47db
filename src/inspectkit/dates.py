"""Dates in and out: strict ISO input, dates in words (babel) for people to read.

Input is ISO ``YYYY-MM-DD`` only — "03/04/2012" means different days to
different people, and a misread start date moves every deadline.  Output is in
words in the reader's language: en_GB by default, and Welsh (``cy``) for Welsh
councils, using babel's locale data rather than hand-written month names.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from babel import Locale, UnknownLocaleError

from inspectkit.errors import InputError

DEFAULT_LOCALE = "en_GB"

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")  # 17/10/2011: day first, as in the UK


def parse_iso_date(text: str, what: str) -> date:
    """``text`` as a date — ``2011-10-17``, or the UK's ``17/10/2011`` (day first) — or an
    InputError naming ``what`` (e.g. "--start") and the formats."""
    value = text.strip()
    try:
        if _ISO_DATE.match(value):
            return date.fromisoformat(value)
        uk = _UK_DATE.match(value)
        if uk:
            day, month, year = (int(part) for part in uk.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise InputError.single(
        f"{what}: {text!r} is not a valid date; expected YYYY-MM-DD or DD/MM/YYYY (for example "
        "2011-10-17 or 17/10/2011)"
    )


@cache
def check_locale(locale: str) -> str:
    """The locale identifier babel will use ("en-GB" is accepted as "en_GB")."""
    identifier = locale.strip().replace("-", "_")
    try:
        Locale.parse(identifier)
    except (UnknownLocaleError, ValueError):
        raise InputError.single(
            f"--locale: {locale!r} is not a known locale; expected e.g. en_GB or cy"
        ) from None
    return identifier


def format_date(d: date, locale: str = DEFAULT_LOCALE) -> str:
    """``16 November 2011`` (``16 Tachwedd 2011`` in ``cy``)."""
    # lazy: keeps babel (5 ms) off the start-up of `inspectkit compare`
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(d, format="d MMMM y", locale=check_locale(locale)))


def format_weekday(d: date, locale: str = DEFAULT_LOCALE) -> str:
    """``Wednesday`` (``Dydd Mercher`` in ``cy``)."""
    # lazy: keeps babel (5 ms) off the start-up of `inspectkit compare`
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(d, format="EEEE", locale=check_locale(locale)))


def format_day(d: date, locale: str = DEFAULT_LOCALE) -> str:
    """Weekday and date: ``Wednesday 16 November 2011``."""
    return f"{format_weekday(d, locale)} {format_date(d, locale)}"


def format_span(first: date, last: date, locale: str = DEFAULT_LOCALE) -> str:
    """One day, or ``Tuesday 18 October 2011 – Wednesday 19 October 2011``."""
    if first == last:
        return format_day(first, locale)
    return f"{format_day(first, locale)} – {format_day(last, locale)}"
