"""Across regimes: one council's judgements in different regimes, lined up by the crosswalk.

A crosswalk link says that an area of one regime relates to an area of another (the CRA
priority *children are safeguarded and protected* lies within the 2012 *effectiveness
of help and protection*).  For a council inspected under both, the link puts what each
inspection recorded for its area side by side: a council's CRA findings beside its later
grades.  Only *published* inspections are lined up (:func:`is_published`): a council's
result is public once its report or letter is, and not before.  What is shown for an
area is a grade's label or a count of findings by type — never a finding's text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from attrs import frozen

from inspectkit.crosswalk import Crosswalk, Link, describe_relationship, inverse_relationship
from inspectkit.model import Regime
from inspectkit.outcomes.counts import Inspected, is_published


@frozen(kw_only=True)
class AreaResult:
    """What one inspection recorded for one area, in words."""

    regime_id: str
    regime_title: str
    start: date
    area_id: str
    area_title: str
    result: str


@frozen(kw_only=True)
class LinedUp:
    council: str
    left: AreaResult
    relationship: str  # "lies within", "equals"...
    right: AreaResult
    source: str


def area_result(regime: Regime, item: Inspected, area_id: str) -> str:
    """A grade's label, or the findings by type ("2 areas for development"), or
    "nothing recorded"."""
    levels = Counter(f.level for f in item.inspection.findings if f.area == area_id and f.level)
    if not levels:
        return "nothing recorded"
    words = []
    for level in regime.scale.levels:
        if levels[level.id]:
            count = levels[level.id]
            words.append(level.label if regime.scale.graded else f"{count} × {level.label}")
    return ", ".join(words)


def line_up(inspected: Iterable[Inspected], crosswalks: Sequence[Crosswalk]) -> list[LinedUp]:
    """For every council, every link whose two regimes both inspected it (published
    inspections only), the earlier inspection on the left; councils in name order."""
    by_council: dict[str, list[Inspected]] = {}
    for item in inspected:
        if is_published(item.regime, item.inspection):
            by_council.setdefault(item.inspection.council, []).append(item)
    found: list[LinedUp] = []
    for council in sorted(by_council):
        items = sorted(by_council[council], key=lambda i: i.inspection.start)
        for crosswalk in crosswalks:
            for link in crosswalk.links:
                found += _pairs(council, items, link)
    return found


def _pairs(council: str, items: list[Inspected], link: Link) -> list[LinedUp]:
    """Each pair of the council's inspections that ``link`` joins, read earlier → later."""
    found = []
    readings = (
        (link.left, link.right, link.relationship),
        (link.right, link.left, inverse_relationship(link.relationship)),
    )
    for one in items:
        for other in items:
            if one is other or one.inspection.start > other.inspection.start:
                continue
            for a, b, relationship in readings:
                if (one.regime.id, other.regime.id) == (a.regime, b.regime):
                    found.append(
                        LinedUp(
                            council=council,
                            left=_result(one, a.area),
                            relationship=describe_relationship(relationship),
                            right=_result(other, b.area),
                            source=link.source,
                        )
                    )
    return found


def _result(item: Inspected, area_id: str) -> AreaResult:
    area = item.regime.evaluation.area(area_id)
    return AreaResult(
        regime_id=item.regime.id,
        regime_title=item.regime.short_title,
        start=item.inspection.start,
        area_id=area_id,
        area_title=area.title if area else area_id,
        result=area_result(item.regime, item, area_id),
    )
