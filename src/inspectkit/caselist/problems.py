"""Problems in a case list as a council reads them: the first ``PROBLEM_CAP``, then a count.

A council fixes its export once, so every problem is found in one run, with its row
and column; a wrong file can have millions, so only the first ``PROBLEM_CAP`` (in row
order, then column order) are worded, with a count of the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

PROBLEM_CAP = 50


def problem_lines(prefix: str, problems: pl.DataFrame, label: Callable[[int], str]) -> list[str]:
    """One line for each of the first problems (rows of row, column slot, message, in
    order), and a count of the rest."""
    listed = problems.head(PROBLEM_CAP).iter_rows()
    lines = [f"{prefix}row {row}, {label(at)}: {message}" for row, at, message in listed]
    rest = problems.height - len(lines)
    if rest > 0:
        lines.append(f"{prefix}... and {rest} more problem(s) not listed")
    return lines


def row_ranges(rows: Sequence[int], limit: int = 40) -> str:
    """Row numbers as compact ranges: "rows 3-4, row 9" (capped, with a count of the rest)."""
    parts: list[str] = []
    start = previous = rows[0]
    for row in [*rows[1:], None]:
        if row is not None and row == previous + 1:
            previous = row
            continue
        parts.append(f"rows {start}-{previous}" if previous > start else f"row {start}")
        if row is not None:
            start = previous = row
    shown = ", ".join(parts[:limit])
    return shown + (f", and {len(parts) - limit} more range(s)" if len(parts) > limit else "")
