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

The web application keeps no case list: it gives the checks a keyed-digest index of
the uploaded list instead (``case_list``, :mod:`.keyed`), built by the same reading
(:func:`add_case_list_values`).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from inspectkit.case_fields import standard_fields
from inspectkit.documents.checks import PrivateValues
from inspectkit.errors import InputError
from inspectkit.json_files import read_json
from inspectkit.workspace import Workspace

if TYPE_CHECKING:
    from inspectkit.caselist.table import CaseList
    from inspectkit.documents.keyed import KeyedIndex

MIN_REFERENCE_LENGTH = 4
BIRTH_FIELD = "date_of_birth"
REFERENCE_FIELD = "case_reference"


class ValueSink(Protocol):
    """What collects a case list's references and dates of birth: the plain index
    (:class:`PrivateValues`) or the keyed one (:class:`~.keyed.KeyedIndexBuilder`)."""

    warnings: list[str]

    def add_reference(self, reference: str, where: str) -> None: ...

    def add_birth(self, day: date, where: str) -> None: ...


def private_values(workspace: Workspace, case_list: KeyedIndex | None = None) -> PrivateValues:
    """The values ``workspace``'s documents are checked against; ``case_list`` adds a
    list kept only as keyed digests (the web application's)."""
    values = PrivateValues()
    if case_list is not None:
        values.keyed.append(case_list)
    sample = workspace.sample_path
    if sample is not None:
        found = _sample_references(sample)
        values.sample_size = sum(1 for row, _ in found if row)  # survey-only lists have row 0
        for row, reference in found:
            if len(reference.strip()) >= MIN_REFERENCE_LENGTH:
                values.add_reference(
                    reference, f"{sample.name} {f'row {row}' if row else 'survey list'}"
                )
    caselist = workspace.caselist_path
    if caselist is not None:
        add_case_list_values(values, caselist, purpose=workspace.regime.regime.id)
    return values


def text_problems(workspace: Workspace, texts: Iterable[tuple[str, str]]) -> list[str]:
    """The documents' private-value scan over ``(label, text)`` pairs that leave the
    workspace some other way (the action plan's rows)."""
    # lazy: inspectkit.documents.prepare imports this module (an import cycle)
    from inspectkit.documents.prepare import scan_texts

    plan = workspace.plan()
    return scan_texts(texts, workspace=workspace, plan=plan, private=private_values(workspace))


def _sample_references(path: Path) -> list[tuple[int, str]]:
    """(row, reference) for each drawn case, whatever format the sample was saved in.

    Row 0 marks a survey list's reference.  A sample that cannot be read is an
    error, never "no references": documents checked against nothing would pass.
    """
    if path.suffix == ".json":
        return _json_references(path)
    sheets = _table_sheets(path)
    found = _column_references(sheets[0]) if sheets else []
    for sheet in sheets[1:]:  # an .xlsx sample's "Surveys" sheet: survey, reference
        if sheet and [str(h or "").strip().lower() for h in sheet[0]][1:2] == ["case reference"]:
            found += [(0, str(row[1])) for row in sheet[1:] if len(row) > 1 and row[1]]
    return found


def _json_references(path: Path) -> list[tuple[int, str]]:
    """References from a sample.json, read as strictly as it was written."""
    # lazy: keeps inspectkit.sampling.saved (34 ms) off `inspectkit check` (no case list)
    from inspectkit.sampling.saved import EXPECTED, sample_from_data

    saved = sample_from_data(read_json(path, EXPECTED), str(path))
    return saved.references()


def _column_references(rows: list[list[Any]]) -> list[tuple[int, str]]:
    """The reference column of a sample table: headed "reference", else the first."""
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


def _table_sheets(path: Path) -> list[list[list[Any]]]:
    """Every sheet's rows (a CSV is one sheet); InputError naming the file when unreadable."""
    if path.suffix == ".xlsx":
        return _workbook_sheets(path)
    try:
        data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError.single(
            f"{path}: not UTF-8 text (line {line}); save the sample as UTF-8 CSV, as "
            "`inspectkit sample` writes it"
        ) from None
    try:
        return [[list(r) for r in csv.reader(io.StringIO(text, newline=""))]]
    except csv.Error as exc:
        raise InputError.single(f"{path}: not a readable CSV file ({exc})") from None


def _workbook_sheets(path: Path) -> list[list[list[Any]]]:
    # lazy: keeps openpyxl (184 ms) off the start-up of `inspectkit check` (no case list)
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # openpyxl and zipfile raise many kinds for a damaged file
        raise InputError.single(
            f"{path}: not a readable Excel workbook ({type(exc).__name__}); expected an .xlsx "
            "sample as `inspectkit sample` writes it"
        ) from None
    try:
        return [[list(r) for r in sheet.iter_rows(values_only=True)] for sheet in book.worksheets]
    except Exception as exc:  # a damaged sheet inside a readable package
        raise InputError.single(
            f"{path}: a sheet of the workbook cannot be read ({type(exc).__name__})"
        ) from None
    finally:
        book.close()


def _first_births(cases: CaseList) -> list[tuple[int, int]]:
    """(row, day number) of each distinct date of birth, at its first row: a few thousand
    days among a million rows, so only those become dates (2-3 s less at a million)."""
    # lazy: keeps polars (125 ms) off the start-up of `inspectkit check` (no case list)
    import polars as pl

    # lazy: keeps inspectkit.caselist.table (15 ms) off `inspectkit check` (no case list)
    from inspectkit.caselist.table import ROW

    births = cases.frame.select(ROW, BIRTH_FIELD).drop_nulls(BIRTH_FIELD)
    births = births.filter(pl.col(BIRTH_FIELD) > 0)
    first = births.unique(subset=[BIRTH_FIELD], keep="first", maintain_order=True)
    return list(first.iter_rows())


def add_case_list_values(
    values: ValueSink, path: Path, *, purpose: str, read: CaseList | None = None
) -> None:
    """Every reference and date of birth of the list at ``path`` into ``values``.

    References and birth dates only: reading just those two columns is much quicker.
    ``read`` is the list already read in full (to draw a sample from): used as it is
    when it left no row out and has the dates of birth, instead of reading again.
    """
    # lazy: keeps inspectkit.caselist (13 ms) off the start-up of `inspectkit check` (no case list)
    from inspectkit.caselist import read_with_fields

    fields = {f.id: f for f in standard_fields() if f.id in (REFERENCE_FIELD, BIRTH_FIELD)}
    if read is not None and not read.excluded_rows and read.has(BIRTH_FIELD):
        cases = read
    else:
        cases = read_with_fields(path, list(fields.values()), strict=False, purpose=purpose)
    name = path.name
    for row, reference in zip(cases.rows, cases.references, strict=True):
        if len(reference.strip()) >= MIN_REFERENCE_LENGTH:
            values.add_reference(reference, f"{name} row {row}, reference")
    if cases.has(BIRTH_FIELD):
        for row, day in _first_births(cases):
            values.add_birth(date.fromordinal(day), f"{name} row {row}, date of birth")
    else:
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
