"""Two people filling in one council table at once, field by field, with nothing lost.

A readiness checklist or an action plan is shared by a council's officers, each
updating their own rows.  Saving a whole table as it stood when the page opened would
put back every value someone else had saved since.  So the page carries, beside each
field, a digest of the value it showed (``was-<field>-<row>``), and a save is merged
field by field against what is stored now, inside the save's transaction:

* a field this person did not change keeps what is stored (perhaps someone else's);
* a field this person changed, which nobody else changed, takes this person's value;
* a field both changed is a conflict: nothing is saved, the field shows this person's
  value with what the other person saved beside it, and the page's digest becomes that
  of the other person's value, so saving again puts this person's in its place on
  purpose (as the findings page does for a whole inspection); the refused page shows
  what is stored now in every field this person did not change
  (:func:`after_conflict`).

Digests, not the values: the page need not carry every text twice, and a digest of 16
hex digits cannot be mistaken for a value shown.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

import attrs

Texts = Mapping[str, str]


def shown_digest(text: str) -> str:
    """What the page carries for a value it showed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def digest_key(field: str, row: str) -> str:
    return f"was-{field}-{row}"


def shown_digests(rows: Mapping[str, Texts]) -> dict[str, dict[str, str]]:
    """Row → field → digest of each value, for the page to carry."""
    return {
        row: {field: shown_digest(text) for field, text in texts.items()}
        for row, texts in rows.items()
    }


@attrs.frozen
class RowMerge:
    """One row's merge: the values to write (the row as it will be stored) and, by field,
    what another person saved where this person typed something else."""

    values: dict[str, str]
    conflicts: dict[str, str]

    @property
    def changed(self) -> bool:
        return bool(self.values)


def merge_row(mine: Texts, now: Texts, sent: Mapping[str, str], row: str) -> RowMerge:
    """``mine`` (as typed) merged into ``now`` (as stored), by the digests the page
    ``sent``; a field sent with no digest is taken as typed."""
    values: dict[str, str] = {}
    conflicts: dict[str, str] = {}
    for field, text in mine.items():
        stored = now.get(field, "")
        was = sent.get(digest_key(field, row))
        if text == stored:
            continue
        if was is None or was == shown_digest(stored):
            values[field] = text
        elif was != shown_digest(text):  # both changed it, differently
            conflicts[field] = stored
    return RowMerge(values=values, conflicts=conflicts)


def after_conflict(
    mine: Texts, now: Texts, sent: Mapping[str, str], row: str
) -> tuple[dict[str, str], dict[str, str]]:
    """The values and digests a refused page shows for a row: what is stored now where
    this person changed nothing (so their old view cannot put back what someone else
    saved), and this person's value elsewhere, carrying the digest that lets the next
    save apply it: the one it was based on where only they changed it, the stored
    value's where both did."""
    values: dict[str, str] = {}
    digests: dict[str, str] = {}
    for field, text in mine.items():
        stored = now.get(field, "")
        was = sent.get(digest_key(field, row))
        if was == shown_digest(text):  # not changed here: what is stored now
            values[field], digests[field] = stored, shown_digest(stored)
        elif was == shown_digest(stored):  # changed here alone: still to be saved
            values[field], digests[field] = text, was
        else:  # changed by both (or sent with no digest): this person's, on purpose
            values[field], digests[field] = text, shown_digest(stored)
    return values, digests


def conflict_message(theirs: str) -> str:
    """Shown beside the field: what the other person saved, and how to keep one's own."""
    shown = theirs if theirs else "(empty)"
    return (
        f"Someone else saved this since you opened the page: {shown}. Yours is still in "
        "the box; save again to put it in place of theirs."
    )


class Conflicts(Exception):
    """Raised inside a save's transaction (so nothing of it is kept): row → field →
    what the other person saved."""

    def __init__(self, conflicts: dict[str, dict[str, str]]) -> None:
        super().__init__(f"{len(conflicts)} rows changed by someone else")
        self.conflicts = conflicts

    def messages(self) -> dict[str, dict[str, str]]:
        return {
            row: {field: conflict_message(theirs) for field, theirs in fields.items()}
            for row, fields in self.conflicts.items()
        }
