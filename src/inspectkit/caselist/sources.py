"""A case-list file as its heading row and a table of text: polars for CSV, openpyxl for XLSX.

The reader (``reader``) decides which columns it needs from the heading row; this
module then reads only those columns, every cell as text (``None`` when blank), with
one extra column that tells whether a row had more fields than there are headings.
Everything a damaged or mislabelled file can cause becomes an ``InputError`` that says
what the file is and what to do, and never quotes the file's content: a stray cell
may hold a child's name.

CSV goes to polars' streaming reader (multi-threaded, in Rust), which keeps blank lines
as empty rows, so row numbers are the spreadsheet's.  It hands the rows over in batches
of :data:`BATCH_ROWS`, which the reader turns into compact columns one after another, so
a million rows of text are never all held at once.  A file that is not UTF-8 is decoded
as Windows-1252 — Excel's plain "CSV" on Windows, of which Latin-1 is a part — and said
so; UTF-16 ("Unicode text" in Excel) is refused with what to do instead.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
from attrs import frozen

from inspectkit.errors import InputError

if TYPE_CHECKING:
    import polars as pl

CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
EXTRA = "extra fields"
"""The name of the column that holds a row's first field beyond the headings."""

SAVE_AS_CSV = "save it from the spreadsheet as 'CSV UTF-8 (Comma delimited)'"


BATCH_ROWS = 100_000
"""Rows of text held at once: reading, validating and sampling a million rows peaked at
about 620 MiB with every row of text held (polars' own ``read_csv`` of all the columns
takes 480 MiB), and at about 300 MiB in batches of this size (issue 12)."""


@frozen
class FileTable:
    """The heading row, the file's SHA-256 (when the reading is done), and the chosen
    columns' cells in batches of rows (frame columns named by position); the batches can
    be taken once."""

    headings: tuple[str, ...]
    sha256: Callable[[], str]
    batches: Iterator[pl.DataFrame]
    warnings: tuple[str, ...] = ()
    ends_mid_row: bool = False


def file_sha256(path: Path) -> str:
    """The SHA-256 of the file's bytes: what a sample record cites as its input."""
    try:
        with Path(path).open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None


def _sha256_meanwhile(path: Path) -> Callable[[], str]:
    """The file's SHA-256, worked out in a thread while polars reads the file (hashlib
    lets go of the GIL): 0.15 s of reading a million rows (issue 12)."""
    worker = ThreadPoolExecutor(max_workers=1)
    digest = worker.submit(file_sha256, path)
    worker.shutdown(wait=False)
    return digest.result


def _is_utf8(path: Path) -> bool:
    """Whether the file is UTF-8, read before polars is given it (a chunk of plain
    ASCII, nearly every chunk of a list, needs no decoding)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                if not (chunk.isascii() and not decoder.getstate()[0]):
                    decoder.decode(chunk)
    except UnicodeDecodeError:
        return False
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None
    return not decoder.getstate()[0]


def read_table(path: Path, choose: Callable[[tuple[str, ...]], Sequence[int]]) -> FileTable:
    """The heading row, and the columns ``choose(headings)`` picks (0-based positions),
    for every data row: named by position (``"0"``, ``"3"``…), plus :data:`EXTRA` for CSV."""
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _xlsx(path, choose)
    if suffix in CSV_SUFFIXES:
        return _csv(path, choose)
    raise InputError.single(f"{path}: expected a .csv or .xlsx case list, not {suffix or 'no'!r}")


# -- CSV ---------------------------------------------------------------------------------

HEAD_BYTES = 1 << 16
"""How much of the file's start is enough to hold its heading row."""


