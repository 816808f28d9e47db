"""What must not appear in a workspace's documents: its children's identifiers and birth dates.

Read from the workspace's sample (references) and case list (references and
dates of birth).  Each value is described by file and row only, so a failed
check never repeats the identifier it found.  References shorter than
``MIN_REFERENCE_LENGTH`` are not scanned for: "12" would match "12 cases".
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

from inspectkit.documents.checks import PrivateValues
from inspectkit.errors import InputError
from inspectkit.workspace import Workspace

MIN_REFERENCE_LENGTH = 4
BIRTH_FIELD = "date_of_birth"
REFERENCE_FIELD = "case_reference"


def private_values(workspace: Workspace) -> PrivateValues:
    values = PrivateValues()
    sample = workspace.sample_path
    if sample is not None:
        for row, reference in _sample_references(sample):
            if len(reference.strip()) >= MIN_REFERENCE_LENGTH:
                values.add_reference(
                    reference, f"{sample.name} {f'row {row}' if row else 'survey list'}"
                )
    caselist = workspace.caselist_path
    if caselist is not None:
        _add_case_list_values(values, workspace, caselist)
    return values


def sample_size(workspace: Workspace) -> int | None:
    """How many cases the workspace's sample drew, or None without a sample."""
    path = workspace.sample_path
    if path is None:
        return None
    return sum(1 for row, _ in _sample_references(path) if row)


def _sample_references(path: Path) -> list[tuple[int, str]]:
    """(row, reference) for each drawn case, whatever format the sample was saved in."""
    if path.suffix == ".json":
        try:
            data: Any = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError.single(f"{path}: not a readable sample: {exc}") from None
        drawn = data.get("drawn", []) if isinstance(data, dict) else []
        found = [
            (index, str(item["reference"]))
            for index, item in enumerate(drawn, start=1)
            if isinstance(item, dict) and item.get("reference")
        ]
        surveys = data.get("surveys", []) if isinstance(data, dict) else []
        for survey in surveys if isinstance(surveys, list) else []:
            references = survey.get("references", []) if isinstance(survey, dict) else []
            found += [(0, str(r)) for r in references if r]
        return found
    rows = _table_rows(path)
    if not rows:
        return []
    header = [str(h or "").strip().lower() for h in rows[0]]
    column = header.index("reference") if "reference" in header else 0
    return [
        (index, str(row[column]))
        for index, row in enumerate(rows[1:], start=2)
        if len(row) > column and row[column] not in (None, "")
    ]


def _table_rows(path: Path) -> list[list[Any]]:
    if path.suffix == ".xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return [list(r) for r in csv.reader(handle)]


def _add_case_list_values(values: PrivateValues, workspace: Workspace, path: Path) -> None:
    """References and birth dates only: reading just those two columns is much quicker."""
    from inspectkit.caselist import read_with_fields
    from inspectkit.caselist.fields import standard_fields

    wanted = [f for f in standard_fields() if f.id in (REFERENCE_FIELD, BIRTH_FIELD)]
    cases = read_with_fields(path, wanted, strict=False, purpose=workspace.regime.regime.id)
    births = cases.ordinals(BIRTH_FIELD) if cases.has(BIRTH_FIELD) else None
    for index, (row, reference) in enumerate(zip(cases.rows, cases.references, strict=True)):
        if len(reference.strip()) >= MIN_REFERENCE_LENGTH:
            values.add_reference(reference, f"{path.name} row {row}, reference")
        if births is not None and births[index] > 0:
            values.add_birth(
                date.fromordinal(births[index]), f"{path.name} row {row}, date of birth"
            )
