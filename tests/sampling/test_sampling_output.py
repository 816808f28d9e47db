"""The sample file: byte-identical for the same seed and input, private, and its CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sampling_helpers import write_cases

from inspectkit.caselist import read_case_list
from inspectkit.caselist.fake import write_fake_case_list
from inspectkit.cli import cli
from inspectkit.plugins import get_host
from inspectkit.sampling import draw_sample, sample_to_data

ON = date(2011, 10, 18)


@pytest.fixture(scope="module")
def fake_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fake")
    return write_fake_case_list(folder / "cases.csv", 600, 11, ON, get_host().regime_models())


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("regime_id", ["cra_2010", "slac_2009", "child_protection_2012"])
def test_same_seed_and_input_give_a_byte_identical_file(
    fake_list: Path, tmp_path: Path, suffix: str, regime_id: str
) -> None:
    regime = get_host().regime(regime_id).regime
    outputs = []
    for run, seed in enumerate([5, 5, 6]):
        cases = read_case_list(fake_list, regime)  # read afresh each time
        record = draw_sample(regime, cases, seed=seed, on=ON)
        outputs.append(
            get_host().write("sample", record, tmp_path / f"run{run}{suffix}").read_bytes()
        )
    assert outputs[0] == outputs[1]
    assert outputs[0] != outputs[2]
    if suffix == ".csv":
        assert (tmp_path / "run0.json").read_bytes() == (tmp_path / "run1.json").read_bytes()


def test_record_holds_seed_hash_regime_and_rules(fake_list: Path) -> None:
    regime = get_host().regime("cra_2010").regime
    record = draw_sample(regime, read_case_list(fake_list, regime), seed=5, on=ON)
    data = sample_to_data(record)
    assert data["seed"] == 5
    assert data["regime"] == {"id": "cra_2010", "version": regime.version, "title": regime.title}
    assert len(data["input"]["sha256"]) == 64
    assert data["on"] == "2011-10-18"
    assert all(case["rule"] for case in data["drawn"])
    assert json.loads(json.dumps(data)) == data


def test_exports_carry_no_personal_fields(fake_list: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    regime = get_host().regime("slac_2009").regime
    cases = read_case_list(fake_list, regime)
    record = draw_sample(regime, cases, seed=5, on=ON)
    text = get_host().write("sample", record, tmp_path / "s.csv").read_text(encoding="utf-8")
    header = text.splitlines()[0]
    for banned in ("Date of birth", "Ethnicity", "Gender", "Disability", "Name"):
        assert banned.lower() not in header.lower()
    births = {c.values["date_of_birth"] for c in cases.cases}
    assert all(isinstance(b, date) for b in births)
    sidecar = (tmp_path / "s.json").read_text(encoding="utf-8")
    for birth in births:
        assert isinstance(birth, date)
        assert birth.isoformat() not in text + sidecar
        assert birth.strftime("%d/%m/%Y") not in text + sidecar
    workbook = load_workbook(get_host().write("sample", record, tmp_path / "s.xlsx"))
    assert workbook.sheetnames[:2] == ["Sample", "Record"]
    headings = [cell.value for cell in workbook["Sample"][1]]
    assert "Date of Birth" not in headings and "Ethnicity" not in headings


def test_cli_sample_check_template_and_fake(tmp_path: Path) -> None:
    runner = CliRunner()
    cases = tmp_path / "cases.csv"
    done = runner.invoke(
        cli,
        [
            "caselist",
            "fake",
            "--rows",
            "300",
            "--seed",
            "2",
            "-o",
            str(cases),
            "--on",
            "2011-10-18",
        ],
    )
    assert done.exit_code == 0, done.output
    assert (
        runner.invoke(cli, ["caselist", "check", "--regime", "cra_2010", str(cases)]).exit_code == 0
    )
    out = tmp_path / "sample.csv"
    args = ["sample", "--regime", "cra_2010", "--cases", str(cases), "--seed", "1", "-o", str(out)]
    done = runner.invoke(cli, [*args, "--on", "2011-10-18"])
    assert done.exit_code == 0, done.output
    assert out.exists() and (tmp_path / "sample.json").exists()
    assert "FAKE-" not in done.output  # references only in the file
    template = tmp_path / "template.xlsx"
    done = runner.invoke(
        cli, ["caselist", "template", "--regime", "slac_2009", "-o", str(template)]
    )
    assert done.exit_code == 0 and template.exists()


def _exit_code(args: list[str]) -> int:
    """Run the real entry point (which turns InputError into exit status 2)."""
    from inspectkit.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(args)
        raise SystemExit(0)
    return int(stopped.value.code or 0)


def test_cli_invalid_input_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_cases(tmp_path / "bad.csv", [{"date_of_birth": "2012-01-01"}, {}, {}])
    out = tmp_path / "never.csv"
    args = ["sample", "--regime", "cra_2010", "--cases", str(bad), "--seed", "1", "-o", str(out)]
    assert _exit_code(args) == 2
    assert not out.exists() and not (tmp_path / "never.json").exists()
    err = capsys.readouterr().err
    assert "row 2, column C (Date of Birth): date of birth is after" in err
    assert "R-0001" not in err and "2012-01-01" not in err
    assert _exit_code([*args, "--lenient"]) == 0
    record = json.loads((tmp_path / "never.json").read_text(encoding="utf-8"))
    assert record["input"]["excluded_rows"] == [2] and record["input"]["mode"] == "lenient"
    assert _exit_code(["caselist", "check", "--regime", "cra_2010", str(bad)]) == 2
    assert (
        _exit_code(
            ["sample", "--regime", "nope", "--cases", str(bad), "--seed", "1", "-o", str(out)]
        )
        == 2
    )
    assert _exit_code([*args, "--lenient", "--subset-size", "x"]) == 2
    assert _exit_code([*args[:-1], str(tmp_path / "out.txt")]) == 2
