"""Outcomes as tables: the page's tables, one CSV in long form, and a workbook.

The CSV holds every count in one long table (``CSV_COLUMNS``), one row per count, so a
spreadsheet's filter or a pivot table answers any question of it; the workbook has a
sheet per table as the page shows them.  Every cell goes through
:mod:`inspectkit.safe_cells`: council names and titles come from people's files.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from inspectkit.files import atomic_path
from inspectkit.outcomes.counts import Outcomes
from inspectkit.outcomes.lineup import LinedUp
from inspectkit.safe_cells import SafeCsvWriter
from inspectkit.workbooks import fill_sheet

Table = tuple[str, Sequence[str], list[list[Any]]]

CSV_COLUMNS = (
    "table",
    "regime",
    "year",
    "subject_id",
    "subject",
    "value_id",
    "value",
    "count",
)
"""``table`` is inspections, grade, finding type, limiting judgement or deadline;
``subject`` the area, rule or milestone counted; ``value`` the grade, finding type or
state (fired, met...)."""


def csv_rows(outcomes: Outcomes) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for i in outcomes.inspections:
        rows.append(["inspections", i.regime_id, i.year, "", "", "stored", "stored", i.inspections])
        rows.append(
            ["inspections", i.regime_id, i.year, "", "", "published", "published", i.published]
        )
    for j in outcomes.judgements:
        rows.append(
            [
                j.kind,
                j.regime_id,
                j.year,
                j.area_id,
                j.area_title,
                j.level_id,
                j.level_label,
                j.count,
            ]
        )
    for r in outcomes.rules:
        for state, count in (("fired", r.fired), ("not_answered", r.not_answered)):
            rows.append(
                [
                    "limiting judgement",
                    r.regime_id,
                    r.year,
                    r.rule_id,
                    r.consequence,
                    state,
                    state.replace("_", " "),
                    count,
                ]
            )
    for d in outcomes.deadlines:
        for state, count in (
            ("met", d.met),
            ("done_late", d.done_late),
            ("overdue", d.overdue),
            ("to_come", d.to_come),
        ):
            rows.append(
                [
                    "deadline",
                    d.regime_id,
                    d.year,
                    d.milestone_id,
                    d.milestone_title,
                    state,
                    state.replace("_", " "),
                    count,
                ]
            )
    return rows


def csv_text(outcomes: Outcomes) -> str:
    buffer = io.StringIO(newline="")
    writer = SafeCsvWriter(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(outcomes))
    return buffer.getvalue()


def tables(outcomes: Outcomes, lined_up: Sequence[LinedUp]) -> list[Table]:
    """The tables as the page and the workbook show them."""
    return [
        (
            "Inspections",
            ("Regime", "Year", "Inspections", "Published"),
            [[i.regime_title, i.year, i.inspections, i.published] for i in outcomes.inspections],
        ),
        (
            "Judgements",
            ("Regime", "Year", "Judgement area", "Grade or finding type", "Count", "Source"),
            [
                [
                    j.regime_title,
                    j.year,
                    j.area_title,
                    f"{j.level_label} ({j.kind})",
                    j.count,
                    j.source,
                ]
                for j in outcomes.judgements
            ],
        ),
        (
            "Limiting judgements",
            ("Regime", "Year", "Rule", "Strength", "Fired", "Not answered", "Of", "Source"),
            [
                [
                    r.regime_title,
                    r.year,
                    r.consequence,
                    r.strength,
                    r.fired,
                    r.not_answered,
                    r.inspections,
                    r.source,
                ]
                for r in outcomes.rules
            ],
        ),
        (
            "Deadlines",
            ("Regime", "Year", "Milestone", "Met", "Done late", "Overdue", "To come", "Source"),
            [
                [
                    d.regime_title,
                    d.year,
                    d.milestone_title,
                    d.met,
                    d.done_late,
                    d.overdue,
                    d.to_come,
                    d.source,
                ]
                for d in outcomes.deadlines
            ],
        ),
        (
            "Across regimes",
            (
                "Council",
                "Inspection",
                "Area",
                "Result",
                "Relationship",
                "Later inspection",
                "Area",
                "Result",
                "Source",
            ),
            [
                [
                    x.council,
                    f"{x.left.regime_title}, {x.left.start.isoformat()}",
                    x.left.area_title,
                    x.left.result,
                    x.relationship,
                    f"{x.right.regime_title}, {x.right.start.isoformat()}",
                    x.right.area_title,
                    x.right.result,
                    x.source,
                ]
                for x in lined_up
            ],
        ),
    ]


def write_xlsx(outcomes: Outcomes, lined_up: Sequence[LinedUp], target: Path) -> None:
    """A workbook with a sheet per table (written whole or not at all)."""
    book = Workbook()
    for empty in list(book.worksheets):
        book.remove(empty)
    for name, header, rows in tables(outcomes, lined_up):
        fill_sheet(book.create_sheet(name[:31]), header, rows, widths=(8, 60), choices={})
    with atomic_path(target) as temporary:
        book.save(temporary)


def write_csv(outcomes: Outcomes, target: Path) -> None:
    with atomic_path(target) as temporary:
        temporary.write_text(csv_text(outcomes), encoding="utf-8", newline="")
