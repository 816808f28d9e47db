"""A read case list, held as the polars frame the reader built.

A council's list can run to a million rows.  Holding each row as a dict of Python
objects would take gigabytes, and converting the columns to Python containers took
about a second at a million rows (issue 12), so the list stays one polars frame: the
spreadsheet row number, the case reference, and a typed column per field read (codes
as ``pl.Enum`` of the field's value ids, one byte a case; dates as day ordinals,
``Int32``; null when blank).  The sampling engine selects on it with polars
expressions, and Python objects are built only for the few cases drawn, or when
someone asks for ``cases``, ``rows`` or ``references``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import field, frozen

from inspectkit.model import CaseField

if TYPE_CHECKING:
    import polars as pl

BLANK_DATE = 0
ROW = "row"
REFERENCE = "reference"


@frozen(kw_only=True)
class Case:
    """One row of the case list: its row number, reference and canonical values.

    ``values`` holds only the fields that were given: dates as ``date``, codes
    as canonical value ids, text as text.
    """

    row: int
    reference: str
    values: Mapping[str, object] = field(factory=dict)


@frozen(kw_only=True, eq=False)  # a polars frame has no truth value to compare by
class CaseList:
    """Every usable case of one council list, read for one regime.

    ``frame`` has :data:`ROW`, :data:`REFERENCE` and a column per field read, named by
    field id.  ``excluded_rows`` are the rows left out in lenient mode; ``warnings`` say
    what was ignored (never a child's details); ``sha256`` identifies the input
    exactly, so a sample can be tied to the file it was drawn from.
    """

    path: Path
    sha256: str
    fields: tuple[CaseField, ...]
    frame: pl.DataFrame
    strict: bool = True
    excluded_rows: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()

    def __len__(self) -> int:
        return self.frame.height

    @cached_property
    def rows(self) -> list[int]:
        """Each case's spreadsheet row number."""
        return self.frame[ROW].to_list()

    @cached_property
    def references(self) -> list[str]:
        """Each case's reference."""
        return self.frame[REFERENCE].to_list()

    @cached_property
    def cases(self) -> tuple[Case, ...]:
        """The cases as objects (built on first use; the engine does not need them)."""
        dates = {f.id for f in self.fields if f.kind == "date"}
        built = []
        for values in self.frame.iter_rows(named=True):
            row, reference = values.pop(ROW), values.pop(REFERENCE)
            given = {
                k: date.fromordinal(v) if k in dates else v
                for k, v in values.items()
                if v is not None
            }
            built.append(Case(row=row, reference=reference, values=given))
        return tuple(built)

    def has(self, field_id: str) -> bool:
        """Whether the list had a column for ``field_id``."""
        return field_id in self.frame.columns

    def value_ids(self, field_id: str) -> Sequence[str | None]:
        """The canonical value id of a code/flag field for every case (None when blank)."""
        if not self.has(field_id):
            return [None] * len(self)
        return self.frame[field_id].to_list()

    def ordinals(self, field_id: str) -> Sequence[int]:
        """A date field's day ordinals for every case (``BLANK_DATE`` when blank)."""
        if not self.has(field_id):
            return [BLANK_DATE] * len(self)
        return self.frame[field_id].fill_null(BLANK_DATE).to_list()
