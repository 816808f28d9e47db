"""The building blocks every regime fact is made of.

A regime is only as trustworthy as its citations, so every block here carries a
``source``: a paragraph of a document the regime declares (``090027 §47``) or a
public source (``public: Community Care, 30 Jan 2012``).  Where the sources are
silent the data says so in words ("not specified") instead of holding a number
nobody can trace.
"""

from __future__ import annotations

import re
from datetime import date as _date
from typing import Any

import attrs
from attrs import field, frozen

NOT_SPECIFIED = "not specified"

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_id(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """Ids are used as keys in files, URLs and templates, so keep them plain."""
    if not _ID.match(value):
        raise ValueError(
            f"{attribute.name} {value!r} must be lower case letters, digits and '_', "
            "starting with a letter"
        )


def check_text(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """An empty statement or citation is as bad as a missing one."""
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


def check_partial_date(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """Sources often give only a month ("Published: April 2010"); keep that precision —
    but a day or month that does not exist (2020-02-30, 2020-13) is a typing slip."""
    if not _PARTIAL_DATE.match(value):
        raise ValueError(f"{attribute.name} {value!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    padded = value + "-01" * (2 - value.count("-"))
    try:
        _date.fromisoformat(padded)
    except ValueError:
        raise ValueError(f"{attribute.name} {value!r} is not a real date") from None


def check_partial_date_or_unknown(
    _instance: Any, attribute: attrs.Attribute[Any], value: str
) -> None:
    """A source document may carry no date at all: ``""`` says so ("date not specified")."""
    if value:
        check_partial_date(_instance, attribute, value)


@frozen(kw_only=True)
class Fact:
    """A statement taken from a source: a deferral reason, a scheduling input, a note."""

    text: str = field(validator=check_text)
    source: str = field(validator=check_text)
    id: str = ""


@frozen(kw_only=True)
class Measure:
    """A number, or a range, exactly as strong as the source states it.

    ``min``/``max`` are bounds ("at least three" sets ``min``; "up to 10" sets
    ``max``; "two" sets both).  With neither bound the source is silent and
    ``text`` must say "not specified" — a rule the conformance kit enforces.
    """

    text: str = field(validator=check_text)
    source: str = field(validator=check_text)
    min: int | None = None
    max: int | None = None
    unit: str = ""

    def __attrs_post_init__(self) -> None:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is greater than max {self.max}")

    @property
    def specified(self) -> bool:
        return self.min is not None or self.max is not None

    def describe(self) -> str:
        """Short form for tables: "2", "at least 20", "up to 10", "2–4", "not specified"."""
        unit = f" {self.unit}" if self.unit else ""
        if self.min is None and self.max is None:
            return NOT_SPECIFIED
        if self.min == self.max:
            return f"{self.min}{unit}"
        if self.max is None:
            return f"at least {self.min}{unit}"
        if self.min is None:
            return f"up to {self.max}{unit}"
        return f"{self.min}–{self.max}{unit}"


@frozen(kw_only=True)
class Dated:
    """A date with the precision the source gives (year, month or day)."""

    date: str = field(validator=check_partial_date)
    source: str = field(validator=check_text)
    text: str = ""

    @property
    def year(self) -> int:
        return int(self.date[:4])


@frozen(kw_only=True)
class SourceDocument:
    """A source document a regime's citations point into: one bibliography entry.

    ``id`` is the short readable key every citation starts with ("100025 §43",
    "Sunderland 2012 §3.1"); a reader finds it in the bibliography every output that
    cites carries, with the publisher (or council), title, date and — where the
    document has one — its ``reference`` number.  ``published`` is "" when the
    document carries no date.  ``note`` is for the reader too (where to find it), so
    it never names a file of this repository.
    """

    id: str = field(validator=check_text)
    title: str = field(validator=check_text)
    publisher: str = field(validator=check_text)
    published: str = field(validator=check_partial_date_or_unknown)
    kind: str = field(validator=check_text)
    reference: str = ""
    note: str = ""
