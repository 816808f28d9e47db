"""A person's role, and for a council officer, which council they work for.

Roles decide what a person may see (``inspectkit.web.access``): administrators
everything; inspectors the inspections whose team they are on; council officers
their own council's inspections; policy analysts regimes and comparisons only,
never an inspection (so never a case reference).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "Administrator"
    INSPECTOR = "inspector", "Inspector"
    COUNCIL = "council", "Council"
    POLICY = "policy", "Policy"


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    # the least a person can see until an administrator says otherwise
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.POLICY)
    council = models.CharField(
        max_length=200,
        blank=True,
        help_text="For a council officer: the council's name exactly as its inspections give it.",
    )

    class Meta:
        verbose_name = "profile"

    def __str__(self) -> str:
        where = f", {self.council}" if self.council else ""
        return f"{self.user} ({self.get_role_display()}{where})"

    def clean(self) -> None:
        if self.role == Role.COUNCIL and not self.council.strip():
            raise ValidationError({"council": "A council officer needs their council's name."})
        if self.role != Role.COUNCIL and self.council.strip():
            raise ValidationError({"council": "Only a council officer has a council."})
