"""Duplicate case references, found without a set while the list is in reference order.

A reference seen before is a problem that names the row where it was first seen
("duplicates row 3"), never the reference.  Checking needs every reference so
far in a set, which for a million rows is a third of a second of scattered memory
writes — unless the list comes in reference order, as exports often do: while
each block's references ascend strictly, past the last one seen, none can
repeat.  The first block out of order builds the set from every reference so
far, and from then on the set decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from operator import lt


class DuplicateCheck:
    """The references seen so far, as an ascending run or as a set."""

    def __init__(self) -> None:
        self.seen: set[str] = {""}  # filled once the references stop ascending
        self.ascending = True
        self.last: str | None = None

    def check(
        self,
        references: list[str],
        rows: Sequence[int],
        earlier: list[str],
        earlier_rows: Sequence[int],
    ) -> list[tuple[int, str]]:
        """(index, message) for each of ``references`` (at ``rows``) seen before, in
        this block or in ``earlier`` (at ``earlier_rows``)."""
        if not references:
            return []
        if self.ascending:
            if (
                (self.last is None or self.last < references[0])
                and "" not in references
                and all(map(lt, references, islice(references, 1, None)))
            ):
                self.last = references[-1]
                return []
            self.ascending = False
            self.seen.update(earlier)
        before = len(self.seen)
        self.seen.update(references)
        if len(self.seen) - before == len(references) - references.count(""):
            return []
        # Rare path: find the row where each repeated reference first appeared.
        repeated = set(references) & set(earlier)
        first_seen: dict[str, int] = {}
        if repeated:
            for row, reference in zip(earlier_rows, earlier, strict=True):
                if reference in repeated and reference not in first_seen:
                    first_seen[reference] = row
        found = []
        for i, reference in enumerate(references):
            if not reference:
                continue
            if reference in first_seen:
                found.append((i, f"duplicates row {first_seen[reference]}"))
            else:
                first_seen[reference] = rows[i]
        return found
