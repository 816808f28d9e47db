"""``inspectkit synthetic`` then ``inspectkit outcomes``: the known answer from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from tests.cli_run import run_main
from tests.outcomes.known import KNOWN_2012_13, overall_effectiveness_2012


def test_synthetic_then_outcomes_gives_the_2012_13_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run_main(capsys, "synthetic", str(tmp_path / "n"), "--councils", "70")
    assert (status, err) == (0, "")
    folders = sorted(str(p) for p in (tmp_path / "n").iterdir())
    assert len(folders) == 70
    status, out, err = run_main(capsys, "outcomes", *folders, "-o", str(tmp_path / "o.csv"))
    assert status == 0, err
    assert "70 inspections counted" in " ".join(out.split())  # rich wraps at its width
    written = (tmp_path / "o.csv").read_text(encoding="utf-8")
    assert overall_effectiveness_2012(written) == KNOWN_2012_13
    status, _out, err = run_main(capsys, "outcomes", *folders, "-o", str(tmp_path / "o.xlsx"))
    assert status == 0, err
    assert "Judgements" in load_workbook(tmp_path / "o.xlsx").sheetnames


def test_outcomes_refuses_a_broken_folder_and_an_unknown_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    status, _out, err = run_main(capsys, "outcomes", str(tmp_path / "empty"))
    assert status == 2
    assert err.startswith("inspectkit: error: ") and "empty" in err
    assert "Traceback" not in err
    status, _out, err = run_main(capsys, "outcomes", str(tmp_path), "-o", "x.pdf")
    assert status == 2 and "expected a file ending .csv or .xlsx" in err
