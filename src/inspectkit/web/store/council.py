"""Saving a council's readiness checklist and action-plan progress, each change with its
audit entry in one transaction.

A readiness entry names the items changed with their status and owner (a job title)
before and after; an action-plan entry gives owner, due date and progress before and
after, and says only that the actions or evidence changed: those are free text, so
none of it is copied into the log.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction

from inspectkit.readiness import STATUSES
from inspectkit.web.models import ActionProgress, Inspection, Readiness, ReadinessEntry
from inspectkit.web.models.audit import Action
from inspectkit.web.store.changes import Actor, log_change, write_entry
from inspectkit.words import count

SHORT = ("owner", "due", "progress")  # shown before and after; actions and evidence are not


def _log(
    checklist: Readiness, actor: Actor, action: Action, what: str, changes: dict[str, Any]
) -> None:
    """An entry for a checklist, named in the log's inspection column (it has no inspection)."""
    summary = f"readiness checklist for {checklist.regime}: {what}"
    write_entry(actor, action, summary, changes, name=str(checklist)[:120])


def create_checklist(council: str, regime_id: str, start: date | None, actor: Actor) -> Readiness:
    """The council's checklist for the regime (made, and logged, if it has none yet)."""
    with transaction.atomic():
        checklist, made = Readiness.objects.get_or_create(
            council=council, regime=regime_id, defaults={"start": start}
        )
        if made:
            changes = {"start": {"before": None, "after": _iso(start)}}
            _log(checklist, actor, Action.CREATED, "created", changes)
    return checklist


def save_checklist(
    checklist: Readiness,
    start: date | None,
    entries: Mapping[str, tuple[str, str]],
    actor: Actor,
) -> list[str]:
    """Record the likely day 1 and each item's ``(owner, status)``; the items changed."""
    changes: dict[str, Any] = {}
    with transaction.atomic():
        locked = Readiness.objects.select_for_update().get(pk=checklist.pk)
        if locked.start != start:
            changes["start"] = {"before": _iso(locked.start), "after": _iso(start)}
            locked.start = start
            locked.save()
        kept = {e.item: e for e in locked.entries.all()}
        for item, (owner, status) in entries.items():
            entry = kept.get(item) or ReadinessEntry(readiness=locked, item=item)
            # an item never touched is not started: saving it so is no change
            before = {"owner": entry.owner, "status": entry.status or STATUSES[0]}
            after = {"owner": owner, "status": status}
            if before == after:
                continue
            entry.owner, entry.status = owner, status
            entry.full_clean()
            entry.save()
            changes[item] = {"before": before, "after": after}
        if changes:
            _log(locked, actor, Action.UPDATED, "changed " + ", ".join(changes), changes)
    return list(changes)


def save_action_progress(
    record: Inspection, entries: Mapping[str, Mapping[str, Any]], actor: Actor
) -> list[str]:
    """Record each row's owner, actions, due date, progress and evidence; the rows changed."""
    changes: dict[str, Any] = {}
    with transaction.atomic():
        locked = Inspection.objects.select_for_update().get(pk=record.pk)
        kept = {p.row: p for p in locked.action_progress.all()}
        for row, values in entries.items():
            progress = kept.get(row) or ActionProgress(inspection=locked, row=row)
            before = {name: getattr(progress, name) for name in values}
            if before == dict(values):
                continue
            for name, value in values.items():
                setattr(progress, name, value)
            progress.full_clean()
            progress.save()
            changes[row] = {
                name: (
                    {"before": _iso(before[name]), "after": _iso(value)}
                    if name in SHORT
                    else "changed"
                )
                for name, value in values.items()
                if before[name] != value
            }
        if changes:
            log_change(locked, actor, f"action plan: changed {count(len(changes), 'row')}", changes)
    return list(changes)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
