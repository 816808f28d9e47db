"""The case-list fields every regime shares, declared once as data.

Seed 001 §49 lists what councils supply for every child; Ofsted's Annex A lists,
SSDA903 and the CIN census give the headings and codes councils actually use.
Regimes add their own sampling categories through ``case_fields`` in their data.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from inspectkit.model import CaseField

STANDARD_FIELDS_FILE = Path(__file__).with_name("standard_fields.toml")


@cache
def standard_fields() -> tuple[CaseField, ...]:
    """The shared fields, loaded from ``standard_fields.toml`` through the regime converter."""
    import tomllib

    from inspectkit.errors import InputError
    from inspectkit.loading import converter

    with STANDARD_FIELDS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    try:
        return tuple(converter().structure(data["fields"], tuple[CaseField, ...]))
    except Exception as exc:  # a broken core data file is a packaging bug, said plainly
        raise InputError.single(f"{STANDARD_FIELDS_FILE}: invalid: {exc}") from None
