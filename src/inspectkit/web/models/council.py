"""A council's own records: its readiness checklists, and its progress on action plans.

The checklist and the action plan are built by the core from the regime and the
inspection's findings each time they are shown (``inspectkit.readiness``,
``inspectkit.action_plan``); what is stored is only what the council adds — an owner
and a status per checklist item, and an owner, actions, due date, progress and evidence
per action-plan row — keyed by the core's stable item and row ids.  So a regime's
data, once corrected, shows at once, and an entry for an item the regime no longer
lists is simply not shown.
"""

from __future__ import annotations

from django.db import models

from inspectkit.action_plan import PROGRESS
from inspectkit.readiness import STATUSES
from inspectkit.web.models.inspection import Inspection

STATUS_CHOICES = [(status, status) for status in STATUSES]
PROGRESS_CHOICES = [(progress, progress) for progress in PROGRESS]


class Readiness(models.Model):
    """One council's checklist for one regime, with the day 1 it expects (if any)."""

    council = models.CharField(max_length=200, db_index=True)
    regime = models.CharField(max_length=64)
    start = models.DateField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("council", "regime")
        verbose_name_plural = "readiness checklists"
        constraints = (
            models.UniqueConstraint(fields=("council", "regime"), name="one_checklist_per_regime"),
        )

    def __str__(self) -> str:
        return f"readiness {self.regime}: {self.council}"


class ReadinessEntry(models.Model):
    """What the council recorded of one item: its owner (a job title) and status."""

    readiness = models.ForeignKey(Readiness, on_delete=models.CASCADE, related_name="entries")
    item = models.CharField(max_length=120)
    owner = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=16, blank=True, choices=STATUS_CHOICES)

    class Meta:
        ordering = ("readiness", "item")
        constraints = (
            models.UniqueConstraint(fields=("readiness", "item"), name="one_entry_per_item"),
        )

    def __str__(self) -> str:
        return f"{self.readiness}: {self.item}"


class ActionProgress(models.Model):
    """What the council recorded against one row of a published inspection's action plan."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="action_progress"
    )
    row = models.CharField(max_length=32)
    owner = models.CharField(max_length=200, blank=True)
    actions = models.TextField(blank=True)
    due = models.DateField(null=True, blank=True)
    progress = models.CharField(max_length=16, blank=True, choices=PROGRESS_CHOICES)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ("inspection", "row")
        verbose_name_plural = "action progress"
        constraints = (
            models.UniqueConstraint(fields=("inspection", "row"), name="one_progress_per_row"),
        )

    def __str__(self) -> str:
        return f"{self.inspection.name}: {self.row}"
