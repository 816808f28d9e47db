"""Limiting judgements: when one judgement caps another.

Each rule keeps the strength of its wording.  "Likely to be inadequate" and
"unlikely to be adequate" cap the same grade but are different rules, and both
are advice to the inspector; ``hard`` is for a limit the source makes binding.
"""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen

from inspectkit.model.common import check_id, check_text

Strength = Literal["likely", "unlikely", "hard"]


@frozen(kw_only=True)
class Condition:
    """When a rule fires.  Exactly one form is used:

    * grades — ``any_of`` areas graded ``graded_at_most`` (that grade or worse)
      or ``graded_below`` (worse than that grade);
    * ``finding`` — any finding of that type is recorded (ungraded regimes);
    * ``assertion`` — the inspector answers ``question`` with "no".
    """

    any_of: tuple[str, ...] = ()
    graded_at_most: str | None = None
    graded_below: str | None = None
    finding: str | None = None
    assertion: str | None = None
    question: str = ""

    def __attrs_post_init__(self) -> None:
        forms = [
            bool(self.any_of),
            self.finding is not None,
            self.assertion is not None,
        ]
        if sum(forms) != 1:
            raise ValueError("give exactly one of any_of, finding or assertion")
        if self.any_of and (self.graded_at_most is None) == (self.graded_below is None):
            raise ValueError("any_of needs exactly one of graded_at_most or graded_below")
        if self.assertion is not None and not self.question.strip():
            raise ValueError("an assertion needs the question the inspector answers")

    @property
    def threshold(self) -> str | None:
        return self.graded_at_most or self.graded_below


@frozen(kw_only=True)
class ExternalJudgement:
    """A judgement made outside this inspection that a rule can limit (an annual rating)."""

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    source: str = field(validator=check_text)


@frozen(kw_only=True)
class LimitingRule:
    """If ``when`` holds, ``target`` is (``strength``) no better than ``limit``.

    ``text`` is the rule as the source words it; ``consequence`` is the part a
    report or warning quotes ("overall effectiveness is unlikely to be good or
    better").  ``limit`` is a level of the scale when ``target`` is an area, or
    the wording of the capped rating when ``target`` is an external judgement.
    """

    id: str = field(validator=check_id)
    text: str = field(validator=check_text)
    consequence: str = field(validator=check_text)
    source: str = field(validator=check_text)
    strength: Strength
    target: str = field(validator=check_text)
    limit: str = field(validator=check_text)
    when: Condition

    @property
    def advisory(self) -> bool:
        return self.strength != "hard"
