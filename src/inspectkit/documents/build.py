"""Every document of one workspace: plan, rules, context, render, check, optional PDF.

A broken hard limiting rule stops rendering (the documents would state
inconsistent judgements); advisory ones are returned as warnings.  The report or
letter must carry every statement the regime's data chooses for what was
recorded (Annex D's outcome sentence, its limiting statement), so an override
template that drops one fails its check instead of going out wrong.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from attrs import frozen

from inspectkit.errors import InputError
from inspectkit.workspace import Workspace, load_workspace


@frozen(kw_only=True)
class WorkspaceResult:
    directory: Path
    regime_id: str
    documents: tuple[Path, ...]
    warnings: tuple[str, ...] = ()


def plan_dates(plan: object) -> set[date]:
    """Every date the plan names (documents may print any of them)."""
    days: set[date] = set()
    for planned in getattr(plan, "milestones", ()):
        day = planned.first
        while day <= planned.last:
            days.add(day)
            day += timedelta(days=1)
        if planned.due is not None:
            days.add(planned.due)
    return days


def render_workspace(
    directory: Path | Workspace, *, pdf: bool = False, out: Path | None = None
) -> WorkspaceResult:
    """Render every document of the workspace into ``out`` (default ``DIR/documents``)."""
    from inspectkit.documents.context import build_context, letter_date
    from inspectkit.documents.lookup import declared_documents
    from inspectkit.documents.private import private_values, sample_size
    from inspectkit.documents.render import render_document
    from inspectkit.judgements import apply_limiting_rules

    workspace = directory if isinstance(directory, Workspace) else load_workspace(directory)
    regime = workspace.regime.regime
    inspection = workspace.inspection
    if pdf:
        from inspectkit.documents.pdf import find_soffice, missing_message

        if find_soffice() is None:
            raise InputError.single(missing_message())
    plan = workspace.plan()
    outcomes = apply_limiting_rules(regime, inspection)
    hard = [o for o in outcomes if o.severity == "error"]
    if hard:
        raise InputError(
            [f"{workspace.inspection_file}: hard limit broken: {o.message}" for o in hard]
        )
    warnings = [o.message for o in outcomes if o.severity == "warning"]
    warnings += list(plan.warnings)
    private = private_values(workspace)
    warnings += private.warnings
    allowed = plan_dates(plan) | {letter_date(regime, inspection, plan)}
    drawn = sample_size(workspace)
    chosen = regime.report.chosen_statements(inspection.recorded_levels())
    target_dir = out or workspace.documents_dir
    target_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    locales = sorted({"en_GB", inspection.locale})
    for document in declared_documents(workspace.regime):
        context = build_context(
            workspace, document.id, plan=plan, outcomes=outcomes, sample_size=drawn
        )
        required = (
            [(f"{s.source} ({s.id})", s.text) for s in chosen.values()]
            if document.kind == regime.report.form
            else []
        )
        path = render_document(
            workspace.regime,
            document.id,
            context,
            target_dir / Path(document.file).name,
            overrides=workspace.templates_dir,
            private=private,
            allowed_dates=allowed,
            required=required,
            locales=locales,
        )
        written.append(path)
        if pdf:
            from inspectkit.documents.pdf import convert_to_pdf

            written.append(convert_to_pdf(path))
    return WorkspaceResult(
        directory=workspace.directory,
        regime_id=regime.id,
        documents=tuple(written),
        warnings=tuple(warnings),
    )
