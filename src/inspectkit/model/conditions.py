"""The core's own kinds of limiting-rule condition, registered like any plugin's.

The three shipped regimes need three: a grade at or below a threshold in any of some
areas (slac_2009), a finding type recorded (cra_2010's priority actions), and an
inspector's "no" to a question (slac_2009's educational progress).  Each is named in
regime data by its key — ``when = { finding = "area_for_priority_action" }`` — and
registered through ``inspectkit_register_condition_kinds`` by the built-in plugin
``inspectkit.default_plugins.conditions``, as an outside plugin registers its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from inspectkit.model.rules import Condition, DoesNotHold, Evaluation, Holds, Question, Unanswered

if TYPE_CHECKING:
    from inspectkit.model.inspection import Inspection
    from inspectkit.model.regime import Regime


def area_phrase(regime: Regime, area_id: str) -> str:
    """An area's title as a message quotes it: the part before any ": " gloss, lower case."""
    area = regime.evaluation.area(area_id)
    return _lower_first(area.title.split(": ", 1)[0]) if area else area_id


def level_phrase(regime: Regime, level_id: str) -> str:
    """A grade or finding type as a message quotes it ("inadequate", "priority action")."""
    level = regime.scale.level(level_id)
    return level.label.lower() if level else level_id


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


@frozen(kw_only=True)
class GradedCondition(Condition):
    """Any of ``any_of`` graded ``graded_at_most`` (that grade or worse) or
    ``graded_below`` (worse than that grade): exactly one of the two is given."""

    key = "any_of"

    any_of: tuple[str, ...]
    graded_at_most: str | None = None
    graded_below: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.any_of:
            raise ValueError("any_of needs at least one judgement area")
        if (self.graded_at_most is None) == (self.graded_below is None):
            raise ValueError("any_of needs exactly one of graded_at_most or graded_below")

    @property
    def threshold(self) -> str:
        threshold = self.graded_at_most or self.graded_below
        assert threshold is not None  # __attrs_post_init__ guarantees one
        return threshold

    def problems(self, regime: Regime) -> list[str]:
        found = [
            f"refers to missing judgement area {area!r}"
            for area in self.any_of
            if regime.evaluation.area(area) is None
        ]
        if not regime.scale.graded:
            found.append("grade conditions need a graded scale")
        if regime.scale.level(self.threshold) is None:
            found.append(f"refers to missing grade {self.threshold!r}")
        return found

    def evaluate(self, regime: Regime, inspection: Inspection) -> Evaluation:
        limit_rank = regime.scale.rank(self.threshold)
        hits = []
        for area_id in self.any_of:
            grade = inspection.grade_of(area_id)
            if grade is None:
                continue
            rank = regime.scale.rank(grade)
            if rank > limit_rank or (self.graded_at_most is not None and rank == limit_rank):
                hits.append((area_id, grade))
        if not hits:
            return DoesNotHold(message="condition not met")
        return Holds(
            because=" and ".join(
                f"'{area_phrase(regime, a)}' is {level_phrase(regime, g)}" for a, g in hits
            ),
            triggers=tuple(a for a, _ in hits),
        )


@frozen(kw_only=True)
class FindingCondition(Condition):
    """Any finding of type ``finding`` is recorded (ungraded regimes)."""

    key = "finding"

    finding: str

    def problems(self, regime: Regime) -> list[str]:
        if regime.scale.level(self.finding) is None:
            return [f"refers to missing finding type {self.finding!r}"]
        return []

    def evaluate(self, regime: Regime, inspection: Inspection) -> Evaluation:
        found = inspection.findings_at(self.finding)
        label = level_phrase(regime, self.finding)
        if not found:
            return DoesNotHold(message=f"no {label} recorded")
        plural = "s" if len(found) != 1 and not label.endswith("s") else ""
        return Holds(
            because=f"{len(found)} {label}{plural} recorded", triggers=tuple(f.area for f in found)
        )


@frozen(kw_only=True)
class AssertionCondition(Condition):
    """The inspector answers ``question`` with "no" (``assertions.<assertion> = false``)."""

    key = "assertion"

    assertion: str
    question: str

    def __attrs_post_init__(self) -> None:
        if not self.question.strip():
            raise ValueError("an assertion needs the question the inspector answers")

    def questions(self) -> tuple[Question, ...]:
        return (Question(id=self.assertion, text=self.question),)

    def evaluate(self, regime: Regime, inspection: Inspection) -> Evaluation:
        answer = inspection.assertions.get(self.assertion)
        if answer is None:
            return Unanswered(
                asked=f"{self.question} (assertions.{self.assertion})", fires_if="the answer is no"
            )
        if answer:
            return DoesNotHold(message="answered yes")
        return Holds(
            because=f"the answer to '{self.question}' is no",
            triggers=(f"assertions.{self.assertion} = false",),
        )


BUILTIN_CONDITION_KINDS: tuple[type[Condition], ...] = (
    GradedCondition,
    FindingCondition,
    AssertionCondition,
)
