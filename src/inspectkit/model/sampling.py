"""Case-sampling rules as data: groups, phases with quotas, strata to cover, sub-sets.

The three shipped regimes need only these mechanisms: "at least N cases" (a
phase minimum), "N of this kind and M of that" (quotas on groups), "at least one
from each category × outcome" (``cover``), "a balance of cases" (``balance``),
"a sub-set for meeting families" (a ``Subset`` flag) and "current cases and those
closed in the previous six months" (the ``Population``).  The sampling engine
applies them; a plugin only declares them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Protocol

from attrs import field, frozen

from inspectkit.model.common import Fact, Measure, check_id, check_text

if TYPE_CHECKING:
    from inspectkit.model.regime import Regime


@frozen(kw_only=True)
class FieldMatch:
    """A case matches when its ``field`` holds one of ``values``."""

    field: str = field(validator=check_id)
    values: tuple[str, ...] = ()


@frozen(kw_only=True)
class CaseGroup:
    """A named kind of case ("safeguarding", "looked after").

    A case belongs when all of ``where`` hold, at least one of ``any_of`` holds (when
    given), and none of ``unless`` holds.  090027 §48 needs all three: looked after
    children "including … care leavers" are looked after *or* care leavers, and a
    safeguarding case is not looked after *unless* it is a care leaver.
    """

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    source: str = field(validator=check_text)
    where: tuple[FieldMatch, ...] = ()
    any_of: tuple[FieldMatch, ...] = ()
    unless: tuple[FieldMatch, ...] = ()

    def matches(self) -> tuple[FieldMatch, ...]:
        """Every field condition the group uses, in any of its three forms."""
        return (*self.where, *self.any_of, *self.unless)


@frozen(kw_only=True)
class Quota:
    """At least ``min`` cases of ``group`` in a phase."""

    group: str = field(validator=check_id)
    min: int
    source: str = field(validator=check_text)


class PhaseDrawing(Protocol):
    """What a sampling mechanism may do inside one phase's draw.

    Cases are row positions in the case list (ascending); every random choice goes
    through :meth:`random_picks`, which uses the draw's one seeded ``random.Random``,
    so a mechanism keeps the sample a function of seed, input and rule.
    """

    @property
    def population(self) -> Sequence[int]:
        """The cases the regime's population rules allow."""
        ...

    def members(self, group_id: str) -> Sequence[int]:
        """The population's cases in the regime's group ``group_id``."""
        ...

    def available(self, candidates: Sequence[int]) -> list[int]:
        """``candidates`` not yet drawn, by any phase or earlier in this one."""
        ...

    def value(self, index: int, field_id: str) -> str | None:
        """A case's code for a code or flag field (None when blank)."""
        ...

    def day(self, index: int, field_id: str) -> date | None:
        """A case's date in a date field (None when blank)."""
        ...

    def random_picks(self, candidates: list[int], need: int) -> list[int]:
        """``need`` of ``candidates`` at random (all of them, shuffled, if fewer)."""
        ...

    def take(self, index: int, rule: str) -> None:
        """Draw case ``index`` in this phase; ``rule`` says why, with its source."""
        ...

    def shortfall(self, text: str) -> None:
        """Record, in plain words, what the case list could not satisfy."""
        ...


@frozen(kw_only=True)
class Selection:
    """A sampling mechanism a phase applies: the base of every kind in a phase's ``select``.

    The core's mechanisms are the phase's own fields (``quotas``, ``cover``,
    ``balance``, ``size``); a plugin adds one through
    ``inspectkit_register_sampling_mechanisms`` as a frozen attrs subclass whose ``key``
    names it in regime data (``select = [{ earliest_referrals = 2, source = "..." }]``).
    Selections run in order after the quotas and ``cover``, before the phase is topped
    up to its minimum.
    """

    key: ClassVar[str] = ""

    source: str = field(validator=check_text)  # where the regime asks for it

    def draw(self, drawing: PhaseDrawing) -> None:
        """Take this mechanism's cases."""
        raise NotImplementedError(f"{type(self).__name__} does not define draw()")

    def describe(self) -> str:
        """The mechanism in a few words, for ``regimes show`` and ``compare``."""
        return self.key.replace("_", " ")

    def fields(self) -> tuple[str, ...]:
        """The case fields it reads: the case list must carry them."""
        return ()

    def problems(self, regime: Regime) -> list[str]:
        """What it refers to that ``regime`` lacks, one line each."""
        return []


@frozen(kw_only=True)
class Phase:
    """One selection of cases: when, by whom, how many, and how they are spread."""

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    source: str = field(validator=check_text)
    size: Measure
    selected_by: str = "inspectors"
    milestone: str = ""
    quotas: tuple[Quota, ...] = ()
    cover: tuple[str, ...] = ()
    balance: tuple[str, ...] = ()
    # Where the source asks only for "a balance of cases", which fields to balance across is
    # the tool's reading, not the source's rule: say so here, and every output shows it.
    balance_reading: str = ""
    select: tuple[Selection, ...] = ()  # mechanisms plugins add (see Selection)
    notes: tuple[Fact, ...] = ()


@frozen(kw_only=True)
class Subset:
    """Cases flagged within the sample for a further purpose (meeting children and families)."""

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    source: str = field(validator=check_text)
    size: Measure
    balance: tuple[str, ...] = ()


@frozen(kw_only=True)
class Population:
    """Which cases may be drawn; ``closed_within_months`` admits recently closed cases."""

    text: str = field(validator=check_text)
    source: str = field(validator=check_text)
    where: tuple[FieldMatch, ...] = ()
    closed_within_months: int | None = None


@frozen(kw_only=True)
class SamplingRules:
    """Everything a regime says about which case files inspectors read."""

    source: str = field(validator=check_text)
    population: Population
    minimum: Measure
    groups: tuple[CaseGroup, ...] = ()
    phases: tuple[Phase, ...] = ()
    subsets: tuple[Subset, ...] = ()
    notes: tuple[Fact, ...] = ()

    def group(self, group_id: str) -> CaseGroup | None:
        return next((g for g in self.groups if g.id == group_id), None)


@frozen(kw_only=True)
class RecentEvent:
    """A date field that must fall within ``months`` before the reference date."""

    field: str = field(validator=check_id)
    months: int


@frozen(kw_only=True)
class Survey:
    """A survey of children, with who is eligible on the inspection date."""

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    source: str = field(validator=check_text)
    description: str = ""
    where: tuple[FieldMatch, ...] = ()
    min_age: int | None = None
    recent: RecentEvent | None = None
    council_action: str = ""
