"""The jtai_2016 regime: joint targeted area inspections (2016), an example plugin.

It is written only against inspectkit's public API, to show that a fourth regime
needs no change to the core.  The regime itself is data in ``regime/``, and the example
inspection ``inspectkit demo`` builds is data in ``examples/``; this module registers
them and adds one behaviour the data cannot express: the letter names every
inspectorate that carried out the inspection, in the order the regime lists them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from inspectkit import Regime, hookimpl, packaged_examples_hook, packaged_regime_hook

REGIME_ID = "jtai_2016"

inspectkit_register_regimes = packaged_regime_hook(__name__)
inspectkit_register_examples = packaged_examples_hook(__name__)


def joined(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C': the way a letter lists the inspectorates."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


@hookimpl
def inspectkit_document_context(
    regime: Regime, document: str, context: Mapping[str, Any]
) -> Mapping[str, Any] | None:
    """Add ``inspectorates``: the team's inspectorates as one phrase, for this regime only."""
    if regime.id != REGIME_ID:
        return None
    return {"inspectorates": joined([i.name for i in regime.team.inspectorates])}
