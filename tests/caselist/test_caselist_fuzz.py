"""Fuzzing the reader: whatever the bytes, the only failure is an InputError."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from caselist_helpers import CRA_HEADINGS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspectkit.caselist import read_case_list
from inspectkit.errors import InputError
from inspectkit.plugins import get_host

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
cells = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "Y", "N", "U4", "Referral", "31/02/2011", "2011-13-01", "1/1/11"]),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates().map(lambda d: d.isoformat()),
)


def _read(path: Path) -> None:
    try:
        cases = read_case_list(path, get_host().regime("cra_2010").regime, strict=False)
    except InputError as exc:
        assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)
        return
    _ = cases.cases  # building the case objects must not fail either


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_never_crash_the_csv_reader(tmp_path_factory: object, data: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "random.csv"  # type: ignore[attr-defined]
    path.write_bytes(data)
    _read(path)


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_never_crash_the_xlsx_reader(tmp_path_factory: object, data: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "random.xlsx"  # type: ignore[attr-defined]
    path.write_bytes(data)
    _read(path)


@FUZZ
@given(
    headings=st.lists(st.sampled_from([*CRA_HEADINGS, "Name", "", "Other"]), max_size=9),
    rows=st.lists(st.lists(cells, max_size=9), max_size=12),
)
def test_random_rows_and_dates_never_crash(
    tmp_path_factory: object, headings: list[str], rows: list[list[str]]
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headings)
    writer.writerows(rows)
    path = Path(tmp_path_factory.mktemp("fuzz")) / "rows.csv"  # type: ignore[attr-defined]
    path.write_text(buffer.getvalue(), encoding="utf-8")
    _read(path)


date_texts = st.one_of(
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: f"{d.day}/{d.month}/{d.year}"),
    st.dates().map(lambda d: f"{d.isoformat()}T00:00:00"),
    st.from_regex(r"\A\d{2}/\d{2}/\d{4}\Z"),  # 31/02/2011, 00/13/0000 ...
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"),
    st.text(max_size=12),
)


@FUZZ
@given(texts=st.lists(date_texts, max_size=40, unique=True))
def test_dates_read_as_a_column_are_read_as_parse_date_reads_each(texts: list[str]) -> None:
    from inspectkit.caselist.dates import day_ordinals, parse_date

    dates, ordinals, not_dates = day_ordinals(texts)
    assert sorted([*dates, *not_dates]) == sorted(texts)
    for text, ordinal in zip(dates, ordinals, strict=True):
        day = parse_date(text)
        assert day is not None and day.toordinal() == ordinal, text
    for text in not_dates:
        assert parse_date(text) is None, text
