"""A workspace's side files (sample, saved plan, inspection file) that cannot be read.

Each is one line naming the file and what was expected, exit status 2, no
traceback — never "internal error", and never read as "no references" (a
document checked against nothing would pass).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli_run import run_main
from tests.documents.conftest import DEVELOPMENT, SATISFACTORY, STRENGTH

from inspectkit.errors import InputError

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
        ("sample.json", b'{"drawn": 5}', 'a JSON object whose "drawn" list'),
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
    from inspectkit.timeline import plan_to_data
    from inspectkit.workspace import load_workspace

    directory = cra_workspace(FINDINGS)
    saved = plan_to_data(load_workspace(directory).plan())
    saved["closures"] = 3
    (directory / "plan.json").write_text(json.dumps(saved), encoding="utf-8")
    line = only_error(capsys, directory, "report")
    assert line.endswith("plan.json: closures: expected a list of YYYY-MM-DD dates")


def test_a_sample_case_without_a_reference_is_named_by_position_only(cra_workspace, capsys):
    directory = cra_workspace(FINDINGS)
    drawn = [{"reference": "CR1042"}, {"row": 7}]
    (directory / "sample.json").write_text(json.dumps({"drawn": drawn}), encoding="utf-8")
    line = only_error(capsys, directory, "report")
    assert line.endswith("sample.json: drawn[1]: expected a case with a reference")
    assert "CR1042" not in line


def test_survey_references_in_an_xlsx_sample_stay_out_of_documents(cra_workspace, tmp_path):
    """The .xlsx sample keeps survey lists on their own sheet; they are children too."""
    import openpyxl

    from inspectkit.documents import render_workspace

    directory = cra_workspace([*FINDINGS, ("working_together", "satisfactory", "See SV9981.")])
    book = openpyxl.Workbook()
    book.active.append(["Case reference", "Row in case list"])
    book.active.append(["CR1042", 2])
    surveys = book.create_sheet("Surveys")
    surveys.append(["Survey", "Case reference"])
    surveys.append(["Young people's survey", "SV9981"])
    book.save(directory / "sample.xlsx")
    with pytest.raises(InputError) as caught:
        render_workspace(directory)
    assert any("child identifier (sample.xlsx survey list)" in p for p in caught.value.problems)
    assert not any("SV9981" in p for p in caught.value.problems)


@pytest.mark.parametrize("command", ["report", "check"])
def test_an_inspection_file_that_is_not_utf8_is_one_line(cra_workspace, capsys, command):
    directory = cra_workspace(FINDINGS)
    inspection = directory / "inspection.toml"
    inspection.write_bytes(inspection.read_bytes() + b'\nsites = ["Caf\xe9 team"]\n')
    line = only_error(capsys, directory, command)
    assert f"{inspection}: not UTF-8 text" in line
