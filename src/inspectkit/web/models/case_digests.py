"""Every child on an inspection's uploaded case list, as keyed digests only.

Written with the sample, in the same transaction, when a list is uploaded and drawn
from; replaced by the next draw (with a new secret); deleted with the inspection's case
data.  It lets the documents' post-render checks refuse a document that names any child
on the list — sampled or not — although the list itself was deleted when the draw was
done.  ``key`` is this inspection's secret (``secrets``, 32 bytes); ``references`` and
``births`` are sorted 8-byte HMAC-SHA-256 digests (``inspectkit.documents.keyed``), the
two sets kept apart so no digest is tied to a row or to another.  No plain value is held.
"""

from __future__ import annotations

from django.db import models

from inspectkit.web.models.inspection import Inspection


class CaseListDigests(models.Model):
    inspection = models.OneToOneField(
        Inspection, on_delete=models.CASCADE, related_name="case_digests"
    )
    key = models.BinaryField()
    references = models.BinaryField()
    births = models.BinaryField()
    # lengths of the references not shaped like one word ("AB 123"), which are searched for
    unusual_lengths = models.JSONField(default=list, blank=True)
    source = models.CharField(max_length=255)  # the uploaded file's name, for messages
    sha256 = models.CharField(max_length=64)  # the file's, as the sample record has it
    reference_count = models.PositiveIntegerField()
    birth_count = models.PositiveIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:  # never the digests or the key
        counts = f"{self.reference_count} references, {self.birth_count} dates of birth"
        return f"{self.inspection.name}: {counts}"
