"""Case-list columns as the draw needs them: masks, row sets and strata, in C.

A draw over a million cases must not build Python objects per case per field: a
value-id list per field and a stratum tuple per case took about a second and a
hundred MiB.  ``CaseList`` keeps a code column as one byte per case, so "which
cases have one of these values" is a ``bytes.translate`` to a 0/1 mask; masks
combine as big integers (one C operation for a million cases); and a mask turns
into the row indices it selects through ``itertools.compress``.  Strata numbers
pack several code fields into one byte per case the same way.  Row sets stay in
row order throughout, which the seeded draw depends on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import compress
from math import prod

from inspectkit.case_vocabulary import short_label
from inspectkit.caselist.table import CaseList, CodeColumn
from inspectkit.model import CaseField, CaseGroup, FieldMatch

NOT_RECORDED = "not recorded"
Mask = bytes  # one byte per case: 1 selected, 0 not
StratumKey = tuple[str | None, ...]  # value ids of the stratum's fields (None: blank)


def either(first: Mask, second: Mask) -> Mask:
    """Cases selected by either mask (ORed as big integers)."""
    if not first:
        return first
    product = int.from_bytes(first, "little") | int.from_bytes(second, "little")
    return product.to_bytes(len(first), "little")


def but_not(first: Mask, second: Mask) -> Mask:
    """Cases selected by ``first`` and not by ``second`` (0/1 bytes)."""
    if not first:
        return first
    product = int.from_bytes(first, "little") & ~int.from_bytes(second, "little")
    return product.to_bytes(len(first), "little")


def both(first: Mask, second: Mask) -> Mask:
    """Cases selected by both masks (0/1 bytes ANDed as big integers, in one C step)."""
    if not first:
        return first
    product = int.from_bytes(first, "little") & int.from_bytes(second, "little")
    return product.to_bytes(len(first), "little")


class CaseColumns:
    """One case list's code columns as bytes, masks and strata, each built once per draw."""

    def __init__(self, cases: CaseList) -> None:
        self.cases = cases
        self.count = len(cases)
        # Every row index once, as int objects shared by every row set the draw makes
        # (a selection then copies pointers instead of making a million new ints).
        self.rows = list(range(self.count))
        self.fields: dict[str, CaseField] = {f.id: f for f in cases.fields}
        self._codes: dict[str, tuple[bytes | list[int], int]] = {}
        self._strata: dict[tuple[str, ...], Strata] = {}
        self._masks: dict[tuple[FieldMatch, ...], Mask] = {}

    # -- words --------------------------------------------------------------------

    def title(self, field_id: str) -> str:
        case_field = self.fields.get(field_id)
        return case_field.title if case_field else field_id

    def label(self, field_id: str, value_id: str | None) -> str:
        if value_id is None:
            return NOT_RECORDED
        case_field = self.fields.get(field_id)
        value = (
            next((v for v in case_field.values if v.id == value_id), None) if case_field else None
        )
        return short_label(value.label) if value else value_id

    def value_id(self, index: int, field_id: str) -> str | None:
        """One case's value id of a code field (None when blank or not in the list)."""
        column = self._code_column(field_id)
        return None if column is None else column.value(index)

    # -- masks --------------------------------------------------------------------

    def mask(self, where: Sequence[FieldMatch]) -> Mask:
        """Cases matching every one of ``where`` (every case when it is empty)."""
        key = tuple(where)
        if key not in self._masks:
            mask = b"\x01" * self.count
            for match in where:
                mask = both(mask, self._value_mask(match))
            self._masks[key] = mask
        return self._masks[key]

    def group_mask(self, group: CaseGroup) -> Mask:
        """Cases in ``group``: all of ``where``, one of ``any_of`` (if any), none of ``unless``."""
        mask = self.mask(group.where)
        if group.any_of:
            alternatives = bytes(self.count)
            for match in group.any_of:
                alternatives = either(alternatives, self.mask([match]))
            mask = both(mask, alternatives)
        for match in group.unless:
            mask = but_not(mask, self.mask([match]))
        return mask

    def in_group(self, candidates: Iterable[int], group: CaseGroup) -> list[int]:
        """The ``candidates`` in ``group``, in their order (for short lists)."""
        mask = self.group_mask(group)
        return [i for i in candidates if mask[i]]

    def selected(self, mask: Mask | Sequence[int]) -> list[int]:
        """The row indices a mask (or any sequence, by truth) selects, in row order."""
        return list(compress(self.rows, mask))

    def matching(self, candidates: Iterable[int], where: Sequence[FieldMatch]) -> list[int]:
        """The ``candidates`` matching ``where``, in their order (for short lists)."""
        if not where:
            return list(candidates)
        mask = self.mask(where)
        return [i for i in candidates if mask[i]]

    def _value_mask(self, match: FieldMatch) -> Mask:
        column = self._code_column(match.field)
        if column is None:
            return bytes(self.count)  # no column: every case is blank, and blank never matches
        allowed = [k for k, value_id in enumerate(column.value_ids) if value_id in match.values]
        codes, _ = self._dense(match.field, column)
        if isinstance(codes, bytes):
            table = bytearray(256)
            for k in allowed:
                table[k] = 1
            return codes.translate(table)
        wanted = set(allowed)
        return bytes(map(wanted.__contains__, codes))

    # -- strata -------------------------------------------------------------------

    def strata(self, fields: tuple[str, ...]) -> Strata:
        """Each case's stratum of ``fields`` (built once per field tuple)."""
        if fields not in self._strata:
            self._strata[fields] = self._build_strata(fields)
        return self._strata[fields]

    def _build_strata(self, fields: tuple[str, ...]) -> Strata:
        columns: list[tuple[bytes | list[int], int]] = []
        choices: list[tuple[str | None, ...]] = []
        for field_id in fields:
            column = self._code_column(field_id)
            if column is None:
                columns.append((bytes(self.count), 0))
                choices.append((None,))
            else:
                columns.append(self._dense(field_id, column))
                choices.append((*column.value_ids, None))
        ids: Sequence[int]
        if prod(len(c) for c in choices) <= 256 and all(isinstance(c, bytes) for c, _ in columns):
            number = 0
            for codes, blank in columns:
                assert isinstance(codes, bytes)
                number = number * (blank + 1) + int.from_bytes(codes, "little")
            ids = number.to_bytes(self.count, "little")
        else:
            folded: list[int] = [0] * self.count
            for codes, blank in columns:
                folded = list(map(_folder(blank + 1), folded, codes))
            ids = folded
        return Strata(ids, tuple(choices))

    def _code_column(self, field_id: str) -> CodeColumn | None:
        column = self.cases.columns.get(field_id)
        if column is None:
            return None
        if not isinstance(column, CodeColumn):
            raise TypeError(f"field {field_id!r} is not a code field")
        return column

    def _dense(self, field_id: str, column: CodeColumn) -> tuple[bytes | list[int], int]:
        """The column's value indexes with blank as the number of values (its "blank")."""
        if field_id not in self._codes:
            blank = len(column.value_ids)
            if column.data.typecode == "b" and blank < 255:
                table = bytes([*range(blank), *([blank] * (256 - blank))])
                dense: bytes | list[int] = column.data.tobytes().translate(table)
            else:
                dense = [blank if k < 0 else k for k in column.data]
            self._codes[field_id] = (dense, blank)
        return self._codes[field_id]


