"""The working-day calendar: bank holidays from the holidays library, weekends, closures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspectkit.calendar import FIRST_YEAR, LAST_YEAR, WorkingCalendar, bank_holidays
from inspectkit.errors import InputError

ENGLAND = WorkingCalendar()
WALES = WorkingCalendar(region="WLS")

# Leave room at both ends so counting up to 300 working days stays in range.
# Early enough that 300 working days later (about 14 months) is still a supported year.
supported_days = st.dates(date(FIRST_YEAR, 3, 1), date(LAST_YEAR - 1, 9, 30))


def working_day(calendar: WorkingCalendar) -> st.SearchStrategy[date]:
    return supported_days.filter(calendar.is_working_day)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2011, 4, 29), "Wedding of William and Catherine"),
        (date(2012, 6, 4), "Spring Bank Holiday"),
        (date(2012, 6, 5), "Diamond Jubilee of Elizabeth II"),
        (date(2010, 12, 28), "Boxing Day (observed)"),
        (date(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
    ],
)
def test_one_off_and_observed_bank_holidays_are_not_working_days(day: date, name: str) -> None:
    assert ENGLAND.holiday_name(day) == name
    assert not ENGLAND.is_working_day(day)
    assert name in (ENGLAND.non_working_reason(day) or "")


def test_the_usual_spring_bank_holiday_of_2012_is_a_working_day() -> None:
    """In 2012 the spring bank holiday moved from Monday 28 May to 4 June."""
    assert ENGLAND.is_working_day(date(2012, 5, 28))


def test_weekends_are_not_working_days_even_when_a_holiday_falls_on_them() -> None:
    christmas_saturday = date(2010, 12, 25)
    assert ENGLAND.holiday_name(christmas_saturday) == "Christmas Day"
    assert ENGLAND.non_working_reason(christmas_saturday) == "a Saturday"
    assert ENGLAND.non_working_reason(date(2011, 10, 16)) == "a Sunday"
    assert ENGLAND.is_working_day(date(2011, 10, 17))


def test_twenty_working_days_after_the_cra_site_visit_is_16_november_2011() -> None:
    assert ENGLAND.add_working_days(date(2011, 10, 19), 20) == date(2011, 11, 16)
    assert ENGLAND.working_days_between(date(2011, 10, 19), date(2011, 11, 16)) == 20


def test_counting_steps_over_the_2012_jubilee_holidays() -> None:
    assert ENGLAND.add_working_days(date(2012, 6, 1), 1) == date(2012, 6, 6)
    assert ENGLAND.add_working_days(date(2012, 6, 6), -1) == date(2012, 6, 1)
    assert ENGLAND.working_days_between(date(2012, 6, 1), date(2012, 6, 6)) == 1


def test_closure_days_are_skipped_and_named() -> None:
    closure = date(2011, 10, 20)
    calendar = WorkingCalendar([closure])
    assert calendar.non_working_reason(closure) == "a closure day"
    assert calendar.add_working_days(date(2011, 10, 19), 1) == date(2011, 10, 21)
    assert ENGLAND.add_working_days(date(2011, 10, 19), 1) == closure


def test_st_davids_day_is_not_a_bank_holiday_in_wales() -> None:
    for year in (2011, 2012, 2015):
        st_davids_day = date(year, 3, 1)
        assert WALES.holiday_name(st_davids_day) is None
        assert WALES.is_working_day(st_davids_day) == (st_davids_day.weekday() < 5)


def test_wales_and_england_share_bank_holidays_in_the_holidays_library() -> None:
    """What the library says for every supported year: the two lists are the same.

    If a future ``holidays`` release gives Wales a holiday England lacks, this
    fails and docs/planning.md must be updated to describe the difference.
    """
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        assert bank_holidays("WLS", year) == bank_holidays("ENG", year), year


def test_wales_calendar_names_wales_in_its_reasons() -> None:
    assert "Wales" in (WALES.non_working_reason(date(2011, 4, 29)) or "")


@pytest.mark.parametrize("day", [date(2008, 12, 31), date(LAST_YEAR + 1, 1, 2)])
def test_years_outside_the_supported_range_are_refused(day: date) -> None:
    with pytest.raises(InputError, match=f"year {day.year} is outside the supported range"):
        ENGLAND.is_working_day(day)


def test_counting_past_the_last_supported_year_is_refused() -> None:
    with pytest.raises(InputError, match=str(LAST_YEAR + 1)):
        ENGLAND.add_working_days(date(LAST_YEAR, 12, 20), 20)


def test_a_closure_outside_the_supported_range_is_refused() -> None:
    with pytest.raises(InputError, match="2008"):
        WorkingCalendar([date(2008, 6, 2)])


@pytest.mark.parametrize("region", ["SCT", "NIR", "eng", ""])
def test_only_england_and_wales_are_supported(region: str) -> None:
    with pytest.raises(InputError, match="ENG \\(England\\), WLS \\(Wales\\)"):
        WorkingCalendar(region=region)


@given(start=working_day(ENGLAND), n=st.integers(min_value=0, max_value=300))
def test_adding_n_working_days_then_counting_back_returns_the_start(start: date, n: int) -> None:
    later = ENGLAND.add_working_days(start, n)
    assert ENGLAND.add_working_days(later, -n) == start
    assert ENGLAND.working_days_between(start, later) == n
    assert ENGLAND.working_days_between(later, start) == -n


@given(
    start=supported_days,
    n=st.integers(min_value=1, max_value=300),
    closures=st.lists(supported_days, max_size=20),
)
def test_adding_working_days_lands_on_a_working_day_after_the_start(
    start: date, n: int, closures: list[date]
) -> None:
    calendar = WorkingCalendar(closures)
    later = calendar.add_working_days(start, n)
    assert later > start
    assert calendar.is_working_day(later)
    assert later.weekday() < 5
    assert calendar.holiday_name(later) is None
    assert later not in closures
    # n working days take at least n calendar days, and each skipped day has a reason.
    assert (later - start).days >= n
    skipped = [
        start + timedelta(days=i)
        for i in range(1, (later - start).days)
        if not calendar.is_working_day(start + timedelta(days=i))
    ]
    assert (later - start).days == n + len(skipped)
