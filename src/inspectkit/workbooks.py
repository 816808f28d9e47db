"""New XLSX workbooks (their first sheet named and typed) and tables laid out in them.

openpyxl types ``Workbook.active`` as optional (a loaded workbook may have no active
sheet), but a new workbook always has exactly one worksheet.  Every writer of .xlsx
files (case-list templates, samples, comparisons, readiness packs) starts here, so
that fact is stated once rather than asserted in each, and every table looks alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

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


def fill_sheet(
    sheet: Any,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    freeze: str = "A2",
    widths: tuple[int, int] = (10, 60),
) -> None:
    """A table as people read it in Excel: bold frozen header, wrapped text, ISO dates,
    and each column as wide as its longest text within ``widths`` (narrowest, widest)."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = freeze
    wrap = Alignment(wrap_text=True, vertical="top")
    narrowest, widest = widths
    for column in range(1, len(header) + 1):
        letter = get_column_letter(column)
        longest = max((len(cell_text(c.value)) for c in sheet[letter]), default=narrowest)
        sheet.column_dimensions[letter].width = min(max(longest, narrowest), widest)
        for cell in sheet[letter]:
            cell.alignment = wrap
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"


def cell_text(value: Any) -> str:
    """A table cell as text, dates as ISO (for sheets, documents and CSV alike)."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)
