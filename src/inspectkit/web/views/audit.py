"""The audit log, for administrators: every change to an inspection, newest first."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from inspectkit.web.access import is_admin
from inspectkit.web.models import AuditLog

PAGE_SIZE = 50


def audit_log(request: HttpRequest) -> HttpResponse:
    if not is_admin(request.user):
        raise Http404("Only administrators read the audit log.")
    pages = Paginator(AuditLog.objects.select_related("actor"), PAGE_SIZE)
    page = pages.get_page(request.GET.get("page"))
    return render(request, "inspectkit/audit.html", {"page": page})
