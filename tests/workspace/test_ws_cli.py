"""`inspectkit init` and `inspectkit check` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspectkit.cli import main


def run(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_init_then_check(tmp_path: Path, capsys):
    target = tmp_path / "northwold"
    status = run(
        [
            "init",
            str(target),
            "--regime",
            "slac_2009",
            "--council",
            "Northwold",
            "--start",
            "2009-11-02",
        ]
    )
    assert status == 0
    assert (target / "inspection.toml").is_file()
    assert run(["check", str(target)]) == 0
    out = capsys.readouterr().out
    assert "lac_educational_progress" in out
    assert "not answered" in out


def test_init_refuses_to_overwrite_and_bad_dates(tmp_path: Path, capsys):
    target = tmp_path / "ws"
    args = ["init", str(target), "--regime", "cra_2010", "--council", "N", "--start"]
    assert run([*args, "2011-10-17"]) == 0
    assert run([*args, "2011-10-17"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (
        run(
            [
                "init",
                str(tmp_path / "x"),
                "--regime",
                "cra_2010",
                "--council",
                "N",
                "--start",
                "17/10/2011",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "inspectkit: error: --start:" in err
    assert not (tmp_path / "x").exists()


def test_check_reports_an_advisory_breach_as_a_warning(tmp_path: Path, capsys):
    target = tmp_path / "ws"
    assert (
        run(
            [
                "init",
                str(target),
                "--regime",
                "slac_2009",
                "--council",
                "N",
                "--start",
                "2009-11-02",
            ]
        )
        == 0
    )
    with (target / "inspection.toml").open("a", encoding="utf-8") as handle:
        handle.write(
            '\n[[grades]]\narea = "overall_effectiveness"\ngrade = "good"\n'
            '[[grades]]\narea = "children_feel_safe"\ngrade = "adequate"\n'
        )
    capsys.readouterr()
    assert run(["check", str(target)]) == 0
    out = capsys.readouterr().out
    assert "inconsistent" in out


@pytest.mark.parametrize("bad", ["nonexistent"])
def test_check_on_a_missing_workspace(tmp_path: Path, capsys, bad):
    assert run(["check", str(tmp_path / bad)]) == 2
    assert "not a workspace folder" in capsys.readouterr().err
