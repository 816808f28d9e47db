"""Recording the day each step of an inspection was done (team and administrators).

A POST of the inspection page's step form: each date goes through the inspection file's
own check (a milestone of the regime, not before day 1).  With a problem, the page comes
back with each problem beside its step and the dates as typed, and nothing is saved;
otherwise the change is saved with its audit entry.
"""

from __future__ import annotations

from datetime import date

import attrs
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from inspectkit.errors import InputError
from inspectkit.web.access import regime_or_404, team_inspection_or_404
from inspectkit.web.inspection_form import WHERE, problem_parts
from inspectkit.web.store.changes import Actor, save_inspection
from inspectkit.web.store.records import columns_of, file_of
from inspectkit.web.views.inspections import detail_context
from inspectkit.workspace import check_against_regime

PREFIX = "done-"


def record_done(request: HttpRequest, pk: int) -> HttpResponse:
    record = team_inspection_or_404(request.user, pk)
    if request.method != "POST":
        return redirect("inspectkit:inspection", pk=pk)
    regime = regime_or_404(record)
    done: dict[str, date] = {}
    errors: dict[str, str] = {}
    for key in request.POST:
        value = request.POST.get(key, "").strip()
        if not key.startswith(PREFIX) or not value:
            continue
        try:
            done[key.removeprefix(PREFIX)] = date.fromisoformat(value)
        except ValueError:
            errors[key.removeprefix(PREFIX)] = f"expected a date such as 2011-10-19, got {value!r}"
    inspection = None
    if not errors:
        try:
            raw = attrs.evolve(file_of(record, regime), done=done)
            inspection = check_against_regime(raw, regime, WHERE)
        except InputError as exc:
            for line in exc.problems:  # "new inspection: done.site_visit: done on ..."
                where, message = problem_parts(line)
                errors[where.removeprefix("done.")] = message
    if inspection is None:
        record.done = {key: day.isoformat() for key, day in done.items()}  # shown, not saved
        context = detail_context(request, record, step_errors=errors)
        return render(request, "inspectkit/inspection.html", context, status=400)
    user = request.user
    assert isinstance(user, User)  # signed in: LoginRequiredMiddleware
    save_inspection(record.name, columns_of(inspection), None, actor=Actor.of(user), how="steps")
    messages.success(request, "Saved.")
    return redirect("inspectkit:inspection", pk=pk)
