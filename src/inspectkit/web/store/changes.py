"""Saving an inspection: the change and its audit entry in one transaction.

Every change to a stored inspection goes through :func:`save_inspection`, so
there is no change without an entry saying who made it, when, and what
changed.  The entry names the fields that changed and gives before and after
for the short ones only: findings, the plan and the sample are counted, never
copied into the log, so no case reference or finding text reaches it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from attrs import frozen
from django.contrib.auth.models import User
from django.db import transaction

from inspectkit.web.models import AuditLog, Inspection, SampleFile
from inspectkit.web.models.audit import Action

# shown before and after in the log
SHORT_FIELDS = (
    "regime", "council", "start", "identity", "sites", "recipient", "letter_date", "locale",
    "dates", "done",
)  # fmt: skip
# named, and counted, but never copied into the log (the team's names and telephones too)
LONG_FIELDS = (
    "team", "quality_assurance", "recipient_name",
    "findings", "assertions", "contacts", "sections", "statements", "plan",
)  # fmt: skip

Outcome = Literal["created", "updated", "unchanged"]


@frozen
class Saved:
    record: Inspection
    outcome: Outcome
    changed: tuple[str, ...] = ()


@frozen
class Actor:
    """Who makes a change: an account, or a named process (the command line)."""

    name: str
    user: User | None = None

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(name=user.get_username(), user=user)


def save_inspection(
    name: str,
    columns: dict[str, Any],
    sample_files: Sequence[tuple[str, bytes]] | None,
    *,
    actor: Actor,
    how: str,
) -> Saved:
    """Create or update inspection ``name``; ``how`` says where the change came from.

    ``sample_files`` replaces the stored sample (``[]`` deletes it); ``None`` leaves it
    as it is, for a change to the findings or steps alone.
    """
    with transaction.atomic():
        record = Inspection.objects.select_for_update().filter(name=name).first()
        if record is None:
            record = Inspection(name=name, **columns)
            record.full_clean()
            record.save()
            _replace_sample(record, sample_files or [])
            _log(record, actor, Action.CREATED, f"{how}: created", {})
            return Saved(record, "created")
        before = {field: _plain(getattr(record, field)) for field in (*SHORT_FIELDS, *LONG_FIELDS)}
        for field, value in columns.items():
            setattr(record, field, value)
        record.full_clean()
        changes: dict[str, Any] = {}
        for field in SHORT_FIELDS:
            after = _plain(getattr(record, field))
            if after != before[field]:
                changes[field] = {"before": before[field], "after": after}
        for field in LONG_FIELDS:
            after = _plain(getattr(record, field))
            if after != before[field]:
                changes[field] = {"before": _size(before[field]), "after": _size(after)}
        if sample_files is not None:
            old_sample = sorted((f.name, bytes(f.content)) for f in record.sample_files.all())
            if sorted(sample_files) != old_sample:
                changes["sample"] = {"before": len(old_sample), "after": len(sample_files)}
        if not changes:
            return Saved(record, "unchanged")
        record.save()
        if sample_files is not None and "sample" in changes:
            _replace_sample(record, sample_files)
        _log(record, actor, Action.UPDATED, f"{how}: changed {', '.join(changes)}", changes)
        return Saved(record, "updated", tuple(changes))


def log_change(record: Inspection, actor: Actor, summary: str, changes: dict[str, Any]) -> None:
    """An entry for a change made elsewhere in the same transaction (e.g. team members)."""
    _log(record, actor, Action.UPDATED, summary, changes)


def _log(
    record: Inspection, actor: Actor, action: Action, summary: str, changes: dict[str, Any]
) -> None:
    write_entry(actor, action, summary, changes, pk=record.pk, name=record.name)


def write_entry(
    actor: Actor,
    action: Action,
    summary: str,
    changes: dict[str, Any],
    *,
    name: str,
    pk: int | None = None,
) -> None:
    """One audit entry; ``name`` (and ``pk``) say what changed: an inspection, or what a
    council keeps outside one (its readiness checklist)."""
    AuditLog.objects.create(
        actor=actor.user,
        actor_name=actor.name,
        action=action,
        inspection_pk=pk,
        inspection_name=name,
        summary=summary,
        changes=changes,
    )


def _replace_sample(record: Inspection, files: Sequence[tuple[str, bytes]]) -> None:
    record.sample_files.all().delete()
    SampleFile.objects.bulk_create(
        SampleFile(inspection=record, name=name, content=content) for name, content in files
    )


def _plain(value: Any) -> Any:
    """A value as JSON would hold it, so stored and new values compare equal when equal."""
    if isinstance(value, date):
        return value.isoformat()
    return json.loads(json.dumps(value))


def _size(value: Any) -> str:
    if isinstance(value, list):
        return f"{len(value)} entries"
    if isinstance(value, dict):
        return f"{len(value)} keys"
    return "set" if value else "empty"
