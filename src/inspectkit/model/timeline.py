"""Timelines as the sources give them: numbered working days and "within N days of E".

A milestone is placed either on numbered days of the regime's own count (day 1
is the anchor: CRA preparation day, SLAC notification day) or as a deadline a
number of working days after another milestone ends — or, where the sources name
it but give it no date ("the report is published"; when, not specified), it says
so in ``unspecified`` and has neither: the plan then dates it nowhere, documents
leave its date for the inspector to enter, and ``inspectkit check`` says so.
Resolving days to dates is the calendar's job, not the model's.
"""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen

from inspectkit.model.common import NOT_SPECIFIED, Fact, check_id, check_text

Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@frozen(kw_only=True)
class DaySpan:
    """Days ``first``..``last`` of the regime's working-day count (day 1 is the anchor)."""

    first: int
    last: int

    def __attrs_post_init__(self) -> None:
        if self.first < 1 or self.last < self.first:
            raise ValueError(f"days {self.first}–{self.last} must run forward from day 1")


@frozen(kw_only=True)
class Deadline:
    """``within`` working days (or calendar days) of the end of milestone ``after``."""

    within: int
    after: str = field(validator=check_id)
    text: str = field(validator=check_text)
    unit: Literal["working days", "calendar days"] = "working days"


@frozen(kw_only=True)
class Milestone:
    """An activity or deadline: who acts, what is due, when, and where the source says so."""

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    actor: str = field(validator=check_text)
    source: str = field(validator=check_text)
    days: DaySpan | None = None
    deadline: Deadline | None = None
    note: str = ""
    # "not specified: ..." where the sources name the milestone but give it no date
    unspecified: str = ""
    # a few words for calendars ("Site visit"); the title otherwise
    short: str = ""
    # inspectors are on site: a calendar shows these days as busy
    on_site: bool = False

    def __attrs_post_init__(self) -> None:
        if self.unspecified:
            if NOT_SPECIFIED not in self.unspecified.lower():
                raise ValueError(f"unspecified must say {NOT_SPECIFIED!r} in its text")
            if self.days is not None or self.deadline is not None:
                raise ValueError(
                    "a milestone whose date is not specified has no days and no deadline"
                )
        elif self.days is None and self.deadline is None:
            raise ValueError(
                "a milestone needs days, a deadline or both (or unspecified = "
                '"not specified: ..." where the sources give it no date)'
            )

    @property
    def specified(self) -> bool:
        """False when the sources name this milestone but give it no date."""
        return not self.unspecified

    @property
    def label(self) -> str:
        """The short name, or the title up to its first ";" or "(" where there is none."""
        if self.short:
            return self.short
        return self.title.split(";")[0].split(" (")[0].strip()


@frozen(kw_only=True)
class StartRule:
    """What the anchor day must (or normally should) be."""

    weekday: Weekday | None = None
    strength: Literal["normally", "must"] = "normally"
    text: str = ""
    source: str = ""


@frozen(kw_only=True)
class Timeline:
    """Day 1 (``anchor``) and the milestones counted from it."""

    anchor: str = field(validator=check_text)
    source: str = field(validator=check_text)
    milestones: tuple[Milestone, ...] = ()
    start_rule: StartRule | None = None
    notes: tuple[Fact, ...] = ()

    def milestone(self, milestone_id: str) -> Milestone | None:
        return next((m for m in self.milestones if m.id == milestone_id), None)
