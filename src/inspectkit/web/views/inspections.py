"""Inspections: those a person may see, one in full, and its plan's downloads.

Each inspection is fetched through ``access.inspection_or_404``: one a person
may not see is a 404, exactly as one that does not exist.  No page here shows
a case reference: the sample is counted, never listed.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.web import plans, standing
from inspectkit.web.access import inspection_or_404, role_of, visible_inspections
from inspectkit.web.council_access import (
    action_plan_access,
    is_published,
    previous_action_plan,
)
from inspectkit.web.documents import documents_of
from inspectkit.web.models import Inspection, Role
from inspectkit.web.store.records import inspection_of, plan_of


def inspection_list(request: HttpRequest) -> HttpResponse:
    if role_of(request.user) == Role.POLICY:
        raise Http404("Policy accounts see regimes and comparisons, not inspections.")
    context = {"inspections": visible_inspections(request.user)}
    return render(request, "inspectkit/inspections.html", context)


def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = inspection_or_404(request.user, pk)
    return render(request, "inspectkit/inspection.html", detail_context(request, record))


def detail_context(
    request: HttpRequest, record: Inspection, step_errors: Mapping[str, str] | None = None
) -> dict[str, object]:
    """The inspection page's content; ``step_errors`` are shown beside their steps (the
    steps form's problems, when it is shown again instead of saved)."""
    inspection = inspection_of(record)
    context: dict[str, object] = {
        "record": record,
        "inspection": inspection,
        "team": [member.display() for member in inspection.team],
        "sample_size": len((record.sample_record or {}).get("drawn", [])),
        "shows_evidence": role_of(request.user) in (Role.ADMIN, Role.INSPECTOR),
        # the council's plan once published; the one its earlier inspection left
        "action_plan": is_published(record) and action_plan_access(request.user, record),
        "previous_plan": previous_action_plan(request.user, record),
    }
    try:
        regime = get_host().regime(record.regime).regime
    except InputError as exc:
        context["regime_problem"] = exc.problems[0]
        return context
    plan = plan_of(record, regime)
    areas = {area.id: area for _, area in regime.evaluation.walk()}
    errors = step_errors or {}
    context["steps"] = [
        (step, errors.get(step.id))
        for step in standing.steps(plan, inspection.done, timezone.localdate())
    ]
    if context["shows_evidence"]:
        context["documents"] = [
            (d, "Word" if d.file.endswith(".docx") else "text") for d in documents_of(record)
        ]
    context.update(
        regime=regime,
        plan=plan,
        heading=plans.plan_heading(plan, regime, inspection.locale),
        rows=plans.plan_rows(plan, inspection.locale),
        findings=[
            (
                areas[f.area].title if f.area in areas else f.area,
                level.label if (level := regime.scale.level(f.level)) else f.level,
                f,
            )
            for f in inspection.findings
        ],
    )
    return context


def inspection_plan_download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    record = inspection_or_404(request.user, pk)
    if kind not in plans.DOWNLOADS:
        raise Http404("No such download.")
    try:
        regime = get_host().regime(record.regime).regime
    except InputError:
        raise Http404("This inspection's regime is not installed.") from None
    plan = plan_of(record, regime)
    return plans.plan_download(plan, regime, kind, record.locale, f"{record.name}-plan")
