"""The JTAI example, tested as any plugin author would: only through the public API.

The conformance kit (``inspectkit.testing``) checks the data and the plugin; the
command line — the interface users have — shows it is listed, planned and compared
with the bundled regimes.  Run after ``pip install -e examples/jtai_2016``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import inspectkit_jtai_2016
from inspectkit import load_regime_resource, package_path
from inspectkit.testing import assert_plugin_registers, assert_regime_conforms

PACKAGE = "inspectkit_jtai_2016"


def inspectkit_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``inspectkit`` command, as a user would."""
    executable = shutil.which("inspectkit", path=str(Path(sys.executable).parent))
    command = [executable] if executable else [sys.executable, "-m", "inspectkit"]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "INSPECTKIT_NO_CACHE": "1"},
    )


def cli_json(*args: str) -> Any:
    result = inspectkit_cli(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_regime_conforms() -> None:
    regime = load_regime_resource(PACKAGE)
    assert_regime_conforms(regime, templates=package_path(PACKAGE, "templates"))


def test_installed_regime_conforms() -> None:
    assert_regime_conforms("jtai_2016")


def test_plugin_registers_one_ungraded_multi_inspectorate_regime() -> None:
    [regime] = assert_plugin_registers(inspectkit_jtai_2016, name="jtai_2016")
    assert regime.id == "jtai_2016"
    assert not regime.graded
    assert regime.report.form == "letter"
    assert [i.id for i in regime.team.inspectorates] == ["ofsted", "cqc", "hmic", "hmi_probation"]
    assert regime.notice.announced
    assert (regime.notice.period.min, regime.notice.period.max) == (10, 10)


def test_letter_lists_the_inspectorates_only_for_this_regime() -> None:
    regime = load_regime_resource(PACKAGE)
    added = inspectkit_jtai_2016.inspectkit_document_context(
        regime=regime, document="letter", context={}
    )
    assert added == {
        "inspectorates": "Ofsted, Care Quality Commission (CQC), Her Majesty's Inspectorate "
        "of Constabulary (HMIC) and Her Majesty's Inspectorate of Probation (HMI Probation)"
    }
    other = attrs.evolve(regime, id="another_regime")
    assert (
        inspectkit_jtai_2016.inspectkit_document_context(
            regime=other, document="letter", context={}
        )
        is None
    )


def test_listed_by_inspectkit_regimes_and_not_broken() -> None:
    listing = cli_json("regimes", "--json")
    ours = [r for r in listing["regimes"] if r["id"] == "jtai_2016"]
    assert ours, "not installed? run: pip install -e examples/jtai_2016"
    assert ours[0]["graded"] is False
    assert ours[0]["distribution"] == "inspectkit-jtai-2016"
    assert [b for b in listing["broken"] if b["entry_point"] == "jtai_2016"] == []


@pytest.mark.parametrize(
    ("notified", "fieldwork"),
    [
        ("2016-02-02", "2016-02-16"),  # ten working days later, no holidays
        ("2016-03-22", "2016-04-07"),  # Good Friday and Easter Monday 2016 skipped
    ],
)
def test_plan_puts_fieldwork_ten_working_days_after_notification(
    notified: str, fieldwork: str
) -> None:
    plan = cli_json("plan", "--regime", "jtai_2016", "--start", notified, "--json")
    dates = {m["id"]: (m["first"], m["last"]) for m in plan["milestones"]}
    assert dates == {
        "notification": (notified, notified),
        "fieldwork_begins": (fieldwork, fieldwork),
    }
    assert plan["warnings"] == []


def test_plan_warns_when_notification_is_not_a_tuesday() -> None:
    plan = cli_json("plan", "--regime", "jtai_2016", "--start", "2016-02-01", "--json")
    assert any("Tuesday" in warning for warning in plan["warnings"])


def test_compared_with_the_bundled_regimes(tmp_path: Path) -> None:
    out = tmp_path / "compare.md"
    result = inspectkit_cli("compare", "jtai_2016", "cra_2010", "--format", "md", "-o", str(out))
    assert result.returncode == 0, result.stderr
    table = out.read_text(encoding="utf-8")
    assert "jtai_2016" in table and "cra_2010" in table
    assert "10 working days" in table
    assert "Section 20 of the Children Act 2004" in table


def test_letter_renders_through_inspectkit_report(tmp_path: Path) -> None:
    import docx

    workspace = tmp_path / "northtown"
    created = inspectkit_cli(
        "init",
        str(workspace),
        "--regime",
        "jtai_2016",
        "--council",
        "Northtown",
        "--start",
        "2016-03-22",
    )
    assert created.returncode == 0, created.stderr
    inspection = workspace / "inspection.toml"
    with inspection.open("a", encoding="utf-8") as handle:
        handle.write(
            '\n[[findings]]\narea = "deep_dive"\ntype = "area_for_improvement"\n'
            'text = "Return interviews are not always offered."\n'
        )
    rendered = inspectkit_cli("report", str(workspace))
    assert rendered.returncode == 0, rendered.stderr
    letter = docx.Document(str(workspace / "documents" / "jtai_2016_letter.docx"))
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "Joint targeted area inspection of Northtown" in text
    assert "From 22 March 2016, Ofsted, Care Quality Commission (CQC)" in text
    assert "The deep dive theme: Return interviews are not always offered." in text
    assert text.index("Areas for improvement") < text.index("Return interviews")
    assert "{{" not in text


def test_ships_an_example_that_inspectkit_demo_builds(tmp_path: Path) -> None:
    import docx

    example = package_path(PACKAGE, "examples", "jtai_2016.toml")
    assert example.is_file()
    out = tmp_path / "demo"
    result = inspectkit_cli("demo", str(out))
    assert result.returncode == 0, result.stderr
    assert "jtai_2016: skipped" not in result.stderr
    letter = docx.Document(str(out / "jtai_2016" / "documents" / "jtai_2016_letter.docx"))
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "Joint targeted area inspection of Harrowfield Metropolitan Borough Council" in text
    assert "From 2 February 2016, Ofsted, Care Quality Commission (CQC)" in text
    assert "The deep dive theme: Children who go missing are offered a return interview" in text
    assert "{{" not in text
