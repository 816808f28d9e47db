"""Recording findings or grades, with the regime's checks beside them as the inspector types.

For the inspecting team and administrators.  Every save carries the version (the row's
last change) the form was built from; a save over a newer version is refused, showing
what the other person saved beside what this one typed, and nothing is lost: the form
comes back with this person's entries in it.  While typing, htmx sends the form to the
check address, which runs ``inspectkit check`` on the unsaved draft (limiting
judgements, names and case data in text, wording the documents need) and answers with
the panel alone.
"""

from __future__ import annotations

import copy
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from inspectkit.judgements import apply_limiting_rules
from inspectkit.model import Regime
from inspectkit.web.access import regime_or_404, team_inspection_or_404
from inspectkit.web.documents import check_inspection
from inspectkit.web.findings_form import (
    AssertionsForm,
    FindingRows,
    checked_inspection,
    initial_answers,
    initial_rows,
)
from inspectkit.web.models import Inspection as Record
from inspectkit.web.store.changes import Actor, save_inspection
from inspectkit.web.store.records import columns_of, inspection_of
from inspectkit.workspace import Inspection


def version_of(record: Record) -> str:
    return record.updated.isoformat()


def _forms(request: HttpRequest, record: Record, regime: Regime) -> tuple[Any, AssertionsForm]:
    kwargs = {"regime": regime}
    if request.method == "POST":
        rows = FindingRows(request.POST, prefix="row", form_kwargs=kwargs)
        answers = AssertionsForm(request.POST, prefix="ask", regime=regime)
    else:
        rows = FindingRows(initial=initial_rows(record), prefix="row", form_kwargs=kwargs)
        answers = AssertionsForm(initial=initial_answers(record), prefix="ask", regime=regime)
    return rows, answers


def _draft(record: Record, inspection: Inspection) -> Record:
    """The row as it would be with this inspection's findings and answers (not saved)."""
    draft = copy.copy(record)
    for field, value in columns_of(inspection).items():
        setattr(draft, field, value)
    return draft


def _panel(record: Record, regime: Regime, inspection: Inspection | None) -> dict[str, Any]:
    """The check panel's content: the rules' outcomes and what ``check`` reports."""
    if inspection is None:
        return {"unchecked": True}
    outcomes = [o for o in apply_limiting_rules(regime, inspection) if o.severity != "ok"]
    checked = check_inspection(_draft(record, inspection))
    return {"outcomes": outcomes, "problems": checked.problems, "warnings": checked.warnings}


def findings_page(request: HttpRequest, pk: int) -> HttpResponse:
    record = team_inspection_or_404(request.user, pk)
    regime = regime_or_404(record)
    rows, answers = _forms(request, record, regime)
    context: dict[str, Any] = {"record": record, "regime": regime, "rows": rows, "answers": answers}
    status = 200
    if request.method == "POST":
        inspection = None
        if rows.is_valid() and answers.is_valid():
            inspection = checked_inspection(record, regime, rows, answers)
        if inspection is not None and request.POST.get("version") != version_of(record):
            context["conflict"] = _rows_of(record, regime)
            status = 409
        elif inspection is not None:
            user = request.user
            assert isinstance(user, User)  # signed in: LoginRequiredMiddleware
            columns = columns_of(inspection)
            save_inspection(record.name, columns, None, actor=Actor.of(user), how="findings page")
            return redirect("inspectkit:findings", pk=pk)
        else:
            status = 400
        context.update(_panel(record, regime, inspection))
    else:
        context.update(_panel(record, regime, inspection_of(record)))
    # after a conflict the form carries the newer version: sending it again, having seen
    # the other person's entries, saves these over them deliberately
    context["version"] = (
        version_of(record)
        if "conflict" in context
        else request.POST.get("version", version_of(record))
    )
    return render(request, "inspectkit/findings.html", context, status=status)


def findings_check(request: HttpRequest, pk: int) -> HttpResponse:
    """The check panel for the unsaved form (htmx posts the form here as the inspector types)."""
    record = team_inspection_or_404(request.user, pk)
    regime = regime_or_404(record)
    if request.method != "POST":
        return redirect("inspectkit:findings", pk=pk)
    rows, answers = _forms(request, record, regime)
    inspection = None
    if rows.is_valid() and answers.is_valid():
        inspection = checked_inspection(record, regime, rows, answers)
    context = {"record": record, **_panel(record, regime, inspection)}
    if inspection is None:
        context["form_problems"] = [
            *(str(e) for row in rows.forms for errors in row.errors.values() for e in errors),
            *(str(e) for errors in answers.errors.values() for e in errors),
        ]
    return render(request, "inspectkit/checks_panel.html", context)


def _rows_of(record: Record, regime: Regime) -> list[tuple[str, str, str]]:
    """What the other person saved, for showing beside this person's entries."""
    areas = {a.id: a.title for _, a in regime.evaluation.walk()}
    return [
        (
            areas.get(f["area"], f["area"]),
            level.label if (level := regime.scale.level(f["level"])) else f["level"],
            f.get("text", ""),
        )
        for f in record.findings
    ]
