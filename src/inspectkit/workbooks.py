"""New XLSX workbooks (their first sheet named and typed) and tables laid out in them.

openpyxl types ``Workbook.active`` as optional (a loaded workbook may have no active
sheet), but a new workbook always has exactly one worksheet.  Every writer of .xlsx
files (case-list templates, samples, comparisons, readiness packs) starts here, so
that fact is stated once rather than asserted in each, and every table looks alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from inspectkit.safe_cells import append_row

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


def new_workbook(first_sheet: str) -> tuple[Workbook, Worksheet]:
    """A new workbook and its one worksheet, titled ``first_sheet``."""
    # lazy: keeps openpyxl (143 ms) off the start-up of `serve`'s process before it is ready
    from openpyxl import Workbook

    # lazy: keeps openpyxl (172 ms) off the start-up of `serve`'s process before it is ready
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    if not isinstance(sheet, Worksheet):  # pragma: no cover - openpyxl always makes one
        raise TypeError("openpyxl made a workbook without a worksheet")
    sheet.title = first_sheet
    return book, sheet


STATUS_CHOICES: dict[str, tuple[str, ...]] = {
    "Status": ("not started", "in progress", "ready"),
    "Progress": ("not started", "red", "amber", "green", "complete"),
}
"""Columns a council fills in, with the values their drop-down offers (any table)."""

FILL_IN_WIDTHS: dict[str, int] = {"Owner": 24, "Actions": 50, "Evidence of completion": 40}
"""The least width of columns a council writes in, which start empty."""

LINE_HEIGHT_POINTS = 15.0


def fill_sheet(
    sheet: Any,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    freeze: str = "A2",
    widths: tuple[int, int] = (10, 60),
    choices: Mapping[str, Sequence[str]] = STATUS_CHOICES,
) -> None:
    """A table as people read, filter and print it in Excel.

    Bold frozen header with an auto-filter; wrapped text; dates as real dates
    (shown ISO); each column as wide as its longest text within ``widths``
    (narrowest, widest) and each row as tall as its wrapped text; a drop-down on
    every column named in ``choices``; printed landscape, one page wide, with the
    header row repeated on every page.  Every cell is formula-safe
    (:mod:`inspectkit.safe_cells`): text from people's files is never run.
    """
    # lazy: keeps openpyxl (194 ms) off the start-up of `serve`'s process before it is ready
    from openpyxl.styles import Alignment, Font

    # lazy: keeps openpyxl (201 ms) off the start-up of `serve`'s process before it is ready
    from openpyxl.utils import get_column_letter

    # lazy: keeps openpyxl (223 ms) off the start-up of `serve`'s process before it is ready
    from openpyxl.worksheet.datavalidation import DataValidation

    # lazy: keeps openpyxl (173 ms) off the start-up of `serve`'s process before it is ready
    from openpyxl.worksheet.properties import PageSetupProperties

    append_row(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(sheet, row)
    last_row, last_column = sheet.max_row, len(header)
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(last_column)}{last_row}"
    wrap = Alignment(wrap_text=True, vertical="top")
    narrowest, widest = widths
    column_widths: list[int] = []
    for column in range(1, last_column + 1):
        letter = get_column_letter(column)
        longest = max((_longest_line(c.value) for c in sheet[letter]), default=narrowest)
        least = max(narrowest, FILL_IN_WIDTHS.get(header[column - 1], 0))
        width = min(max(longest + 2, least), max(widest, least))
        column_widths.append(width)
        sheet.column_dimensions[letter].width = width
        for cell in sheet[letter]:
            cell.alignment = wrap
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    for row_cells in sheet.iter_rows(min_row=1, max_row=last_row, max_col=last_column):
        lines = max(
            _wrapped_lines(c.value, w) for c, w in zip(row_cells, column_widths, strict=True)
        )
        if lines > 1:
            sheet.row_dimensions[row_cells[0].row].height = lines * LINE_HEIGHT_POINTS
    for position, title in enumerate(header, start=1):
        values = choices.get(title)
        if values and last_row > 1:
            letter = get_column_letter(position)
            validation = DataValidation(
                type="list", formula1='"' + ",".join(values) + '"', allow_blank=True
            )
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{max(last_row, 2)}")
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"


def _longest_line(value: Any) -> int:
    return max((len(line) for line in cell_text(value).splitlines()), default=0)


def _wrapped_lines(value: Any, width: int) -> int:
    """How many lines a cell's text takes when wrapped at ``width`` characters."""
    text = cell_text(value)
    if not text:
        return 1
    return sum(max(1, -(-len(line) // max(width - 1, 1))) for line in text.splitlines())


def cell_text(value: Any) -> str:
    """A table cell as text, dates as ISO (for sheets, documents and CSV alike)."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)
