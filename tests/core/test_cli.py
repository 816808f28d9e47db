"""The command line: listing, showing, help everywhere, one-line errors with status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.cli_run import run_main

from inspectkit.cli import COMMANDS, cli
from inspectkit.plugins import get_host


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich wraps to the terminal; a wide one keeps each item on one line for matching."""
    monkeypatch.setenv("COLUMNS", "1000")


def invoke(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspectkit", *args], capture_output=True, text=True, check=False
    )


def test_regimes_lists_every_installed_regime_with_its_distribution() -> None:
    result = CliRunner().invoke(cli, ["regimes", "--json"])
    assert result.exit_code == 0, result.output
    listing = json.loads(result.output)
    ids = [r["id"] for r in listing["regimes"]]
    assert "cra_2010" in ids
    cra = next(r for r in listing["regimes"] if r["id"] == "cra_2010")
    assert cra == {
        "id": "cra_2010",
        "title": "Unannounced inspections of contact, referral and assessment",
        "year": 2010,
        "graded": False,
        "version": "2010.2",
        "distribution": "inspectkit-cra-2010",
        "distribution_version": cra["distribution_version"],
    }
    assert listing["broken"] == [], listing["broken"]


def test_regimes_table_shows_graded_or_not() -> None:
    result = CliRunner().invoke(cli, ["regimes"])
    assert result.exit_code == 0
    assert "ungraded findings" in result.output
    assert "inspectkit-cra-2010" in result.output


@pytest.mark.parametrize("regime_id", sorted(get_host().regimes))
def test_show_prints_every_rule_milestone_and_citation(regime_id: str) -> None:
    regime = get_host().regime(regime_id).regime
    result = CliRunner().invoke(cli, ["regimes", "show", regime_id])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    for rule in regime.limiting_rules:
        assert " ".join(rule.text.split()) in flat
    for milestone in regime.timeline.milestones:
        assert " ".join(milestone.title.split()) in flat
        assert f"[{milestone.source}]" in flat
    for request in regime.information_requests:
        assert " ".join(request.text.split()) in flat


def test_show_json_is_the_whole_definition() -> None:
    result = CliRunner().invoke(cli, ["regimes", "show", "cra_2010", "--json"])
    data = json.loads(result.output)
    assert data["id"] == "cra_2010"
    assert data["sampling"]["minimum"]["min"] == 20
    assert data["sampling"]["minimum"]["source"] == "100025 §35"


def test_unknown_regime_is_one_line_and_status_2() -> None:
    result = invoke("regimes", "show", "no_such_regime")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("inspectkit: error: unknown regime 'no_such_regime'")
    assert "Traceback" not in result.stderr


def test_unknown_option_is_one_line_and_status_2() -> None:
    result = invoke("regimes", "--bogus")
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("inspectkit: error: No such option")
    assert "--bogus" in line


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_works_on_every_command(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    for command in COMMANDS:
        assert command in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["demo", "{blocked}/demo"],
        ["init", "{blocked}/ws", "--regime", "cra_2010", "--council", "X", "--start", "2011-10-17"],
    ],
)
def test_a_folder_that_cannot_be_made_is_one_line_and_status_2(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    status, _out, err = run_main(capsys, *(a.format(blocked=blocked) for a in args))
    assert status == 2
    assert err.startswith("inspectkit: error: ") and err.count("\n") == 1
    assert str(blocked) in err
    assert "internal error" not in err
