"""A checked inspection written back out as a workspace folder's files.

``inspectkit export`` (and anything else that holds inspections outside a
folder) writes what ``inspectkit init`` and ``inspectkit sample`` would have
written, so the folder works with every command: ``inspection.toml`` made with
tomli-w from the checked :class:`Inspection` (loading it gives the same
inspection back), and ``plan.json`` exactly as ``init`` writes it.  The text is
a function of the inspection alone, so writing, reading and writing again gives
the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import tomli_w

from inspectkit.files import write_files_atomic
from inspectkit.model import Regime
from inspectkit.model.inspection import Finding, Inspection, Person
from inspectkit.plan_record import plan_to_data
from inspectkit.timeline import Plan
from inspectkit.workspace.inspection_file import INSPECTION_FILE
from inspectkit.workspace.workspace import PLAN_FILE

DEFAULT_RECIPIENT = "Director of Children's Services"
HEADER = (
    "# Inspection file written by inspectkit from its store; comments in the file it was\n"
    "# imported from are not kept. Job titles and case reference numbers only (100025 §43).\n"
)


def plan_json_text(plan: Plan) -> str:
    """``plan.json``: the plan as ``inspectkit init`` saves it."""
    return json.dumps(plan_to_data(plan), indent=2, ensure_ascii=False) + "\n"


def inspection_file_text(inspection: Inspection, regime: Regime) -> str:
    """``inspection.toml`` for ``inspection``: ``[[grades]]`` for a graded regime, else
    ``[[findings]]``; empty optional keys left out."""
    data: dict[str, Any] = {
        "regime": inspection.regime,
        "council": inspection.council,
        "start": inspection.start,
    }
    if inspection.id:
        data["id"] = inspection.id
    data["team"] = [_person(member) for member in inspection.team]
    if inspection.quality_assurance is not None:
        data["quality_assurance"] = _person(inspection.quality_assurance)
    data["sites"] = list(inspection.sites)
    data["recipient"] = inspection.recipient
    if inspection.recipient_name:
        data["recipient_name"] = inspection.recipient_name
    if inspection.letter_date is not None:
        data["letter_date"] = inspection.letter_date
    if inspection.dates:
        data["dates"] = dict(inspection.dates)
    if inspection.done:
        data["done"] = dict(inspection.done)
    data["locale"] = inspection.locale
    entries = [_entry(finding, regime.scale.graded) for finding in inspection.findings]
    if entries:
        data["grades" if regime.scale.graded else "findings"] = entries
    for table in ("assertions", "contacts", "sections", "statements"):
        values = dict(getattr(inspection, table))
        if values:
            data[table] = values
    return HEADER + tomli_w.dumps(data)


def _person(member: Person) -> str | dict[str, str]:
    """A job title alone as the starter file writes it; a table where a name is recorded."""
    if not member.name and not member.telephone:
        return member.role
    entry = {"role": member.role, "name": member.name}
    if member.telephone:
        entry["telephone"] = member.telephone
    return entry


def _entry(finding: Finding, graded: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {"area": finding.area}
    if graded:
        if finding.level:
            entry["grade"] = finding.level
    else:
        entry["type"] = finding.level
    if finding.text or not graded:  # a finding always has text; a grade may have none
        entry["text"] = finding.text
    if finding.evidence:
        entry["evidence"] = finding.evidence
    if finding.recommendations:
        entry["recommendations"] = list(finding.recommendations)
    return entry


def workspace_files(
    inspection: Inspection, regime: Regime, plan: Plan, extra: Sequence[tuple[str, bytes]] = ()
) -> list[tuple[str, bytes]]:
    """(file name, content) for a workspace folder: the inspection file, the plan, and
    ``extra`` files (a sample and its record) as they are."""
    return [
        (INSPECTION_FILE, inspection_file_text(inspection, regime).encode("utf-8")),
        (PLAN_FILE, plan_json_text(plan).encode("utf-8")),
        *extra,
    ]


def write_workspace(directory: Path, files: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write ``files`` into ``directory`` (made if need be), all or none of them."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    targets = [(directory / name, content) for name, content in files]
    write_files_atomic(targets)
    return [path for path, _ in targets]
