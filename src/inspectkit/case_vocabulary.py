"""Council vocabulary → canonical ids, compiled once from the declared field data.

Councils' systems name the same column and the same code in many ways ("Child
Unique ID", "LAchildID"; "U4", "Foster placement").  The fields declare those
variants; this module turns them into lookup dictionaries so that reading a
million rows is a dictionary look-up per cell, not a string comparison.  It is
the only place council vocabulary is translated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from attrs import frozen

from inspectkit.case_fields import privacy_rules
from inspectkit.model import CaseField

_NOT_WORD = re.compile(r"[\W_]+")


def normalise_heading(text: str) -> str:
    """Headings match case-insensitively, ignoring spaces and punctuation."""
    return _NOT_WORD.sub("", text.casefold())


def normalise_code(text: str) -> str:
    """Codes match case-insensitively after trimming and collapsing inner spaces."""
    return " ".join(text.split()).casefold()


def short_label(label: str) -> str:
    """A value's label without its parenthetical gloss, for one-line rule texts.

    "Referrals (proceeded / did not proceed to initial assessment)" → "Referrals".
    """
    head = label.split(" (", 1)[0].strip()
    return head or label


@frozen(kw_only=True)
class FieldVocabulary:
    """One field's codes: normalised code → index into ``value_ids``."""

    field: CaseField
    value_ids: tuple[str, ...]
    codes: dict[str, int]

    def label(self, index: int) -> str:
        return self.field.values[index].label


@frozen(kw_only=True)
class Vocabulary:
    """Every field of one regime's case list, by normalised heading and by id."""

    fields: tuple[CaseField, ...]
    by_heading: dict[str, str]
    by_id: dict[str, CaseField]
    codes: dict[str, FieldVocabulary]
    name_headings: frozenset[str]
    name_endings: tuple[str, ...]

    def is_name_heading(self, normalised: str) -> bool:
        """Columns carrying names are dropped on read, whatever else they match."""
        return normalised in self.name_headings or normalised.endswith(self.name_endings)

    def template_heading(self, field: CaseField) -> str:
        """The heading a template uses for ``field``: its first declared heading."""
        return field.headings[0] if field.headings else field.title


@cache
def vocabulary_for(fields: Sequence[CaseField]) -> Vocabulary:
    """Lookup tables for ``fields`` (a hashable tuple, so compiled once per regime)."""
    fields = tuple(fields)
    by_heading: dict[str, str] = {}
    for case_field in fields:
        for heading in (*case_field.headings, case_field.title, case_field.id):
            key = normalise_heading(heading)
            if key:
                by_heading[key] = case_field.id  # later (regime) fields win a shared heading
    codes: dict[str, FieldVocabulary] = {}
    for case_field in fields:
        if case_field.kind not in ("code", "flag"):
            continue
        table: dict[str, int] = {}
        for index, value in enumerate(case_field.values):
            for code in (*value.codes, value.id, value.label):
                table.setdefault(normalise_code(code), index)
        codes[case_field.id] = FieldVocabulary(
            field=case_field, value_ids=tuple(v.id for v in case_field.values), codes=table
        )
    privacy = privacy_rules()
    return Vocabulary(
        fields=fields,
        by_heading=by_heading,
        by_id={f.id: f for f in fields},
        codes=codes,
        name_headings=frozenset(normalise_heading(h) for h in privacy.name_headings),
        name_endings=tuple(normalise_heading(h) for h in privacy.name_heading_endings),
    )
