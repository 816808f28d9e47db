"""Workspace folders into the store and out again, in today's folder format.

Import reads a folder with the core's own loader and runs every check
``inspectkit check`` runs (the store holds only inspections that pass it),
then stores the inspection, its plan and its sample files.  What the store
does not keep is said, not silently dropped: the council's case list (it
names children), override templates, and rendered documents.  Export writes
the folder back with the core's workspace writer; export, import and export
again give the same files.
"""

from __future__ import annotations

import json
from pathlib import Path

from attrs import frozen
from django.core.exceptions import ValidationError

from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.web.models import Inspection
from inspectkit.web.models.inspection import validate_folder_name
from inspectkit.web.store.changes import Actor, Saved, save_inspection
from inspectkit.web.store.records import columns_of, inspection_of, plan_of
from inspectkit.workspace.workspace import (
    CASELIST_FILES,
    SAMPLE_FILES,
    TEMPLATES_DIR,
)

SAMPLE_RECORD = "sample.json"


@frozen
class Imported:
    directory: Path
    saved: Saved
    notes: tuple[str, ...] = ()


def import_folder(directory: Path, *, actor: Actor) -> Imported:
    """Check and store the workspace in ``directory`` (InputError naming every problem)."""
    from inspectkit.documents.prepare import prepare_workspace
    from inspectkit.timeline import plan_to_data

    directory = Path(directory)
    name = directory.resolve().name
    try:
        validate_folder_name(name)
    except ValidationError as exc:
        raise InputError.single(f"{directory}: {exc.messages[0]}") from None
    prepared = prepare_workspace(directory)
    columns = columns_of(prepared.workspace.inspection)
    columns["plan"] = plan_to_data(prepared.plan)
    sample_files = [
        (file, (directory / file).read_bytes())
        for file in SAMPLE_FILES
        if (directory / file).is_file()
    ]
    record = dict(sample_files).get(SAMPLE_RECORD)
    columns["sample_record"] = json.loads(record) if record is not None else None
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
    return Imported(directory=directory, saved=saved, notes=tuple(_not_stored(directory)))


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
    from inspectkit.workspace.writer import workspace_files, write_workspace

    regime = get_host().regime(record.regime).regime
    plan = plan_of(record, regime)
    extra = [(f.name, bytes(f.content)) for f in record.sample_files.all()]
    files = workspace_files(inspection_of(record), regime, plan, extra)
    return write_workspace(Path(to) / record.name, files)


__all__ = ["Imported", "export_inspection", "import_folder"]
