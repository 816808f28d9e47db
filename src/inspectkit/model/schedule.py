"""The evaluation schedule (a tree of judgement areas) and the scale it is judged on.

Regimes differ in shape — two elements of three sections each (SLAC 2009), four
flat judgements (child protection 2012), four priorities with findings but no
grades (CRA 2010) — so the schedule is a plain tree and the scale is a list of
levels that are either ordered grades or ungraded finding types.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import field, frozen

from inspectkit.model.common import Fact, check_id, check_text


@frozen(kw_only=True)
class JudgementArea:
    """One heading of the schedule; ``graded`` is False for headings that carry no judgement."""

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    source: str = field(validator=check_text)
    description: str = ""
    graded: bool = True
    evidence: tuple[Fact, ...] = ()
    children: tuple[JudgementArea, ...] = ()

    def walk(self, depth: int = 0) -> Iterator[tuple[int, JudgementArea]]:
        """Depth-first, parents before children, with each area's depth."""
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


@frozen(kw_only=True)
class Level:
    """A grade on a graded scale, or a finding type on an ungraded one.

    ``calls_for_action`` says, with its source, why a finding of this type is one the
    council must act on (the CRA's areas for development and for priority action), so
    the post-inspection action plan follows the regime's words, not a guess from the
    order of the scale.  Graded regimes leave it unset: their actions come from the
    report's recommendations.
    """

    id: str = field(validator=check_id)
    label: str = field(validator=check_text)
    source: str = field(validator=check_text)
    definition: str = ""
    examples: tuple[Fact, ...] = ()
    calls_for_action: Fact | None = None


@frozen(kw_only=True)
class Scale:
    """Levels ordered best first; ``graded`` says whether they are grades or finding types."""

    graded: bool
    name: str = field(validator=check_text)
    source: str = field(validator=check_text)
    levels: tuple[Level, ...] = ()
    notes: tuple[Fact, ...] = ()

    def level(self, level_id: str) -> Level | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def rank(self, level_id: str) -> int:
        """Position on the scale, 0 for the best; raises KeyError for an unknown level."""
        for index, level in enumerate(self.levels):
            if level.id == level_id:
                return index
        raise KeyError(level_id)


@frozen(kw_only=True)
class Evaluation:
    """The schedule: its areas, the illustrative evidence that guides findings, and notes."""

    source: str = field(validator=check_text)
    areas: tuple[JudgementArea, ...] = ()
    evidence: tuple[Fact, ...] = ()
    notes: tuple[Fact, ...] = ()

    def walk(self) -> Iterator[tuple[int, JudgementArea]]:
        for area in self.areas:
            yield from area.walk()

    def area(self, area_id: str) -> JudgementArea | None:
        return next((a for _, a in self.walk() if a.id == area_id), None)
