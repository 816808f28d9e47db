"""Limiting judgements: apply a regime's rules to what an inspection recorded.

Generic over the model (:class:`~inspectkit.model.LimitingRule`): a rule
*fires* when its condition holds, as decided by the condition's own kind (a grade
at or below a threshold, a finding type recorded, an inspector's "no" to a
question, or any kind a plugin registers).  For a
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
from inspectkit.model.conditions import area_phrase, level_phrase
from inspectkit.model.inspection import Inspection
from inspectkit.model.rules import DoesNotHold, Evaluation, Unanswered
from inspectkit.plugins import PluginHookError, code_owner, exception_line

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


def _apply(regime: Regime, inspection: Inspection, rule: LimitingRule) -> RuleOutcome:
    """The rule's condition decided by its own kind, then its target judged."""
    cited = f"{rule.source}: {rule.consequence}"
    evaluation = _evaluate(regime, inspection, rule)
    if isinstance(evaluation, Unanswered):
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
            message=f"not answered: {evaluation.asked}; if {evaluation.fires_if}, {cited}",
        )
    if isinstance(evaluation, DoesNotHold):
        return RuleOutcome(
            rule=rule, status="not_fired", message=f"{evaluation.message}: {cited} does not apply"
        )
    return _judge_target(regime, inspection, rule, evaluation.because, evaluation.triggers)


def _evaluate(regime: Regime, inspection: Inspection, rule: LimitingRule) -> Evaluation:
    """The condition's own verdict; a kind that raises (a plugin's) is one line naming it."""
    try:
        return rule.when.evaluate(regime, inspection)
    except Exception as exc:  # a plugin's condition kind can raise anything
        kind = type(rule.when)
        raise PluginHookError.single(
            f"{regime.id}: limiting rule {rule.id}: condition kind {kind.key!r} of "
            f"{code_owner(kind)} raised {exception_line(exc)}"
        ) from None


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
    target = area_phrase(regime, rule.target)
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
            message=f"{target} recorded {level_phrase(regime, grade)}, consistent with {cited} "
            f"(because {because})",
        )
    return RuleOutcome(
        rule=rule,
        status="inconsistent",
        triggers=triggers,
        message=f"{target} recorded {level_phrase(regime, grade)}, but {because}; {cited}",
    )
