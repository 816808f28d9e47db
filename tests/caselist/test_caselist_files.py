"""Files as councils' systems and laptops really produce them: each problem the file has as a
whole is one line that says what the file is and what to do, and rows are never lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from caselist_helpers import CRA_HEADINGS, good_row

from inspectkit.caselist import read_case_list
from inspectkit.errors import InputError
from inspectkit.model import Regime


def _lines(*rows: list[str], separator: str = ",") -> str:
    return "\n".join(separator.join(row) for row in [list(CRA_HEADINGS), *rows]) + "\n"


def _problems(path: Path, regime: Regime, **options: object) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_case_list(path, regime, **options)  # type: ignore[arg-type]
    return caught.value.problems


def test_an_unclosed_quote_names_the_row_where_it_opens(tmp_path: Path, cra: Regime) -> None:
    text = _lines(good_row(1), good_row(2)) + 'T-0003,"01/06/2011,2005-03-04\n'
    text += "".join(",".join(good_row(n)) + "\n" for n in range(4, 40))
    path = tmp_path / "quote.csv"
    path.write_text(text, encoding="utf-8")
    [problem] = _problems(path, cra, strict=False)
    assert problem.startswith(f'{path}: row 4: a quote (") opens a field that never closes')


@pytest.mark.parametrize(("separator", "name"), [(";", "semicolons"), ("\t", "tabs")])
def test_a_list_not_separated_by_commas_says_so(
    tmp_path: Path, cra: Regime, separator: str, name: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(_lines(good_row(1), separator=separator), encoding="utf-8")
    assert _problems(path, cra) == [
        f"{path}: row 1: the headings are separated by {name}, not commas; save it from the "
        "spreadsheet as 'CSV UTF-8 (Comma delimited)'"
    ]


def test_utf16_is_refused_with_what_to_do(tmp_path: Path, cra: Regime) -> None:
    path = tmp_path / "unicode.csv"
    path.write_bytes(_lines(good_row(1)).encode("utf-16"))
    [problem] = _problems(path, cra)
    assert "UTF-16 text (Excel's 'Unicode Text'), not CSV; save it" in problem


def test_latin1_is_read_and_said_so(tmp_path: Path, cra: Regime) -> None:
    path = tmp_path / "latin1.csv"
    row = good_row(1)
    row[0] = "T-É1"
    path.write_bytes(_lines(row).encode("latin-1"))
    cases = read_case_list(path, cra)
    assert cases.references == ["T-É1"]
    assert any("not UTF-8, so read as Windows-1252 (Latin-1)" in w for w in cases.warnings)


def test_a_file_that_ends_mid_row_says_so_on_that_row(tmp_path: Path, cra: Regime) -> None:
    path = tmp_path / "cut.csv"
    path.write_text(_lines(good_row(1)) + "T-0002,01/06/2011,2005", encoding="utf-8")
    problems = _problems(path, cra)
    assert (
        f"{path}: row 3, column A (Child Unique ID): the file ends in the middle of this row; "
        "it may have been cut short — export or copy it again"
    ) in problems


def test_a_final_row_without_a_line_ending_is_whole(tmp_path: Path, cra: Regime) -> None:
    path = tmp_path / "whole.csv"
    path.write_text(_lines(good_row(1)) + ",".join(good_row(2)), encoding="utf-8")
    assert len(read_case_list(path, cra)) == 2


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x7f"])
def test_a_control_character_in_a_reference_is_an_error(
    tmp_path: Path, cra: Regime, control: str
) -> None:
    row = good_row(1)
    row[0] = f"T-{control}1"
    path = tmp_path / "nul.csv"
    path.write_text(_lines(good_row(2), row), encoding="utf-8")
    assert _problems(path, cra) == [
        f"{path}: row 3, column A (Child Unique ID): case reference holds a control character "
        "(such as NUL, tab or a line break); export the list again"
    ]


def test_more_fields_than_headings_is_a_warning_naming_the_rows(
    tmp_path: Path, cra: Regime
) -> None:
    path = tmp_path / "ragged.csv"
    rows = [good_row(1), [*good_row(2), "extra"], [*good_row(3), "x", "y"], good_row(4)]
    path.write_text(_lines(*rows), encoding="utf-8")
    cases = read_case_list(path, cra)
    assert len(cases) == 4
    assert (
        f"{path}: rows 3-4 have more fields than there are headings; the extra fields are not read"
        in cases.warnings
    )


@pytest.mark.parametrize(
    ("birth", "on", "message"),
    [
        (
            "1980-01-01",
            None,
            "date of birth is more than 25 years before the date of referral "
            "(column B (Date of referral)); check it",
        ),
        (
            "2011-06-20",
            date(2011, 6, 10),
            "date of birth is after the inspection date (2011-06-10)",
        ),
    ],
)
def test_an_unlikely_date_of_birth_is_an_error_when_strict_and_left_out_when_lenient(
    tmp_path: Path, cra: Regime, birth: str, on: date | None, message: str
) -> None:
    row = good_row(2)
    row[1] = "2011-06-25"  # referral
    row[2] = birth
    path = tmp_path / "dob.csv"
    path.write_text(_lines(good_row(1), row), encoding="utf-8")
    assert _problems(path, cra, on=on) == [f"{path}: row 3, column C (Date of Birth): {message}"]
    lenient = read_case_list(path, cra, strict=False, on=on)
    assert lenient.excluded_rows == (3,)
    assert f"{path}: row 3, column C (Date of Birth): {message} (row left out)" in lenient.warnings


def test_a_child_of_twenty_four_at_referral_is_not_flagged(tmp_path: Path, cra: Regime) -> None:
    row = good_row(1)
    row[1], row[2] = "2011-06-01", "1987-06-02"  # a care leaver, just under 24
    path = tmp_path / "leaver.csv"
    path.write_text(_lines(row), encoding="utf-8")
    assert len(read_case_list(path, cra, on=date(2011, 10, 17))) == 1
