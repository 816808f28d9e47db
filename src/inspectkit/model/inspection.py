"""A recorded inspection: who, where, when, and what was found or graded.

This is what an inspector writes (in ``inspection.toml``) and what judgements
and documents read.  One ``Finding`` type serves both kinds of regime: its
``level`` is a finding type on an ungraded scale (cra_2010's "area for
development") or a grade on a graded one — or empty, for text recorded against
a heading that carries no grade ("Areas for improvement").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType

from attrs import field, frozen

from inspectkit.identity import inspection_id


def _answers(value: Mapping[str, bool]) -> Mapping[str, bool]:
    """A read-only copy, so a loaded inspection cannot be changed behind the checks' back."""
    return MappingProxyType(dict(value))


def _texts(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _dates(value: Mapping[str, date]) -> Mapping[str, date]:
    return MappingProxyType(dict(value))


@frozen(kw_only=True)
class Person:
    """Someone on the inspecting side: a job title, and — where the regime's templates ask
    for them (``Regime.names``) — a name and a telephone number."""

    role: str
    name: str = ""
    telephone: str = ""

    def display(self) -> str:
        """ "Name, role" where a name is recorded, else the role alone."""
        return f"{self.name}, {self.role}" if self.name else self.role


def _people(value: Iterable[Person | str]) -> tuple[Person, ...]:
    """A team given as job titles (``["Lead inspector, HMI"]``) or as people."""
    return tuple(p if isinstance(p, Person) else Person(role=p) for p in value)


@frozen(kw_only=True)
class Finding:
    """One finding (ungraded regimes) or one area's grade (graded regimes), with its evidence."""

    area: str
    level: str
    text: str = ""
    evidence: str = ""
    recommendations: tuple[str, ...] = ()


@frozen(kw_only=True, eq=False)
class Inspection:
    """The inspection file's content, already checked against its regime."""

    regime: str
    council: str
    start: date
    id: str = ""  # as written; ``identity`` gives the one to use
    team: tuple[Person, ...] = field(default=(), converter=_people)
    sites: tuple[str, ...] = ()
    recipient: str = "Director of Children's Services"
    recipient_name: str = ""  # only where the regime's letter is addressed by name
    quality_assurance: Person | None = None  # Annex B's named quality assurance manager
    letter_date: date | None = None
    # the inspector's dates for milestones the regime's sources do not date ("not specified")
    dates: Mapping[str, date] = field(factory=dict, converter=_dates)
    # the day each milestone was done, as the team records it (where the inspection stands)
    done: Mapping[str, date] = field(factory=dict, converter=_dates)
    locale: str = "en_GB"
    findings: tuple[Finding, ...] = ()
    assertions: Mapping[str, bool] = field(factory=dict, converter=_answers)
    contacts: Mapping[str, str] = field(factory=dict, converter=_texts)
    sections: Mapping[str, str] = field(factory=dict, converter=_texts)
    # the inspector's sentence for a statement group the regime's data leaves without one
    statements: Mapping[str, str] = field(factory=dict, converter=_texts)

    @property
    def identity(self) -> str:
        """The inspection's id: as written in the file, else from the regime, the council and
        the year of day 1 (so calendar events of a re-plan update those already imported)."""
        return self.id or inspection_id(self.regime, self.council, self.start)

    def recorded_levels(self) -> set[str]:
        """Every finding type or grade recorded: what ``Statement.applies`` tests."""
        return {f.level for f in self.findings if f.level}

    def recorded_each(self) -> list[str]:
        """The level of every finding, once per finding (to count them)."""
        return [f.level for f in self.findings if f.level]

    def grade_of(self, area: str) -> str | None:
        """The grade recorded for ``area``, or None when it is not (yet) graded."""
        return next((f.level for f in self.findings if f.area == area and f.level), None)

    def findings_at(self, level: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.level == level)

    def entry_for(self, area: str) -> Finding | None:
        return next((f for f in self.findings if f.area == area), None)
