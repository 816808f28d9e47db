"""A column's cells translated to stored values, each distinct text parsed once.

A million-row list repeats a few codes and a few thousand dates, so a column is
translated through its distinct texts: each is parsed in Python once (council code
→ canonical value, date form → day ordinal), and polars maps the whole column with
the resulting table.  The list is read in batches of rows (``sources``), and a
:class:`Translation` grows with them: only texts no earlier batch held are parsed
(parsing every batch's dates again took 1.6 s of a million rows, issue 12).  A text
that cannot be translated is a problem *by text*; the reader finds the rows that hold
it.  Cells arrive as the file holds them (an empty cell as null); a cell of spaces is
blank like an empty one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl
from attrs import Factory, define, frozen

from inspectkit.case_vocabulary import Vocabulary, normalise_code
from inspectkit.caselist.dates import day_ordinals
from inspectkit.model import CaseField

if TYPE_CHECKING:
    import polars as pl
    from polars._typing import PolarsDataType

NOT_A_DATE_MESSAGE = "not a date; expected YYYY-MM-DD or DD/MM/YYYY"


@frozen
class Cause:
    """The cells a problem is about: these texts, and (``empty``) the empty cells."""

    texts: list[str]
    empty: bool = False


@define
class Translation:
    """How one field's column becomes stored values, and its problems (message → the
    cells that cause it), from the distinct texts seen so far.

    ``seen`` are the texts in the order first seen, ``values`` what each is stored as
    (null when it is not a valid value): a column is translated by casting it to an
    ``Enum`` of ``seen`` and looking each case's up by position, two to three times as
    quick as polars' ``replace_strict`` (0.8 s of reading a million rows, issue 12).
    Free text keeps its texts, less surrounding spaces (``changed``).
    """

    field: CaseField
    vocabulary: Vocabulary
    problems: dict[str, Cause] = Factory(dict)
    seen: list[pl.Series] = Factory(list)
    values: list[pl.Series] = Factory(list)
    changed: dict[str, str | None] = Factory(dict)

    @property
    def dtype(self) -> PolarsDataType:
        kind = self.field.kind
        if kind in ("code", "flag"):
            return pl.Enum(self.vocabulary.codes[self.field.id].value_ids)
        return {"date": pl.Int32, "integer": pl.Int64}.get(kind, pl.String)

    def expression(self, column: str) -> pl.Expr:
        """The polars expression that translates ``column`` (all columns run as one pass)."""
        cells = pl.col(column)
        if self.field.kind not in ("code", "flag", "date", "integer"):
            if not self.changed:
                return cells
            return cells.replace(list(self.changed), list(self.changed.values()))
        if not self.seen:
            return pl.lit(None, dtype=self.dtype)
        seen = pl.concat(self.seen)
        return pl.lit(pl.concat(self.values)).gather(cells.cast(pl.Enum(seen)).to_physical())

    def add(self, distinct: pl.Series) -> None:
        """Take in a batch's distinct non-empty texts; those not seen before are parsed."""
        new = distinct
        if self.seen:
            new = distinct.filter(~distinct.is_in(pl.concat(self.seen).implode()))
        everything = new.to_list()
        spaces = [text for text in everything if not text.strip()]
        texts = [text for text in everything if text.strip()] if spaces else everything
        if self.field.required:
            self._problem(f"{self.field.title} is blank", Cause(spaces, empty=True))
        if not everything:
            return
        kind = self.field.kind
        stored: dict[str, Any]
        if kind in ("code", "flag"):
            stored = self._codes(texts)
        elif kind == "date":
            dates, ordinals, not_dates = day_ordinals(texts)
            stored = dict(zip(dates, ordinals, strict=True))
            self._problem(NOT_A_DATE_MESSAGE, Cause(not_dates))
        elif kind == "integer":
            stored = {
                t: int(t.strip()) for t in texts if t.strip().isascii() and t.strip().isdigit()
            }
            self._problem("not a whole number", Cause([t for t in texts if t not in stored]))
        else:
            self.changed.update({t: t.strip() for t in texts if t != t.strip()})
            self.changed.update(dict.fromkeys(spaces))
            return
        self.seen.append(new)
        self.values.append(pl.Series([stored.get(t) for t in everything], dtype=self.dtype))

    def _codes(self, texts: list[str]) -> dict[str, Any]:
        vocabulary = self.vocabulary.codes[self.field.id]
        stored: dict[str, Any] = {}
        unknown: list[str] = []
        for text in texts:
            index = vocabulary.codes.get(normalise_code(text))
            if index is None:
                unknown.append(text)
            else:
                stored[text] = vocabulary.value_ids[index]
        self._problem(_unknown_code_message(self.field), Cause(unknown))
        return stored

    def _problem(self, message: str, cause: Cause) -> None:
        """Add ``cause`` to ``message``'s (a problem with no cells is not kept)."""
        if not cause.texts and not cause.empty:
            return
        old = self.problems.get(message, Cause([]))
        self.problems[message] = Cause(old.texts + cause.texts, old.empty or cause.empty)


def _unknown_code_message(field: CaseField) -> str:
    codes = [c for v in field.values for c in (v.codes[:1] or (v.id,))]
    expected = ", ".join(codes[:12]) + (", ..." if len(codes) > 12 else "")
    # The cell's text is never echoed, even for a field that is not personal: a cell in
    # the wrong column may hold a name, a date of birth or a case reference, and
    # messages reach terminals, logs and comparison files.  The row and column say
    # where to look.
    return f"unknown code for {field.title}; expected one of {expected}"
