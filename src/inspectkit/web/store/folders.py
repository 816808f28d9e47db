"""Workspace folders into the store and out again, in today's folder format.

Import reads a folder with the core's own loader, refusing one that does not
load (an unknown area, a bad date, an unreadable plan or sample), and stores
the inspection, its plan and its sample files.  An inspection still being
written (no outcome sentence yet, a limiting rule broken) is stored too, with
a note for each problem ``inspectkit check`` would report.  What the store
does not keep is said, not silently dropped: the council's case list (it
names children), override templates, and rendered documents.  Export writes
the folder back with the core's workspace writer; export, import and export
again give the same files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from attrs import frozen
from django.core.exceptions import ValidationError

from inspectkit.documents.prepare import prepare_workspace
from inspectkit.errors import InputError
from inspectkit.plan_record import plan_to_data
from inspectkit.plugins import get_host
from inspectkit.sampling import sample_from_data
from inspectkit.web.models import Inspection
from inspectkit.web.models.inspection import validate_folder_name
from inspectkit.web.store.changes import Actor, Saved, save_inspection
from inspectkit.web.store.records import columns_of, inspection_of, plan_of
from inspectkit.workspace import load_workspace
from inspectkit.workspace.workspace import (
    CASELIST_FILES,
    PLAN_FILE,
    SAMPLE_FILES,
    TEMPLATES_DIR,
)
from inspectkit.workspace.writer import plan_json_text, workspace_files, write_workspace

SAMPLE_RECORD = "sample.json"


@frozen
class Imported:
    directory: Path
    saved: Saved
    notes: tuple[str, ...] = ()


def import_folder(directory: Path, *, actor: Actor) -> Imported:
    """Store the workspace in ``directory`` (InputError naming every problem if it does
    not load); its notes say what ``inspectkit check`` would still report, and what
    was not stored."""
    directory = Path(directory)
    name = directory.resolve().name
    try:
        validate_folder_name(name)
    except ValidationError as exc:
        raise InputError.single(f"{directory}: {exc.messages[0]}") from None
    workspace = load_workspace(directory, get_host())
    plan = workspace.plan()
    sample_files = [
        (file, (directory / file).read_bytes())
        for file in SAMPLE_FILES
        if (directory / file).is_file()
    ]
    columns = columns_of(workspace.inspection)
    columns["plan"] = plan_to_data(plan)
    columns["sample_record"] = _sample_record(directory, dict(sample_files).get(SAMPLE_RECORD))
    notes = _not_stored(directory)
    try:
        prepare_workspace(workspace)
    except InputError as exc:
        notes += [f"stored, but `inspectkit check` reports: {p}" for p in exc.problems]
    try:
        saved = save_inspection(
            name, columns, sample_files, actor=actor, how=f"imported from {directory}"
        )
    except ValidationError as exc:
        raise InputError(
            f"{directory}: {field}: {message}"
            for field, messages in exc.message_dict.items()
            for message in messages
        ) from None
    return Imported(directory=directory, saved=saved, notes=tuple(notes))


def _sample_record(directory: Path, text: bytes | None) -> dict[str, Any] | None:
    """sample.json's data; a file that is not a sample record is refused, naming it."""
    if text is None:
        return None
    try:
        data: dict[str, Any] = json.loads(text)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError.single(
            f"{directory / SAMPLE_RECORD}: not a readable sample record: {exc}"
        ) from None
    sample_from_data(data, str(directory / SAMPLE_RECORD))  # refused whole if damaged
    return data


def _not_stored(directory: Path) -> list[str]:
    notes = [
        f"{directory / file}: not stored (a case list names children; the sample's case "
        "references are kept)"
        for file in CASELIST_FILES
        if (directory / file).is_file()
    ]
    templates = directory / TEMPLATES_DIR
    if templates.is_dir() and any(p.suffix == ".docx" for p in templates.iterdir()):
        notes.append(f"{templates}: override templates are not stored")
    return notes


def export_inspection(record: Inspection, to: Path) -> list[Path]:
    """Write ``record`` as the workspace folder ``to/<name>``; the files written."""
    regime = get_host().regime(record.regime).regime
    plan = plan_of(record, regime)
    files = workspace_files(inspection_of(record), regime, plan, _sample_files(record))
    return write_workspace(Path(to) / record.name, files)


def export_side_files(record: Inspection, to: Path) -> Path:
    """Write ``record``'s plan and sample files, and no inspection file, into the folder
    ``to/<name>``, for an inspection held in memory (``workspace_with``); the folder."""
    regime = get_host().regime(record.regime).regime
    plan = plan_json_text(plan_of(record, regime)).encode("utf-8")
    directory = Path(to) / record.name
    write_workspace(directory, [(PLAN_FILE, plan), *_sample_files(record)])
    return directory


def _sample_files(record: Inspection) -> list[tuple[str, bytes]]:
    return [(f.name, bytes(f.content)) for f in record.sample_files.all()]


__all__ = ["Imported", "export_inspection", "export_side_files", "import_folder"]
