"""The date a document bears, from the inspection file and its plan.

Here, below the documents, because ``inspectkit init`` writes it into the starter file's
``letter_date`` comment as well as every document printing it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspectkit.model import Regime
    from inspectkit.model.inspection import Inspection
    from inspectkit.timeline import Plan


def letter_date(regime: Regime, inspection: Inspection, plan: Plan) -> date | None:
    """The date the document bears: the file's ``letter_date``, else the last report
    milestone's deadline (or last day) — or the date the inspector entered for it, and
    None when the sources give it none (documents then leave it blank) — else the end
    of the plan, for a regime that names no report milestone."""
    if inspection.letter_date is not None:
        return inspection.letter_date
    last_id = final_report_milestone(regime)
    if last_id is None:
        return plan.end
    if any(m.id == last_id for m in plan.unspecified):
        return inspection.dates.get(last_id)
    last = plan.milestone(last_id)
    return last.due or last.last


def final_report_milestone(regime: Regime) -> str | None:
    """The last of the report's milestones in the regime's timeline (its publication),
    or None for a regime that names no report milestone."""
    return next(
        (m.id for m in reversed(regime.timeline.milestones) if m.id in regime.report.milestones),
        None,
    )
