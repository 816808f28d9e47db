"""The comparison as a workbook: a summary sheet and one itemised sheet per list.

Sheets: Comparison (aspect × regime, each regime with value, items and source
columns), Timeline, Information requested, Crosswalk, Sampling and Sources (the
bibliography every source column's keys point into).  Written
atomically through :func:`inspectkit.files.atomic_path`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspectkit.compare.model import Comparison
from inspectkit.compare.timeline import day_label
from inspectkit.files import atomic_path
from inspectkit.workbooks import fill_sheet, new_workbook

SHEETS = ("Comparison", "Timeline", "Information requested", "Crosswalk", "Sampling", "Sources")


def write_xlsx(comparison: Comparison, target: Path) -> Path:
    """Write the workbook to ``target`` (atomically) and return it."""

    def fill(sheet: Any, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        fill_sheet(sheet, header, rows, freeze="B2")  # the first column names each row

    book, summary = new_workbook(SHEETS[0])
    header = ["Aspect"]
    for h in comparison.regimes:
        header += [f"{h.short_title} ({h.id})", f"{h.id}: items", f"{h.id}: source"]
    fill(
        summary,
        header,
        [
            [row.title]
            + [
                value
                for cell in row.cells
                for value in (cell.text, "\n".join(cell.details), cell.source)
            ]
            for row in comparison.rows
        ],
    )

    fill(
        book.create_sheet(SHEETS[1]),
        [
            "Regime",
            "Milestone id",
            "Milestone",
            "Actor",
            "First day",
            "Last day",
            "Working days",
            "Deadline",
            "First date",
            "Last date",
            "Due date",
            "Note",
            "Source",
        ],
        [
            [
                e.regime_id,
                e.milestone_id,
                e.title,
                e.actor,
                e.first_day,
                e.last_day,
                day_label(e),
                e.deadline,
                e.first,
                e.last,
                e.due,
                e.note,
                e.source,
            ]
            for e in comparison.timeline
        ],
    )
    fill(
        book.create_sheet(SHEETS[2]),
        ["Regime", "Kind", "Item", "Provided by", "Due", "Source"],
        [[r.regime_id, r.kind, r.text, r.provider, r.due, r.source] for r in comparison.requests],
    )
    fill(
        book.create_sheet(SHEETS[3]),
        [
            "Left regime",
            "Left area id",
            "Left area",
            "Relationship",
            "Right regime",
            "Right area id",
            "Right area",
            "Note",
            "Source",
            "Crosswalk",
        ],
        [
            [
                link.left_regime,
                link.left_area,
                link.left_title,
                link.relationship,
                link.right_regime,
                link.right_area,
                link.right_title,
                link.note,
                link.source,
                link.crosswalk,
            ]
            for link in comparison.links
        ],
    )
    fill(
        book.create_sheet(SHEETS[4]),
        ["Regime", "What", "Rule", "Cases drawn", "Source"],
        [[s.regime_id, s.what, s.size, s.drawn, s.source] for s in comparison.sampling],
    )
    fill(
        book.create_sheet(SHEETS[5]),
        ["Key", "Source"],
        [[e.key, e.text] for e in comparison.bibliography],
    )
    with atomic_path(target) as temporary:
        book.save(temporary)
    return target