def _ends(path: Path) -> tuple[bytes, bytes]:
    """The file's first :data:`HEAD_BYTES` and its last line's worth of bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(size - HEAD_BYTES, 0))
            tail = handle.read()
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None
    return head, tail


def _as_utf8(path: Path) -> tuple[bytes, tuple[str, ...]]:
    """The file (not UTF-8) decoded as Windows-1252 and given back as UTF-8, with a
    warning saying so."""
    try:
        text = path.read_bytes().decode("cp1252")
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError.single(f"{path}: not UTF-8 or Windows-1252 text; {SAVE_AS_CSV}") from None
    return text.encode("utf-8"), (
        f"{path}: not UTF-8, so read as Windows-1252 (Latin-1); if accented letters look "
        f"wrong, {SAVE_AS_CSV}",
    )


def _headings(path: Path, head: bytes) -> tuple[str, ...]:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) > 3 and b"\x00" in head[1:4:2]):
        raise InputError.single(
            f"{path}: UTF-16 text (Excel's 'Unicode Text'), not CSV; {SAVE_AS_CSV}"
        )
    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    if not text.strip():
        raise InputError.single(f"{path}: empty file: expected a heading row")
    try:
        first = next(csv.reader(io.StringIO(text)), [])
    except csv.Error:
        first = []
    if len(first) == 1:
        for separator, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "bars")):
            if separator in first[0]:
                raise InputError.single(
                    f"{path}: row 1: the headings are separated by {name}, not commas; "
                    f"{SAVE_AS_CSV}"
                )
    return tuple(first)


def _csv(path: Path, choose: Callable[[tuple[str, ...]], Sequence[int]]) -> FileTable:
    head, tail = _ends(path)
    headings = _headings(path, head)
    positions = list(choose(headings))
    source: Path | io.BytesIO = path
    warnings: tuple[str, ...] = ()
    if not _is_utf8(path):
        data, warnings = _as_utf8(path)
        source = io.BytesIO(data)
    width = len(headings)
    return FileTable(
        headings=headings,
        sha256=_sha256_meanwhile(path),
        batches=_csv_batches(path, source, positions, width),
        warnings=warnings,
        ends_mid_row=_ends_mid_row(tail, width),
    )


def _csv_batches(
    path: Path, source: Path | io.BytesIO, positions: list[int], width: int
) -> Iterator[pl.DataFrame]:
    """The data rows' chosen columns, and :data:`EXTRA`, in batches (at least one)."""
    names = [f"c{i}" for i in range(width + 1)]
    query = pl.scan_csv(
        source,
        has_header=False,
        schema=dict.fromkeys(names, pl.String),
        missing_columns="insert",
        truncate_ragged_lines=True,
        raise_if_empty=False,
    ).select(
        *(pl.col(names[p]).alias(str(p)) for p in positions), pl.col(names[width]).alias(EXTRA)
    )
    headings_left = 1
    try:
        for batch in query.collect_batches(chunk_size=BATCH_ROWS):
            rows = batch.slice(headings_left)
            headings_left = max(headings_left - batch.height, 0)
            yield rows
    # polars also raises OSError for what it takes for a damaged compressed file
    except (pl.exceptions.PolarsError, OSError):
        raise InputError.single(_unreadable_csv(path, source)) from None
    if headings_left:
        yield query.clear().collect()


def _unreadable_csv(path: Path, source: Path | io.BytesIO) -> str:
    """Why polars could not read the file: an unclosed quote (found with the standard
    library, on this error path only), else a general message."""
    data = source.getvalue() if isinstance(source, io.BytesIO) else path.read_bytes()
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text), strict=True)
    record = 0
    try:
        for record, _row in enumerate(reader, start=1):  # noqa: B007 - the count is the point
            pass
    except csv.Error:
        return (
            f'{path}: row {record + 1}: a quote (") opens a field that never closes, so the '
            "rest of the file would disappear into one cell; close or remove the quote"
        )
    return f"{path}: not readable as CSV; {SAVE_AS_CSV}"


def _ends_mid_row(tail: bytes, width: int) -> bool:
    """Whether the last line has no line ending and fewer fields than the headings —
    a file cut short, as an interrupted download or copy leaves it."""
    if not tail or tail.endswith((b"\n", b"\r")) or b"\n" not in tail:
        return False  # ends a line, or holds only the heading row
    last = tail.rsplit(b"\n", 1)[-1]
    if b'"' in last:
        return False  # a quoted field may hold commas
    return last.count(b",") + 1 < width


# -- XLSX --------------------------------------------------------------------------------


def _xlsx(path: Path, choose: Callable[[tuple[str, ...]], Sequence[int]]) -> FileTable:
    """The first worksheet's heading row and the columns ``choose`` picks.

    openpyxl's read-only mode streams the sheet; each cell becomes the text a CSV
    export of it would hold.
    """
    # lazy: keeps openpyxl (148 ms) off the start-up of `serve --demo`'s example build
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise InputError.single(f"{path}: cannot read: {exc.strerror or exc}") from None
    except Exception:  # openpyxl raises many kinds for a damaged or non-XLSX file
        raise InputError.single(f"{path}: not a readable XLSX workbook") from None
    try:
        if not workbook.worksheets:
            raise InputError.single(f"{path}: empty workbook: expected a heading row")
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        first = next(rows, None)
        if first is None:
            raise InputError.single(f"{path}: empty file: expected a heading row")
        headings = tuple(_cell_text(v) or "" for v in first)
        positions = list(choose(headings))
        columns: dict[str, list[str | None]] = {str(p): [] for p in positions}
        for row in rows:
            for p in positions:
                columns[str(p)].append(_cell_text(row[p]) if p < len(row) else None)
    except InputError:
        raise
    except Exception:
        raise InputError.single(f"{path}: not a readable XLSX workbook") from None
    finally:
        workbook.close()
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    digest = file_sha256(path)
    return FileTable(headings=headings, sha256=lambda: digest, batches=iter([frame]))


def _cell_text(value: object) -> str | None:
    """A spreadsheet cell as the text a CSV export of it would hold (None when empty)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value or None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
