"""Reading a council's case list into canonical columns, reporting every problem.

Strict (the default): any problem fails the whole list with every problem
listed (capped at ``PROBLEM_CAP`` lines, with a count of the rest), so a council
fixes its export once.  Lenient: rows with problems are left out and reported as
warnings, and their row numbers are kept for the sample record.  A missing
required column fails in both modes — no row could be used without it.

Speed matters (a list can hold a million rows), so the work is done a block of
rows and a column at a time: ``cells`` translates a column through a memo of the
texts already seen (one dictionary look-up per cell, in C), and the row checks
(blank and duplicate references, date of birth after referral) are set and
``map`` operations over whole columns.  CSV and XLSX share all of it: only the
``sources`` differ.  Messages name the row and column, never the value of a
personal field, never a case reference.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import compress
from operator import gt
from pathlib import Path

from inspectkit.caselist.blocks import Block
from inspectkit.caselist.cells import (
    ColumnCells,
    DateMemo,
    ObjectCells,
    PackedCells,
    column_cells,
)
from inspectkit.caselist.fields import case_fields_for
from inspectkit.caselist.halves import ReadAgain, cut_for, read_in_halves
from inspectkit.caselist.problems import Part, Problems
from inspectkit.caselist.references import DuplicateCheck
from inspectkit.caselist.sources import CSV_ENCODINGS, Source, file_rows, file_sha256
from inspectkit.caselist.table import CaseList, CodeColumn, Column, DateColumn, TextColumn
from inspectkit.caselist.vocabulary import Vocabulary, normalise_heading
from inspectkit.caselist.vocabulary import vocabulary_for as _vocabulary_for
from inspectkit.errors import InputError
from inspectkit.model import CaseField, Regime

REFERENCE_FIELD = "case_reference"
BIRTH_FIELD = "date_of_birth"
REFERRAL_FIELD = "referral_date"

Issue = tuple[int, int, str]  # (index in the block, slot index, message)


def read_case_list(path: Path, regime: Regime, *, strict: bool = True) -> CaseList:
    """Read ``path`` (CSV or XLSX) for ``regime``; InputError lists every problem, capped."""
    return read_with_fields(path, case_fields_for(regime), strict=strict, purpose=regime.id)


def read_with_fields(
    path: Path, fields: Sequence[CaseField], *, strict: bool = True, purpose: str = ""
) -> CaseList:
    """Read ``path`` against an explicit field list (what ``read_case_list`` uses)."""
    path = Path(path)
    vocabulary = _vocabulary_for(tuple(fields))
    cut = cut_for(path)
    digest = None if cut is not None else file_sha256(path)
    with _collector_paused():
        for encoding in CSV_ENCODINGS:
            try:
                if cut is not None:
                    reader = ListReader(path, vocabulary, strict=strict, purpose=purpose)
                    try:
                        digest = read_in_halves(reader, path, encoding, cut)
                        return reader.finish(digest)
                    except ReadAgain:
                        cut = None
                digest = digest or file_sha256(path)
                reader = ListReader(path, vocabulary, strict=strict, purpose=purpose)
                return reader.read(file_rows(path, encoding), digest)
            except UnicodeDecodeError:
                continue
    raise InputError.single(
        f"{path}: not UTF-8 or Windows-1252 text; save it from the spreadsheet as 'CSV UTF-8'"
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a list is read.

    Reading makes millions of objects that live on (cells, rows of quoted records,
    XLSX rows), none of them in cycles; the collector would walk them again and
    again for nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def column_letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class _Slot:
    """One used column: which field it gives, its label in messages, its translator."""

    def __init__(
        self, position: int, heading: str, field: CaseField, vocabulary: Vocabulary, dates: DateMemo
    ) -> None:
        self.position = position
        self.field = field
        shown = heading.strip()
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        self.label = f"column {column_letter(position)} ({shown})"
        self.cells = column_cells(field, vocabulary, dates)


class ListReader:
    """One reading of a list: the header's columns, then rows a block at a time."""

    def __init__(self, path: Path, vocabulary: Vocabulary, *, strict: bool, purpose: str) -> None:
        self.path = path
        self.vocabulary = vocabulary
        self.strict = strict
        self.purpose = purpose
        self.fatal: list[str] = []
        self.problems = Problems()
        self.warnings: list[str] = []
        self.slots: list[_Slot] = []
        self.rows: array[int] = array("l")
        self.references: list[str] = []
        self.duplicates = DuplicateCheck()
        self.check_references = True  # off in a reader of a later part (``halves``)
        self.reference_slot: _Slot | None = None
        self.header_width = 1

    # -- header -----------------------------------------------------------------------

    def header(self, cells: list[str]) -> None:
        self.header_width = max(len(cells), 1)
        dates = DateMemo()  # shared by the date columns: the same dates recur across them
        by_field: dict[str, _Slot] = {}
        ignored: list[str] = []
        dropped: list[str] = []
        for position, heading in enumerate(cells):
            key = normalise_heading(heading)
            if not key:
                continue
            if self.vocabulary.is_name_heading(key):
                dropped.append(column_letter(position))
                continue
            field_id = self.vocabulary.by_heading.get(key)
            if field_id is None:
                ignored.append(heading.strip())
                continue
            if field_id in by_field:
                first = by_field[field_id]
                self.fatal.append(
                    f"{self.path}: row 1, column {column_letter(position)} ({heading.strip()}): "
                    f"gives {first.field.title} again (already in {first.label}); keep one"
                )
                continue
            case_field = self.vocabulary.by_id[field_id]
            by_field[field_id] = _Slot(position, heading, case_field, self.vocabulary, dates)
        for case_field in self.vocabulary.fields:
            if case_field.required and case_field.id not in by_field:
                accepted = ", ".join(case_field.headings) or case_field.title
                self.fatal.append(
                    f"{self.path}: row 1: no column for {case_field.title}"
                    f"{f' (required by {self.purpose})' if self.purpose else ''}; "
                    f"accepted headings: {accepted}"
                )
        self.slots = sorted(by_field.values(), key=lambda s: s.position)
        self.reference_slot = by_field.get(REFERENCE_FIELD)
        if dropped:
            self.warnings.append(
                f"dropped {len(dropped)} column(s) that carry names or other identifiers "
                f"(column {', '.join(dropped)}); they are not read"
            )
        if ignored:
            self.warnings.append(
                f"ignored {len(ignored)} column(s) not used"
                f"{f' by {self.purpose}' if self.purpose else ''}: {', '.join(ignored)}"
            )

    # -- rows -------------------------------------------------------------------------

    def read(self, source: Source, digest: str) -> CaseList:
        self.start(source)
        self.rows_from(source, 2)
        return self.finish(digest)

    def start(self, source: Source) -> None:
        """Read the header row."""
        header = next(source, None)
        if not isinstance(header, list):
            raise InputError.single(f"{self.path}: empty file: expected a header row")
        self.header(header)

    def rows_from(self, source: Source, first_row: int) -> int:
        """Read every block of ``source``, its first row numbered ``first_row``; the
        number the next row would have."""
        next_row = first_row
        for block in source:
            assert isinstance(block, Block)
            if self.reference_slot is not None and block.count:
                self.chunk(block, next_row)
            next_row += block.count
        return next_row

    def part(self) -> Part:
        """What this reader found, for the reader of the part before (``halves``)."""
        data = [slot.cells.stored() for slot in self.slots if slot is not self.reference_slot]
        return Part(self.rows, self.references, data, self.problems)

    def merge(self, part: Part, first_row: int) -> None:
        """Take the rows a reader of the following part found, as if read here: they
        are renumbered from ``first_row``, their references checked against these."""
        assert self.reference_slot is not None
        ref_at = self.slots.index(self.reference_slot)
        if isinstance(part.rows, range):
            rows = array("l", range(part.rows.start + first_row, part.rows.stop + first_row))
        else:
            rows = array("l", map(first_row.__add__, part.rows))
        duplicates = self.duplicates.check(part.references, rows, self.references, self.rows)
        later = [(rows[i], ref_at, message) for i, message in duplicates]
        self.problems.add_later(part.problems, first_row, later)
        self.rows.extend(rows)
        self.references.extend(part.references)
        stored = iter(part.data)
        for slot in self.slots:
            if slot is not self.reference_slot:
                slot.cells.extend(next(stored))

    def chunk(self, block: Block, first_row: int) -> None:
        """Translate and check one block of rows, column by column."""
        assert self.reference_slot is not None
        ref_at = self.slots.index(self.reference_slot)
        columns = [block.column(s.position) for s in self.slots]
        references = list(map(str.strip, columns[ref_at]))
        rows: Sequence[int] = range(first_row, first_row + block.count)
        issues: list[Issue] = []
        if "" in references:
            blank = [i for i, reference in enumerate(references) if not reference]
            # A wholly blank row, as spreadsheets leave at the end, is skipped unseen.
            skip = {i for i in blank if not any(cell.strip() for cell in block.row(i))}
            if skip:
                keep = [i not in skip for i in range(block.count)]
                columns = [list(compress(cells, keep)) for cells in columns]
                references = list(compress(references, keep))
                rows = list(compress(rows, keep))
            issues += [
                (i, ref_at, "case reference is blank") for i, r in enumerate(references) if not r
            ]
        for at, (slot, cells) in enumerate(zip(self.slots, columns, strict=True)):
            if slot is not self.reference_slot:
                slot.cells.add(cells)
                issues += [(i, at, message) for i, message in slot.cells.problems(cells)]
        self.check_dates_in_order(issues)
        if self.check_references:
            duplicates = self.duplicates.check(references, rows, self.references, self.rows)
            issues += [(i, ref_at, message) for i, message in duplicates]
        if issues:
            issues.sort()  # by row, then column (slots are in column order)
            self.problems.add((rows[i], at, message) for i, at, message in issues)
        self.rows.extend(rows)
        self.references.extend(references)

    def check_dates_in_order(self, issues: list[Issue]) -> None:
        """A date of birth after the date of referral (both given) is a problem."""
        ids = [s.field.id for s in self.slots]
        if BIRTH_FIELD not in ids or REFERRAL_FIELD not in ids:
            return
        birth_at, referral_at = ids.index(BIRTH_FIELD), ids.index(REFERRAL_FIELD)
        birth, referral = self.slots[birth_at].cells, self.slots[referral_at].cells
        assert isinstance(birth, PackedCells) and isinstance(referral, PackedCells)
        births, referrals = birth.last_values(), referral.last_values()
        if not any(map(gt, births, referrals)):  # the usual answer, found in C
            return
        message = f"date of birth is after the date of referral ({self.slots[referral_at].label})"
        issues += [
            (i, birth_at, message)
            for i, (b, r) in enumerate(zip(births, referrals, strict=True))
            if b > r > 0
        ]

    # -- result -----------------------------------------------------------------------

    def finish(self, digest: str) -> CaseList:
        lines = self.problems.lines(f"{self.path}: ", lambda at: self.slots[at].label)
        if self.fatal or (self.strict and lines):
            raise InputError(self.fatal + lines)
        warnings = list(self.warnings)
        excluded = tuple(sorted(self.problems.rows))
        keep: list[bool] | None = None
        if excluded:
            warnings.extend(f"{line} (row left out)" for line in lines)
            warnings.append(
                f"left out {len(excluded)} row(s) with problems (lenient mode): "
                + _row_ranges(excluded)
            )
            bad = self.problems.rows
            keep = [row not in bad for row in self.rows]
        rows = array("l", compress(self.rows, keep)) if keep else self.rows
        references = list(compress(self.references, keep)) if keep else self.references
        columns: dict[str, Column] = {
            slot.field.id: _column(slot.cells, keep, self.vocabulary)
            for slot in self.slots
            if slot is not self.reference_slot
        }
        return CaseList(
            path=self.path,
            sha256=digest,
            fields=self.vocabulary.fields,
            rows=rows,
            references=references,
            columns=columns,
            strict=self.strict,
            excluded_rows=excluded,
            warnings=tuple(warnings),
        )


def _column(
    cells: ColumnCells[object] | ColumnCells[bytes], keep: list[bool] | None, vocabulary: Vocabulary
) -> Column:
    field = cells.field
    if isinstance(cells, PackedCells):
        if field.kind == "date":
            return DateColumn(field=field, data=cells.values(keep))
        value_ids = vocabulary.codes[field.id].value_ids
        return CodeColumn(field=field, value_ids=value_ids, data=cells.values(keep))
    assert isinstance(cells, ObjectCells)
    return TextColumn(field=field, data=cells.values(keep))  # type: ignore[arg-type]


def _row_ranges(rows: Sequence[int], limit: int = 40) -> str:
    """Row numbers as compact ranges: "3, 5-9, 12" (capped, with a count of the rest)."""
    parts: list[str] = []
    start = previous = rows[0]
    for row in [*rows[1:], None]:
        if row is not None and row == previous + 1:
            previous = row
            continue
        parts.append(f"rows {start}-{previous}" if previous > start else f"row {start}")
        if row is not None:
            start = previous = row
    shown = ", ".join(parts[:limit])
    return shown + (f", and {len(parts) - limit} more range(s)" if len(parts) > limit else "")
