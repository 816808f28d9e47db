"""A stored inspection's documents, rendered and checked by the core as ``report`` does.

The row is written out as its workspace folder (the same files ``inspectkit export``
writes) in a private temporary folder, loaded with the core's loader and rendered in
memory with every post-render check (names, case references and dates of birth from
the sample and, as keyed digests, from every row of the uploaded case list; the
regime's required wording; a hard limiting rule broken); the folder is deleted before
the response goes.  A document that fails its checks is never served:
the problems are, one line each.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from attrs import frozen

from inspectkit.documents.build import render_in_memory
from inspectkit.documents.lookup import declared_documents
from inspectkit.documents.prepare import PreparedWorkspace, prepare_workspace
from inspectkit.errors import InputError
from inspectkit.model import DocumentTemplate
from inspectkit.plugins import get_host
from inspectkit.web.models import Inspection
from inspectkit.web.store.case_digests import case_list_index
from inspectkit.web.store.folders import export_inspection, export_side_files
from inspectkit.workspace import Inspection as CoreInspection
from inspectkit.workspace import load_workspace, workspace_with

UNKEYED_SAMPLE = (
    "The sample was stored without its case list (imported from a folder, or drawn before "
    "the list's digests were kept), so documents are checked against the sampled cases' "
    "references only: draw the sample again from the council's file to check them against "
    "every child on the list."
)


@frozen
class Rendered:
    """Every document of one inspection, checked: (file name, bytes)."""

    files: tuple[tuple[str, bytes], ...]


def unplaced(line: str, folder: Path) -> str:
    """``line`` without the private temporary ``folder`` a stored inspection was exported
    to: messages name the workspace's own files, never where the server put them."""
    for place in (folder.resolve(), folder):
        line = line.replace(f"{place}/", "")
    return line


def documents_of(record: Inspection) -> tuple[DocumentTemplate, ...]:
    """The documents the inspection's regime makes (the core's report if it declares none)."""
    return declared_documents(get_host().regime(record.regime))


@frozen
class Checked:
    """What ``inspectkit check`` says of an inspection: problems that stop its documents,
    and warnings (advisory limiting rules contradicted, the plan's and files' notices)."""

    problems: tuple[str, ...]
    warnings: tuple[str, ...]


def render_documents(record: Inspection) -> Rendered:
    """Every document, rendered and checked; InputError naming every problem otherwise."""
    rendered, _warnings = _rendered(record)
    return Rendered(files=tuple((path.name, content) for path, content in rendered))


def check_inspection(record: Inspection) -> Checked:
    """``inspectkit check`` of ``record`` (saved or not: a draft with the row's pk is fine)."""
    try:
        _rendered_files, warnings = _rendered(record)
    except InputError as exc:
        return Checked(problems=tuple(exc.problems), warnings=())
    return Checked(problems=(), warnings=warnings)


def check_draft(record: Inspection, draft: CoreInspection) -> Checked:
    """What ``inspectkit check`` says of the data in ``draft``, ``record``'s unsaved
    findings: every check made before a document is rendered (the regime's rules, the
    limiting judgements, the wording, the plan, and children's identifiers and dates
    of birth in the recorded words, against the sample and every row of the case list).

    This is the check panel's answer as the inspector types.  Rendering adds only the
    checks of a template's own mistakes, and the store keeps no override templates; the
    documents are rendered, and every post-render check run, on each preview and
    download.  Leaving the three renders out, and the draft's round trip through TOML,
    takes a check-panel update of a 60-finding inspection from 250-290 ms of CPU to about
    40 ms (benchmarks/README.md).
    """
    with _prepared(record, draft) as (prepared, folder):
        if isinstance(prepared, InputError):
            return Checked(problems=tuple(prepared.problems), warnings=())
        return Checked(problems=(), warnings=_warnings(record, prepared, folder))


def _rendered(record: Inspection) -> tuple[list[tuple[Path, bytes]], tuple[str, ...]]:
    """The row written out as its workspace, in a private temporary folder, loaded,
    prepared and rendered in memory; the folder is gone when this returns."""
    with _prepared(record) as (prepared, folder):
        if isinstance(prepared, InputError):
            raise prepared
        try:
            rendered = render_in_memory(prepared, prepared.workspace.documents_dir)
        except InputError as exc:
            raise InputError([unplaced(line, folder) for line in exc.problems]) from None
        return rendered, _warnings(record, prepared, folder)


def _warnings(record: Inspection, prepared: PreparedWorkspace, folder: Path) -> tuple[str, ...]:
    warnings = tuple(unplaced(line, folder) for line in prepared.warnings)
    if prepared.private.keyed == [] and record.sample_record is not None:
        warnings += (UNKEYED_SAMPLE,)
    return warnings


@contextmanager
def _prepared(
    record: Inspection, draft: CoreInspection | None = None
) -> Iterator[tuple[PreparedWorkspace | InputError, Path]]:
    """``record`` as a prepared workspace in a private temporary folder (the problems,
    naming the workspace's own files, if it does not prepare), and that folder, which
    is gone afterwards.  With ``draft``, only the plan and sample are written: the draft
    is the inspection, already checked against its regime."""
    host = get_host()
    with tempfile.TemporaryDirectory(prefix="inspectkit-documents-") as name:
        folder = Path(name)
        try:
            if draft is None:
                export_inspection(record, folder)
                workspace = load_workspace(folder / record.name, host)
            else:
                directory = export_side_files(record, folder)
                workspace = workspace_with(directory, draft, host.regime(record.regime), host)
            prepared: PreparedWorkspace | InputError = prepare_workspace(
                workspace, case_list=case_list_index(record)
            )
        except InputError as exc:  # messages name the temporary folder: name the files alone
            prepared = InputError([unplaced(line, folder) for line in exc.problems])
        yield prepared, folder
