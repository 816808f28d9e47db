"""Who may see a council's readiness checklists and action plans.

A council officer sees their own council's, and administrators everyone's; anyone else,
and anyone asking for another council's, gets the same 404 as for one that does not
exist.  An inspection's action plan opens once its publication — the regime's own
publication milestone (:attr:`inspectkit.model.Regime.publication_milestone`) — is
recorded done; the council and administrators may then fill it in, and it may be read
by the inspectors of that inspection and of any later inspection of the same council
(the regimes say areas for development are "specifically considered in any future
inspection", 100025 Annex D).
"""

from __future__ import annotations

from enum import Enum

from django.db.models import QuerySet
from django.http import Http404

from inspectkit.plugins import get_host
from inspectkit.web.access import User, council_of, role_of, visible_inspections
from inspectkit.web.models import Inspection, Readiness, Role


def visible_checklists(user: User) -> QuerySet[Readiness]:
    """The readiness checklists ``user`` may open: their council's, or all for an
    administrator; 404 for everyone else (the pages are a council's)."""
    role = role_of(user)
    if role == Role.ADMIN:
        return Readiness.objects.all()
    council = council_of(user)
    if role == Role.COUNCIL and council:
        return Readiness.objects.filter(council=council)
    raise Http404("Readiness checklists are a council's.")


def checklist_or_404(user: User, pk: int) -> Readiness:
    try:
        return visible_checklists(user).get(pk=pk)
    except Readiness.DoesNotExist:
        raise Http404("No such checklist.") from None


def is_published(record: Inspection) -> bool:
    """Whether the inspection's publication milestone is recorded done (never, for a
    regime no longer installed or one whose report names no milestone)."""
    registered = get_host().regimes.get(record.regime)
    if registered is None:
        return False
    milestone = registered.regime.publication_milestone
    return bool(milestone) and bool(record.done.get(milestone))


class PlanAccess(Enum):
    EDIT = "edit"
    READ = "read"


def action_plan_access(user: User, record: Inspection) -> PlanAccess | None:
    """What ``user`` may do with ``record``'s action plan, published or not."""
    role = role_of(user)
    if role == Role.ADMIN:
        return PlanAccess.EDIT
    if role == Role.COUNCIL:
        return PlanAccess.EDIT if council_of(user) == record.council else None
    if role == Role.INSPECTOR:
        inspecting = visible_inspections(user).filter(council=record.council)
        if (
            inspecting.filter(pk=record.pk).exists()
            or inspecting.filter(start__gt=record.start).exists()
        ):
            return PlanAccess.READ
    return None


def action_plan_or_404(user: User, pk: int) -> tuple[Inspection, PlanAccess]:
    """The published inspection and what ``user`` may do with its plan; 404 otherwise."""
    record = Inspection.objects.filter(pk=pk).first()
    access = action_plan_access(user, record) if record is not None else None
    if record is None or access is None or not is_published(record):
        raise Http404("No such action plan.")
    return record, access


def visible_action_plans(user: User) -> list[Inspection]:
    """Every published inspection whose action plan ``user`` may open, newest first."""
    role = role_of(user)
    if role not in (Role.ADMIN, Role.COUNCIL, Role.INSPECTOR):
        raise Http404("Action plans are a council's.")
    if role == Role.INSPECTOR:
        councils = visible_inspections(user).values_list("council", flat=True)
        candidates = Inspection.objects.filter(council__in=councils)
    else:
        candidates = visible_inspections(user)
    found = [r for r in candidates.order_by("-start", "name") if is_published(r)]
    return [r for r in found if action_plan_access(user, r) is not None]


def previous_action_plan(user: User, record: Inspection) -> Inspection | None:
    """The council's latest published inspection before ``record``, for its inspectors:
    its areas for development are to be considered in this one."""
    earlier = Inspection.objects.filter(council=record.council, start__lt=record.start)
    for candidate in earlier.order_by("-start", "-pk"):
        if is_published(candidate):
            return candidate if action_plan_access(user, candidate) is not None else None
    return None
