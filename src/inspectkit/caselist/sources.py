"""Rows of a case-list file, as lists of text, whatever the file format.

Both readers yield the header row first and then the data rows in chunks, so
a million-row list never sits in memory as Python lists all at once.  Every
failure a damaged or mislabelled file can cause becomes an ``InputError``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from itertools import islice, repeat
from operator import itemgetter
from pathlib import Path

from inspectkit.errors import InputError

CHUNK_ROWS = 20_000
READ_CHARS = 2 * 1024 * 1024  # characters read per block
CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
# UTF-8 (with or without Excel's byte-order mark) first; Excel's plain "CSV" on Windows
# is Windows-1252, so that is tried when the file is not UTF-8.
CSV_ENCODINGS = ("utf-8-sig", "cp1252")

Chunk = list[list[str]]


class Block:
    """A run of data rows, read column by column (the reader works on columns)."""

    count: int

    def column(self, position: int) -> list[str]:
        raise NotImplementedError

    def row(self, index: int) -> list[str]:
        raise NotImplementedError


class RowBlock(Block):
    """Rows as lists of cells (quoted CSV records, ragged rows, XLSX)."""

    def __init__(self, rows: Chunk) -> None:
        self.rows = rows
        self.count = len(rows)

    def column(self, position: int) -> list[str]:
        try:
            return list(map(itemgetter(position), self.rows))
        except IndexError:
            return [r[position] if position < len(r) else "" for r in self.rows]

    def row(self, index: int) -> list[str]:
        return self.rows[index]


class FlatBlock(Block):
    """CSV lines split in one C call, with the odd quoted or ragged record patched in.

    ``cells`` holds every cell of the block in reading order, so a column is the
    slice ``cells[position::width]`` and no Python code runs per ordinary row.
    A record that is quoted, spans lines or has the wrong number of cells stands
    in ``cells`` as blanks and is parsed on its own into ``patches``.
    """

    def __init__(self, cells: list[str], width: int, patches: dict[int, list[str]]) -> None:
        self.cells = cells
        self.width = width
        self.count = len(cells) // width
        self.patches = patches

    def column(self, position: int) -> list[str]:
        column = [""] * self.count if position >= self.width else self.cells[position :: self.width]
        for index, row in self.patches.items():
            column[index] = row[position] if position < len(row) else ""
        return column

    def row(self, index: int) -> list[str]:
        patched = self.patches.get(index)
        if patched is not None:
            return patched
        return self.cells[index * self.width : (index + 1) * self.width]


Source = Iterator[list[str] | Block]


def file_rows(path: Path, encoding: str = CSV_ENCODINGS[0]) -> Source:
    """The file's header row (a list of cells), then blocks of data rows."""
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _xlsx_rows(path)
    if suffix in CSV_SUFFIXES:
        return _csv_rows(path, encoding)
    raise InputError.single(f"{path}: expected a .csv or .xlsx case list, not {suffix or 'no'!r}")


def _csv_rows(path: Path, encoding: str) -> Source:
    """CSV records: blocks of text split in C where unquoted, by the csv module where quoted.

    Most council exports quote few cells; ``str.split`` over a whole block is many
    times faster than the csv module, and any block holding a quote goes through
    ``csv.reader`` so quoting follows the standard rules exactly.
    """
    try:
        with path.open(newline="", encoding=encoding) as handle:
            header_text = handle.readline()
            while header_text.count('"') % 2 and (more := handle.readline()):
                header_text += more
            if not header_text:
                return
            header = _parse_quoted(path, header_text)
            yield header[0] if header else []
            width = max(len(header[0]), 1) if header else 1
            pending = ""
            while True:
                text = handle.read(READ_CHARS)
                if not text:
                    break
                text = pending + text
                cut = text.rfind("\n")
                if cut < 0 or text.count('"', 0, cut) % 2:
                    pending = text  # an unfinished line or quoted record: read on
                    continue
                pending = text[cut + 1 :]
                yield _block(path, text[:cut], width)
            if pending.strip("\r\n"):
                yield _block(path, pending.rstrip("\r\n"), width)
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None


def _block(path: Path, text: str, width: int) -> Block:
    """One block of CSV text; only quoted or ragged records are handled line by line."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    commas = width - 1
    counts = list(map(str.count, lines, repeat(",")))
    if '"' not in text:
        if counts.count(commas) == len(counts):
            return FlatBlock(text.replace("\n", ",").split(","), width, {})
        odd = [i for i, n in enumerate(counts) if n != commas]
    else:
        quoted = {i for i, line in enumerate(lines) if '"' in line}
        odd = sorted(quoted.union(i for i, n in enumerate(counts) if n != commas))
    records: list[str] = []
    spans: list[tuple[int, int]] = []  # (record position, its quoted text's index)
    quoted_texts: list[str] = []
    patches: dict[int, list[str]] = {}
    blank = "," * commas
    start = 0
    for at in odd:
        if at < start:
            continue  # a continuation line of a quoted record already taken
        records.extend(lines[start:at])
        line = lines[at]
        end = at + 1
        if '"' in line:
            quotes = line.count('"')
            while quotes % 2 and end < len(lines):  # a quoted cell running over lines
                quotes += lines[end].count('"')
                end += 1
            spans.append((len(records), len(quoted_texts)))
            quoted_texts.append("\n".join(lines[at:end]))
        else:
            patches[len(records)] = line.split(",")
        records.append(blank)
        start = end
    records.extend(lines[start:])
    if quoted_texts:
        parsed = _parse_quoted(path, "\n".join(quoted_texts))
        if len(parsed) != len(quoted_texts):  # cannot happen with balanced quotes; be safe
            parsed = [_first(_parse_quoted(path, t)) for t in quoted_texts]
        for position, index in spans:
            patches[position] = parsed[index]
    return FlatBlock(",".join(records).split(","), width, patches)


def _first(rows: Chunk) -> list[str]:
    return rows[0] if rows else [""]


def _parse_quoted(path: Path, text: str) -> Chunk:
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise InputError.single(f"{path}: not readable as CSV ({exc})") from None


def _xlsx_rows(path: Path) -> Source:
    """The first worksheet's rows; openpyxl's read-only mode streams the sheet."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None
    except Exception:  # openpyxl raises many kinds for a damaged or non-XLSX file
        raise InputError.single(f"{path}: not a readable XLSX workbook") from None
    try:
        if not workbook.worksheets:
            return
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            return
        yield [_cell_text(v) for v in header]
        while True:
            chunk = [[_cell_text(v) for v in row] for row in islice(rows, CHUNK_ROWS)]
            if not chunk:
                break
            yield RowBlock(chunk)
    except InputError:
        raise
    except Exception:
        raise InputError.single(f"{path}: not a readable XLSX workbook") from None
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    """A spreadsheet cell as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
