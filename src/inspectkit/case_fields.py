"""The case-list fields every regime shares, declared once as data.

Seed 001 §49 lists what councils supply for every child; Ofsted's Annex A lists,
SSDA903 and the CIN census give the headings and codes councils actually use.
Regimes add their own sampling categories through ``case_fields`` in their data.
The same file declares which columns carry names (dropped on read) and which
fields a sample export never carries, so privacy rules are data, not code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from attrs import frozen

from inspectkit.errors import InputError
from inspectkit.loading import converter
from inspectkit.model import CaseField, Regime

STANDARD_FIELDS_FILE = Path(__file__).with_name("caselist") / "standard_fields.toml"


@frozen(kw_only=True)
class PrivacyRules:
    """Which columns are dropped as names, and which fields are never exported."""

    source: str
    name_headings: tuple[str, ...]
    name_heading_endings: tuple[str, ...]
    never_exported: frozenset[str]


@cache
def _data() -> dict[str, Any]:
    with STANDARD_FIELDS_FILE.open("rb") as handle:
        return tomllib.load(handle)


@cache
def standard_fields() -> tuple[CaseField, ...]:
    """The shared fields, loaded from ``standard_fields.toml`` through the regime converter."""
    try:
        return tuple(converter().structure(_data()["fields"], tuple[CaseField, ...]))
    except Exception as exc:  # a broken core data file is a packaging bug, said plainly
        raise InputError.single(f"{STANDARD_FIELDS_FILE}: invalid: {exc}") from None


@cache
def privacy_rules() -> PrivacyRules:
    """The declared name columns and never-exported fields."""
    try:
        table = _data()["privacy"]
        return PrivacyRules(
            source=str(table["source"]),
            name_headings=tuple(str(h) for h in table["name_headings"]),
            name_heading_endings=tuple(str(h) for h in table["name_heading_endings"]),
            never_exported=frozenset(str(f) for f in table["never_exported"]),
        )
    except (KeyError, TypeError) as exc:
        raise InputError.single(f"{STANDARD_FIELDS_FILE}: invalid [privacy]: {exc}") from None


def case_fields_for(regime: Regime) -> tuple[CaseField, ...]:
    """The standard fields followed by the regime's own; a regime field replaces a standard
    field of the same id (a regime may make an optional field required)."""
    own = {f.id: f for f in regime.case_fields}
    merged = [own.pop(f.id, f) for f in standard_fields()]
    merged.extend(f for f in regime.case_fields if f.id in own)
    return tuple(merged)
