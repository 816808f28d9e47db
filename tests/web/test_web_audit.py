"""The audit log is append-only: the model, the queryset and the database refuse changes."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from inspectkit.web.models import AppendOnlyError, AuditLog

pytestmark = pytest.mark.django_db


def _entry() -> AuditLog:
    return AuditLog.objects.create(
        actor_name="command line", action="created", inspection_name="x", summary="made x"
    )


def test_an_entry_cannot_be_saved_again() -> None:
    entry = _entry()
    entry.summary = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    assert AuditLog.objects.get(pk=entry.pk).summary == "made x"


def test_an_entry_cannot_be_deleted() -> None:
    entry = _entry()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditLog.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditLog.objects.filter(pk=entry.pk).update(summary="rewritten")
    assert AuditLog.objects.count() == 1


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE inspectkit_auditlog SET summary = 'rewritten'",
        "DELETE FROM inspectkit_auditlog",
    ],
)
def test_the_database_refuses_raw_updates_and_deletes(statement: str) -> None:
    _entry()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert AuditLog.objects.get().summary == "made x"
