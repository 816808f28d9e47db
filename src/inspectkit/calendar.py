"""Working days in England and Wales: weekends, bank holidays and local closures skipped.

Every inspection timeline is counted in working days ("within 15 working days of
the end of the site visit"), and one-off bank holidays — the royal wedding on
29 April 2011, the spring bank holiday moved to 4 June 2012 and the Diamond
Jubilee on 5 June 2012 — move real deadlines.  Bank holidays therefore come from
the ``holidays`` library, never from a hand-kept list, and a council's own
closure days can be added on top.

The supported years are 2009 (the earliest regime in force) to ``LAST_YEAR``.
Regular bank holidays can be computed for any year, but one-off holidays are
announced only about a year ahead, so a plan further out would look precise
while being a guess; dates outside the range are refused with an ``InputError``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from inspectkit.errors import InputError
from inspectkit.regime_cache import load_cached

FIRST_YEAR = 2009
LAST_YEAR = 2035

#: Regions inspectkit plans for (Ofsted inspects England; Wales shares its bank
#: holidays in the ``holidays`` library, which lists no St David's Day holiday).
REGIONS: dict[str, str] = {"ENG": "England", "WLS": "Wales"}

_WEEKEND = {5: "Saturday", 6: "Sunday"}


def check_year(day: date, what: str = "") -> None:
    """Refuse a date whose year has no reliable bank-holiday list (``what`` names it)."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        prefix = f"{what}: " if what else ""
        raise InputError.single(
            f"{prefix}{day.isoformat()}: year {day.year} is outside the supported range "
            f"{FIRST_YEAR}–{LAST_YEAR} (bank holidays are only known for those years)"
        )


def bank_holidays(region: str, year: int) -> dict[date, str]:
    """The ``holidays`` library's bank holidays for one region and year.

    The library lists a holiday that falls at a weekend *and* its "(observed)"
    weekday; both are kept here, and weekends are excluded separately.
    """
    known = _supported_bank_holidays()
    return known[region, year] if (region, year) in known else _from_library(region, year)


@cache
def _from_library(region: str, year: int) -> dict[date, str]:
    # lazy: keeps holidays (20 ms) off the start-up of `inspectkit plan`
    import holidays

    found = holidays.country_holidays("GB", subdiv=region, years=year)
    return {day: str(name) for day, name in sorted(found.items())}


@cache
def _supported_bank_holidays() -> dict[tuple[str, int], dict[date, str]]:
    """Every region's bank holidays for the supported years, kept in the regime cache
    for as long as the installed ``holidays`` library is the same (its version file is
    the key): importing the library took 0.14-0.16 s of each ``inspectkit plan``, the
    one start-up target of issue 12 not met (see benchmarks/README.md, Start-up)."""
    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return {}

    def every_year() -> dict[tuple[str, int], dict[date, str]]:
        years = range(FIRST_YEAR, LAST_YEAR + 1)
        return {(r, y): _from_library(r, y) for r in REGIONS for y in years}

    return load_cached([Path(spec.origin).with_name("version.py")], every_year, dict)


class WorkingCalendar:
    """Which days count as working days, and counting in them.

    ``extra_closures`` are further non-working days (a council closure day, a
    strike day); ``region`` is ``"ENG"`` (England) or ``"WLS"`` (Wales).
    """

    def __init__(self, extra_closures: Iterable[date] = (), region: str = "ENG") -> None:
        if region not in REGIONS:
            known = ", ".join(f"{code} ({name})" for code, name in REGIONS.items())
            raise InputError.single(f"region {region!r} is not supported; expected one of {known}")
        closures = frozenset(extra_closures)
        for day in sorted(closures):
            check_year(day)
        self.region = region
        self.closures = closures

    @property
    def region_name(self) -> str:
        return REGIONS[self.region]

    def __repr__(self) -> str:
        closures = ", ".join(d.isoformat() for d in sorted(self.closures))
        return f"WorkingCalendar(region={self.region!r}, extra_closures=[{closures}])"

    # -- single days --------------------------------------------------------------

    def holiday_name(self, day: date) -> str | None:
        """The bank holiday on ``day`` (e.g. "Christmas Day (observed)"), or None."""
        check_year(day)
        return bank_holidays(self.region, day.year).get(day)

    def non_working_reason(self, day: date) -> str | None:
        """Why ``day`` is not a working day ("a Saturday", "a bank holiday: …"), or None."""
        check_year(day)
        if day.weekday() in _WEEKEND:
            return f"a {_WEEKEND[day.weekday()]}"
        holiday = self.holiday_name(day)
        if holiday is not None:
            return f"a bank holiday in {self.region_name} ({holiday})"
        if day in self.closures:
            return "a closure day"
        return None

    def is_working_day(self, day: date) -> bool:
        return self.non_working_reason(day) is None

    # -- counting -----------------------------------------------------------------

    def add_working_days(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (before it when ``n`` is negative).

        ``n == 0`` returns ``day`` itself, working day or not.
        """
        step = timedelta(days=1 if n >= 0 else -1)
        remaining = abs(n)
        current = day
        while remaining:
            current += step
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when earlier).

        The inverse of :meth:`add_working_days` for a working-day ``start``:
        ``working_days_between(d, add_working_days(d, n)) == n``.
        """
        if end < start:
            return -self.working_days_between(end, start)
        check_year(start)
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count

    def working_day_on_or_before(self, day: date) -> date:
        """``day`` if it is a working day, else the last working day before it."""
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day
