"""A read case list, held column by column.

A council's list can run to a million rows.  Holding each row as a dict of
Python objects would take gigabytes, so the list is kept as compact columns
(code indexes in ``array('b')``, one byte a case; dates as day ordinals in
``array('i')``) and the sampling engine works on those directly.  ``Case`` objects, with readable
values keyed by canonical field id, are built only when someone asks for them.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cached_property
from pathlib import Path

from attrs import field, frozen

from inspectkit.model import CaseField

BLANK_CODE = -1
BLANK_DATE = 0
DATE_TYPECODE = "i"  # day ordinals run to 3,652,059: four bytes are plenty


@frozen(kw_only=True)
class Case:
    """One row of the case list: its row number, reference and canonical values.

    ``values`` holds only the fields that were given: dates as ``date``, codes
    as canonical value ids, text as text.
    """

    row: int
    reference: str
    values: Mapping[str, object] = field(factory=dict)


@frozen(kw_only=True)
class CodeColumn:
    """A code or flag field: index into ``value_ids`` per case, ``BLANK_CODE`` when blank."""

    field: CaseField
    value_ids: tuple[str, ...]
    data: array[int]

    def ids(self) -> list[str | None]:
        lookup: tuple[str | None, ...] = (*self.value_ids, None)  # index -1 → None
        return [lookup[k] for k in self.data]

    def value(self, index: int) -> str | None:
        k = self.data[index]
        return None if k == BLANK_CODE else self.value_ids[k]


@frozen(kw_only=True)
class DateColumn:
    """A date field as day ordinals, ``BLANK_DATE`` when blank."""

    field: CaseField
    data: array[int]

    def value(self, index: int) -> date | None:
        k = self.data[index]
        return None if k == BLANK_DATE else date.fromordinal(k)


@frozen(kw_only=True)
class TextColumn:
    """A free-text or integer field, ``None`` when blank."""

    field: CaseField
    data: list[str | int | None]

    def value(self, index: int) -> str | int | None:
        return self.data[index]


Column = CodeColumn | DateColumn | TextColumn


@frozen(kw_only=True)
class CaseList:
    """Every usable case of one council list, read for one regime.

    ``excluded_rows`` are the rows left out in lenient mode; ``warnings`` say
    what was ignored (never a child's details); ``sha256`` identifies the input
    exactly, so a sample can be tied to the file it was drawn from.
    """

    path: Path
    sha256: str
    fields: tuple[CaseField, ...]
    rows: array[int]
    references: list[str]
    columns: Mapping[str, Column]
    strict: bool = True
    excluded_rows: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.references)

    @cached_property
    def cases(self) -> tuple[Case, ...]:
        """The cases as objects (built on first use; the engine does not need them)."""
        columns = list(self.columns.items())
        built = []
        for index, (row, reference) in enumerate(zip(self.rows, self.references, strict=True)):
            values: dict[str, object] = {}
            for field_id, column in columns:
                value = column.value(index)
                if value is not None:
                    values[field_id] = value
            built.append(Case(row=row, reference=reference, values=values))
        return tuple(built)

    def has(self, field_id: str) -> bool:
        """Whether the list had a column for ``field_id``."""
        return field_id in self.columns

    def value_ids(self, field_id: str) -> Sequence[str | None]:
        """The canonical value id of a code/flag field for every case (None when blank)."""
        column = self.columns.get(field_id)
        if column is None:
            return [None] * len(self)
        if not isinstance(column, CodeColumn):
            raise TypeError(f"field {field_id!r} is not a code field")
        return column.ids()

    def ordinals(self, field_id: str) -> Sequence[int]:
        """A date field's day ordinals for every case (``BLANK_DATE`` when blank)."""
        column = self.columns.get(field_id)
        if column is None:
            return array(DATE_TYPECODE, [BLANK_DATE]) * len(self)
        if not isinstance(column, DateColumn):
            raise TypeError(f"field {field_id!r} is not a date field")
        return column.data

    def value(self, index: int, field_id: str) -> object:
        column = self.columns.get(field_id)
        return None if column is None else column.value(index)
