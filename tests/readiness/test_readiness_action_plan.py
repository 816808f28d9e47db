"""The post-inspection action plan: one row per area for development, priority action and
recommendation recorded in a workspace (Sunderland 2012 §5 shows the shape)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from attrs import frozen
from tests.cli_run import installed_regime, run_main

from inspectkit.action_plan import ACTION_COLUMNS, action_plan_tables, action_rows, needs_action
from inspectkit.plugins import get_host

# Sunderland's October 2011 CRA outcome (Sunderland 2012 §3.3-4.1), abridged.
CRA_FINDINGS = """
[[findings]]
area = "safeguarding_prioritised"
type = "area_of_strength"
text = "The council's continuing commitment to safeguarding and investment in the workforce."

[[findings]]
area = "concerns_identified"
type = "satisfactory"
text = "Section 47 enquiries are timely, risks effectively identified and decisions appropriate."

[[findings]]
area = "safeguarded_and_protected"
type = "area_for_development"
text = "The quality of assessments needs to be more consistent."
recommendations = ["Record children's views in every assessment."]

[[findings]]
area = "working_together"
type = "area_for_development"
text = "Improvement is required in multi-agency strategy meetings."
"""


@frozen
class Recorded:
    area: str
    level: str
    text: str = ""
    recommendations: tuple[str, ...] = ()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    from inspectkit.workspace.init import init_workspace

    directory = tmp_path / "sunderland"
    init_workspace(
        directory,
        installed_regime("cra_2010"),
        "Sunderland City Council",
        date(2011, 10, 17),
        body=CRA_FINDINGS,
        team=["Lead inspector", "Team inspector"],
    )
    return directory


def test_finding_types_the_regime_marks_as_calling_for_action_need_action() -> None:
    cra = installed_regime("cra_2010")
    assert [needs_action(cra, level.id) for level in cra.scale.levels] == [
        False,
        False,
        True,
        True,
    ]
    assert not needs_action(
        installed_regime("slac_2009"), "inadequate"
    )  # graded: recommendations only


def test_rows_from_findings() -> None:
    cra = installed_regime("cra_2010")
    rows = action_rows(
        cra,
        [
            Recorded("concerns_identified", "satisfactory", "Fine."),
            Recorded(
                "working_together",
                "area_for_priority_action",
                "Strategy meetings.",
                ("Hold multi-agency strategy meetings.",),
            ),
        ],
    )
    assert [(r.area, r.finding, r.kind.split(" (")[0]) for r in rows] == [
        (
            "Agencies and professionals work together to safeguard children",
            "Strategy meetings.",
            "Area for priority action",
        ),
        (
            "Agencies and professionals work together to safeguard children",
            "Hold multi-agency strategy meetings.",
            "Recommendation",
        ),
    ]
    assert all((r.owner, r.actions, r.due, r.progress, r.evidence) == ("",) * 5 for r in rows)


def test_graded_regime_rows_are_recommendations() -> None:
    cp = installed_regime("child_protection_2012")
    rows = action_rows(
        cp,
        [
            Recorded("quality_of_practice", "adequate", "Variable.", ("Improve supervision.",)),
            Recorded("leadership_and_governance", "good", "Strong."),
        ],
    )
    assert [(r.area, r.finding, r.kind) for r in rows] == [
        ("The quality of practice", "Improve supervision.", "Recommendation (graded Adequate)"),
    ]


def test_action_plan_from_a_workspace(workspace: Path, tmp_path: Path) -> None:
    from inspectkit.workspace import load_workspace

    loaded = load_workspace(workspace, get_host())
    rows = action_rows(loaded.regime.regime, loaded.inspection.findings)
    assert [r.finding for r in rows] == [
        "The quality of assessments needs to be more consistent.",
        "Record children's views in every assessment.",
        "Improvement is required in multi-agency strategy meetings.",
    ]
    tables = action_plan_tables(
        rows, council="Sunderland City Council", regime=loaded.regime.regime
    )
    target = get_host().write("action_plan", tables, tmp_path / "plan.csv")
    with target.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == list(ACTION_COLUMNS)
    assert len(table) == 4


def test_cli_writes_each_format(
    capsys: pytest.CaptureFixture[str], workspace: Path, tmp_path: Path
) -> None:
    from docx import Document
    from openpyxl import load_workbook

    status, out, err = run_main(capsys, "action-plan", str(workspace), "--format", "table")
    assert status == 0, err
    assert "Action plan: Sunderland City Council" in out
    for name in ("plan.xlsx", "plan.docx", "plan.csv"):
        status, _, err = run_main(capsys, "action-plan", str(workspace), "-o", str(tmp_path / name))
        assert status == 0, err
    sheet = load_workbook(tmp_path / "plan.xlsx")["Action plan"]
    assert [c.value for c in sheet[1]] == list(ACTION_COLUMNS)
    assert sheet.max_row == 4
    assert len(Document(str(tmp_path / "plan.docx")).tables[0].rows) == 4
    status, _, err = run_main(capsys, "action-plan", str(tmp_path / "nowhere"))
    assert status == 2 and "not a workspace folder" in err


def test_a_recommendation_under_an_ungraded_heading_names_no_grade() -> None:
    slac = installed_regime("slac_2009")
    (row,) = action_rows(slac, [Recorded("overall_effectiveness", "", "", ("Do this.",))])
    assert row.kind == "Recommendation"
    (graded,) = action_rows(slac, [Recorded("overall_effectiveness", "adequate", "", ("Do.",))])
    assert graded.kind == "Recommendation (graded Adequate)"


@pytest.mark.parametrize("output", [None, "plan.csv"])
def test_a_child_identifier_or_birth_date_in_a_finding_is_refused_like_report(
    capsys: pytest.CaptureFixture[str], workspace: Path, tmp_path: Path, output: str | None
) -> None:
    """The same scan the documents get: nothing written or printed, the value never repeated."""
    (workspace / "caselist.csv").write_text(
        "Case reference,Date of birth\nCR104211,2005-03-14\n", encoding="utf-8"
    )
    inspection = workspace / "inspection.toml"
    text = inspection.read_text(encoding="utf-8")
    text = text.replace("more consistent.", "more consistent (see cr104211).")
    text = text.replace("every assessment.", "every assessment, as for the child born 14/03/2005.")
    inspection.write_text(text, encoding="utf-8")
    args = ["-o", str(tmp_path / output)] if output else []
    status, out, err = run_main(capsys, "action-plan", str(workspace), *args)
    assert status == 2
    assert err.splitlines() == [
        f"inspectkit: error: {inspection}: action plan row 1: contains a child identifier "
        "(caselist.csv row 2, reference)",
        f"inspectkit: error: {inspection}: action plan row 2: contains a date of birth "
        "(caselist.csv row 2, date of birth)",
    ]
    assert "consistent" not in out and "04211" not in out + err and "2005" not in out + err
    assert not (tmp_path / "plan.csv").exists()
    assert run_main(capsys, "report", str(workspace))[0] == 2  # report refuses the same text


def test_an_inspection_date_in_a_finding_is_not_taken_for_a_birth_date(
    capsys: pytest.CaptureFixture[str], workspace: Path
) -> None:
    """A child may share a birthday with the site visit: the plan's own dates are allowed."""
    (workspace / "caselist.csv").write_text(
        "Case reference,Date of birth\nCR104211,2011-10-18\n", encoding="utf-8"
    )
    inspection = workspace / "inspection.toml"
    text = inspection.read_text(encoding="utf-8")
    inspection.write_text(text.replace("consistent.", "consistent by 18 October 2011."), "utf-8")
    status, _out, err = run_main(capsys, "action-plan", str(workspace))
    assert status == 0, err


