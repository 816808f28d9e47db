"""A case list's frame as the draw selects from it: polars expressions, index Series, strata.

Which cases a rule may choose from is a filter on the frame the reader built, giving
the cases' positions (``INDEX``, in row order, which the seeded draw depends on) as a
polars Series; strata are one ``group_by``.  Working on bytes masks and Python lists
of row indexes instead, the draw over a million cases took 0.9 s and its columns'
conversion from polars another 0.9 s; now the draw takes about 0.2 s (issue 12,
measured on a shared 2-core machine).  Only the few cases drawn become Python objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import polars as pl

from inspectkit.case_vocabulary import short_label
from inspectkit.caselist.table import CaseList
from inspectkit.model import CaseField, CaseGroup, FieldMatch

if TYPE_CHECKING:
    import polars as pl

NOT_RECORDED = "not recorded"
INDEX = "index"  # a case's position in the list
StratumKey = tuple[str | None, ...]  # value ids of the stratum's fields (None: blank)


def positions(indexes: Sequence[int] | pl.Series) -> pl.Series:
    """Case positions as the Series the draw passes around."""
    return pl.Series(INDEX, indexes, dtype=pl.UInt32)


class CaseColumns:
    """One case list's frame, with each case's position, and the words for its values."""

    def __init__(self, cases: CaseList) -> None:
        self.cases = cases
        self.frame = cases.frame.with_row_index(INDEX)
        self.fields: dict[str, CaseField] = {f.id: f for f in cases.fields}

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

    # -- selections ---------------------------------------------------------------

    def column(self, field_id: str) -> pl.Expr:
        """A field's column; all blank (null) when the list had none."""
        if self.cases.has(field_id):
            return pl.col(field_id)
        case_field = self.fields.get(field_id)
        dtype = pl.Int32 if case_field and case_field.kind == "date" else pl.String
        return pl.lit(None, dtype=dtype).alias(field_id)

    def matches(self, where: Sequence[FieldMatch]) -> pl.Expr:
        """Cases matching every one of ``where`` (every case when it is empty; blank never
        matches)."""
        tests = [self.column(m.field).is_in(m.values).fill_null(False) for m in where]
        return pl.all_horizontal(tests) if tests else pl.lit(True)

    def in_group(self, group: CaseGroup) -> pl.Expr:
        """Cases in ``group``: all of ``where``, one of ``any_of`` (if any), none of ``unless``."""
        test = self.matches(group.where)
        if group.any_of:
            test = test & pl.any_horizontal(self.matches([m]) for m in group.any_of)
        for match in group.unless:
            test = test & ~self.matches([match])
        return test

    def selected(self, test: pl.Expr) -> pl.Series:
        """The positions of the cases ``test`` selects, in row order."""
        return self.frame.filter(test)[INDEX]

    def count(self, candidates: Sequence[int], test: pl.Expr) -> int:
        """How many of ``candidates`` (a few) ``test`` selects."""
        return self.at(candidates).filter(test).height

    def at(
        self, candidates: Sequence[int] | pl.Series, fields: Sequence[str] | None = None
    ) -> pl.DataFrame:
        """The cases at ``candidates``, in their order: their position and ``fields`` (by
        default every column)."""
        names = self.frame.columns if fields is None else [INDEX, *fields]
        present = [n for n in names if n in self.frame.columns]
        rows = self.frame.select(pl.col(present).gather(positions(candidates)))
        return rows.with_columns(self.column(n) for n in names if n not in present)

    def strata(
        self, candidates: pl.Series, fields: Sequence[str]
    ) -> list[tuple[StratumKey, pl.Series]]:
        """``candidates`` grouped by their values of ``fields``, in their order within each
        (polars keeps row order within a group)."""
        if not fields:
            return [((), candidates)]
        grouped = self.at(candidates, fields).group_by(fields).agg(INDEX)
        members = grouped[INDEX]
        return [(key, members[k]) for k, key in enumerate(grouped.select(fields).rows())]
