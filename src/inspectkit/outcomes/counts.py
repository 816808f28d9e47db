"""Outcomes across inspections: counts only, never a case reference or a finding's text.

A policy team asks how inspections came out nationally: how many of each regime and
year, what each judgement area was graded (or, in an ungraded regime, how many findings
of each type it drew), how often each limiting judgement fired, and whether the
timeline's deadlines were met.  Everything here is counted from the core's own objects
(the checked :class:`~inspectkit.model.inspection.Inspection`, its :class:`Plan` and the
regime model), so the CLI, the web page and the tests count alike:

* graded or not is the regime's scale's to say (``Scale.graded``): a graded regime's
  area counts inspections by the grade recorded for it, an ungraded one's counts
  findings by type — never a branch on a regime's id;
* a limiting judgement *fired* as :mod:`inspectkit.judgements` decides it;
* a deadline is a planned milestone's own deadline, else the last day of its span (as
  the inspection page's steps show it), against the day the team recorded it done.

Every level of every area appears, with zero where nothing was recorded, so "0
outstanding" is a row and not an absence.  Years are financial years (April to March,
"2012-13"), as Ofsted and the Department for Education report inspection outcomes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from attrs import frozen

from inspectkit.judgements import apply_limiting_rules
from inspectkit.model import Regime
from inspectkit.model.inspection import Inspection
from inspectkit.timeline import Plan


@frozen(kw_only=True)
class Inspected:
    """One inspection to count: its regime, what was recorded, and its plan."""

    regime: Regime
    inspection: Inspection
    plan: Plan


@frozen(kw_only=True)
class InspectionCount:
    regime_id: str
    regime_title: str
    year: str  # the financial year of day 1, "2012-13"
    inspections: int
    published: int


@frozen(kw_only=True)
class JudgementCount:
    """How many inspections got ``level`` for ``area`` (graded), or how many findings of
    type ``level`` the area drew (ungraded): ``kind`` says which."""

    regime_id: str
    regime_title: str
    year: str  # the financial year of day 1, "2012-13"
    area_id: str
    area_title: str
    kind: str  # "grade" or "finding type", from the regime's scale
    level_id: str
    level_label: str
    count: int
    source: str


@frozen(kw_only=True)
class RuleCount:
    """How often one limiting judgement fired among ``inspections``."""

    regime_id: str
    regime_title: str
    year: str  # the financial year of day 1, "2012-13"
    rule_id: str
    consequence: str
    strength: str
    fired: int
    not_answered: int
    inspections: int
    source: str


@frozen(kw_only=True)
class DeadlineCount:
    """One milestone's deadline across inspections: met (done by it), missed (done after
    it, or not done and passed), and still to come."""

    regime_id: str
    regime_title: str
    year: str  # the financial year of day 1, "2012-13"
    milestone_id: str
    milestone_title: str
    met: int
    done_late: int
    overdue: int
    to_come: int
    source: str

    @property
    def missed(self) -> int:
        return self.done_late + self.overdue


@frozen(kw_only=True)
class Outcomes:
    inspections: tuple[InspectionCount, ...]
    judgements: tuple[JudgementCount, ...]
    rules: tuple[RuleCount, ...]
    deadlines: tuple[DeadlineCount, ...]
    on: date  # the day "overdue" and "to come" were judged on

    @property
    def total(self) -> int:
        return sum(c.inspections for c in self.inspections)

    def judgement(self, regime_id: str, year: str, area_id: str, level_id: str) -> int:
        """The count for one area and level (0 when none; KeyError for an unknown one)."""
        for c in self.judgements:
            key = (c.regime_id, c.year, c.area_id, c.level_id)
            if key == (regime_id, year, area_id, level_id):
                return c.count
        raise KeyError(f"no judgement row {regime_id} {year} {area_id} {level_id}")


def financial_year(day: date) -> str:
    """The April-to-March year ``day`` falls in: 11 June 2012 → "2012-13"."""
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def is_published(regime: Regime, inspection: Inspection) -> bool:
    """True once the team recorded the regime's last report milestone (its publication)
    done; a regime that names no report milestone is never known to be published."""
    final = regime.publication_milestone
    return bool(final) and final in inspection.done


def kind_of(regime: Regime) -> str:
    """What a recorded level is in ``regime``: a grade, or a finding type."""
    return "grade" if regime.scale.graded else "finding type"


def count_outcomes(inspected: Iterable[Inspected], *, on: date) -> Outcomes:
    """Every count, regimes by year of their model, then id; years in order."""
    groups: dict[tuple[str, str], list[Inspected]] = {}
    regimes: dict[str, Regime] = {}
    for item in inspected:
        regimes[item.regime.id] = item.regime
        groups.setdefault((item.regime.id, financial_year(item.inspection.start)), []).append(item)
    order = sorted(groups, key=lambda key: (regimes[key[0]].year, key[0], key[1]))
    inspections, judgements, rules, deadlines = [], [], [], []
    for regime_id, year in order:
        regime, items = regimes[regime_id], groups[regime_id, year]
        inspections.append(
            InspectionCount(
                regime_id=regime_id,
                regime_title=regime.short_title,
                year=year,
                inspections=len(items),
                published=sum(is_published(regime, i.inspection) for i in items),
            )
        )
        judgements += _judgements(regime, year, items)
        rules += _rules(regime, year, items)
        deadlines += _deadlines(regime, year, items, on)
    return Outcomes(
        inspections=tuple(inspections),
        judgements=tuple(judgements),
        rules=tuple(rules),
        deadlines=tuple(deadlines),
        on=on,
    )


def _judgements(regime: Regime, year: str, items: list[Inspected]) -> list[JudgementCount]:
    recorded = Counter(
        (finding.area, finding.level)
        for item in items
        for finding in item.inspection.findings
        if finding.level
    )
    return [
        JudgementCount(
            regime_id=regime.id,
            regime_title=regime.short_title,
            year=year,
            area_id=area.id,
            area_title=area.title,
            kind=kind_of(regime),
            level_id=level.id,
            level_label=level.label,
            count=recorded[area.id, level.id],
            source=regime.scale.source,
        )
        for _, area in regime.evaluation.walk()
        if area.graded or any(a == area.id for a, _ in recorded)
        for level in regime.scale.levels
    ]


def _rules(regime: Regime, year: str, items: list[Inspected]) -> list[RuleCount]:
    fired: Counter[str] = Counter()
    unanswered: Counter[str] = Counter()
    for item in items:
        for outcome in apply_limiting_rules(regime, item.inspection):
            fired[outcome.rule.id] += outcome.fired
            unanswered[outcome.rule.id] += outcome.status == "not_answered"
    return [
        RuleCount(
            regime_id=regime.id,
            regime_title=regime.short_title,
            year=year,
            rule_id=rule.id,
            consequence=rule.consequence,
            strength=rule.strength,
            fired=fired[rule.id],
            not_answered=unanswered[rule.id],
            inspections=len(items),
            source=rule.source,
        )
        for rule in regime.limiting_rules
    ]


def _deadlines(regime: Regime, year: str, items: list[Inspected], on: date) -> list[DeadlineCount]:
    states: dict[str, Counter[str]] = {m.id: Counter() for m in regime.timeline.milestones}
    for item in items:
        for planned in item.plan.milestones:
            deadline = planned.due or planned.last
            done = item.inspection.done.get(planned.id)
            if done is not None:
                state = "met" if done <= deadline else "done_late"
            else:
                state = "overdue" if deadline < on else "to_come"
            states.setdefault(planned.id, Counter())[state] += 1
    found = []
    for milestone in regime.timeline.milestones:
        counted = states[milestone.id]
        if not counted:  # undated by the sources ("not specified"): no deadline to meet
            continue
        found.append(
            DeadlineCount(
                regime_id=regime.id,
                regime_title=regime.short_title,
                year=year,
                milestone_id=milestone.id,
                milestone_title=milestone.label,
                met=counted["met"],
                done_late=counted["done_late"],
                overdue=counted["overdue"],
                to_come=counted["to_come"],
                source=milestone.source,
            )
        )
    return found
