"""The workspace writer: an inspection written out reads back as the same inspection."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest

from inspectkit.plugins import get_host
from inspectkit.timeline import plan_inspection
from inspectkit.workspace import Finding, Inspection, load_workspace
from inspectkit.workspace.writer import inspection_file_text, workspace_files, write_workspace


def _same(left: Inspection, right: Inspection) -> None:
    for field in attrs.fields(Inspection):
        a, b = getattr(left, field.name), getattr(right, field.name)
        assert (dict(a) if hasattr(a, "keys") else a) == (dict(b) if hasattr(b, "keys") else b), (
            field.name
        )


@pytest.mark.parametrize(
    ("regime_id", "start", "findings"),
    [
        (
            "cra_2010",
            date(2011, 10, 17),
            (
                Finding(
                    area="working_together",
                    level="area_for_development",
                    text='Said "so".',
                    evidence="Case 12's file.\nSecond line.",
                    recommendations=("Do it.",),
                ),
            ),
        ),
        (
            "slac_2009",
            date(2012, 6, 11),
            (
                Finding(area="recommendations", level="", recommendations=("Improve.",)),
                Finding(area="children_feel_safe", level="good", text="Mostly."),
            ),
        ),
    ],
)
def test_written_inspection_reads_back_the_same(
    tmp_path: Path, regime_id: str, start: date, findings: tuple[Finding, ...]
) -> None:
    regime = get_host().regime(regime_id).regime
    inspection = Inspection(
        regime=regime_id,
        council="Northwold Borough Council",
        start=start,
        team=("Lead inspector, HMI",),
        sites=("Civic Centre",),
        letter_date=date(2012, 7, 2),
        locale="cy",
        findings=findings,
        contacts={"manager_informed": "Head of Service"},
    )
    plan = plan_inspection(regime, start)
    written = write_workspace(tmp_path / "ws", workspace_files(inspection, regime, plan))
    assert [p.name for p in written] == ["inspection.toml", "plan.json"]
    loaded = load_workspace(tmp_path / "ws", get_host())
    _same(loaded.inspection, inspection)
    assert loaded.plan() == plan
    again = inspection_file_text(loaded.inspection, regime)
    assert again == (tmp_path / "ws" / "inspection.toml").read_text(encoding="utf-8")
    assert ("[[grades]]" in again) == regime.scale.graded
