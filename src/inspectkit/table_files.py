"""Named tables as a workbook, a Word document or a CSV file: a council's own documents.

The readiness checklist and the post-inspection action plan are both a few named tables
with the sources they cite; the core registers these writers for both products
(``inspectkit.default_plugins.writers``), by extension.  Every format is written through
a temporary file, so a failure leaves no half-written file, and every cell is
formula-safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

from inspectkit.bibliography import Entry
from inspectkit.files import atomic_path
from inspectkit.safe_cells import SafeCsvWriter
from inspectkit.workbooks import cell_text, fill_sheet

Table = tuple[str, Sequence[str], Sequence[Sequence[Any]]]

SOURCES_TABLE = "Sources"
SOURCES_COLUMNS = ("Key", "Source")


@frozen(kw_only=True)
class TableSet:
    """Named tables to write, with their title, the bibliography of what they cite and
    ``logo``, the letterhead of a Word file (the council's, for its own documents)."""

    title: str
    tables: tuple[Table, ...]
    sources: tuple[Entry, ...] = ()
    logo: str = "Inspection readiness"

    def with_sources(self) -> list[Table]:
        """The tables, then a "Sources" table so a reader can follow every key."""
        if not self.sources:
            return list(self.tables)
        listed = [[e.key, e.text] for e in self.sources]
        return [*self.tables, (SOURCES_TABLE, SOURCES_COLUMNS, listed)]


def write_tables_xlsx(tables: TableSet, target: Path) -> None:
    """A workbook with a sheet per table."""
    # lazy: keeps openpyxl (143 ms) off the start-up of `serve`'s process before it is ready
    from openpyxl import Workbook

    book = Workbook()
    for empty in list(book.worksheets):  # each table gets a sheet of its own
        book.remove(empty)
    for name, header, rows in tables.with_sources():
        fill_sheet(book.create_sheet(name[:31]), header, rows, widths=(12, 70))
    with atomic_path(target) as temporary:
        book.save(temporary)


def write_tables_docx(tables: TableSet, target: Path) -> None:
    """A4 landscape in the house style: letterhead, footer with page numbers, and tables
    whose header row repeats on every page, rows never split, and columns wide enough
    for their longest word."""
    # lazy: keeps docx (36 ms) off the start-up of `serve`'s process before it is ready
    from docx.shared import Pt

    # lazy: keeps inspectkit.docx_style (37 ms) off `serve`'s process before it is ready
    from inspectkit.docx_style import (
        fixed_widths,
        header_row,
        keep_row_together,
        new_document,
        proportional_widths,
        text_width,
    )

    title = tables.title
    document = new_document(title, logo=tables.logo, footer_parts=(title,), landscape=True)
    document.add_heading(title, level=1)
    width = text_width(document.sections[0])
    for name, header, rows in tables.with_sources():
        document.add_heading(name, level=2)
        if not rows:
            document.add_paragraph("None.")
            continue
        texts = [[cell_text(value) for value in row] for row in rows]
        table = document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        header_row(table.rows[0], header)
        for row in texts:
            added = table.add_row()
            for cell, text in zip(added.cells, row, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.font.size = Pt(9)
            keep_row_together(added)
        fixed_widths(table, proportional_widths(header, texts, width))
    with atomic_path(target) as temporary:
        document.save(str(temporary))


def write_tables_csv(tables: TableSet, target: Path) -> None:
    """The first table alone: a CSV file holds one table, so sources are not added."""
    _name, header, rows = tables.tables[0]
    with atomic_path(target) as temporary, temporary.open("w", newline="", encoding="utf-8") as f:
        writer = SafeCsvWriter(f)
        writer.writerow(header)
        writer.writerows(rows)
