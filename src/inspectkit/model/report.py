"""What an inspection ends in: a letter or a report, its sections, wording and templates.

Templates are listed at the regime's top level (``[[templates]]``) so that the
file declaring them can live beside the template files themselves.

Conditional wording is data too: Annex D's three outcome sentences are
``Statement`` items in one ``group``, each with the finding types that must be
present or absent; the first whose condition holds is the one a letter uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from attrs import field, frozen

from inspectkit.model.common import Fact, check_id, check_text


@frozen(kw_only=True)
class ReportSection:
    """A heading of the report; ``area`` names the judgement whose grade it shows."""

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    source: str = field(validator=check_text)
    content: str = ""
    area: str = ""
    graded: bool = False
    children: tuple[ReportSection, ...] = ()


@frozen(kw_only=True)
class Statement:
    """Wording used when every ``when_present`` level is recorded and no ``when_absent`` one is.

    Statements sharing a ``group`` are alternatives: the first that applies is used.
    ``text`` is the source's wording; where it leaves a number open ("identified
    area(s) for priority action"), ``counted`` names the level whose findings decide it
    and ``one`` / ``many`` give the wording for one finding and for several.
    """

    id: str = field(validator=check_id)
    text: str = field(validator=check_text)
    source: str = field(validator=check_text)
    group: str = ""
    when_present: tuple[str, ...] = ()
    when_absent: tuple[str, ...] = ()
    counted: str = ""
    one: str = ""
    many: str = ""

    def __attrs_post_init__(self) -> None:
        if bool(self.counted) != bool(self.one and self.many):
            raise ValueError("counted needs both one and many wordings, and they need counted")

    def applies(self, recorded: set[str]) -> bool:
        return all(level in recorded for level in self.when_present) and not any(
            level in recorded for level in self.when_absent
        )

    def wording(self, counts: Mapping[str, int]) -> str:
        """The text for these numbers of findings (by level): singular or plural resolved."""
        if not self.counted:
            return self.text
        return self.one if counts.get(self.counted, 0) == 1 else self.many


DocumentKind = Literal["letter", "report", "email", "information_sheet"]


@frozen(kw_only=True)
class DocumentTemplate:
    """A Word template the regime renders, found by file name through the template layers."""

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    file: str = field(validator=check_text)
    kind: DocumentKind
    source: str = field(validator=check_text)
    audience: str = ""


@frozen(kw_only=True)
class ReportDefinition:
    """The output's form, its headings, its conditional wording and its templates."""

    form: Literal["letter", "report"]
    title: str = field(validator=check_text)
    source: str = field(validator=check_text)
    sections: tuple[ReportSection, ...] = ()
    statements: tuple[Statement, ...] = ()
    recipients: tuple[Fact, ...] = ()
    milestones: tuple[str, ...] = ()
    notes: tuple[Fact, ...] = ()

    def chosen_statements(self, recorded: set[str]) -> dict[str, Statement]:
        """For each group, the first statement whose condition holds for ``recorded`` levels."""
        chosen: dict[str, Statement] = {}
        for statement in self.statements:
            key = statement.group or statement.id
            if key not in chosen and statement.applies(recorded):
                chosen[key] = statement
        return chosen
