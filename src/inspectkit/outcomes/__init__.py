"""Outcomes across inspections, for policy teams: counts, charts and the crosswalk lineup.

``count_outcomes`` counts loaded inspections (:class:`Inspected`: regime, inspection,
plan) by regime, year, judgement area and grade or finding type, limiting judgements
fired and deadlines met or missed; ``line_up`` puts a council's published judgements in
different regimes side by side through the crosswalks.  Nothing here ever holds a case
reference or a finding's text.  ``inspectkit outcomes`` and the web's outcomes page both
call these.
"""

from __future__ import annotations

from inspectkit.outcomes.counts import (
    DeadlineCount,
    Inspected,
    InspectionCount,
    JudgementCount,
    Outcomes,
    RuleCount,
    count_outcomes,
    is_published,
    kind_of,
)
from inspectkit.outcomes.lineup import AreaResult, LinedUp, line_up

__all__ = [
    "AreaResult",
    "DeadlineCount",
    "Inspected",
    "InspectionCount",
    "JudgementCount",
    "LinedUp",
    "Outcomes",
    "RuleCount",
    "count_outcomes",
    "is_published",
    "kind_of",
    "line_up",
]