class Strata:
    """Stratum numbers per case and how to read a number back as its key.

    A number counts the combinations of the fields' values, blank last
    (``number = number * (values + 1) + value`` field by field), so when there are
    at most 256 combinations the numbers fit a byte and are computed for every
    case at once with big-integer arithmetic, which never carries between bytes.
    """

    def __init__(self, ids: Sequence[int], choices: tuple[tuple[str | None, ...], ...]) -> None:
        self.ids = ids
        self.choices = choices

    def key(self, number: int) -> StratumKey:
        """The value ids (None: blank) a stratum number stands for."""
        values: list[str | None] = []
        for options in reversed(self.choices):
            number, at = divmod(number, len(options))
            values.append(options[at])
        return tuple(reversed(values))

    def groups(self, rows: Iterable[int]) -> list[tuple[StratumKey, list[int]]]:
        """``rows`` grouped by stratum, each group in the order of ``rows``."""
        ids = self.ids
        groups: dict[int, list[int]] = {}
        for i in rows:
            number = ids[i]
            members = groups.get(number)
            if members is None:
                groups[number] = [i]
            else:
                members.append(i)
        return [(self.key(number), members) for number, members in groups.items()]


def _folder(base: int) -> Callable[[int, int], int]:
    return lambda number, code: number * base + code
