"""`inspectkit sample` refuses, in one line with exit status 2, what it cannot sample from."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli_run import run_main
from tests.sampling.sampling_helpers import write_cases


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status, _out, err = run_main(
        capsys, "sample", "--regime", "slac_2009", "--seed", "1", "--on", "2011-10-18", *args
    )
    return status, err


def test_output_naming_the_case_list_is_refused_and_the_list_is_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = write_cases(tmp_path / "cases.csv", [{}])
    before = cases.read_bytes()
    status, err = run(capsys, "--cases", str(cases), "-o", str(cases))
    assert status == 2
    assert err.strip() == (
        f"inspectkit: error: {cases}: would overwrite the case list; choose another name"
    )
    assert cases.read_bytes() == before


def test_a_header_only_case_list_has_nothing_to_sample(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = write_cases(tmp_path / "cases.csv", [])
    status, err = run(capsys, "--cases", str(cases), "-o", str(tmp_path / "s.csv"))
    assert status == 2
    assert err.strip().endswith(
        f"{cases}: no cases to sample from: it has no rows below the headings"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.csv"]


def test_a_lenient_read_that_leaves_out_every_row_has_nothing_to_sample(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = write_cases(tmp_path / "cases.csv", [{"date_of_birth": "2004-13-45"}] * 2)
    status, err = run(capsys, "--cases", str(cases), "-o", str(tmp_path / "s.csv"), "--lenient")
    assert status == 2
    assert "no cases to sample from: all 2 rows were left out" in err
    assert "2004-13-45" not in err  # a date of birth never reaches a message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.csv"]
