"""Helpers for the planning tests (a uniquely named module, imported by the tests)."""

from __future__ import annotations

from tests.cli_run import installed_regime

from inspectkit.model import DaySpan, Deadline, Milestone

__all__ = ["deadline", "installed_regime", "span"]


def span(milestone_id: str, first: int, last: int | None = None, **extra: object) -> Milestone:
    """A milestone on days ``first``..``last`` of the count."""
    return Milestone(
        id=milestone_id,
        title=milestone_id.replace("_", " "),
        actor="Test actor",
        source="test",
        days=DaySpan(first=first, last=last if last is not None else first),
        **extra,  # type: ignore[arg-type]
    )


def deadline(within: int, after: str, unit: str = "working days") -> Deadline:
    return Deadline(
        within=within,
        after=after,
        text=f"within {within} {unit} of the end of {after}",
        unit=unit,  # type: ignore[arg-type]
    )
