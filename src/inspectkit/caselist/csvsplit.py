"""CSV text to rows exactly as ``csv.reader`` reads it, with plain lines split in C.

Most of a council's export is plain: a line with no quote is one record, and
``str.split`` gives its cells.  Splitting a whole block of such lines in one call
is several times faster than ``csv.reader``, which builds every row in Python.
A line holding a quote is parsed by ``csv.reader`` on its own, together with the
lines its quoted cell runs over, and the parse is checked to end exactly where
the record was taken to end.  Anything else ``csv.reader`` treats specially — a
carriage return not followed by a line feed, a NUL, a line longer than the csv
field size limit, a quote whose record cannot be delimited that way — sends the
whole block through ``csv.reader``.  So the rows are always the ones
``csv.reader`` gives for the same file opened with ``newline=""``; the tests
check this with hypothesis.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import compress, count, repeat
from operator import contains, ne, not_
from typing import TextIO

from inspectkit.caselist.blocks import Block, FlatBlock, RowBlock, Rows

READ_CHARS = 96 * 1024  # characters per block: ~1,000 rows, whose cells stay in the CPU cache
END = "\x1e"  # a record appended after a parse: if it comes back whole, the parse ended cleanly


class Unreadable(Exception):
    """The text is not CSV that ``csv.reader`` accepts (its message says why)."""


def read_records(handle: TextIO, chars: int | None = None) -> Iterator[list[str] | Block]:
    """The header row (a list of cells), then blocks of data rows, from a text stream
    opened with ``newline=""`` (``chars`` at a time, ``READ_CHARS`` by default).
    Nothing is yielded for an empty stream."""
    chars = chars or READ_CHARS
    header: list[str] | None = None
    width = 0  # guessed from the first line until the header is read
    pending = ""
    final = False
    while not final:
        chunk = handle.read(chars)
        final = not chunk
        text = pending + chunk if pending else chunk
        if not text:
            break
        cut = len(text) if final else text.rfind("\n") + 1
        block = None
        if cut:
            block = split_block(text[:cut], width or _cells_in_first_line(text), final=final)
        if block is None:  # no whole line yet, or the end is inside a quoted cell: read on
            pending = text
            continue
        pending = text[cut:]
        if header is None:
            if not block.count:
                continue
            header = block.row(0)
            width = max(len(header), 1)
            yield header
            block = block.without_first_row()
        if block.count:
            yield block


def _cells_in_first_line(text: str) -> int:
    return text.partition("\n")[0].count(",") + 1


def split_block(text: str, width: int, *, final: bool = False) -> Block | None:
    """The records of ``text``, or None when ``text`` ends inside a quoted cell (read
    on, then call again with the longer text).

    Unless ``final`` (the end of the file), ``text`` is whole lines: it ends with a
    line feed.  ``width`` is the usual number of cells in a row; rows of any other
    width come out exactly as well, only more slowly.
    """
    if "\x00" in text:
        return _parsed(text, final)  # csv.reader refuses NUL; let it say so
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return _parsed(text, final)  # a lone carriage return ends a csv.reader line
        plain = text.replace("\r\n", "\n")
    else:
        plain = text
    if plain.endswith("\n"):
        plain = plain[:-1]
    lines = plain.split("\n")
    if len(plain) > csv.field_size_limit() and max(map(len, lines)) > csv.field_size_limit():
        return _parsed(text, final)  # csv.reader refuses long cells; let it say so
    commas = width - 1
    counts = list(map(str.count, lines, repeat(",")))
    odd: set[int] = set()
    if counts.count(commas) != len(counts):
        odd.update(compress(count(), map(ne, counts, repeat(commas))))
    if not commas and "" in lines:
        odd.update(compress(count(), map(not_, lines)))  # an empty line: csv.reader gives []
    if '"' in plain:
        odd.update(compress(count(), map(contains, lines, repeat('"'))))
    if not odd:
        return FlatBlock(plain.replace("\n", ",").split(","), width, {})
    original = text.split("\n") if "\r" in text else lines
    return _patched(text, lines, original, sorted(odd), width, final)


def _patched(
    text: str, lines: list[str], original: list[str], odd: list[int], width: int, final: bool
) -> Block | None:
    """A flat block with the odd lines (quoted, ragged, empty) parsed one by one."""
    records: list[str] = []
    patches: dict[int, list[str]] = {}
    blank = "," * (width - 1)
    start = 0
    for at in odd:
        if at < start:
            continue  # a line of a quoted cell already taken
        records.extend(lines[start:at])
        line = lines[at]
        end = at + 1
        if '"' in line:
            quotes = line.count('"')
            while quotes % 2 and end < len(lines):  # a quoted cell running over lines
                quotes += lines[end].count('"')
                end += 1
            if quotes % 2 and not final:
                return None  # the quoted cell goes on past this text
            record = _one_record("\n".join(original[at:end]))
            if record is None:
                return _parsed(text, final)
            patches[len(records)] = record
        else:
            patches[len(records)] = line.split(",") if line else []
        records.append(blank)
        start = end
    records.extend(lines[start:])
    return FlatBlock(",".join(records).split(","), width, patches)


def _one_record(text: str) -> list[str] | None:
    """``text`` parsed as one record ending at its end, or None if it is not exactly that."""
    try:
        rows = _parse(text + "\n" + END + "\n")
    except Unreadable:
        return None
    return rows[0] if len(rows) == 2 and rows[1] == [END] else None


def _parsed(text: str, final: bool) -> Block | None:
    """The whole of ``text`` through ``csv.reader``: None if it ends inside a quoted cell."""
    if final:
        return RowBlock(_parse(text))
    try:
        rows = _parse(text + END + "\n")
    except Unreadable:
        _parse(text)  # the error is the text's own (raised here), or the marker's: read on
        return None
    if not rows or rows[-1] != [END]:
        return None
    rows.pop()
    return RowBlock(rows)


def _parse(text: str) -> Rows:
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise Unreadable(str(exc)) from None
