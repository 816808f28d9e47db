"""A column's cells translated to stored values, each distinct text parsed once.

A million-row list repeats a few codes and a few thousand dates, so each column
keeps a memo, cell text → stored value, and a whole column of a block is
translated by ``map`` over the memo's ``__getitem__``: one dictionary look-up per
cell, in C.  Only a text never seen before runs Python (``__missing__``), which
parses it and, when it is a problem (an unknown code, not a date, blank where the
field is required), remembers the problem *by text*.  A block's rows are searched
for problems only when it holds one of those texts, so a clean list costs nothing
more than the look-ups.

Codes and dates are stored packed (one byte per code, four per date), so a
column of a million rows is a few MiB and is appended as one ``bytes`` per block.
Every date column of a list shares one memo (the same dates recur across them);
a blank date where the field is required is found in the packed values instead.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from itertools import compress
from struct import Struct
from typing import Generic, TypeVar

from inspectkit.caselist.dates import parse_date
from inspectkit.caselist.table import BLANK_CODE, BLANK_DATE, DATE_TYPECODE
from inspectkit.caselist.vocabulary import Vocabulary, normalise_code
from inspectkit.model import CaseField

MEMO_LIMIT = 200_000  # distinct texts remembered per column; beyond it, parse each time

T = TypeVar("T")
Parsed = tuple[T, str | None]  # the stored value, and the problem with the text (or None)


class _Memo(dict[str, T], Generic[T]):
    """Cell text → stored value, filled on first sight; problem texts kept in ``problems``."""

    def __init__(self, parse: Callable[[str], Parsed[T]]) -> None:
        super().__init__()
        self.parse = parse
        self.problems: dict[str, str] = {}

    def __missing__(self, cell: str) -> T:
        value, problem = self.parse(cell)
        if problem is not None:
            self.problems[cell] = problem
        if len(self) < MEMO_LIMIT:
            self[cell] = value
        return value


_pack_date = Struct(DATE_TYPECODE).pack  # native, as ``array(DATE_TYPECODE)`` stores it
EMPTY_DATE = _pack_date(BLANK_DATE)
NOT_A_DATE = _pack_date(-1)  # a placeholder: such a row is never kept
NOT_A_DATE_MESSAGE = "not a date; expected YYYY-MM-DD or DD/MM/YYYY"


def _not_parsed(cell: str) -> Parsed[bytes]:
    raise NotImplementedError  # DateMemo parses in __missing__ itself


class DateMemo(_Memo[bytes]):
    """Date text → packed day ordinal, for every date column of one list."""

    def __init__(self) -> None:
        super().__init__(_not_parsed)

    def __missing__(self, cell: str) -> bytes:
        day = parse_date(cell)  # parsed here, not in a further call: many dates are new
        if day is not None:
            value = _pack_date(day.toordinal())
        elif cell.strip():
            value = NOT_A_DATE
            self.problems[cell] = NOT_A_DATE_MESSAGE
        else:
            value = EMPTY_DATE
        if len(self) < MEMO_LIMIT:
            self[cell] = value
        return value


class ColumnCells(Generic[T]):
    """One field's column: the translated values so far and how to find problems."""

    def __init__(self, field: CaseField, memo: _Memo[T]) -> None:
        self.field = field
        self.memo = memo

    def add(self, cells: Sequence[str]) -> None:
        """Translate and keep one block's cells."""
        raise NotImplementedError

    def stored(self) -> bytes | list[object]:
        """The values kept so far, as sent to another process."""
        raise NotImplementedError

    def extend(self, stored: bytes | list[object]) -> None:
        """Append values another reader kept (``stored``), as if added here."""
        raise NotImplementedError

    def problems(self, cells: Sequence[str]) -> list[tuple[int, str]]:
        """(index, message) for each of ``cells`` that is a problem, in order."""
        known = self.memo.problems
        if not known or known.keys().isdisjoint(cells):
            return []
        return [(i, known[cell]) for i, cell in enumerate(cells) if cell in known]


