"""Plan outputs: dates in words, CSV, iCalendar (parsed back with the icalendar library)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from inspectkit.dates import format_date, format_day, format_weekday, parse_iso_date
from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.plan_csv import COLUMNS, plan_csv_text, write_plan_csv
from inspectkit.plan_ics import plan_to_ical, write_plan_ics
from inspectkit.plan_table import plan_table
from inspectkit.timeline import Plan, plan_inspection

CRA_START = date(2011, 10, 17)


@pytest.fixture
def cra_plan(cra: Regime) -> Plan:
    return plan_inspection(cra, CRA_START)


def test_dates_in_words_in_english_and_welsh() -> None:
    day = date(2011, 11, 16)
    assert format_date(day) == "16 November 2011"
    assert format_day(day) == "Wednesday 16 November 2011"
    assert format_date(day, "cy") == "16 Tachwedd 2011"
    assert format_weekday(day, "cy") == "Dydd Mercher"


@pytest.mark.parametrize(
    "text", ["10/17/2011", "32/10/2011", "2011-02-30", "20111017", "2011-10-17T09:00", ""]
)
def test_only_calendar_dates_are_accepted(text: str) -> None:
    with pytest.raises(
        InputError, match=r"--start: .* is not a valid date; expected YYYY-MM-DD or DD/MM/YYYY"
    ):
        parse_iso_date(text, "--start")


@pytest.mark.parametrize("text", ["2011-10-17", "17/10/2011", " 17/10/2011 "])
def test_a_start_is_iso_or_day_first_as_written_in_the_uk(text: str) -> None:
    assert parse_iso_date(text, "--start") == date(2011, 10, 17)


def test_unknown_locale_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a known locale"):
        format_date(date(2011, 11, 16), "xx_YY")


def test_ics_parses_back_with_one_all_day_event_per_milestone(cra_plan: Plan) -> None:
    data = plan_to_ical(cra_plan, title="CRA", identity="northwold-2011")
    parsed = icalendar.Calendar.from_ical(data)
    events = list(parsed.walk("VEVENT"))
    deadlines = [p for p in cra_plan.milestones if p.due is not None]
    assert len(events) == len(cra_plan.milestones) + len(deadlines)
    by_uid = {str(e["uid"]): e for e in events}
    assert len(by_uid) == len(events)
    for planned in cra_plan.milestones:
        event = by_uid[f"northwold-2011-{planned.milestone.id}@inspectkit"]
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and type(end) is date  # all-day events, not date-times
        assert start == planned.first
        assert end == planned.last + timedelta(days=1)  # DTEND is exclusive
        assert planned.milestone.source in str(event["description"])


def test_ics_keeps_multi_day_milestones_as_one_span(cra_plan: Plan) -> None:
    events = list(icalendar.Calendar.from_ical(plan_to_ical(cra_plan, title="CRA")).walk("VEVENT"))
    site_visit = next(e for e in events if "site_visit" in str(e["uid"]))
    assert site_visit.decoded("dtstart") == date(2011, 10, 18)
    assert site_visit.decoded("dtend") == date(2011, 10, 20)
    publication = next(e for e in events if str(e["uid"]).endswith("-publication@inspectkit"))
    assert "due Wednesday 16 November 2011" in str(publication["description"])


def test_ics_uids_are_stable_so_a_re_import_updates(cra: Regime, cra_plan: Plan) -> None:
    from inspectkit.calendar import WorkingCalendar

    moved = plan_inspection(cra, CRA_START, WorkingCalendar([date(2011, 10, 24)]))
    first = icalendar.Calendar.from_ical(plan_to_ical(cra_plan, title="CRA"))
    second = icalendar.Calendar.from_ical(plan_to_ical(moved, title="CRA"))
    assert [str(e["uid"]) for e in first.walk("VEVENT")] == [
        str(e["uid"]) for e in second.walk("VEVENT")
    ]
    stamp = datetime(2024, 1, 1, 12, tzinfo=UTC)
    assert plan_to_ical(cra_plan, title="CRA", stamp=stamp) == plan_to_ical(
        cra_plan, title="CRA", stamp=stamp
    )


def test_ics_file_is_written_whole(cra_plan: Plan, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    write_plan_ics(cra_plan, target, title="CRA")
    assert icalendar.Calendar.from_ical(target.read_bytes())["prodid"]
    assert [p.name for p in tmp_path.iterdir()] == ["plan.ics"]


def test_csv_has_a_row_per_milestone_with_dates_weekdays_and_sources(
    cra_plan: Plan, tmp_path: Path
) -> None:
    target = write_plan_csv(cra_plan, tmp_path / "plan.csv")
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert [r["milestone"] for r in rows] == [p.milestone.id for p in cra_plan.milestones]
    publication = rows[-1]
    assert publication["due"] == "2011-11-16"
    assert publication["due_weekday"] == "Wednesday"
    assert publication["deadline"] == "within 20 working days of the end of the site visit"
    assert publication["source"] == "100025 §8; 100025 §55"
    site_visit = next(r for r in rows if r["milestone"] == "site_visit")
    assert (site_visit["first"], site_visit["last"]) == ("2011-10-18", "2011-10-19")
    assert (site_visit["day_first"], site_visit["day_last"]) == ("2", "3")
    assert site_visit["due"] == ""


def test_csv_weekdays_follow_the_locale(cra_plan: Plan) -> None:
    assert "Dydd Mercher" in plan_csv_text(cra_plan, "cy")


def test_table_rows_give_dates_weekdays_actors_deadlines_and_sources(cra_plan: Plan) -> None:
    from rich.console import Console

    console = Console(width=250, record=True, file=io.StringIO())
    console.print(plan_table(cra_plan, title="CRA", locale="en_GB"))
    lines = console.export_text().splitlines()
    publication = next(i for i, line in enumerate(lines) if "Inspection letter published" in line)
    row = "\n".join(lines[publication : publication + 4])
    for expected in (
        "19–23",
        "Thursday",
        "10 November 2011",
        "Wednesday",
        "16 November 2011",
        "Ofsted",
        "within 20 working days of the end of the site visit",
        "due Wednesday 16 November 2011",
        "100025 §8; 100025 §55",
    ):
        assert expected in row, expected


def _events(plan: Plan, **options: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(plan_to_ical(plan, **options)).walk("VEVENT"))


def test_ics_summaries_are_short_distinct_and_name_the_council(cra_plan: Plan) -> None:
    events = _events(cra_plan, title="CRA", council="Sunderland City Council")
    summaries = [str(e["summary"]) for e in events]
    assert "CRA · Site visit · Sunderland City Council" in summaries
    assert "CRA · Due: Letter published · Sunderland City Council" in summaries
    assert len(summaries) == len(set(summaries))  # distinct
    assert all(s.endswith(" · Sunderland City Council") for s in summaries)
    assert all(len(s) <= 70 for s in summaries), max(summaries, key=len)
    assert all("Council: Sunderland City Council" in str(e["description"]) for e in events)


def test_ics_uids_name_the_inspection_not_the_start(cra: Regime, cra_plan: Plan) -> None:
    from inspectkit.identity import inspection_id

    moved = plan_inspection(cra, date(2011, 10, 24))  # the same inspection, re-planned
    council = "Sunderland City Council"
    same = [str(e["uid"]) for e in _events(cra_plan, title="CRA", council=council)]
    again = [str(e["uid"]) for e in _events(moved, title="CRA", council=council)]
    other = [str(e["uid"]) for e in _events(cra_plan, title="CRA", council="Northwold")]
    assert same == again
    assert not set(same) & set(other)
    assert not any("20111017" in uid for uid in same)
    assert same[0].startswith(inspection_id("cra_2010", council, CRA_START))
    next_year = inspection_id("cra_2010", council, date(2012, 10, 15))
    assert next_year != inspection_id("cra_2010", council, CRA_START)


def test_each_deadline_is_its_own_event_with_a_reminder(cra_plan: Plan) -> None:
    events = {
        str(e["uid"]).split("@")[0].split("-", 1)[1]: e for e in _events(cra_plan, title="CRA")
    }
    due = events["publication-due"]
    assert due.decoded("dtstart") == date(2011, 11, 16)  # 20 working days after the visit
    assert due.decoded("dtend") == date(2011, 11, 17)
    (alarm,) = due.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(days=-1)
    assert str(alarm["action"]) == "DISPLAY"
    assert "preparation-due" not in events  # no deadline, no deadline event


def test_site_visit_days_are_busy_and_the_rest_free(cra_plan: Plan) -> None:
    events = {
        str(e["uid"]).split("@")[0].split("-", 1)[1]: e for e in _events(cra_plan, title="CRA")
    }
    assert str(events["site_visit"]["transp"]) == "OPAQUE"
    assert str(events["oral_feedback"]["transp"]) == "OPAQUE"
    assert str(events["preparation"]["transp"]) == "TRANSPARENT"
    assert str(events["publication-due"]["transp"]) == "TRANSPARENT"


def test_ics_spells_out_each_citation(cra: Regime, cra_plan: Plan) -> None:
    from inspectkit.bibliography import bibliography

    events = _events(cra_plan, title="CRA", sources=bibliography([cra]))  # type: ignore[arg-type]
    assert all("100025: Ofsted, Conducting unannounced" in str(e["description"]) for e in events)
