"""Every document of one workspace: prepare, render and check all in memory, then write.

A workspace gets all its new documents or none.  Each document is rendered
and checked in memory first; only when every one passes are they written —
each to a temporary file beside its target, all renamed at the end — so a
letter that fails its checks never leaves the email beside it replaced and the
letter stale.  Every document's problems are reported together.

A broken hard limiting rule stops rendering (the documents would state
inconsistent judgements); advisory ones are returned as warnings.  The report or
letter must carry every statement the regime's data chooses for what was
recorded (Annex D's outcome sentence, its limiting statement), so an override
template that drops one fails its check instead of going out wrong.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from inspectkit.documents.bounded import RenderLimits, run_bounded
from inspectkit.documents.checks import check_paragraphs, written_marks
from inspectkit.documents.lookup import declared_documents, locate_template
from inspectkit.documents.pdf import convert_to_pdf, find_soffice, missing_message
from inspectkit.documents.prepare import PreparedWorkspace, plan_dates, prepare_workspace
from inspectkit.documents.render import render_checked
from inspectkit.documents.text import is_text_template, render_text, rendered_files
from inspectkit.errors import InputError
from inspectkit.files import write_files_atomic
from inspectkit.workspace import Workspace
from inspectkit.workspace.dates import letter_date

if TYPE_CHECKING:
    from inspectkit.model import DocumentTemplate

__all__ = ["WorkspaceResult", "plan_dates", "render_in_memory", "render_workspace"]


@frozen(kw_only=True)
class WorkspaceResult:
    directory: Path
    regime_id: str
    documents: tuple[Path, ...]
    warnings: tuple[str, ...] = ()


def render_workspace(
    workspace: Workspace, *, pdf: bool = False, out: Path | None = None
) -> WorkspaceResult:
    """Render every document of the workspace into ``out`` (default ``DIR/documents``)."""
    if pdf and find_soffice() is None:
        raise InputError.single(missing_message())
    prepared = prepare_workspace(workspace)
    target_dir = out or workspace.documents_dir
    rendered = render_in_memory(prepared, target_dir)
    if pdf:  # Word documents only: a text email is pasted, not printed
        rendered += _pdfs_of([(path, data) for path, data in rendered if path.suffix == ".docx"])
    target_dir.mkdir(parents=True, exist_ok=True)
    write_files_atomic(rendered)
    return WorkspaceResult(
        directory=workspace.directory,
        regime_id=workspace.regime.regime.id,
        documents=tuple(path for path, _ in rendered),
        warnings=prepared.warnings,
    )


def render_in_memory(
    prepared: PreparedWorkspace, target_dir: Path | None = None
) -> list[tuple[Path, bytes]]:
    """(target, checked bytes) for each document; InputError with every document's problems.

    Nothing is written: ``report`` writes what this returns, and ``check`` calls it as a
    dry run, so that ``check`` finds everything ``report`` would refuse.
    """
    # lazy: keeps inspectkit.documents.context (7 ms) off `serve --demo`'s example build
    from inspectkit.documents.context import build_context

    # lazy: keeps inspectkit.documents.properties (41 ms) off `serve --demo`'s example build
    from inspectkit.documents.properties import DocumentProperties, language_tag

    target_dir = target_dir or prepared.workspace.documents_dir
    workspace, plan = prepared.workspace, prepared.plan
    regime = workspace.regime.regime
    allowed = prepared.own_dates
    wording = prepared.wording.required(str(workspace.inspection_file))
    rendered: list[tuple[Path, bytes]] = []
    problems: list[str] = []
    for document in declared_documents(workspace.regime):
        target = target_dir / Path(document.file).name
        context = build_context(
            workspace,
            document.id,
            plan=plan,
            outcomes=prepared.outcomes,
            sample_size=prepared.sample_size,
        )
        required = wording if document.kind == regime.report.form else []
        if is_text_template(document.file):
            try:
                rendered += _text_document(prepared, document, context, target, required)
            except InputError as exc:
                problems += exc.problems
            continue
        properties = DocumentProperties(
            title=f"{document.title}: {workspace.inspection.council}",
            author=regime.publisher,
            language=language_tag(workspace.inspection.locale),
            # the date it bears; today where the sources leave that date to the inspector
            created=letter_date(regime, workspace.inspection, plan) or date.today(),
        )
        try:
            content = render_checked(
                workspace.regime,
                document.id,
                context,
                host=workspace.host,
                label=str(target),
                overrides=workspace.templates_dir,
                private=prepared.private,
                allowed_dates=allowed,
                required=required,
                locales=prepared.locales,
                properties=properties,
            )
        except InputError as exc:
            problems += exc.problems
            continue
        rendered.append((target, content))
    if problems:
        raise InputError(problems)
    return rendered


def _text_document(
    prepared: PreparedWorkspace,
    document: DocumentTemplate,
    context: dict[str, Any],
    target: Path,
    required: Sequence[tuple[str, str]],
) -> list[tuple[Path, bytes]]:
    """A ``.txt`` template rendered and checked: the text, and a ``.eml`` for an email."""
    workspace = prepared.workspace
    template = locate_template(
        workspace.regime, document.id, workspace.host, workspace.templates_dir
    )
    limits = RenderLimits.from_environment()
    text = run_bounded(
        render_text,
        template,
        dict(context),
        limits.output_chars,
        limits=limits,
        subject=str(template),
    )
    problems = check_paragraphs(
        text.splitlines(),
        label=str(target),
        unit="line",
        private=prepared.private,
        allowed_dates=prepared.own_dates,
        required=required,
        locales=prepared.locales,
        written=written_marks(context),
    )
    if problems:
        raise InputError(problems)
    try:
        return rendered_files(text, target, email=document.kind == "email")
    except InputError as exc:
        raise InputError([f"{template}: {p}" for p in exc.problems]) from None


def _pdfs_of(documents: Sequence[tuple[Path, bytes]]) -> list[tuple[Path, bytes]]:
    """Each document converted to PDF in a scratch folder (nothing is written beside it yet)."""
    converted: list[tuple[Path, bytes]] = []
    with tempfile.TemporaryDirectory(prefix="inspectkit-pdf-") as scratch:
        for target, content in documents:
            source = Path(scratch) / target.name
            source.write_bytes(content)
            try:
                pdf = convert_to_pdf(source)
            except InputError as exc:  # name the document, not the scratch copy
                raise InputError(
                    [p.replace(str(source), str(target)) for p in exc.problems]
                ) from None
            converted.append((target.with_suffix(".pdf"), pdf.read_bytes()))
    return converted
