"""Rows of a case-list file, as lists of text, whatever the file format.

Both readers yield the header row first and then the data rows in blocks, so
a million-row list never sits in memory as Python lists all at once.  Every
failure a damaged or mislabelled file can cause becomes an ``InputError``.
CSV is split by ``csvsplit`` (exactly as ``csv.reader`` would, but mostly in C);
XLSX rows come from openpyxl's streaming reader.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from inspectkit.caselist.blocks import Block, RowBlock
from inspectkit.caselist.csvsplit import Unreadable, read_records
from inspectkit.errors import InputError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

CHUNK_ROWS = 20_000  # XLSX rows per block
CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
# UTF-8 (with or without Excel's byte-order mark) first; Excel's plain "CSV" on Windows
# is Windows-1252, so that is tried when the file is not UTF-8.
CSV_ENCODINGS = ("utf-8-sig", "cp1252")

Source = Iterator[list[str] | Block]


def file_sha256(path: Path) -> str:
    """The SHA-256 of the file's bytes: what a sample record cites as its input."""
    try:
        with Path(path).open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None


def file_rows(path: Path, encoding: str = CSV_ENCODINGS[0]) -> Source:
    """The file's header row (a list of cells), then blocks of data rows."""
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _xlsx_rows(path)
    if suffix in CSV_SUFFIXES:
        return _csv_rows(path, encoding)
    raise InputError.single(f"{path}: expected a .csv or .xlsx case list, not {suffix or 'no'!r}")


def _csv_rows(path: Path, encoding: str) -> Source:
    """CSV records as ``csv.reader`` reads them; a decoding error propagates (the caller
    tries the next encoding), anything else unreadable is an ``InputError``."""
    try:
        with path.open(newline="", encoding=encoding) as handle:
            yield from read_records(handle)
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None
    except Unreadable as exc:
        raise InputError.single(f"{path}: not readable as CSV ({exc})") from None


def csv_part(path: Path, encoding: str, start: int, stop: int | None, width: int = 0) -> Source:
    """The records of the CSV file's bytes ``start`` to ``stop`` (a line break away from
    either end): with the header when ``start`` is 0, else every row as data (``width``
    cells, the header's).  Before the end of the file, the part must end with a whole
    record, or ``CutInsideRecord`` is raised."""
    if start:
        encoding = "utf-8" if encoding == "utf-8-sig" else encoding  # no mark mid-file
    try:
        with path.open("rb") as raw:
            raw.seek(start)
            limited = io.BufferedReader(_Window(raw, None if stop is None else stop - start))
            handle = io.TextIOWrapper(limited, encoding=encoding, newline="")
            yield from read_records(handle, width=width, part=stop is not None)
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None
    except Unreadable as exc:
        raise InputError.single(f"{path}: not readable as CSV ({exc})") from None


class _Window(io.RawIOBase):
    """At most ``size`` bytes of an open binary file, from where it stands (all: None)."""

    def __init__(self, raw: io.BufferedReader, size: int | None) -> None:
        super().__init__()
        self._raw = raw
        self._left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        if self._left is not None:
            view = view[: self._left]
        count = self._raw.readinto(view)
        if self._left is not None:
            self._left -= count
        return count


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
