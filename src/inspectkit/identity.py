"""One inspection's stable id: what its calendar events are known by.

A calendar client matches events by UID, so an id built from the start date would
make a re-plan (the start moved, a closure day added) a second set of events.  The
id is the regime, the council and the year of day 1: a re-plan keeps it, another
council's inspection — or the same council's next annual one — does not.  A
workspace writes it into its inspection file, so renaming the council later keeps it.
"""

from __future__ import annotations

import uuid
from datetime import date


def inspection_id(regime_id: str, council: str, start: date) -> str:
    """16 hexadecimal characters, the same for the same regime, council and year."""
    key = f"inspectkit:{regime_id}:{' '.join(council.lower().split())}:{start.year}"
    return uuid.uuid5(uuid.NAMESPACE_URL, key).hex[:16]
