"""Saved records (a plan, a sample) written and read back by one converter.

inspectkit writes these as JSON (``plan.json``, ``sample.json``, and the web store's
columns) and reads them back later, after a user may have edited or damaged them.
Both directions go through the same cattrs converter, so the file's shape is
declared once, as attrs classes, and reading it is as strict as reading regime
data: a wrong type, a string where a list belongs or an unknown key is one line
naming the file and the key path.  Dates are ISO ``YYYY-MM-DD`` strings in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from cattrs.cols import is_sequence, iterable_unstructure_factory

from inspectkit.errors import InputError
from inspectkit.loading import strict_converter, structure_or_problems

if TYPE_CHECKING:
    import cattrs

T = TypeVar("T")


@cache
def record_converter(*, quote: bool = True) -> cattrs.Converter:
    """The converter for saved records; ``quote=False`` keeps values out of its messages
    (a sample record holds case references)."""
    records = strict_converter(quote=quote)
    records.register_unstructure_hook(date, date.isoformat)
    records.register_structure_hook(date, _iso_date(quote))
    records.register_unstructure_hook_factory(
        is_sequence, lambda type_, conv: iterable_unstructure_factory(type_, conv, list)
    )
    return records


def _iso_date(quote: bool) -> Callable[[Any, Any], date]:
    def structure(value: Any, _type: Any) -> date:
        if isinstance(value, str):
            try:
                parsed = datetime.strptime(value, "%Y-%m-%d")
            except ValueError:
                pass
            else:
                return parsed.date()
        got = f", got {value!r}" if quote else ""
        raise ValueError(f"expected a YYYY-MM-DD date{got}")

    return structure


def to_data(record: object) -> dict[str, Any]:
    """``record`` (an attrs instance) as JSON-ready data, keys in field order."""
    data: dict[str, Any] = record_converter().unstructure(record)
    return data


def from_data(kind: type[T], data: object, where: str, expected: str, *, quote: bool = True) -> T:
    """``data`` (whatever the JSON held) as ``kind``; InputError with one line per problem,
    each ``WHERE: key.path: problem``, or ``WHERE: expected EXPECTED`` when it is not
    a JSON object at all."""
    if not isinstance(data, dict):
        raise InputError.single(f"{where}: expected {expected}")
    return structure_or_problems(
        kind, data, lambda _where: where, using=record_converter(quote=quote)
    )


__all__ = ["from_data", "record_converter", "to_data"]
