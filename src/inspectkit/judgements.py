"""Limiting judgements: apply a regime's rules to what an inspection recorded.

Generic over the model (:class:`~inspectkit.model.LimitingRule`): a rule
*fires* when its condition holds — some listed area graded at or below a
threshold, a finding type recorded, or an inspector's "no" to a question.  For a
rule that fires, the recorded grade of its ``target`` is *consistent* when it is
no better than ``limit`` (scale levels are listed best first).  A target that is
not a judgement area (cra_2010's annual rating) cannot be graded here, so the
outcome says what follows instead ("the letter must say so").

Advisory rules ("likely", "unlikely") produce warnings — the inspector may have
reasons and the source allows it; ``hard`` rules produce errors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from attrs import frozen

from inspectkit.model import LimitingRule, Regime
from inspectkit.model.inspection import Inspection

Status = Literal[
    "not_fired",  # the condition does not hold
    "not_answered",  # an assertion rule whose question has no answer yet
    "consistent",  # fired, and the target's grade respects the limit
    "inconsistent",  # fired, and the target is graded better than the limit
    "target_not_graded",  # fired, but the target area has no grade yet
    "applies",  # fired on a target outside this inspection (an external rating)
]
Severity = Literal["ok", "info", "warning", "error"]


@frozen(kw_only=True)
class RuleOutcome:
    """One rule applied to one inspection."""

    rule: LimitingRule
    status: Status
    message: str
    triggers: tuple[str, ...] = ()
    matters: bool = True  # for "not_answered": would a "no" contradict the recorded grade?

    @property
    def fired(self) -> bool:
        return self.status in ("consistent", "inconsistent", "target_not_graded", "applies")

    @property
    def severity(self) -> Severity:
        """Errors only for broken hard limits; advisory breaches and gaps are warnings."""
        if self.status == "inconsistent":
            return "warning" if self.rule.advisory else "error"
        if self.status == "target_not_graded" or (self.status == "not_answered" and self.matters):
            return "warning"
        if self.status in ("applies", "not_answered"):
            return "info"
        return "ok"


def apply_limiting_rules(regime: Regime, inspection: Inspection) -> list[RuleOutcome]:
    """Every rule of ``regime`` applied to ``inspection``, in the regime's order."""
    return [_apply(regime, inspection, rule) for rule in regime.limiting_rules]


def problems(outcomes: Iterable[RuleOutcome]) -> list[RuleOutcome]:
    """The outcomes a user must see (warnings and errors)."""
    return [o for o in outcomes if o.severity in ("warning", "error")]


def _title(regime: Regime, area_id: str) -> str:
    """An area's title as a message quotes it: the part before any ": " gloss, lower case."""
    area = regime.evaluation.area(area_id)
    return _lower_first(area.title.split(": ", 1)[0]) if area else area_id


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _label(regime: Regime, level_id: str) -> str:
    level = regime.scale.level(level_id)
    return level.label.lower() if level else level_id


def _apply(regime: Regime, inspection: Inspection, rule: LimitingRule) -> RuleOutcome:
    when = rule.when
    cited = f"{rule.source}: {rule.consequence}"
    triggers: tuple[str, ...]
    if when.assertion is not None:
        answer = inspection.assertions.get(when.assertion)
        if answer is None:
            target = inspection.grade_of(rule.target)
            matters = (
                target is not None
                and regime.scale.level(rule.limit) is not None
                and regime.scale.rank(target) < regime.scale.rank(rule.limit)
            )
            return RuleOutcome(
                rule=rule,
                status="not_answered",
                matters=matters,
                message=f"not answered: {when.question} (assertions.{when.assertion}); "
                f"if the answer is no, {cited}",
            )
        if answer:
            return RuleOutcome(
                rule=rule, status="not_fired", message=f"answered yes: {cited} does not apply"
            )
        triggers = (f"assertions.{when.assertion} = false",)
        because = f"the answer to '{when.question}' is no"
    elif when.finding is not None:
        found = inspection.findings_at(when.finding)
        if not found:
            return RuleOutcome(
                rule=rule, status="not_fired", message=f"no {_label(regime, when.finding)} recorded"
            )
        count = len(found)
        label = _label(regime, when.finding)
        triggers = tuple(f.area for f in found)
        because = f"{count} {label}{'s' if count != 1 and not label.endswith('s') else ''} recorded"
    else:
        threshold = when.threshold
        assert threshold is not None  # the model guarantees one of the two forms
        limit_rank = regime.scale.rank(threshold)
        hits = []
        for area_id in when.any_of:
            grade = inspection.grade_of(area_id)
            if grade is None:
                continue
            rank = regime.scale.rank(grade)
            if (when.graded_at_most and rank >= limit_rank) or (
                when.graded_below and rank > limit_rank
            ):
                hits.append((area_id, grade))
        if not hits:
            return RuleOutcome(rule=rule, status="not_fired", message=f"{cited}: condition not met")
        triggers = tuple(a for a, _ in hits)
        because = " and ".join(f"'{_title(regime, a)}' is {_label(regime, g)}" for a, g in hits)
    return _judge_target(regime, inspection, rule, because, triggers)


def _judge_target(
    regime: Regime,
    inspection: Inspection,
    rule: LimitingRule,
    because: str,
    triggers: tuple[str, ...],
) -> RuleOutcome:
    cited = f"{rule.source}: {rule.consequence}"
    if regime.evaluation.area(rule.target) is None:
        external = next((e for e in regime.external_judgements if e.id == rule.target), None)
        what = external.title if external else rule.target
        return RuleOutcome(
            rule=rule,
            status="applies",
            triggers=triggers,
            message=f"{because}; {cited} — {what}: the "
            f"{regime.report.form} must say so and carry the limiting statement",
        )
    target = _title(regime, rule.target)
    grade = inspection.grade_of(rule.target)
    if grade is None:
        return RuleOutcome(
            rule=rule,
            status="target_not_graded",
            triggers=triggers,
            message=f"{target} not graded yet, but {because}; {cited}",
        )
    if regime.scale.rank(grade) >= regime.scale.rank(rule.limit):
        return RuleOutcome(
            rule=rule,
            status="consistent",
            triggers=triggers,
            message=f"{target} recorded {_label(regime, grade)}, consistent with {cited} "
            f"(because {because})",
        )
    return RuleOutcome(
        rule=rule,
        status="inconsistent",
        triggers=triggers,
        message=f"{target} recorded {_label(regime, grade)}, but {because}; {cited}",
    )
