"""A published inspection's action plan: a row per area for development, priority action
and recommendation, and what the council records against each.

The rows are the core's (:func:`inspectkit.action_plan.checked_action_rows`), read from
the stored inspection written out as its workspace in a private temporary folder — so
every finding is scanned for the sample's case references and dates of birth exactly as
``inspectkit action-plan`` scans them, and a plan that carries one is not shown or
served.  The store keeps only the council's entries, by the core's row ids.  The council
and administrators fill it in (audited); inspectors of this inspection and of the
council's later ones read it.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from inspectkit.action_plan import (
    PROGRESS,
    ActionRow,
    action_plan_tables,
    checked_action_rows,
    filled_in,
)
from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.web.access import regime_or_404
from inspectkit.web.concurrent_edits import (
    Conflicts,
    after_conflict,
    digest_key,
    shown_digests,
)
from inspectkit.web.council_access import PlanAccess, action_plan_or_404, visible_action_plans
from inspectkit.web.council_forms import action_entries
from inspectkit.web.documents import unplaced
from inspectkit.web.models import Inspection
from inspectkit.web.store.changes import Actor
from inspectkit.web.store.council import save_action_progress
from inspectkit.web.store.folders import export_inspection
from inspectkit.web.table_downloads import check_kind, table_download
from inspectkit.words import count
from inspectkit.workspace import load_workspace


def plan_list(request: HttpRequest) -> HttpResponse:
    context = {"plans": visible_action_plans(request.user)}  # 404 for policy accounts
    return render(request, "inspectkit/action_plans.html", context)


def _rows(record: Inspection) -> list[ActionRow]:
    """The checked rows with the council's entries; InputError naming each refused row."""
    with tempfile.TemporaryDirectory(prefix="inspectkit-action-plan-") as folder:
        export_inspection(record, Path(folder))
        try:
            rows = checked_action_rows(load_workspace(Path(folder) / record.name, get_host()))
        except InputError as exc:  # name the files alone, not the temporary folder
            raise InputError([unplaced(line, Path(folder)) for line in exc.problems]) from None
    kept = {
        p.row: {
            "owner": p.owner,
            "actions": p.actions,
            "due": p.due.isoformat() if p.due else "",
            "progress": p.progress,
            "evidence": p.evidence,
        }
        for p in record.action_progress.all()
    }
    return filled_in(rows, kept)


def _refused(request: HttpRequest, record: Inspection, exc: InputError) -> HttpResponse:
    """The plan is not shown or served: each refused row's problem, never the value."""
    context = {"record": record, "problems": exc.problems}
    return render(request, "inspectkit/action_plan.html", context, status=409)


def plan_page(request: HttpRequest, pk: int) -> HttpResponse:
    record, access = action_plan_or_404(request.user, pk)
    regime = regime_or_404(record)
    try:
        rows = _rows(record)
    except InputError as exc:
        return _refused(request, record, exc)
    errors: dict[str, dict[str, str]] = {}
    digests = shown_digests({row.id: _shown(row) for row in rows})  # of what is stored
    status = 200
    if request.method == "POST":
        if access is not PlanAccess.EDIT:
            raise Http404("This action plan is the council's to fill in.")
        typed, errors = action_entries(request.POST, [r.id for r in rows])
        sent = {k: request.POST.get(k, "") for k in request.POST if k.startswith("was-")}
        status = 400
        if not errors:
            user = request.user
            assert isinstance(user, User)  # signed in: LoginRequiredMiddleware
            try:
                changed = save_action_progress(record, typed, Actor.of(user), sent)
            except Conflicts as conflicts:
                errors, status = conflicts.messages(), 409
                rows, digests = _after_conflict(record, typed, sent)
            else:
                done = f"Saved ({count(len(changed), 'row')} changed)."
                messages.success(request, done if changed else "Nothing changed.")
                return redirect("inspectkit:action-plan", pk=pk)
        if status == 400:  # the page as it was sent: its digests, not what is stored now
            digests = {r.id: _sent_digests(sent, r.id) for r in rows}
            rows = filled_in(rows, {k: _as_text(v) for k, v in typed.items()})
    context: dict[str, Any] = {
        "record": record,
        "regime": regime,
        "rows": [(row, errors.get(row.id, {}), digests.get(row.id, {})) for row in rows],
        "errors": errors,
        "editable": access is PlanAccess.EDIT,
        "progress": PROGRESS,
    }
    return render(request, "inspectkit/action_plan.html", context, status=status)


FIELDS = ("owner", "actions", "due", "progress", "evidence")


def _shown(row: ActionRow) -> dict[str, str]:
    return {name: str(getattr(row, name) or "") for name in FIELDS}


def _after_conflict(
    record: Inspection, typed: dict[str, dict[str, Any]], sent: dict[str, str]
) -> tuple[list[ActionRow], dict[str, dict[str, str]]]:
    """The rows as stored now (the refused save kept nothing), with this person's changes
    in them and the digests for saving again (:func:`after_conflict`)."""
    rows = _rows(record)
    digests = shown_digests({row.id: _shown(row) for row in rows})
    values: dict[str, dict[str, str]] = {}
    for row in rows:
        if row.id in typed:
            mine = _as_text(typed[row.id])
            values[row.id], digests[row.id] = after_conflict(mine, _shown(row), sent, row.id)
    return filled_in(rows, values), digests


def _sent_digests(sent: dict[str, str], row: str) -> dict[str, str]:
    return {name: sent[key] for name in FIELDS if (key := digest_key(name, row)) in sent}


def _as_text(values: dict[str, Any]) -> dict[str, str]:
    """Typed values as the rows hold them: a date as ISO, a bad one as it was typed, and a
    progress not offered as none (it cannot be selected)."""
    text = {
        k: v.isoformat() if isinstance(v, date) else ("" if v is None else str(v))
        for k, v in values.items()
    }
    if text.get("progress") not in PROGRESS:
        text["progress"] = ""
    return text


def plan_download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    record, _access = action_plan_or_404(request.user, pk)
    check_kind("action_plan", kind)
    regime = regime_or_404(record)
    try:
        rows = _rows(record)
    except InputError as exc:
        return _refused(request, record, exc)
    tables = action_plan_tables(rows, council=record.council, regime=regime)
    return table_download("action_plan", tables, f"{record.name}-action-plan.{kind}")
