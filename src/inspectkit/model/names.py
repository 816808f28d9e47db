"""Whose names a regime's documents may carry, and the rule that keeps everyone else's out.

Ofsted's guidance keeps evidence anonymous (100025 §43: "only job titles of staff
should be recorded and only case reference numbers"), yet its own templates ask for
the inspectors' names and telephone numbers (Annex B "[insert name] as team
inspector", Annex C "Name of inspector(s) … Mobile number", Annex D "Name of
inspector, HMI") and for the addressee's name (Annex D "Dear [insert name]").  Both
are regime facts with their own citations, so a regime declares them: the rule for
evidence, findings and the council's staff, children and families, and — only where
its templates call for them — the inspecting team's names and the addressee's.
"""

from __future__ import annotations

from attrs import frozen

from inspectkit.model.common import Fact


@frozen(kw_only=True)
class NamesPolicy:
    """``rule`` always applies; ``inspectors`` and ``addressee`` say where names are asked for.

    * ``rule`` — the regime's own no-names rule for evidence, findings and everyone
      at the council, with its citation (a silent source says "not specified");
    * ``inspectors`` — set when the regime's templates ask for the inspecting team's
      names and telephone numbers (the Ofsted side: inspectors, quality assurance);
    * ``addressee`` — set when the letter is addressed to a named person.
    """

    rule: Fact
    inspectors: Fact | None = None
    addressee: Fact | None = None
