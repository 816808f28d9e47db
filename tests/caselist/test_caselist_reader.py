"""Reading council case lists: headings, codes, dates, strict and lenient problems."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from caselist_helpers import CRA_HEADINGS, WriteList, good_row

from inspectkit.caselist import PROBLEM_CAP, read_case_list
from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.plugins import get_host


def test_reads_headings_codes_and_dates_as_councils_write_them(
    write_list: WriteList, cra: Regime
) -> None:
    path = write_list(
        "list.csv",
        ["CHILD ID", "referral-date", "D.O.B", "sex", "Ethnic origin", "Work type", "proceeded?"],
        [
            ["A-1", "18/10/2011", "2001-02-03", "F", "bafr", "re-referrals", "NFA"],
            ["A-2", "2011-10-17T00:00:00", "3/2/2001", "2", "WBRI", "S47", "y"],
        ],
    )
    cases = read_case_list(path, cra)
    first, second = cases.cases
    assert first.row == 2 and first.reference == "A-1"
    assert first.values["referral_date"] == date(2011, 10, 18)
    assert first.values["gender"] == "female"
    assert first.values["ethnicity"] == "bafr"
    assert first.values["cra_category"] == "re_referral"
    assert first.values["cra_outcome"] == "did_not_proceed"
    assert second.values["date_of_birth"] == date(2001, 2, 3)
    assert second.values["cra_category"] == "section_47"
    assert len(cases.sha256) == 64


def test_ssda903_placement_codes_map_to_the_section_51_categories(write_list: WriteList) -> None:
    slac = get_host().regime("slac_2009").regime
    headings = ["Child ID", "Date of referral", "DOB", "Gender", "Ethnicity", "CLA", "PLACE"]
    rows = [
        ["B-1", "01/01/2011", "01/01/2005", "1", "WBRI", "Y", "U4"],
        ["B-2", "01/01/2011", "01/01/2005", "1", "WBRI", "Y", "k2"],
        ["B-3", "01/01/2011", "01/01/2005", "1", "WBRI", "N", ""],
    ]
    cases = read_case_list(write_list("slac.csv", headings, rows), slac)
    values = [c.values.get("placement_category") for c in cases.cases]
    assert values == ["foster", "childrens_home", None]


def test_every_problem_reported_in_one_run_with_row_and_column(
    write_list: WriteList, cra: Regime
) -> None:
    rows = [
        good_row(1),
        ["T-0001", "01/06/2011", "2005-03-04", "1", "WBRI", "Referral", "Proceeded"],
        ["T-0003", "31/02/2011", "2005-03-04", "1", "WBRI", "Referral", "Proceeded"],
        ["T-0004", "01/06/2011", "2012-01-01", "1", "WBRI", "Referral", "Proceeded"],
        ["T-0005", "01/06/2011", "2005-03-04", "7", "WBRI", "Nonsense", "Proceeded"],
    ]
    path = write_list("bad.csv", CRA_HEADINGS, rows)
    with pytest.raises(InputError) as caught:
        read_case_list(path, cra)
    problems = caught.value.problems
    assert any("row 3, column A (Child Unique ID): duplicates row 2" in p for p in problems)
    assert any("row 4, column B (Date of referral): not a date" in p for p in problems)
    assert any("row 5, column C (Date of Birth): date of birth is after" in p for p in problems)
    assert any("row 6, column D (Gender): unknown code for Gender" in p for p in problems)
    assert any("row 6, column F (Case tracking category): unknown code for" in p for p in problems)
    text = "\n".join(problems)
    assert "T-0001" not in text  # a reference is never printed
    assert "2012-01-01" not in text and "2005-03-04" not in text  # nor a date of birth
    assert "'7'" not in text and "Nonsense" not in text  # nor any cell's value


def test_a_value_in_the_wrong_column_is_never_echoed(write_list: WriteList, cra: Regime) -> None:
    """A name, a date of birth or a reference typed into a code column stays unprinted."""
    rows = [
        ["T-0001", "01/06/2011", "2005-03-04", "1", "WBRI", "Jane Smith", "Proceeded"],
        ["T-0002", "01/06/2011", "2005-03-04", "1", "WBRI", "03/04/2009", "T-0001"],
    ]
    path = write_list("wrong_columns.csv", CRA_HEADINGS, rows)
    with pytest.raises(InputError) as caught:
        read_case_list(path, cra)
    text = "\n".join(caught.value.problems)
    assert "row 2, column F" in text and "row 3, column G" in text
    for value in ("Jane Smith", "03/04/2009", "T-0001"):
        assert value not in text


def test_missing_required_column_is_reported_by_name(write_list: WriteList, cra: Regime) -> None:
    path = write_list("cols.csv", CRA_HEADINGS[:-1], [good_row(1)[:-1]])
    with pytest.raises(InputError) as caught:
        read_case_list(path, cra, strict=False)  # fatal even when lenient
    assert any(
        "row 1: no column for Proceeded / did not proceed" in p for p in caught.value.problems
    )


def test_problems_are_capped_with_a_count_of_the_rest(write_list: WriteList, cra: Regime) -> None:
    rows = [[f"T-{n}", "bad", "2005-03-04", "1", "WBRI", "Referral", "Y"] for n in range(80)]
    with pytest.raises(InputError) as caught:
        read_case_list(write_list("many.csv", CRA_HEADINGS, rows), cra)
    problems = caught.value.problems
    assert len(problems) == PROBLEM_CAP + 1
    assert problems[-1].endswith(f"and {80 - PROBLEM_CAP} more problem(s) not listed")


def test_lenient_leaves_out_bad_rows_and_records_them(write_list: WriteList, cra: Regime) -> None:
    rows = [good_row(1), good_row(1), good_row(3), [*good_row(4)[:3], "X", *good_row(4)[4:]]]
    cases = read_case_list(write_list("l.csv", CRA_HEADINGS, rows), cra, strict=False)
    assert [c.row for c in cases.cases] == [2, 4]
    assert cases.excluded_rows == (3, 5)
    assert not cases.strict
    assert any("left out 2 row(s)" in w and "row 3" in w and "row 5" in w for w in cases.warnings)


def test_name_columns_are_dropped_and_unknown_columns_listed(
    write_list: WriteList, cra: Regime
) -> None:
    headings = [*CRA_HEADINGS, "Forename", "Child's name", "Allocated worker name", "Team"]
    rows = [[*good_row(1), "Zebedee", "Zebedee Quill", "Ms Worker", "Team 1"]]
    cases = read_case_list(write_list("names.csv", headings, rows), cra)
    everything = repr(cases.cases) + repr(cases.warnings) + repr(cases.frame.to_dicts())
    assert "Zebedee" not in everything and "Worker" not in everything.replace("worker name", "")
    assert any("dropped 3 column(s)" in w for w in cases.warnings)
    # a heading that matches nothing is named by its letter only: a note typed into a
    # heading cell may hold a child's name (issue: nothing personal in any message)
    assert "ignored 1 column(s) not used by cra_2010: column K" in cases.warnings
    assert not any("Team" in w for w in cases.warnings)


def test_blank_rows_quotes_crlf_and_windows_encoding(tmp_path: Path, cra: Regime) -> None:
    path = tmp_path / "excel.csv"
    lines = [",".join(CRA_HEADINGS)]
    lines.append('"T-1",01/06/2011,2005-03-04,1,WBRI,"Referral",Proceeded')
    lines.append('T-2,01/06/2011,2005-03-04,1,WBRI,"Re-\nreferral",Proceeded')  # fails: unknown
    lines.append("T-3,01/06/2011,2005-03-04,1,WBRI,Referral,Proceeded,extra")
    lines.append(",,,,,,")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    cases = read_case_list(path, cra, strict=False)
    assert [c.reference for c in cases.cases] == ["T-1", "T-3"]
    assert cases.excluded_rows == (3,)
    path.write_bytes(("\r\n".join(lines[:2]) + "\r\n£").encode("cp1252"))
    with pytest.raises(InputError):
        read_case_list(path, cra)  # "£" is a row with no reference: a problem, not a crash


def test_xlsx_reads_the_same_as_csv(write_list: WriteList, cra: Regime, tmp_path: Path) -> None:
    from openpyxl import Workbook

    rows = [good_row(1), good_row(2)]
    csv_path = write_list("same.csv", CRA_HEADINGS, rows)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(CRA_HEADINGS))
    sheet.append(rows[0])
    sheet.append([*rows[1][:1], date(2011, 6, 1), date(2005, 3, 4), 1, *rows[1][4:]])
    xlsx_path = tmp_path / "same.xlsx"
    workbook.save(xlsx_path)
    from_csv = read_case_list(csv_path, cra).cases
    from_xlsx = read_case_list(xlsx_path, cra).cases
    assert [c.values for c in from_csv] == [c.values for c in from_xlsx]


def test_unreadable_files_are_input_errors(tmp_path: Path, cra: Regime) -> None:
    for name, data in [("x.xlsx", b"not a zip"), ("e.csv", b""), ("n.csv", b"a\x00b\n")]:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(InputError):
            read_case_list(path, cra)
    with pytest.raises(InputError):
        read_case_list(tmp_path / "missing.csv", cra)
    with pytest.raises(InputError):
        read_case_list(tmp_path / "list.ods", cra)


def test_every_installed_regime_reads_a_fake_list(tmp_path: Path) -> None:
    from inspectkit.caselist.fake import write_fake_case_list

    path = write_fake_case_list(
        tmp_path / "fake.csv",
        400,
        5,
        date(2011, 10, 18),
        get_host().regime_models(),
    )
    for registered in get_host().sorted_regimes():
        cases = read_case_list(path, registered.regime)
        assert len(cases) == 400
        assert not cases.excluded_rows
    with path.open(newline="") as handle:
        assert all(row[0].startswith("FAKE-") for row in list(csv.reader(handle))[1:])
