"""An inspection's case-list digests: written with a draw, read by the checks, deleted.

The digests are written in the same transaction as the sample they came with (the
caller's), each change with its audit entry, which counts them and never copies them.
"""

from __future__ import annotations

from inspectkit.documents.keyed import KeyedIndex, KeyedIndexBuilder
from inspectkit.web.models import CaseListDigests, Inspection
from inspectkit.web.store.changes import Actor, log_change


def _counted(digests: CaseListDigests | None) -> str:
    if digests is None:
        return "none"
    return f"{digests.reference_count} references, {digests.birth_count} dates of birth"


def replace_digests(
    record: Inspection, built: KeyedIndexBuilder, *, sha256: str, actor: Actor
) -> None:
    """Keep ``built`` (a new secret and its digests) for ``record``, replacing any before.

    Call inside the transaction that stores the sample.
    """
    before = CaseListDigests.objects.filter(inspection=record).first()
    references, births = built.counts
    if before is not None:
        before.delete()
    after = CaseListDigests.objects.create(
        inspection=record,
        key=built.key,
        references=built.packed_references,
        births=built.packed_births,
        unusual_lengths=sorted(built.unusual_lengths),
        source=built.source,
        sha256=sha256,
        reference_count=references,
        birth_count=births,
    )
    change = {"before": _counted(before), "after": _counted(after)}
    log_change(record, actor, "sample drawn: case-list digests replaced", {"case_digests": change})


def delete_digests(record: Inspection, *, actor: Actor) -> bool:
    """Delete ``record``'s digests and their secret (audited); whether there were any."""
    before = CaseListDigests.objects.filter(inspection=record).first()
    if before is None:
        return False
    before.delete()
    change = {"before": _counted(before), "after": "none"}
    log_change(
        record,
        actor,
        "case data deleted: case-list digests and their key",
        {"case_digests": change},
    )
    return True


def case_list_index(record: Inspection) -> KeyedIndex | None:
    """The index the documents' checks use, or None when no list was uploaded."""
    digests = CaseListDigests.objects.filter(inspection_id=record.pk).first()
    if digests is None:
        return None
    return KeyedIndex(
        bytes(digests.key),
        bytes(digests.references),
        bytes(digests.births),
        unusual_lengths=digests.unusual_lengths,
        source=digests.source,
    )
