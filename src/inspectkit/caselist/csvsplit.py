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

READ_CHARS = 48 * 1024  # characters per block: ~450 rows, whose cells stay in the CPU cache
END = "\x1e"  # a record appended after a parse: if it comes back whole, the parse ended cleanly
MARK = FlatBlock.MARK  # the cell a flat block holds between rows
BETWEEN = "," + MARK + ","


class Unreadable(Exception):
    """The text is not CSV that ``csv.reader`` accepts (its message says why)."""


class CutInsideRecord(Exception):
    """A part of a file ends inside a quoted cell, so it was not cut between records."""


def read_records(
    handle: TextIO, chars: int | None = None, *, width: int = 0, part: bool = False
) -> Iterator[list[str] | Block]:
    """The header row (a list of cells), then blocks of data rows, from a text stream
    opened with ``newline=""`` (``chars`` at a time, ``READ_CHARS`` by default).
    Nothing is yielded for an empty stream.

    For a part of a file (``halves``): with ``width`` (the header's) the stream starts
    after the header, so every row is data; with ``part`` the stream stops short of
    the end of the file, so it must end with a whole record (or ``CutInsideRecord``).
    """
    chars = chars or READ_CHARS
    header = bool(width)  # True once the header is read (or when there is none here)
    pending = ""
    final = False
    while not final:
        chunk = handle.read(chars)
        final = not chunk
        text = pending + chunk if pending else chunk
        if not text:
            break
        if final and part:
            block = split_block(text, width) if text.endswith("\n") else None
            if block is None:
                raise CutInsideRecord
            cut = len(text)
        else:
            cut = len(text) if final else text.rfind("\n") + 1
            block = None
            if cut:
                block = split_block(text[:cut], width or _cells_in_first_line(text), final=final)
        if block is None:  # no whole line yet, or the end is inside a quoted cell: read on
            pending = text
            continue
        pending = text[cut:]
        if not header:
            if not block.count:
                continue
            header = True
            first = block.row(0)
            width = max(len(first), 1)
            yield first
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
        return _parsed(text, final)  # NUL: csv.reader's call (refused before Python 3.11)
    if width > 1 and MARK not in text:
        block = _quick(text, width, final)
        if not isinstance(block, _Slow):
            return block
    return _by_lines(text, width, final)


class _Slow:
    """The quick split cannot take this text (ragged rows, mixed line endings)."""


_SLOW = _Slow()


def _quick(text: str, width: int, final: bool) -> Block | _Slow | None:
    """Every row of ``width`` cells: all split in one call, quoted records parsed alone.

    Rows are joined with a marker cell between them, so one slice and ``list.count``
    confirm that every row had exactly ``width`` cells; anything else is ``_SLOW``.
    """
    patches: dict[int, list[str]] = {}
    if '"' in text:
        spans = _quoted_spans(text, final)
        if spans is None:
            return None
        if isinstance(spans, _Slow):
            return _parsed(text, final)
        blank = "," * (width - 1)
        pieces: list[str] = []
        done = 0
        for start, end, row in spans:
            record = _one_record(text[start:end])
            if record is None:
                return _parsed(text, final)
            patches[row] = record
            stop = end - 1 if text[end - 1 : end] == "\r" else end  # keep a CRLF whole
            pieces += (text[done:start], blank)
            done = stop
        pieces.append(text[done:])
        text = "".join(pieces)
    body = text[:-2] if text.endswith("\r\n") else text[:-1] if text.endswith("\n") else text
    size = len(body)
    if "\r" in body:
        body = body.replace("\r\n", BETWEEN)
        if "\r" in body or "\n" in body:
            return _SLOW  # mixed line endings, or a lone carriage return
        breaks = len(body) - size  # each "\r\n" became three characters
    else:
        body = body.replace("\n", BETWEEN)
        breaks = (len(body) - size) // 2
    cells = body.split(",")
    stride = width + 1
    # Exactly one marker per line break, each where a row of ``width`` cells ends.
    if len(cells) != (breaks + 1) * stride - 1 or cells[width::stride].count(MARK) != breaks:
        return _SLOW
    limit = csv.field_size_limit()
    if len(text) > limit and max(map(len, cells)) > limit:
        return _parsed(text, final)  # csv.reader refuses long cells; let it say so
    return FlatBlock(cells, width, patches)


def _quoted_spans(text: str, final: bool) -> list[tuple[int, int, int]] | _Slow | None:
    """(start, end, row) of each record holding a quote, found with ``str.find``.

    A record runs from the start of the line with the quote to the line feed where
    its quotes balance; None when they do not balance before the text ends.
    """
    spans = []
    size = len(text)
    row = 0
    scanned = 0
    at = text.find('"')
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = size if end < 0 else end
        quotes = text.count('"', start, end)
        while quotes % 2 and end < size:  # a quoted cell running over lines
            following = text.find("\n", end + 1)
            following = size if following < 0 else following
            quotes += text.count('"', end + 1, following)
            end = following
        if quotes % 2:
            return None if not final else _SLOW
        row += text.count("\n", scanned, start)
        spans.append((start, end, row))
        row += 1
        scanned = end + 1
        at = text.find('"', scanned) if scanned < size else -1
    return spans


def _by_lines(text: str, width: int, final: bool) -> Block | None:
    """Line by line: lines of another width, empty lines and mixed endings patched in."""
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
    return FlatBlock(BETWEEN.join(records).split(","), width, patches)


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
