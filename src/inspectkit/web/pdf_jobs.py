"""PDF copies of an inspection's Word files, made by LibreOffice in the background.

LibreOffice takes seconds to convert a letter, longer than a page should wait, so a
request only starts the conversion (a thread running the core's ``convert_to_pdf``)
and the page asks every few seconds whether it is done (htmx).  The server may run
several worker processes, and the poll may reach another one than the start did, so
a job's state lives in files, not in memory: one folder per (inspection, document,
version of the inspection) under ``DATA_DIR/pdf-jobs``:

- the folder exists: the job was started (``mkdir`` is atomic, so two clicks start one job);
- ``document.pdf``: done (written to a temporary name, then renamed);
- ``problem.txt``: LibreOffice could not make it, in words;
- neither, after LibreOffice's own time limit and a margin: the conversion stopped
  (the process was ended), and the job may be started again.

Only Word bytes that passed the post-render checks are ever given to a job.  Folders
older than ``KEEP_SECONDS`` are deleted whenever a job starts, so no letter stays on
disk longer than that; a newer version of the inspection makes a new job, and starting
it deletes the old version's.
"""

from __future__ import annotations

import enum
import hashlib
import shutil
import threading
import time
from pathlib import Path

from attrs import frozen
from django.conf import settings

from inspectkit.documents.pdf import TIMEOUT_SECONDS, convert_to_pdf, find_soffice
from inspectkit.errors import InputError
from inspectkit.files import atomic_path
from inspectkit.web.models import Inspection

KEEP_SECONDS = 3600
STOPPED_AFTER_SECONDS = TIMEOUT_SECONDS + 60
SOURCE = "document.docx"
RESULT = "document.pdf"
PROBLEM = "problem.txt"


class State(enum.Enum):
    NOT_STARTED = "not started"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@frozen
class PdfJob:
    """Where one conversion stands; ``pdf`` is the finished file, ``problem`` why none is."""

    state: State
    pdf: Path | None = None
    problem: str = ""


def libreoffice_installed() -> bool:
    return find_soffice() is not None


def _jobs() -> Path:
    return Path(settings.DATA_DIR) / "pdf-jobs"


def _folder(record: Inspection, document: str) -> Path:
    """One folder per inspection, document and version: a change makes a new job."""
    version = hashlib.sha256(record.updated.isoformat().encode()).hexdigest()[:16]
    return _jobs() / f"{record.pk}-{document}-{version}"


def pdf_job(record: Inspection, document: str) -> PdfJob:
    """Where the PDF of ``document`` for the inspection as it is now stands."""
    return _state_of(_folder(record, document))


def _state_of(folder: Path) -> PdfJob:
    if (folder / RESULT).is_file():
        return PdfJob(State.DONE, pdf=folder / RESULT)
    if (folder / PROBLEM).is_file():
        return PdfJob(State.FAILED, problem=(folder / PROBLEM).read_text(encoding="utf-8"))
    try:
        started = folder.stat().st_mtime
    except FileNotFoundError:
        return PdfJob(State.NOT_STARTED)
    if time.time() - started > STOPPED_AFTER_SECONDS:
        return PdfJob(State.FAILED, problem="The conversion stopped before it finished.")
    return PdfJob(State.RUNNING)


def start_pdf(record: Inspection, document: str, word: bytes) -> PdfJob:
    """Start converting ``word`` (checked .docx bytes) unless it is running or done."""
    folder = _folder(record, document)
    _delete_old(keep=folder)
    if _state_of(folder).state is State.FAILED:
        shutil.rmtree(folder, ignore_errors=True)  # tried again
    try:
        folder.mkdir(parents=True)
    except FileExistsError:  # started already, here or by another worker process
        return _state_of(folder)
    with atomic_path(folder / SOURCE) as temporary:
        temporary.write_bytes(word)
    threading.Thread(
        target=_convert, args=(folder,), name=f"pdf {folder.name}", daemon=True
    ).start()
    return PdfJob(State.RUNNING)


def _convert(folder: Path) -> None:
    """The background part: LibreOffice's PDF, or the reason there is none, in words."""
    source = folder / SOURCE
    try:
        convert_to_pdf(source, folder / RESULT)
    except InputError as exc:
        _write_problem(folder, " ".join(exc.problems).replace(f"{source}: ", ""))
    except OSError as exc:  # e.g. the disk filled up
        _write_problem(folder, f"The PDF could not be written: {exc.strerror or exc}")
    finally:
        source.unlink(missing_ok=True)


def _write_problem(folder: Path, text: str) -> None:
    try:
        with atomic_path(folder / PROBLEM) as temporary:
            temporary.write_text(text, encoding="utf-8")
    except InputError:
        pass  # the folder was deleted meanwhile: nobody is waiting for this job


def _delete_old(keep: Path) -> None:
    """Jobs older than ``KEEP_SECONDS``, and those of older versions of ``keep``'s
    document: their letters are not kept on disk any longer."""
    if not _jobs().is_dir():
        return
    limit = time.time() - KEEP_SECONDS
    superseded = keep.name.rsplit("-", 1)[0] + "-"
    for folder in _jobs().iterdir():
        try:
            old = folder.stat().st_mtime < limit
        except FileNotFoundError:
            continue
        if folder != keep and (old or folder.name.startswith(superseded)):
            shutil.rmtree(folder, ignore_errors=True)
