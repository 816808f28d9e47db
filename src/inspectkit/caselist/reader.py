"""Reading a council's case list into canonical columns, reporting every problem.

Strict (the default): any problem fails the whole list with every problem
listed (capped at ``PROBLEM_CAP`` lines, with a count of the rest), so a council
fixes its export once.  Lenient: rows with problems are left out and reported as
warnings, and their row numbers are kept for the sample record.  A missing
required column fails in both modes — no row could be used without it.

Speed matters (a list can hold a million rows), so cells are translated by
per-column memo dictionaries filled from the declared vocabulary: most cells
cost one dictionary look-up, and only a value never seen before is parsed.
Messages name the row and column, never the value of a personal field, never
a case reference.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable, Sequence
from itertools import compress, repeat
from pathlib import Path
from typing import cast

from inspectkit.caselist.dates import parse_date
from inspectkit.caselist.fields import case_fields_for
from inspectkit.caselist.sources import CSV_ENCODINGS, Block, Source, file_rows
from inspectkit.caselist.table import (
    BLANK_CODE,
    BLANK_DATE,
    CaseList,
    CodeColumn,
    Column,
    DateColumn,
    TextColumn,
)
from inspectkit.caselist.vocabulary import Vocabulary, normalise_code, normalise_heading
from inspectkit.caselist.vocabulary import vocabulary_for as _vocabulary_for
from inspectkit.errors import InputError
from inspectkit.model import CaseField, Regime

PROBLEM_CAP = 50
MEMO_LIMIT = 200_000  # distinct raw values remembered per column; beyond it, parse each time
REFERENCE_FIELD = "case_reference"
BIRTH_FIELD = "date_of_birth"
REFERRAL_FIELD = "referral_date"

_UNSEEN = -2
_INVALID = -3


def read_case_list(path: Path, regime: Regime, *, strict: bool = True) -> CaseList:
    """Read ``path`` (CSV or XLSX) for ``regime``; InputError lists every problem, capped."""
    return read_with_fields(path, case_fields_for(regime), strict=strict, purpose=regime.id)


def read_with_fields(
    path: Path, fields: Sequence[CaseField], *, strict: bool = True, purpose: str = ""
) -> CaseList:
    """Read ``path`` against an explicit field list (what ``read_case_list`` uses)."""
    path = Path(path)
    digest = file_sha256(path)
    vocabulary = _vocabulary_for(tuple(fields))
    for encoding in CSV_ENCODINGS:
        try:
            reader = _Reader(path, vocabulary, strict=strict, purpose=purpose)
            return reader.read(file_rows(path, encoding), digest)
        except UnicodeDecodeError:
            continue
    raise InputError.single(
        f"{path}: not UTF-8 or Windows-1252 text; save it from the spreadsheet as 'CSV UTF-8'"
    )


def file_sha256(path: Path) -> str:
    """The SHA-256 of the file's bytes: what a sample record cites as its input."""
    try:
        with Path(path).open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None


def column_letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class _Slot:
    """One used column: which field it gives and how its cells are translated."""

    def __init__(self, position: int, heading: str, field: CaseField) -> None:
        self.position = position
        self.field = field
        shown = heading.strip()
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        self.label = f"column {column_letter(position)} ({shown})"
        self.memo: dict[str, object] = {}
        # Codes and dates go straight into compact arrays; a million rows stay small.
        self.data: array[int] | list[object]
        if field.kind in ("code", "flag"):
            self.data = array("h")
        elif field.kind == "date":
            self.data = array("l")
        else:
            self.data = []


