"""Every way a list reaches the validator gives the same cases and the same problems."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import polars as pl
import pytest
from caselist_helpers import CRA_HEADINGS, good_row

from inspectkit.caselist import CaseList, problems, read_case_list
from inspectkit.errors import InputError
from inspectkit.model import Regime

JUNK = ["", " ", "31/02/2011", "2011-13-01", "Nonsense", "7", "1/1/11", "x, y", 'q"uote', "T-0003"]


def _rows(count: int, seed: int) -> list[list[str]]:
    """A list with every kind of problem sprinkled in, and blank rows."""
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        row = good_row(number)
        row[1] = rng.choice(["01/06/2011", "2011-06-02", "3/6/2011"])
        for at in range(len(row)):
            if rng.random() < 0.04:
                row[at] = rng.choice(JUNK)
        if rng.random() < 0.02:
            row = [""] * len(row)
        if rng.random() < 0.02:
            row = row[: rng.randrange(len(row))]
        rows.append(row)
    return rows


def _write(path: Path, rows: list[list[str]], *, quoting: int, ending: str, bom: bool) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=quoting, lineterminator=ending)
    writer.writerow(CRA_HEADINGS)
    writer.writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    return path


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(CRA_HEADINGS))
    for row in rows:
        sheet.append([cell or None for cell in row])
    workbook.save(path)
    return path


def _content(cases: CaseList) -> object:
    warnings = [w.replace(str(cases.path), "") for w in cases.warnings]
    return cases.frame.to_dict(as_series=False), cases.excluded_rows, warnings


def _outcome(path: Path, regime: Regime, strict: bool) -> object:
    try:
        return _content(read_case_list(path, regime, strict=strict))
    except InputError as exc:
        return [problem.split(": ", 1)[1] for problem in exc.problems]


@pytest.mark.parametrize("strict", [True, False])
def test_plain_quoted_crlf_bom_and_xlsx_agree(tmp_path: Path, cra: Regime, strict: bool) -> None:
    rows = _rows(300, seed=3)
    plain = _write(tmp_path / "plain.csv", rows, quoting=csv.QUOTE_MINIMAL, ending="\n", bom=False)
    expected = _outcome(plain, cra, strict)
    assert expected  # problems (strict) or cases (lenient)
    variants = [
        _write(tmp_path / "all.csv", rows, quoting=csv.QUOTE_ALL, ending="\r\n", bom=True),
        _write(tmp_path / "crlf.csv", rows, quoting=csv.QUOTE_MINIMAL, ending="\r\n", bom=True),
    ]
    for path in [*variants, _xlsx(tmp_path / "list.xlsx", rows)]:
        assert _outcome(path, cra, strict) == expected, path.name


def test_a_problem_text_is_reported_on_every_row_that_holds_it(
    tmp_path: Path, cra: Regime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(problems, "PROBLEM_CAP", 1000)
    rows = [good_row(n) for n in range(40)]
    for n in (3, 17, 38):
        rows[n][6] = "Maybe"  # Outcome, column G
    path = _write(tmp_path / "l.csv", rows, quoting=csv.QUOTE_MINIMAL, ending="\n", bom=False)
    with pytest.raises(InputError) as caught:
        read_case_list(path, cra)
    assert [p.split(": ", 2)[1] for p in caught.value.problems] == [
        f"row {n + 2}, column G (Outcome)" for n in (3, 17, 38)
    ]


def test_stored_columns_are_compact(tmp_path: Path, cra: Regime) -> None:
    rows = [good_row(n) for n in range(5)]
    path = _write(tmp_path / "l.csv", rows, quoting=csv.QUOTE_MINIMAL, ending="\n", bom=False)
    cases = read_case_list(path, cra)
    assert cases.frame["gender"].to_physical().dtype == pl.UInt8  # codes: a byte a case
    assert cases.frame.schema["referral_date"] == pl.Int32


def test_dates_share_a_memo_yet_blank_required_dates_are_found_per_column(
    tmp_path: Path, cra: Regime
) -> None:
    rows = [good_row(n) for n in range(6)]
    rows[1][1] = ""  # referral date (required) blank
    rows[2][2] = "   "  # date of birth (required) blank
    rows[3][1] = "2005-03-04"  # the same text as the date of birth column holds
    rows[4][2] = "32/01/2005"  # not a date
    rows[5][1] = "01/06/2004"  # referral before birth (2005-03-04)
    path = _write(tmp_path / "d.csv", rows, quoting=csv.QUOTE_MINIMAL, ending="\n", bom=False)
    with pytest.raises(InputError) as caught:
        read_case_list(path, cra)
    got = [p.split(": ", 1)[1] for p in caught.value.problems]
    assert got == [
        "row 3, column B (Date of referral): Date of initial referral is blank",
        "row 4, column C (Date of Birth): Date of birth is blank",
        "row 6, column C (Date of Birth): not a date; expected YYYY-MM-DD or DD/MM/YYYY",
        "row 7, column C (Date of Birth): date of birth is after the date of referral "
        "(column B (Date of referral))",
    ]
