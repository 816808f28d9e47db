"""Reading a council's case list into canonical columns, reporting every problem.

Strict (the default): any problem fails the whole list with every problem listed
(capped at ``PROBLEM_CAP`` lines, with a count of the rest), so a council fixes its
export once.  Lenient: rows with problems are left out and reported as warnings, and
their row numbers are kept for the sample record.  A missing required column fails in
both modes — no row could be used without it.

The file is read by polars (``sources``), only the columns the regime needs, every
cell as text.  Each column is translated through its *distinct* texts — a million-row
list holds a few codes and a few thousand dates — so council vocabulary and date
forms are parsed in Python once per text, and the rest (blank and duplicate
references, dates out of order, problems sorted by row and column) are whole-column
expressions.  Messages name the row and column, never a cell's value, a case
reference or a heading that matched nothing (a note in a heading cell may hold a
child's name): unknown columns are named by letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
from attrs import define, field

from inspectkit.case_fields import case_fields_for
from inspectkit.case_vocabulary import Vocabulary, normalise_heading
from inspectkit.case_vocabulary import vocabulary_for as _vocabulary_for
from inspectkit.caselist.cells import Translation
from inspectkit.caselist.problems import PROBLEM_CAP, problem_lines, row_ranges
from inspectkit.caselist.sources import EXTRA, FileTable, read_table
from inspectkit.caselist.table import REFERENCE, ROW, CaseList
from inspectkit.errors import InputError
from inspectkit.model import CaseField, Regime

if TYPE_CHECKING:
    import polars as pl

REFERENCE_FIELD = "case_reference"
BIRTH_FIELD = "date_of_birth"
REFERRAL_FIELD = "referral_date"
OLDEST_AT_REFERRAL_YEARS = 25
"""inspectkit's own plausibility check (issue 14), not a rule of any regime, whose sources
give no age limit: a date of birth further before the referral than this is taken for a
typing slip.  The lists describe children and young care leavers."""

__all__ = ["PROBLEM_CAP", "column_letter", "read_case_list", "read_with_fields"]


def read_case_list(
    path: Path, regime: Regime, *, strict: bool = True, on: date | None = None
) -> CaseList:
    """Read ``path`` (CSV or XLSX) for ``regime``; InputError lists every problem, capped.

    ``on`` (the inspection date), when given, also finds dates of birth after it.
    """
    return read_with_fields(path, case_fields_for(regime), strict=strict, purpose=regime.id, on=on)


def read_with_fields(
    path: Path,
    fields: Sequence[CaseField],
    *,
    strict: bool = True,
    purpose: str = "",
    on: date | None = None,
) -> CaseList:
    """Read ``path`` against an explicit field list (what ``read_case_list`` uses)."""
    path = Path(path)
    layout = Layout(path, _vocabulary_for(tuple(fields)), purpose)
    table = read_table(path, layout.choose)
    if layout.fatal:
        raise InputError(layout.fatal)
    return _Reading(path, layout, table, strict=strict, on=on).result(table.sha256())


def column_letter(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@define
class Slot:
    """One used column: its position, the field it gives, its label in messages."""

    position: int
    field: CaseField
    label: str


@define
class Layout:
    """Which column gives which field, decided from the heading row.

    ``choose`` is handed to the file reader, which then reads only these columns.
    """

    path: Path
    vocabulary: Vocabulary
    purpose: str
    slots: list[Slot] = field(factory=list)
    fatal: list[str] = field(factory=list)
    warnings: list[str] = field(factory=list)

    def choose(self, headings: tuple[str, ...]) -> list[int]:
        by_field: dict[str, Slot] = {}
        ignored: list[str] = []
        dropped: list[str] = []
        for position, heading in enumerate(headings):
            key = normalise_heading(heading)
            if not key:
                continue
            letter = column_letter(position)
            if self.vocabulary.is_name_heading(key):
                dropped.append(letter)
                continue
            field_id = self.vocabulary.by_heading.get(key)
            if field_id is None:
                ignored.append(letter)
                continue
            case_field = self.vocabulary.by_id[field_id]
            if field_id in by_field:
                self.fatal.append(
                    f"{self.path}: row 1, column {letter}: gives {case_field.title} again "
                    f"(already in {by_field[field_id].label}); keep one"
                )
                continue
            shown = heading.strip()
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            by_field[field_id] = Slot(position, case_field, f"column {letter} ({shown})")
        for case_field in self.vocabulary.fields:
            if case_field.required and case_field.id not in by_field:
                accepted = ", ".join(case_field.headings) or case_field.title
                self.fatal.append(
                    f"{self.path}: row 1: no column for {case_field.title}"
                    f"{f' (required by {self.purpose})' if self.purpose else ''}; "
                    f"accepted headings: {accepted}"
                )
        self.slots = sorted(by_field.values(), key=lambda s: s.position)
        if dropped:
            self.warnings.append(
                f"dropped {len(dropped)} column(s) that carry names or other identifiers "
                f"(column {', '.join(dropped)}); they are not read"
            )
        if ignored:
            self.warnings.append(
                f"ignored {len(ignored)} column(s) not used"
                f"{f' by {self.purpose}' if self.purpose else ''}: "
                f"column {', '.join(ignored)}"
            )
        return [] if self.fatal else [s.position for s in self.slots]

    def slot(self, field_id: str) -> tuple[int, Slot] | None:
        for at, slot in enumerate(self.slots):
            if slot.field.id == field_id:
                return at, slot
        return None


class _Reading:
    """One reading of a list: translate each column, find every problem, keep the rest."""

    def __init__(
        self, path: Path, layout: Layout, table: FileTable, *, strict: bool, on: date | None
    ) -> None:
        self.path = path
        self.layout = layout
        self.strict = strict
        self.on = on
        self.warnings = [*table.warnings, *layout.warnings]
        reference = layout.slot(REFERENCE_FIELD)
        assert reference is not None  # a required field: its absence is fatal
        self.reference_at = reference[0]
        self.reference = str(reference[1].position)
        self.others = [(at, s) for at, s in enumerate(layout.slots) if at != self.reference_at]
        self.problem_frames: list[pl.DataFrame] = []
        self.translations = {
            str(slot.position): Translation(slot.field, layout.vocabulary)
            for _, slot in self.others
        }
        parts = []
        row = 2  # row 1 holds the headings
        for batch in table.batches:
            parts.append(self._batch(batch.with_row_index(ROW, offset=row)))
            row += batch.height
        self.frame = pl.concat(parts, rechunk=True)
        self._check_references()
        self._check_birth_dates()
        self._check_extra_fields(table)

    def _batch(self, frame: pl.DataFrame) -> pl.DataFrame:
        """One batch of rows as compact columns (its problems recorded): the reference,
        each other column translated, and whether the row had extra fields."""
        ref = self.reference
        frame = frame.with_columns(pl.col(ref).str.strip_chars().replace("", None))
        # A wholly blank row, as spreadsheets leave at the end, is skipped unseen.
        blank = pl.all_horizontal(
            [pl.col(ref).is_null()]
            + [
                pl.col(str(s.position)).str.strip_chars().fill_null("") == ""
                for _, s in self.others
            ]
        )
        if frame[ref].null_count():
            frame = frame.filter(~blank)
        # Every column's distinct texts in one pass, then every column translated in one
        # pass: polars runs the columns side by side (a pass per column cost twice as long).
        names = [str(slot.position) for _, slot in self.others]
        distinct = frame.select(pl.col(n).drop_nulls().unique().implode() for n in names)
        translations = self.translations
        for name in names:
            translations[name].add(distinct[name][0])
        for at, slot in self.others:
            self._problems_of(at, frame, translations[str(slot.position)])
        extra = [pl.col(EXTRA).is_not_null()] if EXTRA in frame.columns else []
        return frame.select(
            ROW,
            ref,
            *extra,
            *(
                translations[name].expression(name).alias(_value(slot.field.id))
                for (_, slot), name in zip(self.others, names, strict=True)
            ),
        )

    # -- problems -----------------------------------------------------------------------

    def _problems(self, at: int, rows: pl.Series | Sequence[int], message: str | pl.Expr) -> None:
        """Record ``message`` at slot ``at`` for each of ``rows``."""
        found = pl.DataFrame({"row": rows}, schema={"row": pl.UInt32})
        if found.height:
            self.problem_frames.append(
                found.with_columns(
                    at=pl.lit(at, pl.Int32),
                    message=pl.lit(message) if isinstance(message, str) else message,
                ).select("row", "at", pl.col("message").cast(pl.String))
            )

    def _problems_of(self, at: int, frame: pl.DataFrame, translation: Translation) -> None:
        """The rows whose cell in this column is one of its translation's problems."""
        column = frame[str(self.layout.slots[at].position)]
        empty = column.null_count() > 0
        for message, cause in translation.problems.items():
            wanted = cause.texts
            if not wanted and not (cause.empty and empty):
                continue
            mask = column.is_in(wanted) if wanted else None
            if cause.empty and empty:
                mask = column.is_null() if mask is None else mask | column.is_null()
            assert mask is not None
            self._problems(at, frame[ROW].filter(mask), message)

    def _check_references(self) -> None:
        name = str(self.layout.slots[self.reference_at].position)
        at = self.reference_at
        frame = self.frame
        self._problems(at, frame.filter(pl.col(name).is_null())["row"], "case reference is blank")
        control = frame.filter(pl.col(name).str.contains(r"[\x00-\x1f\x7f]"))
        self._problems(
            at,
            control["row"],
            "case reference holds a control character (such as NUL, tab or a line break); "
            "export the list again",
        )
        # Sorted (stably) by reference, a repeat follows the row it repeats: at a million
        # rows this took 0.03 s and 10 MiB for a list already in reference order (0.5 s
        # shuffled), where grouping every reference took 0.2 s and 200 MiB (issue 12).
        same = pl.col(name) == pl.col(name).shift(1)
        repeats = (
            frame.select(ROW, name)
            .drop_nulls()
            .sort(name, maintain_order=True)
            .with_columns(first=pl.when(same).then(None).otherwise(pl.col(ROW)).forward_fill())
            .filter(same)
        )
        if repeats.height:
            self._problems(
                at, repeats["row"], pl.format("duplicates row {}", repeats["first"]).alias("m")
            )

    def _check_birth_dates(self) -> None:
        """A date of birth after the referral or the inspection date, or too long before
        the referral to be a child's, is a problem (in strict mode an error)."""
        birth = self.layout.slot(BIRTH_FIELD)
        if birth is None:
            return
        at, _slot = birth
        frame = self.frame.select("row", birth=pl.col(_value(BIRTH_FIELD)))
        referral = self.layout.slot(REFERRAL_FIELD)
        if referral is not None:
            frame = frame.with_columns(referral=self.frame[_value(REFERRAL_FIELD)])
            known = frame.drop_nulls()
            label = referral[1].label
            after = known.filter(pl.col("birth") > pl.col("referral"))
            self._problems(
                at, after["row"], f"date of birth is after the date of referral ({label})"
            )
            oldest = OLDEST_AT_REFERRAL_YEARS * 365.25
            long_before = known.filter(pl.col("referral") - pl.col("birth") > oldest)
            self._problems(
                at,
                long_before["row"],
                f"date of birth is more than {OLDEST_AT_REFERRAL_YEARS} years before the date "
                f"of referral ({label}); check it",
            )
        if self.on is not None:
            later = frame.filter(pl.col("birth") > self.on.toordinal())
            self._problems(
                at,
                later["row"],
                f"date of birth is after the inspection date ({self.on.isoformat()})",
            )

    def _check_extra_fields(self, table: FileTable) -> None:
        """More fields than headings is a warning (the extra cells are not read); a file
        that ends mid-row is a problem on its last row."""
        if EXTRA in self.frame.columns:
            extra = self.frame.filter(EXTRA)[ROW]
            if extra.len():
                self.warnings.append(
                    f"{self.path}: {row_ranges(extra.to_list())} "
                    f"{'has' if extra.len() == 1 else 'have'} more fields than there are "
                    "headings; the extra fields are not read"
                )
        if table.ends_mid_row and self.frame.height:
            last = self.frame["row"][-1]
            self._problems(
                self.reference_at,
                [last],
                "the file ends in the middle of this row; it may have been cut short — "
                "export or copy it again",
            )

    # -- result -------------------------------------------------------------------------

    def result(self, digest: str) -> CaseList:
        slots = self.layout.slots
        problems = (
            pl.concat(self.problem_frames).sort("row", "at", maintain_order=True)
            if self.problem_frames
            else None
        )
        lines: list[str] = []
        excluded: tuple[int, ...] = ()
        if problems is not None:
            lines = problem_lines(f"{self.path}: ", problems, lambda at: slots[at].label)
            if self.strict:
                raise InputError(lines)
            excluded = tuple(problems["row"].unique().sort().to_list())
        warnings = list(self.warnings)
        reference = str(slots[self.reference_at].position)
        kept = self.frame.select(
            ROW,
            pl.col(reference).fill_null("").alias(REFERENCE),
            *(pl.col(_value(s.field.id)).alias(s.field.id) for _, s in self.others),
        )
        if excluded:
            warnings.extend(f"{line} (row left out)" for line in lines)
            warnings.append(
                f"left out {len(excluded)} row(s) with problems (lenient mode): "
                + row_ranges(excluded)
            )
            kept = kept.filter(~pl.col(ROW).is_in(pl.Series(excluded, dtype=pl.UInt32).implode()))
        return CaseList(
            path=self.path,
            sha256=digest,
            fields=self.layout.vocabulary.fields,
            frame=kept,
            strict=self.strict,
            excluded_rows=excluded,
            warnings=tuple(warnings),
        )


def _value(field_id: str) -> str:
    """The frame column that holds ``field_id``'s stored values."""
    return f"value:{field_id}"
