"""Case-list fields a regime samples by, with the headings and codes councils use.

Councils export case lists from their own systems (Annex A lists, SSDA903, CIN
census), so each canonical value lists the codes and labels that mean it and each
field lists the column headings that carry it.  This declared mapping is the only
place council vocabulary is translated.
"""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen

from inspectkit.model.common import check_id, check_text

FieldKind = Literal["text", "date", "code", "flag", "integer"]


@frozen(kw_only=True)
class CodeValue:
    """One canonical value and the council codes/labels that mean it."""

    id: str = field(validator=check_id)
    label: str = field(validator=check_text)
    source: str = field(validator=check_text)
    codes: tuple[str, ...] = ()


@frozen(kw_only=True)
class CaseField:
    """A column of the case list: its canonical id, the headings used for it, its values."""

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    kind: FieldKind
    source: str = field(validator=check_text)
    headings: tuple[str, ...] = ()
    values: tuple[CodeValue, ...] = ()
    required: bool = False
    personal: bool = True
    description: str = ""
