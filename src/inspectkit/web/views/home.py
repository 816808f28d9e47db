"""The home page: what a person can do, by role."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from inspectkit.web.access import council_of, role_of, visible_inspections
from inspectkit.web.models import AuditLog, Role
from inspectkit.web.standing import by_next_deadline


def home(request: HttpRequest) -> HttpResponse:
    role = role_of(request.user)
    context: dict[str, object] = {"council": ""}
    if role in (Role.ADMIN, Role.INSPECTOR, Role.COUNCIL):
        context["inspections"] = visible_inspections(request.user)
    if role == Role.INSPECTOR:  # their inspections, the next deadline first
        today = timezone.localdate()
        context["next_steps"] = by_next_deadline(visible_inspections(request.user), today)
    if role == Role.COUNCIL:
        context["council"] = council_of(request.user)
    if role == Role.ADMIN:
        context["people"] = get_user_model().objects.count()
        context["audit_entries"] = AuditLog.objects.count()
    return render(request, "inspectkit/home.html", context)
