"""`inspectkit init` and `inspectkit check` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli_run import exit_status as run


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
                "32/10/2011",
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


def _cra_folder(
    write_inspection,
    folder: str,
    start: str = "2011-10-17",
    text: str = "Leaders prioritise safeguarding.",
) -> Path:
    header = (
        f'regime = "cra_2010"\ncouncil = "Northwold"\nstart = {start}\n'
        'team = ["Lead inspector, HMI"]\n'
    )
    # a strength, satisfactory practice and an area for development: Annex D's first
    # outcome sentence names all three
    findings = "".join(
        f'[[findings]]\narea = "safeguarding_prioritised"\ntype = "{kind}"\ntext = "{said}"\n'
        for kind, said in (
            ("area_of_strength", text),
            ("satisfactory", "Staff are suitably qualified."),
            ("area_for_development", "Supervision is not always recorded."),
        )
    )
    return write_inspection(findings, header=header, folder=folder)


def test_check_refuses_what_report_refuses_and_reports_every_folder(write_inspection, capsys):
    """A Saturday start (plan), a damaged saved plan and a case list that is not a workbook
    each fail `report`; `check` names them all, one folder after another."""
    saturday = _cra_folder(write_inspection, "saturday", start="2011-10-15")
    saved = _cra_folder(write_inspection, "saved")
    (saved / "plan.json").write_text("[]", encoding="utf-8")
    cases = _cra_folder(write_inspection, "cases")
    (cases / "caselist.xlsx").write_bytes(b"not a workbook")
    good = _cra_folder(write_inspection, "good")
    folders = [saturday, saved, cases, good]
    assert run(["check", *map(str, folders)]) == 2
    captured = capsys.readouterr()
    errors = [e for e in captured.err.splitlines() if e.startswith("inspectkit: error")]
    assert len(errors) == 3
    assert errors[0].startswith(f"inspectkit: error: {saturday / 'inspection.toml'}: start: ")
    assert "is a Saturday" in errors[0]
    assert errors[1].startswith(f"inspectkit: error: {saved / 'plan.json'}: expected a saved plan")
    assert errors[2].startswith(f"inspectkit: error: {cases / 'caselist.xlsx'}: ")
    # each folder's limiting judgements are still shown (rich may wrap the long paths)
    assert " ".join(captured.out.split()).count("cra_2010, Northwold: 3 findings") == 4
    assert "1 of 4 workspaces ready for `inspectkit report`; 3 with problems" in captured.out
    for folder in folders[:3]:
        assert run(["report", str(folder)]) == 2
    assert run(["report", str(good)]) == 0


def test_init_keeps_a_saved_plan_unless_forced(tmp_path: Path, capsys):
    """plan.json may hold closures the inspector added: never replaced without --force."""
    target = tmp_path / "ws"
    args = ["init", str(target), "--regime", "cra_2010", "--council", "N", "--start"]
    assert run([*args, "2011-10-17"]) == 0
    (target / "inspection.toml").unlink()
    plan = target / "plan.json"
    saved = plan.read_text(encoding="utf-8").replace('"closures": []', '"closures": ["2011-10-19"]')
    plan.write_text(saved, encoding="utf-8")
    capsys.readouterr()
    assert run([*args, "2011-10-17"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"inspectkit: error: {plan}: already exists (use --force to replace it)"
    ]
    assert plan.read_text(encoding="utf-8") == saved
    assert not (target / "inspection.toml").exists()
    assert run([*args, "2011-10-17", "--force"]) == 0
    assert '"closures": []' in plan.read_text(encoding="utf-8")


def test_template_code_in_a_finding_is_printed_as_written(write_inspection, capsys):
    """``{{ 7*7 }}`` in a finding is the inspector's text: never evaluated, never refused."""
    from inspectkit.documents.checks import document_paragraphs

    text = "Leaders {{ 7*7 }} and {% if x %}prioritise{% endif %} safeguarding."
    folder = _cra_folder(write_inspection, "braces", text=text)
    assert run(["check", str(folder)]) == 0, capsys.readouterr().err
    assert run(["report", str(folder)]) == 0, capsys.readouterr().err
    letters = sorted((folder / "documents").glob("*.docx"))
    assert letters
    for letter in letters:
        paragraphs = document_paragraphs(letter)
        assert "49" not in " ".join(paragraphs)
    assert any(text in p for letter in letters for p in document_paragraphs(letter))


@pytest.mark.parametrize(
    ("text", "override"),
    [
        ("Leaders prioritise safeguarding.", True),  # an override that leaves code behind
    ],
)
def test_check_is_a_dry_run_of_report(write_inspection, capsys, text: str, override: bool):
    """Whatever `report` refuses for a workspace's data, `check` refuses too, writing nothing."""
    from tests.documents.conftest import docx_with

    folder = _cra_folder(write_inspection, "dry", text=text)
    if override:
        (folder / "templates").mkdir()
        docx_with(folder / "templates" / "letter.docx", "{{ '{{' }} council {{ '}}' }}")
    assert run(["check", str(folder)]) == 2
    check_errors = capsys.readouterr().err.splitlines()
    assert run(["report", str(folder)]) == 2
    report_errors = capsys.readouterr().err.splitlines()
    assert check_errors == report_errors
    assert any("letter.docx" in line for line in check_errors)
    assert not (folder / "documents").exists()
