"""An empty case list for a regime: the headings councils should fill in.

The XLSX template adds a ``Codes`` sheet listing each code field's first code
and meaning, and a drop-down (data validation) on each code column, so a
council's list arrives in codes the reader accepts.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from inspectkit.case_fields import case_fields_for
from inspectkit.case_vocabulary import vocabulary_for
from inspectkit.caselist.reader import column_letter
from inspectkit.errors import InputError
from inspectkit.files import atomic_path, write_text_atomic
from inspectkit.model import Regime
from inspectkit.safe_cells import SafeCsvWriter, append_row, set_cell
from inspectkit.workbooks import new_workbook

TEMPLATE_ROWS = 1000  # rows a drop-down covers in the XLSX template


def template_headings(regime: Regime) -> list[str]:
    """The canonical heading of every field the regime reads, in order."""
    fields = case_fields_for(regime)
    vocabulary = vocabulary_for(fields)
    return [vocabulary.template_heading(f) for f in fields]


def write_template(regime: Regime, path: Path) -> Path:
    """Write an empty case list for ``regime`` to ``path`` (.csv or .xlsx)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        buffer = io.StringIO()
        SafeCsvWriter(buffer, lineterminator="\n").writerow(template_headings(regime))
        write_text_atomic(path, buffer.getvalue())
        return path
    if suffix != ".xlsx":
        raise InputError.single(f"{path}: expected a .csv or .xlsx template file name")

    fields = case_fields_for(regime)
    workbook, sheet = new_workbook("Cases")
    append_row(sheet, template_headings(regime))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    codes = workbook.create_sheet("Codes")
    code_column = 0
    for position, case_field in enumerate(fields):
        if case_field.kind not in ("code", "flag") or not case_field.values:
            continue
        letter = column_letter(code_column)
        for offset, (code, meaning) in enumerate(
            [
                (case_field.title, "Meaning"),
                *(((v.codes or (v.id,))[0], v.label) for v in case_field.values),
            ],
            start=1,
        ):
            set_cell(codes.cell(row=offset, column=code_column + 1), code)
            set_cell(codes.cell(row=offset, column=code_column + 2), meaning)
        for cell in (
            codes.cell(row=1, column=code_column + 1),
            codes.cell(row=1, column=code_column + 2),
        ):
            cell.font = Font(bold=True)
        last = len(case_field.values) + 1
        validation = DataValidation(
            type="list",
            formula1=f"=Codes!${letter}$2:${letter}${last}",
            allow_blank=not case_field.required,
            showErrorMessage=False,  # councils may use any declared code, not only the first
        )
        target = column_letter(position)
        validation.add(f"{target}2:{target}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(validation)
        code_column += 3
    with atomic_path(path) as temporary:
        workbook.save(temporary)
    return path