def test_row_ids_follow_the_finding_not_its_place() -> None:
    cra = installed_regime("cra_2010")
    development = Recorded(
        "safeguarded_and_protected", "area_for_development", "Assessments vary.", ("Act.", "Act.")
    )
    priority = Recorded("working_together", "area_for_priority_action", "Strategy meetings.")
    one = action_rows(cra, [development, priority])
    other = action_rows(cra, [priority, development])
    assert len({r.id for r in one}) == len(one) == 4  # the same text twice: two rows, two ids
    assert {r.id: r.finding for r in one} == {r.id: r.finding for r in other}


def test_what_the_council_records_fills_the_rows_and_the_workbook(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from inspectkit.action_plan import PROGRESS, filled_in

    cra = installed_regime("cra_2010")
    rows = action_rows(cra, [Recorded("working_together", "area_for_development", "Meetings.")])
    entry = {
        "owner": "Head of Safeguarding",
        "actions": "=SUM(A1) audit",
        "due": "2012-03-31",
        "progress": "amber",
        "evidence": "Audit report, March 2012",
    }
    [row] = filled_in(rows, {rows[0].id: entry, "gone": {"owner": "x"}})
    assert row.cells()[3:] == list(entry.values())
    tables = action_plan_tables([row], council="Sunderland City Council", regime=cra)
    sheet = load_workbook(get_host().write("action_plan", tables, tmp_path / "p.xlsx"))[
        "Action plan"
    ]
    assert [c.value for c in sheet[1]] == list(ACTION_COLUMNS)
    assert sheet["E2"].value == "'=SUM(A1) audit" and sheet["E2"].data_type == "s"
    [progress] = [v for v in sheet.data_validations.dataValidation if "G2" in str(v.sqref)]
    assert progress.formula1 == '"' + ",".join(PROGRESS) + '"'
    with pytest.raises(ValueError, match="progress 'purple'"):
        filled_in(rows, {rows[0].id: {"progress": "purple"}})
