"""A workspace's side files (sample, saved plan, inspection file) that cannot be read.

Each is one line naming the file and what was expected, exit status 2, no
traceback — never "internal error", and never read as "no references" (a
document checked against nothing would pass).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.cli_run import run_main
from tests.documents.conftest import DEVELOPMENT, SATISFACTORY, STRENGTH

from inspectkit.errors import InputError
from inspectkit.plugins import get_host

FINDINGS = [STRENGTH, SATISFACTORY, DEVELOPMENT]


def only_error(capsys: pytest.CaptureFixture[str], directory: Path, *command: str) -> str:
    """Run ``inspectkit COMMAND DIR``; it must fail with exactly one error line, returned."""
    status, _out, err = run_main(capsys, *command, str(directory))
    assert status == 2, err
    errors = [line for line in err.splitlines() if line.startswith("inspectkit: error:")]
    assert len(errors) == 1, err
    assert "internal error" not in err and "Traceback" not in err
    return errors[0]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("sample.xlsx", b"not a workbook", "not a readable Excel workbook"),
        ("sample.csv", b"Case reference\n\xff\xfeAB1234\n", "not UTF-8 text (line 2)"),
        ("sample.json", b"[]", 'a JSON object whose "drawn" list'),
        ("sample.json", b"{not json", "not valid JSON"),
        ("plan.json", b"[]", "expected a saved plan: a JSON object"),
    ],
)
@pytest.mark.parametrize("command", ["report", "check"])
def test_an_unreadable_side_file_is_one_line_naming_it(
    cra_workspace, capsys, name, content, expected, command
):
    directory = cra_workspace(FINDINGS)
    (directory / name).write_bytes(content)
    line = only_error(capsys, directory, command)
    assert f"{directory / name}: " in line and expected in line
    assert not (directory / "documents").exists()


def test_a_saved_plan_with_a_damaged_field_names_the_field(cra_workspace, capsys):
    from inspectkit.plan_record import plan_to_data
    from inspectkit.workspace import load_workspace

    directory = cra_workspace(FINDINGS)
    saved = plan_to_data(load_workspace(directory, get_host()).plan())
    saved["closures"] = 3
    (directory / "plan.json").write_text(json.dumps(saved), encoding="utf-8")
    line = only_error(capsys, directory, "report")
    assert line.endswith("plan.json: closures: expected a list [...], got int 3")


def saved_sample(*references: str) -> dict[str, Any]:
    """A sample record as `inspectkit sample` saves it, drawing ``references``."""
    from inspectkit.sampling import SampledCase, SampleRecord, sample_to_data

    drawn = tuple(
        SampledCase(reference=r, row=i, phase="p", phase_title="Phase", rule="rule")
        for i, r in enumerate(references, start=2)
    )
    return sample_to_data(
        SampleRecord(
            regime_id="cra_2010",
            regime_version="1",
            regime_title="CRA",
            seed=1,
            input_sha256="0" * 64,
            input_name="caselist.csv",
            on=date(2011, 10, 17),
            drawn=drawn,
        )
    )


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda data: data.update(drawn=5), "sample.json: drawn: expected a list [...], got int"),
        (
            lambda data: data["drawn"][1].pop("reference"),
            "drawn[1].reference: required key is missing",
        ),
        (
            lambda data: data["drawn"][1].update(reference=1042),
            "drawn[1].reference: expected text, got int",
        ),
        (lambda data: data.update(surveys="CR1042"), "surveys: expected a list [...], got str"),
    ],
)
def test_a_damaged_sample_is_named_by_position_never_by_value(
    cra_workspace, capsys, damage, expected
):
    directory = cra_workspace(FINDINGS)
    data = saved_sample("CR1042", "CR1043")
    damage(data)
    (directory / "sample.json").write_text(json.dumps(data), encoding="utf-8")
    line = only_error(capsys, directory, "report")
    assert line.endswith(expected)
    assert "1042" not in line


def test_a_saved_sample_reads_back_through_the_same_converter() -> None:
    from inspectkit.sampling import sample_from_data

    saved = sample_from_data(json.loads(json.dumps(saved_sample("CR1", "CR2"))), "sample.json")
    assert saved.references() == [(1, "CR1"), (2, "CR2")]


def test_survey_references_in_an_xlsx_sample_stay_out_of_documents(cra_workspace, tmp_path):
    """The .xlsx sample keeps survey lists on their own sheet; they are children too."""
    import openpyxl

    from inspectkit.documents import render_workspace
    from inspectkit.workspace import load_workspace

    directory = cra_workspace([*FINDINGS, ("working_together", "satisfactory", "See SV9981.")])
    book = openpyxl.Workbook()
    book.active.append(["Case reference", "Row in case list"])
    book.active.append(["CR1042", 2])
    surveys = book.create_sheet("Surveys")
    surveys.append(["Survey", "Case reference"])
    surveys.append(["Young people's survey", "SV9981"])
    book.save(directory / "sample.xlsx")
    with pytest.raises(InputError) as caught:
        render_workspace(load_workspace(directory, get_host()))
    assert any("child identifier (sample.xlsx survey list)" in p for p in caught.value.problems)
    assert not any("SV9981" in p for p in caught.value.problems)


@pytest.mark.parametrize("command", ["report", "check"])
def test_an_inspection_file_that_is_not_utf8_is_one_line(cra_workspace, capsys, command):
    directory = cra_workspace(FINDINGS)
    inspection = directory / "inspection.toml"
    inspection.write_bytes(inspection.read_bytes() + b'\nsites = ["Caf\xe9 team"]\n')
    line = only_error(capsys, directory, command)
    assert f"{inspection}: not UTF-8 text" in line
