"""Dates as councils write them: ISO ``2011-10-18`` or UK ``18/10/2011``.

Excel exports often add a time (``18/10/2011 00:00``, ``2011-10-18T00:00:00``);
the time is ignored.  Two-digit years are refused rather than guessed, and so are
years outside 1900–2099, which in a case list are always typing slips.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import polars as pl

EARLIEST_YEAR = 1900
LATEST_YEAR = 2099


def parse_date(text: str) -> date | None:
    """The date ``text`` names, or None when it is not a date in an accepted form."""
    value = text.strip()
    if len(value) == 10:  # the common exact forms, without the general parsing below
        try:
            digits = value[:2] + value[3:5] + value[6:]
            if value[2] == "/" and value[5] == "/" and digits.isascii() and digits.isdigit():
                parsed = date(int(value[6:]), int(value[3:5]), int(value[:2]))
            elif value[4] == "-" and value[7] == "-":
                parsed = date.fromisoformat(value)
            else:
                return None
        except ValueError:
            return None
        return parsed if EARLIEST_YEAR <= parsed.year <= LATEST_YEAR else None
    cut = min((i for i in (value.find(" "), value.find("T")) if i > 0), default=len(value))
    day_part = value[:cut]
    try:
        if len(day_part) == 10 and day_part[4] == "-" and day_part[7] == "-":
            parsed = date.fromisoformat(day_part)
        else:
            pieces = day_part.split("/")
            if len(pieces) != 3 or len(pieces[2]) != 4:
                return None
            if not all(p.isascii() and p.isdigit() and len(p) <= 4 for p in pieces):
                return None
            if len(pieces[0]) > 2 or len(pieces[1]) > 2:
                return None
            parsed = date(int(pieces[2]), int(pieces[1]), int(pieces[0]))
    except ValueError:
        return None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        return None
    return parsed


ISO_FORM = r"^\d{4}-\d{2}-\d{2}$"
UK_FORM = r"^\d{2}/\d{2}/\d{4}$"
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()  # polars counts days from 1970-01-01


def day_ordinals(texts: Sequence[str]) -> tuple[list[str], list[int], list[str]]:
    """(the texts that are dates, their day ordinals, the texts that are not), exactly as
    :func:`parse_date` reads each one.

    A list's date columns hold tens of thousands of distinct texts, nearly all in the two
    exact forms ``2011-10-18`` and ``18/10/2011``; polars parses those as one column (half
    the time of reading 50,000 rows went on parsing them one by one), and every other
    text is read by :func:`parse_date`.
    """
    column = pl.Series("text", list(texts), dtype=pl.String)
    parsed = (
        pl.DataFrame({"text": column})
        .with_columns(
            day=pl.when(pl.col("text").str.contains(ISO_FORM))
            .then(pl.col("text").str.to_date("%Y-%m-%d", strict=False))
            .when(pl.col("text").str.contains(UK_FORM))
            .then(pl.col("text").str.to_date("%d/%m/%Y", strict=False)),
            exact=pl.col("text").str.contains(ISO_FORM) | pl.col("text").str.contains(UK_FORM),
        )
        .with_columns(
            day=pl.when(pl.col("day").dt.year().is_between(EARLIEST_YEAR, LATEST_YEAR)).then(
                pl.col("day")
            )
        )
    )
    fast = parsed.filter(pl.col("day").is_not_null())
    dates = fast["text"].to_list()
    ordinals = (fast["day"].cast(pl.Int32) + EPOCH_ORDINAL).to_list()
    not_dates = parsed.filter(pl.col("exact") & pl.col("day").is_null())["text"].to_list()
    for text in parsed.filter(~pl.col("exact"))["text"].to_list():
        day = parse_date(text)
        if day is None:
            not_dates.append(text)
        else:
            dates.append(text)
            ordinals.append(day.toordinal())
    return dates, ordinals, not_dates


def months_before(on: date, months: int) -> date:
    """The same day ``months`` calendar months before ``on`` (clamped to the month's end)."""
    total = on.year * 12 + (on.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    for day in (on.day, 30, 29, 28):
        try:
            return date(year, month, min(on.day, day))
        except ValueError:
            continue
    raise ValueError(f"no date {months} months before {on}")  # unreachable for real dates


def age_on(birth: date, on: date) -> int:
    """Completed years of age on ``on`` (a 29 February birthday counts from 1 March)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
