"""The problems found in a case list: every one counted, the first ``PROBLEM_CAP`` kept.

A council fixes its export once, so every problem is reported with its row and
column in one run; a wrong file can have millions, so only the first
``PROBLEM_CAP`` (in row order, then column order) are kept as messages, with a
count of the rest, and every row with a problem is remembered for lenient mode.
Problems are kept as (row, slot, message) and worded only at the end, so that
rows read by another process (``halves``) can be renumbered and merged in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from heapq import merge
from itertools import islice
from typing import NamedTuple

PROBLEM_CAP = 50

Problem = tuple[int, int, str]  # (row number, slot index, message)


class Problems:
    """Problems in row order: counted, their rows remembered, the first ones kept."""

    def __init__(self) -> None:
        self.listed: list[Problem] = []
        self.count = 0
        self.rows: set[int] = set()

    def add(self, problems: Iterable[Problem]) -> None:
        """Take problems that come after every one taken so far, in order."""
        for problem in problems:
            self.rows.add(problem[0])
            self.count += 1
            if len(self.listed) < PROBLEM_CAP:
                self.listed.append(problem)

    def add_later(self, later: Problems, offset: int, more: list[Problem]) -> None:
        """Take another reader's problems, for rows that follow, numbered from ``offset``,
        together with ``more`` found for those rows here (in order)."""
        self.count += later.count + len(more)
        self.rows.update(row + offset for row in later.rows)
        self.rows.update(problem[0] for problem in more)
        shifted = [(row + offset, at, message) for row, at, message in later.listed]
        self.listed += islice(merge(shifted, more), PROBLEM_CAP - len(self.listed))

    def lines(self, prefix: str, label: Callable[[int], str]) -> list[str]:
        """One line per kept problem, and a count of the rest."""
        lines = [f"{prefix}row {row}, {label(at)}: {message}" for row, at, message in self.listed]
        rest = self.count - len(self.listed)
        if rest:
            lines.append(f"{prefix}... and {rest} more problem(s) not listed")
        return lines


class Part(NamedTuple):
    """What the reader of a later part of a file found, its rows numbered from 0."""

    rows: Sequence[int]
    references: list[str]
    data: list[bytes | list[object]]  # each translated column but the references
    problems: Problems