class _Reader:
    def __init__(self, path: Path, vocabulary: Vocabulary, *, strict: bool, purpose: str) -> None:
        self.path = path
        self.vocabulary = vocabulary
        self.strict = strict
        self.purpose = purpose
        self.fatal: list[str] = []
        self.problems: list[str] = []
        self.problem_count = 0
        self.bad_rows: set[int] = set()
        self.warnings: list[str] = []
        self.slots: list[_Slot] = []
        self.rows: array[int] = array("l")
        self.references: list[str] = []
        self.seen: set[str] = {""}
        self.reference_slot: _Slot | None = None

    # -- header -----------------------------------------------------------------------

    def header(self, cells: list[str]) -> None:
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
            by_field[field_id] = _Slot(position, heading, self.vocabulary.by_id[field_id])
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
        header = next(source, None)
        if not isinstance(header, list):
            raise InputError.single(f"{self.path}: empty file: expected a header row")
        self.header(header)
        next_row = 2
        for block in source:
            assert isinstance(block, Block)
            if self.reference_slot is not None and block.count:
                self.chunk(block, next_row)
            next_row += block.count
        return self.finish(digest)

    def chunk(self, block: Block, first_row: int) -> None:
        count = block.count
        columns = [block.column(s.position) for s in self.slots]
        issues: list[tuple[int, int, str]] = []
        assert self.reference_slot is not None
        ref_at = self.slots.index(self.reference_slot)
        references = list(map(str.strip, columns[ref_at]))
        skip: set[int] = set()
        if "" in references:
            for i, reference in enumerate(references):
                if not reference:
                    if not any(cell.strip() for cell in block.row(i)):
                        skip.add(i)  # a wholly blank row, as spreadsheets leave at the end
                    else:
                        issues.append((i, ref_at, "case reference is blank"))
        translated: list[list[object]] = []
        for at, (slot, cells) in enumerate(zip(self.slots, columns, strict=True)):
            if slot is self.reference_slot:
                translated.append(references)  # type: ignore[arg-type]
                continue
            translated.append(self.translate(slot, at, cells, issues))
        self.check_dates_in_order(translated, issues)
        self.check_duplicates(references, first_row, ref_at, skip, issues)
        if skip:
            issues = [issue for issue in issues if issue[0] not in skip]
            keep = [i not in skip for i in range(count)]
            translated = [list(compress(values, keep)) for values in translated]
            row_numbers = [first_row + i for i in range(count) if i not in skip]
            references = list(compress(references, keep))
        else:
            row_numbers = list(range(first_row, first_row + count))
        self.record(issues, first_row)
        self.rows.extend(row_numbers)
        self.references.extend(references)
        for slot, values in zip(self.slots, translated, strict=True):
            slot.data.extend(values)  # type: ignore[arg-type]

    def translate(
        self, slot: _Slot, at: int, cells: Sequence[str], issues: list[tuple[int, int, str]]
    ) -> list[object]:
        kind = slot.field.kind
        get = slot.memo.get
        values: list[object] = list(map(get, cells, repeat(_UNSEEN)))
        if kind in ("code", "flag", "date"):
            # The common case, settled by one C-level scan: every cell already known,
            # none invalid, and blank only where the field may be blank.
            blank_value = BLANK_DATE if kind == "date" else BLANK_CODE
            low = min(cast(list[int], values), default=blank_value + 1)
            if low > blank_value or (low == blank_value and not slot.field.required):
                return values
        if _UNSEEN in values:
            parse = self.parser(slot)
            remember = len(slot.memo) < MEMO_LIMIT
            for i, value in enumerate(values):
                if value == _UNSEEN:
                    cell = cells[i]
                    value = slot.memo.get(cell, _UNSEEN)
                    if value == _UNSEEN:
                        value = parse(cell)
                        if remember:
                            slot.memo[cell] = value
                    values[i] = value
        blank: object = {"code": BLANK_CODE, "flag": BLANK_CODE, "date": BLANK_DATE}.get(kind)
        if slot.field.required and blank in values:
            for i, value in enumerate(values):
                if value == blank:
                    issues.append((i, at, f"{slot.field.title} is blank"))
        if _INVALID in values:
            for i, value in enumerate(values):
                if value == _INVALID:
                    issues.append((i, at, self.invalid_message(slot, cells[i])))
        return values

    def parser(self, slot: _Slot) -> Callable[[str], object]:
        kind = slot.field.kind
        if kind in ("code", "flag"):
            codes = self.vocabulary.codes[slot.field.id].codes

            def code(cell: str) -> object:
                key = normalise_code(cell)
                return BLANK_CODE if not key else codes.get(key, _INVALID)

            return code
        if kind == "date":

            def day(cell: str) -> object:
                if not cell.strip():
                    return BLANK_DATE
                parsed = parse_date(cell)
                return _INVALID if parsed is None else parsed.toordinal()

            return day
        if kind == "integer":

            def integer(cell: str) -> object:
                text = cell.strip()
                if not text:
                    return None
                return int(text) if text.isascii() and text.isdigit() else _INVALID

            return integer

        def text(cell: str) -> object:
            return cell.strip() or None

        return text

    def invalid_message(self, slot: _Slot, cell: str) -> str:
        case_field = slot.field
        if case_field.kind == "date":
            return "not a date; expected YYYY-MM-DD or DD/MM/YYYY"
        if case_field.kind == "integer":
            return "not a whole number"
        codes = [c for v in case_field.values for c in (v.codes[:1] or (v.id,))]
        expected = ", ".join(codes[:12]) + (", ..." if len(codes) > 12 else "")
        if case_field.personal:  # a personal field's value is never echoed
            return f"unknown code for {case_field.title}; expected one of {expected}"
        shown = cell.strip()
        shown = shown if len(shown) <= 30 else shown[:27] + "..."
        return f"unknown code {shown!r} for {case_field.title}; expected one of {expected}"

    def check_dates_in_order(
        self, translated: list[list[object]], issues: list[tuple[int, int, str]]
    ) -> None:
        ids = [s.field.id for s in self.slots]
        if BIRTH_FIELD not in ids or REFERRAL_FIELD not in ids:
            return
        birth_at, referral_at = ids.index(BIRTH_FIELD), ids.index(REFERRAL_FIELD)
        births, referrals = translated[birth_at], translated[referral_at]
        late = [
            i
            for i, (b, r) in enumerate(zip(births, referrals, strict=True))
            if b > r > 0  # type: ignore[operator]
        ]
        referral = self.slots[referral_at]
        for i in late:
            message = f"date of birth is after the date of referral ({referral.label})"
            issues.append((i, birth_at, message))

    def check_duplicates(
        self,
        references: list[str],
        first_row: int,
        ref_at: int,
        skip: set[int],
        issues: list[tuple[int, int, str]],
    ) -> None:
        before = len(self.seen)
        self.seen.update(references)
        if len(self.seen) - before == len(references) - references.count(""):
            return
        # Rare path: find the row where each repeated reference first appeared.
        earlier = set(references) & set(self.references)
        first_seen: dict[str, int] = {}
        if earlier:
            for row, reference in zip(self.rows, self.references, strict=True):
                if reference in earlier and reference not in first_seen:
                    first_seen[reference] = row
        for i, reference in enumerate(references):
            if not reference or i in skip:
                continue
            if reference in first_seen:
                issues.append((i, ref_at, f"duplicates row {first_seen[reference]}"))
            else:
                first_seen[reference] = first_row + i

    def record(self, issues: list[tuple[int, int, str]], first_row: int) -> None:
        if not issues:
            return
        issues.sort(key=lambda issue: (issue[0], self.slots[issue[1]].position))
        for i, at, message in issues:
            self.bad_rows.add(first_row + i)
            self.problem_count += 1
            if len(self.problems) < PROBLEM_CAP:
                self.problems.append(f"row {first_row + i}, {self.slots[at].label}: {message}")

    # -- result -----------------------------------------------------------------------

    def finish(self, digest: str) -> CaseList:
        rest = self.problem_count - len(self.problems)
        lines = [f"{self.path}: {p}" for p in self.problems]
        if rest:
            lines.append(f"{self.path}: ... and {rest} more problem(s) not listed")
        if self.fatal or (self.strict and lines):
            raise InputError(self.fatal + lines)
        warnings = list(self.warnings)
        excluded = tuple(sorted(self.bad_rows))
        keep: list[bool] | None = None
        if excluded:
            warnings.extend(f"{line} (row left out)" for line in lines)
            warnings.append(
                f"left out {len(excluded)} row(s) with problems (lenient mode): "
                + _row_ranges(excluded)
            )
            bad = self.bad_rows
            keep = [row not in bad for row in self.rows]
        rows = array("l", compress(self.rows, keep)) if keep else self.rows
        references = list(compress(self.references, keep)) if keep else self.references
        columns: dict[str, Column] = {}
        for slot in self.slots:
            if slot is self.reference_slot:
                continue
            data = slot.data
            if keep:
                if isinstance(data, array):
                    data = array("h" if data.typecode == "h" else "l", compress(data, keep))
                else:
                    data = list(compress(data, keep))
            columns[slot.field.id] = _column(slot.field, data, self.vocabulary)
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
    case_field: CaseField, data: array[int] | list[object], vocabulary: Vocabulary
) -> Column:
    if isinstance(data, array) and case_field.kind in ("code", "flag"):
        return CodeColumn(
            field=case_field, value_ids=vocabulary.codes[case_field.id].value_ids, data=data
        )
    if isinstance(data, array):
        return DateColumn(field=case_field, data=data)
    return TextColumn(field=case_field, data=data)  # type: ignore[arg-type]


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
