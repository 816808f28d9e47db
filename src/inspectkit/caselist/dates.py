"""Dates as councils write them: ISO ``2011-10-18`` or UK ``18/10/2011``.

Excel exports often add a time (``18/10/2011 00:00``, ``2011-10-18T00:00:00``);
the time is ignored.  Two-digit years are refused rather than guessed, and so are
years outside 1900–2099, which in a case list are always typing slips.
"""

from __future__ import annotations

from datetime import date

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
