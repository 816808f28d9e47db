"""Recording the day each step of an inspection was done (team and administrators).

A POST of the inspection page's step form: each date goes through the inspection file's
own check (a milestone of the regime, not before day 1), each problem beside its step,
and the change is saved with its audit entry.
"""

from __future__ import annotations

from datetime import date

import attrs
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.web.inspection_form import WHERE
from inspectkit.web.store.changes import Actor, save_inspection
from inspectkit.web.store.records import columns_of, file_of
from inspectkit.web.views.sample import team_record
from inspectkit.workspace import check_against_regime

PREFIX = "done-"


def record_done(request: HttpRequest, pk: int) -> HttpResponse:
    record = team_record(request, pk)
    if request.method != "POST":
        return redirect("inspectkit:inspection", pk=pk)
    try:
        regime = get_host().regime(record.regime).regime
    except InputError as exc:
        raise Http404(exc.problems[0]) from None
    done: dict[str, date] = {}
    problems: list[str] = []
    for key in request.POST:
        value = request.POST.get(key, "")
        if not key.startswith(PREFIX) or not value.strip():
            continue
        try:
            done[key.removeprefix(PREFIX)] = date.fromisoformat(value.strip())
        except ValueError:
            problems.append(f"{key.removeprefix(PREFIX)}: expected a date, got {value!r}")
    if not problems:
        try:
            inspection = check_against_regime(
                attrs.evolve(file_of(record, regime), done=done), regime, WHERE
            )
        except InputError as exc:
            problems = [line.removeprefix(f"{WHERE}: done.") for line in exc.problems]
    if problems:
        for line in problems:
            messages.error(request, f"Not saved: {line}")
        return redirect("inspectkit:inspection", pk=pk)
    user = request.user
    assert isinstance(user, User)  # signed in: LoginRequiredMiddleware
    files = [(f.name, bytes(f.content)) for f in record.sample_files.all()]
    save_inspection(record.name, columns_of(inspection), files, actor=Actor.of(user), how="steps")
    messages.success(request, "Saved.")
    return redirect("inspectkit:inspection", pk=pk)
