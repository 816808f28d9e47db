"""The audit log: who changed which inspection, when, and what; append-only.

An entry is written in the same transaction as the change it records, so
there is no change without its entry.  Nothing can alter or remove an entry:
the model refuses ``save`` of an existing row and ``delete``, the queryset
refuses ``update`` and ``delete``, and the migration adds database triggers
that refuse UPDATE and DELETE from any client.  Entries never hold a case
reference or a finding's text: they name the fields that changed, and give
before and after only for the short ones (council, start, team...).
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit entry."""


def _refuse(what: str) -> NoReturn:
    raise AppendOnlyError(f"the audit log is append-only: an entry cannot be {what}")


class AuditQuerySet(models.QuerySet["AuditLog"]):
    def update(self, **kwargs: Any) -> int:
        _refuse("updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        _refuse("deleted")


class Action(models.TextChoices):
    CREATED = "created", "created"
    UPDATED = "updated", "updated"
    DELETED = "deleted", "deleted"


class AuditLog(models.Model):
    at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    # PROTECT: a person with entries is deactivated, never deleted, so "who" stays known
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, editable=False
    )
    actor_name = models.CharField(max_length=150, editable=False)
    action = models.CharField(max_length=16, choices=Action.choices, editable=False)
    # the inspection by id and folder name, not a foreign key: an entry outlives its inspection
    inspection_pk = models.BigIntegerField(null=True, editable=False, db_index=True)
    inspection_name = models.CharField(max_length=120, editable=False)
    summary = models.TextField(editable=False)
    changes = models.JSONField(default=dict, editable=False)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ("-at", "-id")
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.inspection_name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse("updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        _refuse("deleted")
