"""The admin pages, for administrators managing people: Django's own, kept honest.

People get a role (and a council officer their council) on their user page.
An inspection's team accounts are set here too, and that change is written to
the audit log like any other; nothing else about an inspection is edited here,
and the audit log itself can only be read.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from inspectkit.web.models import AuditLog, Inspection, Profile
from inspectkit.web.store.changes import Actor, log_change


class ProfileInline(admin.StackedInline):  # type: ignore[type-arg]
    model = Profile
    can_delete = False
    fields = ("role", "council")


class PersonAdmin(UserAdmin):  # type: ignore[type-arg]
    inlines = (ProfileInline,)
    list_display = ("username", "role", "council", "is_active", "last_login")

    @admin.display(description="role")
    def role(self, user: Any) -> str:
        profile = Profile.objects.filter(user=user).first()
        return profile.get_role_display() if profile else "Policy (no profile)"

    @admin.display(description="council")
    def council(self, user: Any) -> str:
        profile = Profile.objects.filter(user=user).first()
        return profile.council if profile else ""


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "regime", "council", "start")
    search_fields = ("name", "council", "regime")
    fields = ("name", "regime", "council", "start", "members")
    readonly_fields = ("name", "regime", "council", "start")
    filter_horizontal = ("members",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # inspections come in through `inspectkit import` (and later pages)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        before = sorted(form.instance.members.values_list("username", flat=True))
        super().save_related(request, form, formsets, change)
        after = sorted(form.instance.members.values_list("username", flat=True))
        if before != after:
            log_change(
                form.instance,
                Actor.of(request.user),  # type: ignore[arg-type]  # signed in: the admin requires it
                "team accounts changed in the admin pages",
                {"members": {"before": before, "after": after}},
            )


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("at", "actor_name", "action", "inspection_name", "summary")
    list_filter = ("action",)
    search_fields = ("inspection_name", "actor_name")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), PersonAdmin)
