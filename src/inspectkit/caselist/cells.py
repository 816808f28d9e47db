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
from typing import TYPE_CHECKING

from attrs import frozen

from inspectkit.case_vocabulary import Vocabulary, normalise_code
from inspectkit.caselist.dates import parse_date
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
    """One field's column as stored values (null when blank or not translatable), and
    its problems: message → the cells that cause it."""

    field: CaseField
    values: pl.Series
    problems: Mapping[str, Cause]
    value_ids: tuple[str, ...] = ()
    typecode: str = "b"


def code_typecode(field: CaseField) -> str:
    """One signed byte per code while the field has at most 127 values (all today)."""
    return "b" if len(field.values) <= 127 else "h"


def translate(field: CaseField, vocabulary: Vocabulary, cells: pl.Series) -> Translation:
    """``cells`` (stripped text, null when blank) translated for ``field``."""
    import polars as pl

    everything: list[str] = cells.drop_nulls().unique().to_list()
    spaces = [text for text in everything if not text.strip()]
    distinct = [text for text in everything if text.strip()] if spaces else everything
    problems: dict[str, Cause] = {}
    if field.required:
        problems[f"{field.title} is blank"] = Cause(spaces, empty=True)
    if field.kind in ("code", "flag"):
        table = vocabulary.codes[field.id].codes
        mapping: dict[str, int] = {}
        unknown: list[str] = []
        for text in distinct:
            index = table.get(normalise_code(text))
            if index is None:
                unknown.append(text)
            else:
                mapping[text] = index
        if unknown:
            problems[_unknown_code_message(field)] = Cause(unknown)
        typecode = code_typecode(field)
        dtype = pl.Int8 if typecode == "b" else pl.Int16
        return Translation(
            field=field,
            values=_mapped(cells, mapping, dtype),
            problems=problems,
            value_ids=vocabulary.codes[field.id].value_ids,
            typecode=typecode,
        )
    if field.kind == "date":
        days: dict[str, int] = {}
        not_dates: list[str] = []
        for text in distinct:
            day = parse_date(text)
            if day is None:
                not_dates.append(text)
            else:
                days[text] = day.toordinal()
        if not_dates:
            problems[NOT_A_DATE_MESSAGE] = Cause(not_dates)
        return Translation(field=field, values=_mapped(cells, days, pl.Int32), problems=problems)
    if field.kind == "integer":
        numbers = {
            t: int(t.strip()) for t in distinct if t.strip().isascii() and t.strip().isdigit()
        }
        wrong = [t for t in distinct if t not in numbers]
        if wrong:
            problems["not a whole number"] = Cause(wrong)
        return Translation(field=field, values=_mapped(cells, numbers, pl.Int64), problems=problems)
    stripped = {t: t.strip() for t in distinct if t != t.strip()}
    if spaces or stripped:
        kept = {t: stripped.get(t, t) for t in distinct}
        cells = cells.replace_strict(list(kept), list(kept.values()), default=None)
    return Translation(field=field, values=cells, problems=problems)


def _mapped(cells: pl.Series, mapping: dict[str, int], dtype: PolarsDataType) -> pl.Series:
    import polars as pl

    if not mapping:
        return pl.Series(cells.name, [None] * cells.len(), dtype=dtype)
    return cells.replace_strict(
        list(mapping), list(mapping.values()), default=None, return_dtype=dtype
    )


def _unknown_code_message(field: CaseField) -> str:
    codes = [c for v in field.values for c in (v.codes[:1] or (v.id,))]
    expected = ", ".join(codes[:12]) + (", ..." if len(codes) > 12 else "")
    # The cell's text is never echoed, even for a field that is not personal: a cell in
    # the wrong column may hold a name, a date of birth or a case reference, and
    # messages reach terminals, logs and comparison files.  The row and column say
    # where to look.
    return f"unknown code for {field.title}; expected one of {expected}"
