"""Merging two people's edits of one council table, field by field (no database)."""

from __future__ import annotations

from inspectkit.web.concurrent_edits import after_conflict, merge_row, shown_digest


def _sent(row: str, shown: dict[str, str]) -> dict[str, str]:
    return {f"was-{field}-{row}": shown_digest(text) for field, text in shown.items()}


LOADED = {"owner": "", "status": "not started", "notes": "old"}


def test_a_field_only_this_person_changed_is_written_and_the_rest_kept() -> None:
    now = {**LOADED, "status": "ready"}  # someone else's save since
    merged = merge_row({**LOADED, "owner": "Head of Service"}, now, _sent("a", LOADED), "a")
    assert (merged.values, merged.conflicts) == ({"owner": "Head of Service"}, {})


def test_a_field_both_changed_differently_is_a_conflict_showing_theirs() -> None:
    now = {**LOADED, "status": "ready"}
    merged = merge_row({**LOADED, "status": "in progress"}, now, _sent("a", LOADED), "a")
    assert merged.conflicts == {"status": "ready"}
    same = merge_row({**LOADED, "status": "ready"}, now, _sent("a", LOADED), "a")
    assert (same.values, same.conflicts) == ({}, {})  # both made the same change


def test_without_a_digest_the_typed_value_is_taken() -> None:
    merged = merge_row({"owner": "Lead"}, {"owner": "Other"}, {}, "a")
    assert merged.values == {"owner": "Lead"}


def test_the_refused_page_shows_what_is_stored_where_this_person_changed_nothing() -> None:
    now = {"owner": "Theirs", "status": "ready", "notes": "new notes"}
    mine = {"owner": "Mine", "status": "not started", "notes": "old"}
    sent = _sent("a", LOADED)
    values, digests = after_conflict(mine, now, sent, "a")
    assert values == {"owner": "Mine", "status": "ready", "notes": "new notes"}
    assert digests["owner"] == shown_digest("Theirs")  # saving again puts mine in place
    again = merge_row(values, now, {f"was-{k}-a": v for k, v in digests.items()}, "a")
    assert (again.values, again.conflicts) == ({"owner": "Mine"}, {})
