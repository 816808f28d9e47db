"""The home page: what a person can do, by role."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from inspectkit.web.access import council_of, role_of, visible_inspections
from inspectkit.web.models import AuditLog, Role


def home(request: HttpRequest) -> HttpResponse:
    role = role_of(request.user)
    context: dict[str, object] = {"council": ""}
    if role in (Role.ADMIN, Role.INSPECTOR, Role.COUNCIL):
        context["inspections"] = visible_inspections(request.user)
    if role == Role.COUNCIL:
        context["council"] = council_of(request.user)
    if role == Role.ADMIN:
        context["people"] = get_user_model().objects.count()
        context["audit_entries"] = AuditLog.objects.count()
    return render(request, "inspectkit/home.html", context)