class PackedCells(ColumnCells[bytes]):
    """A code, flag or date column, stored as packed machine integers."""

    def __init__(self, field: CaseField, memo: _Memo[bytes], typecode: str) -> None:
        super().__init__(field, memo)
        self.typecode = typecode
        self.data = bytearray()
        self.last = b""

    def add(self, cells: Sequence[str]) -> None:
        self.last = b"".join(map(self.memo.__getitem__, cells))
        self.data += self.last

    def stored(self) -> bytes:
        return bytes(self.data)

    def extend(self, stored: bytes | list[object]) -> None:
        assert isinstance(stored, bytes)
        self.data += stored

    def last_values(self) -> array[int]:
        """The values of the block added last."""
        values = array(self.typecode)
        values.frombytes(self.last)
        return values

    def values(self, keep: Iterable[bool] | None = None) -> array[int]:
        values = array(self.typecode)
        values.frombytes(self.data)
        self.data = bytearray()
        if keep is not None:
            values = array(self.typecode, compress(values, keep))
        return values


class DateCells(PackedCells):
    """A date column (its memo shared with the list's other date columns)."""

    def __init__(self, field: CaseField, memo: DateMemo) -> None:
        super().__init__(field, memo, DATE_TYPECODE)
        self.blank = f"{field.title} is blank" if field.required else None

    def problems(self, cells: Sequence[str]) -> list[tuple[int, str]]:
        found = super().problems(cells)
        if self.blank is not None and EMPTY_DATE in self.last:  # may match across values
            blank = [(i, self.blank) for i, day in enumerate(self.last_values()) if not day]
            found = sorted(found + blank) if found else blank
        return found


class ObjectCells(ColumnCells[object]):
    """A text or whole-number column, stored as Python objects (equal texts shared)."""

    def __init__(self, field: CaseField, memo: _Memo[object]) -> None:
        super().__init__(field, memo)
        self.data: list[object] = []

    def add(self, cells: Sequence[str]) -> None:
        self.data.extend(map(self.memo.__getitem__, cells))

    def stored(self) -> list[object]:
        return self.data

    def extend(self, stored: bytes | list[object]) -> None:
        assert isinstance(stored, list)
        self.data += stored

    def values(self, keep: Iterable[bool] | None = None) -> list[object]:
        return self.data if keep is None else list(compress(self.data, keep))


def column_cells(
    field: CaseField, vocabulary: Vocabulary, dates: DateMemo
) -> PackedCells | ObjectCells:
    """The translator for ``field``'s column (``dates``: the list's shared date memo)."""
    blank = f"{field.title} is blank" if field.required else None
    if field.kind in ("code", "flag"):
        return _code_cells(field, vocabulary, blank)
    if field.kind == "date":
        return DateCells(field, dates)
    if field.kind == "integer":
        return ObjectCells(field, _Memo(_integer_parser(blank)))
    return ObjectCells(field, _Memo(_text_parser(blank)))


def code_typecode(field: CaseField) -> str:
    """One signed byte per code while the field has at most 127 values (all today)."""
    return "b" if len(field.values) <= 127 else "h"


def _code_cells(field: CaseField, vocabulary: Vocabulary, blank: str | None) -> PackedCells:
    typecode = code_typecode(field)
    codes = vocabulary.codes[field.id].codes
    packed = [array(typecode, [index]).tobytes() for index in range(len(field.values))]
    empty = array(typecode, [BLANK_CODE]).tobytes()
    unknown = _unknown_code_message(field)

    def parse(cell: str) -> Parsed[bytes]:
        key = normalise_code(cell)
        if not key:
            return empty, blank
        index = codes.get(key)
        if index is None:
            return empty, unknown(cell)
        return packed[index], None

    return PackedCells(field, _Memo(parse), typecode)


def _unknown_code_message(field: CaseField) -> Callable[[str], str]:
    codes = [c for v in field.values for c in (v.codes[:1] or (v.id,))]
    expected = ", ".join(codes[:12]) + (", ..." if len(codes) > 12 else "")
    # The cell's text is never echoed, even for a field that is not personal: a cell in
    # the wrong column may hold a name, a date of birth or a case reference, and
    # messages reach terminals, logs and comparison files.  The row and column say
    # where to look.
    message = f"unknown code for {field.title}; expected one of {expected}"
    return lambda cell: message


def _integer_parser(blank: str | None) -> Callable[[str], Parsed[object]]:
    def parse(cell: str) -> Parsed[object]:
        text = cell.strip()
        if not text:
            return None, blank
        if text.isascii() and text.isdigit():
            return int(text), None
        return None, "not a whole number"

    return parse


def _text_parser(blank: str | None) -> Callable[[str], Parsed[object]]:
    def parse(cell: str) -> Parsed[object]:
        text = cell.strip()
        return (text, None) if text else (None, blank)

    return parse
