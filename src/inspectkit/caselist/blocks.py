"""A run of case-list rows, handed to the reader column by column.

The reader validates a column at a time (one memo look-up per cell, in C), so a
block's main job is to give a column's cells as a list cheaply.  ``FlatBlock``
holds the cells of many CSV lines in one list, so a column is a strided slice
and no Python code runs per ordinary row; ``RowBlock`` holds rows as lists
(quoted CSV parsed by ``csv.reader``, XLSX).  Both give the same rows a
``csv.reader`` would.
"""

from __future__ import annotations

from operator import itemgetter

Rows = list[list[str]]


class Block:
    """Rows of cells: ``count`` rows, read by column or by row."""

    count: int

    def column(self, position: int) -> list[str]:
        """Every row's cell at ``position`` ("" where a row is shorter)."""
        raise NotImplementedError

    def row(self, index: int) -> list[str]:
        """One row's cells, as ``csv.reader`` gives them."""
        raise NotImplementedError

    def rows(self) -> Rows:
        """All rows (for tests and for the odd block that needs them whole)."""
        return [self.row(i) for i in range(self.count)]

    def without_first_row(self) -> Block:
        """The same block less its first row (the header, in a file's first block)."""
        raise NotImplementedError


class RowBlock(Block):
    """Rows as lists of cells."""

    def __init__(self, rows: Rows) -> None:
        self._rows = rows
        self.count = len(rows)

    def column(self, position: int) -> list[str]:
        try:
            return list(map(itemgetter(position), self._rows))
        except IndexError:  # a short row somewhere: fill the gaps with blanks
            return [r[position] if position < len(r) else "" for r in self._rows]

    def row(self, index: int) -> list[str]:
        return self._rows[index]

    def without_first_row(self) -> Block:
        return RowBlock(self._rows[1:])


class FlatBlock(Block):
    """Every cell of ``count`` rows of ``width`` cells in one list, in reading order, with
    a ``MARK`` cell after each row but the last (it shows the rows were aligned).

    A column is the slice ``cells[position::width + 1]``.  A row that is not ``width``
    plain cells (quoted, short, long, empty) stands in ``cells`` as blanks and its
    true cells are in ``patches``, by row index.
    """

    MARK = "\x1f"

    def __init__(self, cells: list[str], width: int, patches: dict[int, list[str]]) -> None:
        self._cells = cells
        self._width = width
        self._stride = width + 1
        self._patches = patches
        self.count = (len(cells) + 1) // self._stride

    def column(self, position: int) -> list[str]:
        column = (
            [""] * self.count if position >= self._width else self._cells[position :: self._stride]
        )
        for index, row in self._patches.items():
            column[index] = row[position] if position < len(row) else ""
        return column

    def row(self, index: int) -> list[str]:
        patched = self._patches.get(index)
        if patched is not None:
            return patched
        start = index * self._stride
        return self._cells[start : start + self._width]

    def without_first_row(self) -> Block:
        patches = {i - 1: row for i, row in self._patches.items() if i}
        return FlatBlock(self._cells[self._stride :], self._width, patches)
