"""The limiting-judgement engine on slac_2009's §31-32 rules and cra_2010's priority action."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from inspectkit.judgements import RuleOutcome, apply_limiting_rules, problems
from inspectkit.model import GradedCondition, LimitingRule, Regime
from inspectkit.plugins import get_host
from inspectkit.workspace import Finding, Inspection


def slac() -> Regime:
    return get_host().regime("slac_2009").regime


def inspection(regime_id: str, grades: dict[str, str], **extra: object) -> Inspection:
    findings = tuple(Finding(area=a, level=g) for a, g in grades.items())
    return Inspection(
        regime=regime_id, council="N", start=date(2009, 11, 2), findings=findings, **extra
    )  # type: ignore[arg-type]


def outcome(outcomes: list[RuleOutcome], rule_id: str) -> RuleOutcome:
    return next(o for o in outcomes if o.rule.id == rule_id)


def test_the_issue_example_message():
    outcomes = apply_limiting_rules(
        slac(),
        inspection(
            "slac_2009",
            {
                "overall_effectiveness": "good",
                "children_safe": "good",
                "children_feel_safe": "adequate",
            },
        ),
    )
    result = outcome(outcomes, "safeguarding_outcome_not_good")
    assert result.status == "inconsistent"
    assert result.severity == "warning"  # "unlikely" is advice, not a hard limit
    assert result.message.startswith(
        "overall effectiveness recorded good, but 'children and young people feel safe' is "
        "adequate; 090027 §31"
    )
    assert result.message.endswith(": overall effectiveness is unlikely to be good or better")
    assert result.triggers == ("children_feel_safe",)
    assert problems(outcomes) == [result]


def test_a_grade_that_respects_the_limit_is_consistent():
    outcomes = apply_limiting_rules(
        slac(),
        inspection(
            "slac_2009", {"overall_effectiveness": "adequate", "children_feel_safe": "adequate"}
        ),
    )
    assert outcome(outcomes, "safeguarding_outcome_not_good").status == "consistent"
    assert problems(outcomes) == []


@pytest.mark.parametrize(
    ("grade", "at_most_inadequate", "below_good"),
    [
        ("outstanding", False, False),
        ("good", False, False),
        ("adequate", False, True),
        ("inadequate", True, True),
    ],
)
def test_graded_at_most_and_graded_below_thresholds(grade, at_most_inadequate, below_good):
    outcomes = apply_limiting_rules(slac(), inspection("slac_2009", {"children_safe": grade}))
    assert outcome(outcomes, "safeguarding_outcome_inadequate").fired is at_most_inadequate
    assert outcome(outcomes, "safeguarding_outcome_not_good").fired is below_good


def test_a_fired_rule_with_an_ungraded_target_is_a_warning():
    outcomes = apply_limiting_rules(
        slac(), inspection("slac_2009", {"lac_staying_safe": "adequate"})
    )
    result = outcome(outcomes, "lac_safe_or_achieving_not_good")
    assert result.status == "target_not_graded"
    assert result.severity == "warning"


def test_assertion_rules_not_answered_yes_and_no():
    rule_id = "lac_educational_progress"
    grades = {"lac_enjoying_and_achieving": "good"}
    missing = outcome(apply_limiting_rules(slac(), inspection("slac_2009", grades)), rule_id)
    assert missing.status == "not_answered"
    assert "assertions.lac_good_educational_progress" in missing.message
    assert missing.severity == "warning"  # a "no" would contradict the recorded good
    ungraded = outcome(apply_limiting_rules(slac(), inspection("slac_2009", {})), rule_id)
    assert (ungraded.status, ungraded.severity) == ("not_answered", "info")
    yes = outcome(
        apply_limiting_rules(
            slac(),
            inspection("slac_2009", grades, assertions={"lac_good_educational_progress": True}),
        ),
        rule_id,
    )
    assert yes.status == "not_fired"
    no = outcome(
        apply_limiting_rules(
            slac(),
            inspection("slac_2009", grades, assertions={"lac_good_educational_progress": False}),
        ),
        rule_id,
    )
    assert no.status == "inconsistent"
    assert "enjoying and achieving recorded good" in no.message


def test_hard_rules_are_errors_and_advisory_ones_warnings():
    """An in-test regime: the same §31 rule made binding."""
    base = slac()
    hard = LimitingRule(
        id="made_hard",
        text="A test rule.",
        consequence="overall effectiveness cannot be good",
        source="090027 §31",
        strength="hard",
        target="overall_effectiveness",
        limit="adequate",
        when=GradedCondition(any_of=("children_safe",), graded_below="good"),
    )
    regime = attrs.evolve(base, limiting_rules=(hard,))
    outcomes = apply_limiting_rules(
        regime,
        inspection(
            "slac_2009", {"overall_effectiveness": "outstanding", "children_safe": "inadequate"}
        ),
    )
    (result,) = outcomes
    assert result.severity == "error"
    advisory = attrs.evolve(regime, limiting_rules=(attrs.evolve(hard, strength="likely"),))
    (soft,) = apply_limiting_rules(
        advisory,
        inspection(
            "slac_2009", {"overall_effectiveness": "outstanding", "children_safe": "inadequate"}
        ),
    )
    assert soft.severity == "warning"


def test_cra_priority_action_means_the_letter_must_say_so():
    regime = get_host().regime("cra_2010").regime
    without = Inspection(
        regime="cra_2010",
        council="N",
        start=date(2011, 10, 17),
        findings=(Finding(area="working_together", level="area_for_development", text="x"),),
    )
    (quiet,) = apply_limiting_rules(regime, without)
    assert not quiet.fired
    with_priority = attrs.evolve(
        without,
        findings=(
            *without.findings,
            Finding(area="concerns_identified", level="area_for_priority_action", text="y"),
        ),
    )
    (fired,) = apply_limiting_rules(regime, with_priority)
    assert fired.status == "applies"
    assert fired.severity == "info"
    assert "1 area for priority action recorded" in fired.message
    assert "the letter must say so and carry the limiting statement" in fired.message
    assert fired.triggers == ("concerns_identified",)
