"""A new inspection: an inspector (or administrator) creates it, and is on its team.

A POST form (it creates something, so it carries Django's CSRF token).  The plan is
dated as the form is checked, so what is stored is the plan the inspector saw; the row,
its team membership and its audit entry are written in one transaction.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from inspectkit.plan_record import plan_to_data
from inspectkit.web.access import role_of
from inspectkit.web.inspection_form import NewInspectionForm, folder_name, plan_new_inspection
from inspectkit.web.models import Role
from inspectkit.web.store.changes import Actor, save_inspection
from inspectkit.web.store.records import columns_of

CREATORS = (Role.ADMIN, Role.INSPECTOR)


def new_inspection(request: HttpRequest) -> HttpResponse:
    user = request.user
    if role_of(user) not in CREATORS or not isinstance(user, User):
        raise PermissionDenied("Only inspectors and administrators create inspections.")
    form = NewInspectionForm(request.POST) if request.method == "POST" else NewInspectionForm()
    planned = plan_new_inspection(form) if form.is_bound else None
    if planned is None:
        status = 400 if form.is_bound else 200
        warned = form.is_bound and bool(form.errors.get("confirm"))
        context = {"form": form, "warned": warned}
        return render(request, "inspectkit/inspection_new.html", context, status=status)
    inspection = planned.inspection
    columns = columns_of(inspection)
    columns["plan"] = plan_to_data(planned.plan)
    columns["sample_record"] = None
    with transaction.atomic():
        name = folder_name(inspection.regime, inspection.council, inspection.start)
        saved = save_inspection(
            name, columns, [], actor=Actor.of(user), how="created in the browser"
        )
        saved.record.members.add(user)
    return redirect("inspectkit:inspection", pk=saved.record.pk)
