"""An inspection in the store: what its workspace folder's files hold, as columns.

The columns are the checked inspection file (``inspectkit.workspace.Inspection``),
the saved plan (closures included) and the sample record, whose files are
kept byte for byte (:class:`SampleFile`: a seeded draw's record is evidence,
and must come out as it went in); ``name`` is the
workspace folder's name, so export writes the folder that was imported.  The
council's case list is never stored: it names children, and the store needs
only the sample's case references.  ``members`` are the accounts on the
inspecting team (the file's ``team`` holds its job titles, and the inspectors' own
names and telephones only where the regime's templates ask for them).
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

# a folder name that is safe to join to an export folder: no separators, no "..", no dot first
FOLDER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}")


def validate_folder_name(value: str) -> None:
    if not FOLDER_NAME.fullmatch(value) or ".." in value:
        raise ValidationError(
            f"{value!r}: expected a folder name of letters, digits, '.', '_' and '-' "
            "(at most 120, starting with a letter or digit)"
        )


class Inspection(models.Model):
    name = models.CharField(max_length=120, unique=True, validators=[validate_folder_name])
    regime = models.CharField(max_length=64, db_index=True)
    council = models.CharField(max_length=200, db_index=True)
    start = models.DateField()
    # the file's own id (blank: derived from regime, council and start)
    identity = models.CharField(max_length=120, blank=True, default="")
    # [{role, name, telephone}], lead first: names only where the regime's templates ask
    team = models.JSONField(default=list, blank=True)
    quality_assurance = models.JSONField(null=True, blank=True)  # {role, name, telephone}
    sites = models.JSONField(default=list, blank=True)
    recipient = models.CharField(max_length=200)
    recipient_name = models.CharField(max_length=200, blank=True, default="")
    dates = models.JSONField(default=dict, blank=True)  # milestone id → ISO date entered
    done = models.JSONField(default=dict, blank=True)  # milestone id → ISO date it was done
    letter_date = models.DateField(null=True, blank=True)
    locale = models.CharField(max_length=16, default="en_GB")
    # [{area, level, text, evidence, recommendations}]: findings, or grades on a graded scale
    findings = models.JSONField(default=list, blank=True)
    assertions = models.JSONField(default=dict, blank=True)
    contacts = models.JSONField(default=dict, blank=True)
    sections = models.JSONField(default=dict, blank=True)
    statements = models.JSONField(default=dict, blank=True)
    plan = models.JSONField()  # as plan.json holds it (inspectkit.timeline.plan_to_data)
    sample_record = models.JSONField(null=True, blank=True)  # sample.json's data, if drawn
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="inspections"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("start", "name")

    def __str__(self) -> str:
        return f"{self.name}: {self.regime}, {self.council}, {self.start.isoformat()}"


class SampleFile(models.Model):
    """One file of an inspection's case sample (sample.json, .csv or .xlsx), as drawn."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="sample_files"
    )
    name = models.CharField(max_length=32)
    content = models.BinaryField()

    class Meta:
        ordering = ("name",)
        constraints = (
            models.UniqueConstraint(fields=("inspection", "name"), name="one_sample_file_per_name"),
        )

    def __str__(self) -> str:
        return f"{self.inspection.name}/{self.name}"
