"""The known answer, and reading it back from an outcomes CSV (shared by the test packages)."""

from __future__ import annotations

import csv
import io

# the published 2012-13 result of the 2012 child protection inspections (68 in all)
KNOWN_2012_13 = {"outstanding": 0, "good": 7, "adequate": 38, "inadequate": 23}


def overall_effectiveness_2012(csv_text: str) -> dict[str, int]:
    """The child_protection_2012, 2012-13 overall effectiveness counts in an outcomes CSV."""
    return {
        row["value_id"]: int(row["count"])
        for row in csv.DictReader(io.StringIO(csv_text))
        if (row["table"], row["regime"], row["year"], row["subject_id"])
        == ("grade", "child_protection_2012", "2012-13", "overall_effectiveness")
    }
