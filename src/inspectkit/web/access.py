"""Who may see what: roles, and the inspections each person may open.

Every view that shows an inspection gets it through :func:`visible_inspections`
(or :func:`inspection_or_404`), so a person who may not see an inspection gets
the same 404 as for one that does not exist: its existence is not disclosed.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.plugins import get_host
from inspectkit.web.models import Inspection, Profile, Role

User = AbstractBaseUser | AnonymousUser


def _pk(user: User) -> int:
    return int(user.pk or 0)


def role_of(user: User) -> Role | None:
    """A signed-in person's role (a superuser is an administrator); None when signed out.

    The profile comes with the account (:class:`inspectkit.web.auth.ProfileBackend`
    reads both in one query); read any other way, it is read once and kept on the user
    object, which lives for one request.
    """
    if not user.is_authenticated:
        return None
    profile = _profile(user)
    if getattr(user, "is_superuser", False):
        return Role.ADMIN
    return Role(profile.role) if profile is not None else Role.POLICY


def _profile(user: User) -> Profile | None:
    kept: Profile | bool | None = getattr(user, "_inspectkit_profile", False)
    if kept is False:
        try:
            kept = user.profile  # type: ignore[union-attr]
        except Profile.DoesNotExist:
            kept = None
        user._inspectkit_profile = kept  # type: ignore[union-attr]
    return kept if isinstance(kept, Profile) else None


def council_of(user: User) -> str:
    if role_of(user) is None:
        return ""
    profile = _profile(user)
    return profile.council.strip() if profile is not None else ""


def visible_inspections(user: User) -> QuerySet[Inspection]:
    """The inspections ``user`` may open: all, their team's, their council's, or none."""
    role = role_of(user)
    inspections = Inspection.objects.all()
    if role == Role.ADMIN:
        return inspections
    if role == Role.INSPECTOR:
        return inspections.filter(members__pk=_pk(user))
    if role == Role.COUNCIL:
        council = council_of(user)
        return inspections.filter(council=council) if council else inspections.none()
    return inspections.none()


def inspection_or_404(user: User, pk: int) -> Inspection:
    try:
        return visible_inspections(user).get(pk=pk)
    except Inspection.DoesNotExist:
        raise Http404("No such inspection.") from None


def team_inspection_or_404(user: User, pk: int) -> Inspection:
    """The inspection, for its inspecting team and administrators only: the pages that show
    case references or record findings (404 for everyone else, councils included)."""
    if role_of(user) not in (Role.ADMIN, Role.INSPECTOR):
        raise Http404("No such inspection.")
    return inspection_or_404(user, pk)


def regime_or_404(record: Inspection) -> Regime:
    """The stored inspection's regime; 404 naming why when its plugin is not usable."""
    try:
        return get_host().regime(record.regime).regime
    except InputError as exc:
        raise Http404(exc.problems[0]) from None


def sees_outcomes(user: User) -> bool:
    """Outcomes across inspections (counts only) are for policy analysts and administrators."""
    return role_of(user) in (Role.ADMIN, Role.POLICY)


def is_admin(user: User) -> bool:
    return role_of(user) == Role.ADMIN


def role_context(request: HttpRequest) -> dict[str, Any]:
    """Template context: the signed-in person's role, for navigation."""
    role = role_of(request.user)
    return {
        "role": role,
        "role_label": role.label if role else "",
        "sees_inspections": role in (Role.ADMIN, Role.INSPECTOR, Role.COUNCIL),
        "creates_inspections": role in (Role.ADMIN, Role.INSPECTOR),
        "sees_outcomes": role in (Role.ADMIN, Role.POLICY),
    }
