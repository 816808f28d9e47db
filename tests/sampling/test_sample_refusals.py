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


@pytest.mark.parametrize("name", ["plan.csv", "caselist.csv", "caselist.xlsx"])
def test_a_sample_never_replaces_a_workspace_file(capsys, tmp_path: Path, name: str) -> None:
    """``sample -o ws/plan.csv`` once replaced the workspace's plan.json with its record."""
    workspace = tmp_path / "ws"
    workspace.mkdir()
    kept = {
        "inspection.toml": 'regime = "cra_2010"\n',
        "plan.json": "{}\n",
        "caselist.xlsx": "not touched",
    }
    for file, text in kept.items():
        (workspace / file).write_text(text, encoding="utf-8")
    cases = write_cases(tmp_path / "cases.csv", [{} for _ in range(30)])
    target = workspace / name
    status, _out, err = _sample(capsys, cases, target)
    assert status == 2
    [line] = err.splitlines()
    assert "is a workspace's" in line and "choose another name (or --force)" in line
    assert {f: (workspace / f).read_text(encoding="utf-8") for f in kept} == kept


def test_an_earlier_sample_is_kept_unless_forced(capsys, tmp_path: Path) -> None:
    cases = write_cases(tmp_path / "cases.csv", [{} for _ in range(30)])
    target = tmp_path / "sample.csv"
    assert _sample(capsys, cases, target)[0] == 0
    first = target.read_bytes(), target.with_suffix(".json").read_bytes()
    status, _out, err = _sample(capsys, cases, target, seed="2")
    assert status == 2
    assert f"{target}: already exists (an earlier sample?)" in err
    assert (target.read_bytes(), target.with_suffix(".json").read_bytes()) == first
    assert _sample(capsys, cases, target, seed="2", force=True)[0] == 0
    assert target.read_bytes() != first[0]


def _sample(
    capsys, cases: Path, target: Path, *, seed: str = "1", force: bool = False
) -> tuple[int, str, str]:
    return run_main(
        capsys,
        "sample",
        "--regime",
        "cra_2010",
        "--cases",
        str(cases),
        "--on",
        "2011-10-17",
        "--seed",
        seed,
        "-o",
        str(target),
        *(["--force"] if force else []),
    )
