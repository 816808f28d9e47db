"""``inspectkit plan`` end to end: table, JSON, CSV, iCalendar, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner
from tests.cli_run import run_main

from inspectkit.cli import cli

CRA = ["plan", "--regime", "cra_2010", "--start", "2011-10-17"]


def run(*args: str) -> tuple[str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_table_shows_the_plan_with_dates_in_words() -> None:
    out, _ = run(*CRA, "--format", "table")
    for expected in ("cra_2010", "Monday 17 October 2011", "18 October 2011", "16 November 2011"):
        assert expected in out
    assert "2011-11-16" not in out


def test_piped_the_plan_is_one_tab_separated_line_per_milestone() -> None:
    out, _ = run(*CRA)  # CliRunner's output is not a terminal, as a pipe is not
    lines = out.splitlines()
    assert lines[0].split("\t")[:3] == ["milestone", "days", "first"]
    site_visit = next(line.split("\t") for line in lines if line.startswith("site_visit\t"))
    assert site_visit[1:4] == ["2-3", "Tuesday 18 October 2011", "Wednesday 19 October 2011"]
    assert all(len(line.split("\t")) == 9 for line in lines)


def test_welsh_locale_writes_welsh_month_and_day_names() -> None:
    out, _ = run(*CRA, "--locale", "cy")
    assert "Hydref 2011" in out  # October
    assert "Tachwedd 2011" in out  # November
    assert "Dydd Mercher" in out
    assert "October" not in out


def test_json_goes_to_stdout_and_parses() -> None:
    out, _ = run(*CRA, "--json")
    data = json.loads(out)
    assert data["regime_id"] == "cra_2010"
    assert {m["id"]: m["due"] for m in data["milestones"]}["publication"] == "2011-11-16"


def test_closures_from_the_command_line_and_a_file(tmp_path: Path) -> None:
    closures = tmp_path / "closures.txt"
    closures.write_text("# council closure days\n2011-10-24  # training day\n\n", encoding="utf-8")
    out, _ = run(*CRA, "--json", "--closure", "2011-10-25", "--closures-file", str(closures))
    data = json.loads(out)
    assert data["closures"] == ["2011-10-24", "2011-10-25"]
    assert {m["id"]: m["due"] for m in data["milestones"]}["publication"] == "2011-11-18"


def test_wales_region_is_recorded() -> None:
    # slac_2009's sources do not limit where it applies; cra_2010's do (below)
    out, _ = run(
        "plan", "--regime", "slac_2009", "--start", "2011-10-17", "--json", "--region", "wls"
    )
    assert json.loads(out)["region"] == "WLS"


def test_a_region_or_locale_the_regime_does_not_cover_is_refused(monkeypatch, capsys) -> None:
    from tests.cli_run import run_main

    # 100025 §1: contact, referral and assessment "in local authorities in England"
    status, _, err = run_main(capsys, *CRA, "--region", "WLS")
    assert status == 2
    assert "--region: cra_2010 applies in ENG (England) only (100025 §1), not WLS" in err
    import attrs

    from inspectkit.model import Coverage
    from inspectkit.plugins import get_host

    registered = get_host().regime("cra_2010")
    english = attrs.evolve(
        registered.regime,
        coverage=Coverage(regions=("ENG",), locales=("en_GB",), source="100025 §1"),
    )
    monkeypatch.setitem(get_host().regimes, "cra_2010", attrs.evolve(registered, regime=english))
    status, _, err = run_main(capsys, *CRA, "--locale", "cy")
    assert status == 2
    assert "--locale: cra_2010 supports en_GB only (100025 §1), not cy" in err


def test_a_welsh_plan_says_only_its_dates_are_welsh() -> None:
    _, err = run(*CRA, "--locale", "cy")
    assert "only dates are in cy; milestone titles, deadlines and sources stay in English" in (
        " ".join(err.split())
    )


def test_csv_and_ics_files_are_written(tmp_path: Path) -> None:
    csv_file, ics_file = tmp_path / "plan.csv", tmp_path / "plan.ics"
    out, err = run(*CRA, "--json", "--csv", str(csv_file), "--ics", str(ics_file))
    json.loads(out)  # notes about the files go to stderr, keeping stdout pure JSON
    assert "wrote CSV plan" in err
    assert "2011-11-16" in csv_file.read_text(encoding="utf-8")
    events = list(icalendar.Calendar.from_ical(ics_file.read_bytes()).walk("VEVENT"))
    milestones = json.loads(out)["milestones"]
    # one event per milestone, and one more on each deadline's due day
    assert len(events) == len(milestones) + sum(1 for m in milestones if m["due"])


def test_a_start_rule_warning_is_printed_to_stderr() -> None:
    out, err = run("plan", "--regime", "child_protection_2012", "--start", "2012-06-13", "--json")
    assert "warning:" in err and "Monday" in err
    assert json.loads(out)["warnings"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2011-02-30"], "--start: '2011-02-30' is not a valid date"),
        (["--start", "17/13/2011"], "expected YYYY-MM-DD or DD/MM/YYYY"),
        (["--start", "2008-06-02"], "year 2008 is outside the supported range 2009–2035"),
        (["--start", "2036-06-02"], "year 2036 is outside the supported range"),
        (["--start", "2011-04-29"], "Wedding of William and Catherine"),
        (["--start", "2011-10-17", "--locale", "xx"], "'xx' is not a known locale"),
        (["--start", "2011-10-17", "--region", "SCT"], "'SCT' is not one of"),
        (["--start", "2011-10-17", "--csv", "plan.xlsx"], "plan.xlsx: expected a .csv file name"),
        (["--start", "2011-10-17", "--ics", "plan.csv"], "plan.csv: expected a .ics file name"),
    ],
)
def test_bad_input_is_one_line_and_exit_status_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, out, err = run_main(capsys, "plan", "--regime", "cra_2010", *args)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("inspectkit: error: ")
    assert message in err
    assert "Traceback" not in err


def test_unknown_regime_is_one_line_and_exit_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_main(capsys, "plan", "--regime", "no_such", "--start", "2011-10-17")
    assert status == 2
    assert err.count("\n") == 1
    assert "unknown regime 'no_such'" in err and "cra_2010" in err


def test_every_argument_problem_is_reported_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    closures = tmp_path / "closures.txt"
    closures.write_text("2011-10-24\n24.10.2011\n", encoding="utf-8")
    status, _, err = run_main(
        capsys,
        "plan",
        "--regime",
        "no_such",
        "--start",
        "tomorrow",
        "--closure",
        "2011-13-01",
        "--closures-file",
        str(closures),
    )
    lines = err.splitlines()
    assert status == 2
    assert len(lines) == 4
    assert f"{closures}: line 2: '24.10.2011' is not a valid date" in err


def test_nothing_is_written_when_the_input_is_bad(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ics_file = tmp_path / "plan.ics"
    status, _, _ = run_main(capsys, *CRA[:-1], "2011-04-29", "--ics", str(ics_file))
    assert status == 2
    assert list(tmp_path.iterdir()) == []


def test_a_missing_closures_file_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    status, _, err = run_main(capsys, *CRA, "--closures-file", str(missing))
    assert status == 2
    assert f"{missing}: cannot read the closures file" in err
