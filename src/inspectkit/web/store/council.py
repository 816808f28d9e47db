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
from inspectkit.web.concurrent_edits import Conflicts, merge_row
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


START_ROW = "checklist"  # the likely day 1's row, for the page's digests


def save_checklist(
    checklist: Readiness,
    start: date | None,
    entries: Mapping[str, tuple[str, str]],
    actor: Actor,
    sent: Mapping[str, str] | None = None,
) -> list[str]:
    """Record the likely day 1 and each item's ``(owner, status)``, merged field by field
    with what was saved since the page showed them (``sent``: its digests,
    :mod:`inspectkit.web.concurrent_edits`); the items changed.  Conflicts, with nothing
    saved, when someone else changed a field this person changed."""
    sent = sent or {}
    changes: dict[str, Any] = {}
    conflicts: dict[str, dict[str, str]] = {}
    with transaction.atomic():
        locked = Readiness.objects.select_for_update().get(pk=checklist.pk)
        day = merge_row({"start": _text(start)}, {"start": _text(locked.start)}, sent, START_ROW)
        if day.conflicts:
            conflicts[START_ROW] = day.conflicts
        elif day.changed:
            changes["start"] = {"before": _iso(locked.start), "after": _iso(start)}
            locked.start = start
            locked.save()
        kept = {e.item: e for e in locked.entries.all()}
        for item, (owner, status) in entries.items():
            entry = kept.get(item) or ReadinessEntry(readiness=locked, item=item)
            # an item never touched is not started: saving it so is no change
            before = {"owner": entry.owner, "status": entry.status or STATUSES[0]}
            merged = merge_row({"owner": owner, "status": status}, before, sent, item)
            if merged.conflicts:
                conflicts[item] = merged.conflicts
            if not merged.changed:
                continue
            after = {**before, **merged.values}
            entry.owner, entry.status = after["owner"], after["status"]
            entry.full_clean()
            entry.save()
            changes[item] = {"before": before, "after": after}
        if conflicts:
            raise Conflicts(conflicts)  # and the transaction with it: nothing is saved
        if changes:
            _log(locked, actor, Action.UPDATED, "changed " + ", ".join(changes), changes)
    return list(changes)


def save_action_progress(
    record: Inspection,
    entries: Mapping[str, Mapping[str, Any]],
    actor: Actor,
    sent: Mapping[str, str] | None = None,
) -> list[str]:
    """Record each row's owner, actions, due date, progress and evidence, merged field by
    field as :func:`save_checklist` merges; the rows changed."""
    sent = sent or {}
    changes: dict[str, Any] = {}
    conflicts: dict[str, dict[str, str]] = {}
    with transaction.atomic():
        locked = Inspection.objects.select_for_update().get(pk=record.pk)
        kept = {p.row: p for p in locked.action_progress.all()}
        for row, values in entries.items():
            progress = kept.get(row) or ActionProgress(inspection=locked, row=row)
            before = {name: getattr(progress, name) for name in values}
            merged = merge_row(
                {name: _text(value) for name, value in values.items()},
                {name: _text(value) for name, value in before.items()},
                sent,
                row,
            )
            if merged.conflicts:
                conflicts[row] = merged.conflicts
            if not merged.changed:
                continue
            for name in merged.values:
                setattr(progress, name, values[name])
            progress.full_clean()
            progress.save()
            changes[row] = {
                name: (
                    {"before": _iso(before[name]), "after": _iso(values[name])}
                    if name in SHORT
                    else "changed"
                )
                for name in merged.values
            }
        if conflicts:
            raise Conflicts(conflicts)
        if changes:
            log_change(locked, actor, f"action plan: changed {count(len(changes), 'row')}", changes)
    return list(changes)


def _text(value: Any) -> str:
    """A stored or typed value as the page shows it."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
