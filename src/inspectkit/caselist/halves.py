"""Reading a big CSV list in two processes at once, with the same result as one.

Validating is a dictionary look-up per cell: for a million rows, seconds of one
core's work.  A list of ``HALVES_MIN_BYTES`` or more is cut at a line break near
its middle; a forked child reads the second part while this process reads the
header and the first, and the child leaves its columns, references and problems
in a memory file (its rows numbered from 0: only the first part's reader knows
where they fall), with the file's SHA-256, so this process starts at once.
Whatever spans the parts is then done here as a single reading would do it: the
child's rows are renumbered, its references checked for duplicates against the
first part's, and its problems merged in row order.

If the cut falls inside a quoted cell (the first part does not end with a whole
record), or the child fails in any way but a decoding error or an unreadable
file (which a single reading would report too), the caller reads the list again
in one process.  Only where ``os.fork`` is safe and cheap (Linux, no other
thread) with two CPUs; elsewhere, and for smaller lists, one process reads.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspectkit.caselist.csvsplit import CutInsideRecord
from inspectkit.caselist.problems import Part
from inspectkit.caselist.sources import csv_part, file_sha256
from inspectkit.errors import InputError

if TYPE_CHECKING:
    from inspectkit.caselist.reader import ListReader

# From about 4 MiB (40,000 rows) a second process saves more than the ~10 ms a fork
# costs: measured 0.17 s against 0.21 s for 50,000 rows (5 MiB) on two CPUs.
HALVES_MIN_BYTES = 4 * 2**20
FIRST_SHARE = 0.5  # of the bytes, read here; this process also merges the child's part


class ReadAgain(Exception):
    """The halves could not be read as one reading would: read the list in one go."""


def forkable() -> bool:
    """Whether a second process is cheap, safe (no other thread here holds a lock the
    child might need) and has a CPU of its own."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "memfd_create")
        and threading.active_count() == 1
        and len(os.sched_getaffinity(0)) >= 2
    )


def cut_for(path: Path) -> int | None:
    """Where to cut ``path`` (just after a line break), or None to read it whole."""
    if not forkable():
        return None
    try:
        size = path.stat().st_size
        if size < HALVES_MIN_BYTES or path.suffix.lower() not in (".csv", ".txt"):
            return None
        with path.open("rb") as handle:
            handle.seek(int(size * FIRST_SHARE))
            window = handle.read(1 << 16)
    except OSError:
        return None
    at = window.find(b"\n")
    cut = int(size * FIRST_SHARE) + at + 1
    return cut if at >= 0 and cut < size else None


def read_in_halves(reader: ListReader, path: Path, encoding: str, cut: int) -> str:
    """Fill ``reader`` from both parts of ``path``, as a single reading would; the
    file's SHA-256 (the child works it out once its part is read)."""
    first = csv_part(path, encoding, 0, cut)
    try:
        reader.start(first)
    except CutInsideRecord:
        raise ReadAgain from None
    if reader.reference_slot is None:
        raise ReadAgain  # no rows will be read: nothing to share
    # The child leaves its findings in a memory file and exits, so neither process
    # waits on the other to pass them through a pipe.
    shared = os.memfd_create("inspectkit-part")
    try:
        child = os.fork()
        if not child:  # pragma: no cover - runs in the child, which leaves by os._exit
            _read_second(reader, path, encoding, cut, shared)
        finished = False
        try:
            next_row = reader.rows_from(first, 2)
            finished = True
        except CutInsideRecord:
            raise ReadAgain from None
        finally:
            if not finished:
                os.kill(child, signal.SIGKILL)
            _, status = os.waitpid(child, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise ReadAgain  # the child failed, or was killed, before saying it all
        os.lseek(shared, 0, os.SEEK_SET)
        with os.fdopen(os.dup(shared), "rb") as stream:
            kind, detail = pickle.load(stream)
    finally:
        os.close(shared)
    if kind == "decode":
        raise UnicodeDecodeError(encoding, b"", 0, 0, "in the second part of the file")
    if kind == "input":
        raise InputError(detail)
    if kind != "part":
        raise ReadAgain
    packed, digest = detail
    reader.merge(_unpacked(packed), next_row)
    return str(digest)


def _read_second(
    reader: ListReader, path: Path, encoding: str, cut: int, shared: int
) -> None:  # pragma: no cover - runs in the child
    """The child's whole life: read the second part, leave what it found, exit."""
    code = 1
    try:
        outcome: tuple[str, object]
        try:
            reader.check_references = False  # done by the parent, against both parts
            reader.rows_from(csv_part(path, encoding, cut, None, reader.header_width), 0)
            outcome = ("part", (_packed(reader.part()), file_sha256(path)))
        except UnicodeDecodeError:
            outcome = ("decode", None)
        except InputError as exc:
            outcome = ("input", exc.problems)
        except BaseException:
            outcome = ("failed", None)
        with os.fdopen(shared, "wb") as stream:
            pickle.dump(outcome, stream, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)


SEPARATOR = "\x1f"


def _packed(part: Part) -> tuple[object, ...]:
    """``part`` in a form quick to pickle and load: rows 0..n-1 as n, and references
    joined in one string when none holds the separator."""
    rows: object = part.rows
    if not part.rows or (part.rows[0] == 0 and part.rows[-1] == len(part.rows) - 1):
        rows = len(part.rows)  # row numbers only ever increase: these are 0..n-1
    references: object = part.references
    joined = SEPARATOR.join(part.references)
    if part.references and joined.count(SEPARATOR) == len(part.references) - 1:
        references = joined
    return rows, references, part.data, part.problems


def _unpacked(packed: tuple[Any, ...]) -> Part:
    rows, references, data, problems = packed
    if isinstance(rows, int):
        rows = range(rows)
    if isinstance(references, str):
        references = references.split(SEPARATOR)
    return Part(rows, references, data, problems)
