"""A column's cells translated to stored values, each distinct text parsed once.

A million-row list repeats a few codes and a few thousand dates, so a column is
translated through its distinct texts: each is parsed in Python once (council code
→ canonical value, date form → day ordinal), and polars maps the whole column with
the resulting table.  A text that cannot be translated is a problem *by text*; the
reader finds the rows that hold it.  Cells arrive as the file holds them (an empty
cell as null); a cell of spaces is blank like an empty one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen

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


@frozen
class Translation:
    """How one field's column becomes stored values, and its problems (message → the
    cells that cause it).  ``mapping`` is (texts, values): every other text, and every
    empty cell, is stored as null; ``None`` keeps the text as it is (free text)."""

    field: CaseField
    problems: Mapping[str, Cause]
    mapping: tuple[list[str], list[Any]] | None
    dtype: PolarsDataType | None = None

    def expression(self, column: str) -> pl.Expr:
        """The polars expression that translates ``column`` (all columns run as one pass)."""
        import polars as pl

        cells = pl.col(column)
        if self.mapping is None:
            return cells
        texts, values = self.mapping
        if not texts:
            return pl.lit(None, dtype=self.dtype)
        return cells.replace_strict(texts, values, default=None, return_dtype=self.dtype)


def translate(field: CaseField, vocabulary: Vocabulary, everything: list[str]) -> Translation:
    """How to translate a column for ``field`` whose distinct non-empty texts are
    ``everything``."""
    import polars as pl

    spaces = [text for text in everything if not text.strip()]
    distinct = [text for text in everything if text.strip()] if spaces else everything
    problems: dict[str, Cause] = {}
    if field.required:
        problems[f"{field.title} is blank"] = Cause(spaces, empty=True)
    if field.kind in ("code", "flag"):
        table = vocabulary.codes[field.id].codes
        value_ids = vocabulary.codes[field.id].value_ids
        texts: list[str] = []
        ids: list[str] = []
        unknown: list[str] = []
        for text in distinct:
            index = table.get(normalise_code(text))
            if index is None:
                unknown.append(text)
            else:
                texts.append(text)
                ids.append(value_ids[index])
        if unknown:
            problems[_unknown_code_message(field)] = Cause(unknown)
        return Translation(
            field=field, problems=problems, mapping=(texts, ids), dtype=pl.Enum(value_ids)
        )
    if field.kind == "date":
        dates, ordinals, not_dates = day_ordinals(distinct)
        if not_dates:
            problems[NOT_A_DATE_MESSAGE] = Cause(not_dates)
        return Translation(
            field=field, problems=problems, mapping=(dates, ordinals), dtype=pl.Int32
        )
    if field.kind == "integer":
        numbers = {
            t: int(t.strip()) for t in distinct if t.strip().isascii() and t.strip().isdigit()
        }
        wrong = [t for t in distinct if t not in numbers]
        if wrong:
            problems["not a whole number"] = Cause(wrong)
        return Translation(
            field=field,
            problems=problems,
            mapping=(list(numbers), list(numbers.values())),
            dtype=pl.Int64,
        )
    if spaces or any(t != t.strip() for t in distinct):
        return Translation(
            field=field,
            problems=problems,
            mapping=(distinct, [t.strip() for t in distinct]),
            dtype=pl.String,
        )
    return Translation(field=field, problems=problems, mapping=None)


def _unknown_code_message(field: CaseField) -> str:
    codes = [c for v in field.values for c in (v.codes[:1] or (v.id,))]
    expected = ", ".join(codes[:12]) + (", ..." if len(codes) > 12 else "")
    # The cell's text is never echoed, even for a field that is not personal: a cell in
    # the wrong column may hold a name, a date of birth or a case reference, and
    # messages reach terminals, logs and comparison files.  The row and column say
    # where to look.
    return f"unknown code for {field.title}; expected one of {expected}"
