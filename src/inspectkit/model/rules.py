"""Limiting judgements: when one judgement caps another.

Each rule keeps the strength of its wording.  "Likely to be inadequate" and
"unlikely to be adequate" cap the same grade but are different rules, and both
are advice to the inspector; ``hard`` is for a limit the source makes binding.

A rule's ``when`` is a :class:`Condition`, and a condition is one of several
*kinds*.  Each kind is a frozen attrs class named in regime data by one key of its
own (``any_of``, ``finding``, ``assertion``...); the core's kinds
(:mod:`inspectkit.model.conditions`) and any a plugin adds through
``inspectkit_register_condition_kinds`` are registered the same way, and each kind
carries its own checks and its own evaluation, so a new kind changes no core module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from attrs import field, frozen

from inspectkit.model.common import check_id, check_text

if TYPE_CHECKING:
    from inspectkit.model.inspection import Inspection
    from inspectkit.model.regime import Regime

Strength = Literal["likely", "unlikely", "hard"]


@frozen(kw_only=True)
class Holds:
    """The condition holds: ``because`` says why in a message's words ("'Children are
    safe' is inadequate"); ``triggers`` names what made it hold (area ids, answers)."""

    because: str
    triggers: tuple[str, ...] = ()


@frozen(kw_only=True)
class DoesNotHold:
    """The condition does not hold; ``message`` says so ("no priority action recorded")."""

    message: str


@frozen(kw_only=True)
class Unanswered:
    """The condition cannot be decided until the inspector answers a question.

    ``asked`` is the question with where its answer goes ("Is … ? (assertions.x)");
    ``fires_if`` is what would make it hold ("the answer is no").
    """

    asked: str
    fires_if: str


Evaluation = Holds | DoesNotHold | Unanswered


@frozen(kw_only=True)
class Question:
    """A yes/no question a condition asks the inspector, answered in ``[assertions]``."""

    id: str
    text: str


@frozen(kw_only=True)
class Condition:
    """When a limiting rule fires: the base of every condition kind.

    A kind sets ``key`` (the regime-data key that names it, unique among installed
    kinds) and implements :meth:`evaluate`; it may add checks of its references
    (:meth:`problems`) and questions for the inspector (:meth:`questions`).
    """

    key: ClassVar[str] = ""

    def evaluate(self, regime: Regime, inspection: Inspection) -> Evaluation:
        """Whether the condition holds for what ``inspection`` recorded."""
        raise NotImplementedError(f"{type(self).__name__} does not define evaluate()")

    def problems(self, regime: Regime) -> list[str]:
        """What this condition refers to that ``regime`` lacks, one line each."""
        return []

    def questions(self) -> tuple[Question, ...]:
        """The questions the inspector must answer for this condition to be decided."""
        return ()


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
