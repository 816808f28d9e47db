"""New XLSX workbooks, their first sheet named and typed.

openpyxl types ``Workbook.active`` as optional (a loaded workbook may have no active
sheet), but a new workbook always has exactly one worksheet.  Every writer of .xlsx
files (case-list templates, samples, comparisons, readiness packs) starts here, so
that fact is stated once rather than asserted in each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


def new_workbook(first_sheet: str) -> tuple[Workbook, Worksheet]:
    """A new workbook and its one worksheet, titled ``first_sheet``."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    if not isinstance(sheet, Worksheet):  # pragma: no cover - openpyxl always makes one
        raise TypeError("openpyxl made a workbook without a worksheet")
    sheet.title = first_sheet
    return book, sheet
