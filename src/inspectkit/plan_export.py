"""A dated plan with what its files need besides the dates, for the plan's writers.

``inspectkit plan -o FILE`` hands one of these to the writer that ``FILE``'s extension
selects (the core's ``.csv``, ``.ics`` and ``.json``, or a plugin's), so a writer has
the regime for titles and sources, the locale for dates in words and the council and
calendar id for events, without the command knowing any format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from inspectkit.bibliography import Entry, bibliography
from inspectkit.dates import DEFAULT_LOCALE
from inspectkit.model import Regime

if TYPE_CHECKING:
    from inspectkit.timeline import Plan


@frozen(kw_only=True)
class PlanExport:
    """A resolved plan, its regime, and the choices made when it was planned."""

    plan: Plan
    regime: Regime
    locale: str = DEFAULT_LOCALE
    council: str = ""
    identity: str = ""  # the calendar id, so a re-plan updates events already imported

    @property
    def title(self) -> str:
        """The regime as a calendar event names it ("CRA")."""
        return self.regime.abbreviation or self.regime.short_title

    def sources(self) -> list[Entry]:
        """The bibliography of what the plan cites: the timeline and every milestone."""
        cited = [
            self.regime.timeline.source,
            *(p.milestone.source for p in self.plan.milestones),
            *(m.source for m in self.plan.unspecified),
        ]
        return bibliography([self.regime], cited)
