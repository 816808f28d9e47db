"""What must not appear in a workspace's documents: its children's identifiers and birth dates.

Read from the workspace's sample (references) and case list (references and
dates of birth).  Each value is described by file and row only, so a failed
check never repeats the identifier it found.  References shorter than
``MIN_REFERENCE_LENGTH`` are not scanned for: "12" would match "12 cases".

The case list is read leniently, and a lenient read leaves out a row with any
problem — but a child whose date of birth is mistyped still has a reference
that must stay out of the documents.  So when rows are left out, the
references are read again on their own; what still cannot be checked (an
unreadable date of birth, a list with no such column) is reported as a
warning, by count only.
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
    named = [i for i, h in enumerate(header) if h == "reference"]
    named += [i for i, h in enumerate(header) if "reference" in h]
    column = named[0] if named else 0
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

    fields = {f.id: f for f in standard_fields() if f.id in (REFERENCE_FIELD, BIRTH_FIELD)}
    purpose = workspace.regime.regime.id
    cases = read_with_fields(path, list(fields.values()), strict=False, purpose=purpose)
    births = cases.ordinals(BIRTH_FIELD) if cases.has(BIRTH_FIELD) else None
    name = path.name
    for index, (row, reference) in enumerate(zip(cases.rows, cases.references, strict=True)):
        if len(reference.strip()) >= MIN_REFERENCE_LENGTH:
            values.add_reference(reference, f"{name} row {row}, reference")
        if births is not None and births[index] > 0:
            values.add_birth(date.fromordinal(births[index]), f"{name} row {row}, date of birth")
    if births is None:
        values.warnings.append(
            f"{path.name}: no date of birth column found, so documents are not checked for "
            "children's dates of birth"
        )
        return
    if not cases.excluded_rows:
        return
    # rows left out for a problem (most often an unreadable date of birth): their
    # references must still be kept out of the documents
    again = read_with_fields(path, [fields[REFERENCE_FIELD]], strict=False, purpose=purpose)
    for row, reference in zip(again.rows, again.references, strict=True):
        if len(reference.strip()) >= MIN_REFERENCE_LENGTH:
            values.add_reference(reference, f"{name} row {row}, reference")
    unreadable = len(set(cases.excluded_rows) - set(again.excluded_rows))
    if unreadable:
        values.warnings.append(
            f"{path.name}: {unreadable} date(s) of birth could not be read, so documents are "
            "not checked for them (their case references still are)"
        )
