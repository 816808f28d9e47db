"""Post-render checks: leftover template code, child identifiers, dates of birth."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.documents.conftest import DEVELOPMENT, SATISFACTORY, STRENGTH, docx_with

from inspectkit.documents import check_document, render_workspace
from inspectkit.documents.checks import PrivateValue, dates_in_text
from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.workspace import load_workspace


def test_a_leftover_tag_is_caught(tmp_path):
    path = docx_with(tmp_path / "a.docx", "Dear Director", "Council: {{ council }}")
    (problem,) = check_document(path, label="a.docx")
    assert problem == "a.docx: paragraph 2 still holds template code '{{'"
    path = docx_with(tmp_path / "b.docx", "{% if x %}")
    assert check_document(path, label="b.docx")


def test_a_date_of_birth_in_a_header_is_caught_without_repeating_it(tmp_path):
    born = date(2004, 3, 14)
    path = docx_with(tmp_path / "a.docx", "Body text.", header="Child born 14/03/2004")
    private = [PrivateValue(where="caselist.csv row 7, date of birth", day=born)]
    (problem,) = check_document(path, label="a.docx", private=private)
    assert problem == "a.docx: contains a date of birth (caselist.csv row 7, date of birth)"
    assert "2004" not in problem
    # the inspection's own dates are allowed even if a child shares them
    assert check_document(path, label="a.docx", private=private, allowed_dates={born}) == []


def test_identifiers_match_whole_tokens_only(tmp_path):
    private = [PrivateValue(where="sample.json row 3", text="CR10042")]
    clean = docx_with(tmp_path / "a.docx", "Case CR100420 and XCR10042 are other numbers.")
    assert check_document(clean, label="a", private=private) == []
    leaked = docx_with(tmp_path / "b.docx", "The file of CR10042, reviewed.")
    assert check_document(leaked, label="b", private=private) == [
        "b: contains a child identifier (sample.json row 3)"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "2005-03-14",
        "14/03/2005",
        "14.03.2005",
        "14/3/05",
        "14 March 2005",
        "14 Mar 2005",
        "14th March 2005",
        "14th of March, 2005",
        "14-Mar-05",
        "March 14, 2005",
        "Mar. 14th 2005",
        "3 May 14 March 2005",  # a near miss must not swallow the date after it
    ],
)
def test_dates_are_found_in_every_common_form(text):
    assert date(2005, 3, 14) in dates_in_text(f"born {text}.")


def test_welsh_month_names_and_no_false_dates():
    assert date(2005, 3, 14) in dates_in_text("ganwyd 14 Mawrth 2005", ["en_GB", "cy"])
    assert dates_in_text("section 47 of 2005; 12345-03-14; 31/02/2005; page 14 of 2005") == set()


@pytest.mark.parametrize(
    "written",
    [
        "Cases CR10042/CR10043 were read.",  # joined by a slash
        "See CR10041.CR10042 in the log.",  # joined by a dot
        "File cr10042 was read.",  # typed in lower case
        "Ref CR10042-2 is a later episode.",
    ],
)
def test_identifiers_joined_to_others_or_in_another_case_are_caught(tmp_path, written):
    private = [PrivateValue(where="caselist.csv row 9, reference", text="CR10042")]
    path = docx_with(tmp_path / "a.docx", written)
    assert check_document(path, label="a", private=private) == [
        "a: contains a child identifier (caselist.csv row 9, reference)"
    ]


def test_a_reference_with_a_separator_inside_is_found_as_a_whole(tmp_path):
    private = [
        PrivateValue(where="row 2", text="FAKE-000123"),
        PrivateValue(where="row 3", text="AB 77"),
    ]
    path = docx_with(tmp_path / "a.docx", "Read FAKE-000123/FAKE-000124 and ab 77.")
    assert check_document(path, label="a", private=private) == [
        "a: contains a child identifier (row 2)",
        "a: contains a child identifier (row 3)",
    ]
    clean = docx_with(tmp_path / "b.docx", "Read FAKE-0001234 and AB 778 and XFAKE-000123.")
    assert check_document(clean, label="b", private=private) == []


def test_the_check_reads_rendered_bytes_and_reports_a_broken_package(tmp_path):
    path = docx_with(tmp_path / "a.docx", "Dear {{ recipient }}")
    assert check_document(path.read_bytes(), label="mem") == [
        "mem: paragraph 1 still holds template code '{{'"
    ]
    (problem,) = check_document(b"PK not really a package", label="bad")
    assert problem.startswith("bad: does not open as a Word document")


def _write_case_list(directory: Path) -> list:
    from inspectkit.caselist import read_case_list
    from inspectkit.caselist.fake import write_fake_case_list

    path = write_fake_case_list(
        directory / "caselist.csv",
        60,
        7,
        date(2011, 10, 17),
        get_host().regime_models(),
    )
    return list(read_case_list(path, get_host().regime("cra_2010").regime, strict=False).cases)


def test_a_planted_date_of_birth_stops_the_document(cra_workspace):
    from inspectkit.dates import format_date

    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    cases = _write_case_list(directory)
    case = next(c for c in cases if isinstance(c.values.get("date_of_birth"), date))
    born = case.values["date_of_birth"]
    with (directory / "inspection.toml").open("a", encoding="utf-8") as handle:
        handle.write(
            '\n[[findings]]\narea = "working_together"\ntype = "satisfactory"\n'
            f'text = "A child born {format_date(born)} was seen promptly."\n'
        )
    with pytest.raises(InputError) as caught:
        render_workspace(load_workspace(directory, get_host()))
    (problem,) = caught.value.problems
    assert f"caselist.csv row {case.row}, date of birth" in problem
    assert format_date(born) not in problem
    assert not (directory / "documents" / "letter.docx").exists()
    assert not list((directory / "documents").glob("*.part"))


def _plant_finding(directory: Path, lines: str) -> None:
    """Append a satisfactory finding whose text (and more) is ``lines`` of TOML."""
    with (directory / "inspection.toml").open("a", encoding="utf-8") as handle:
        handle.write(f'\n[[findings]]\narea = "working_together"\ntype = "satisfactory"\n{lines}\n')


def test_a_planted_case_reference_stops_the_document(cra_workspace):
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    case = _write_case_list(directory)[5]
    _plant_finding(directory, f'text = "Case {case.reference} shows good multi-agency work."')
    with pytest.raises(InputError) as caught:
        render_workspace(load_workspace(directory, get_host()))
    assert any(f"row {case.row}, reference" in p for p in caught.value.problems)
    assert all(case.reference not in p for p in caught.value.problems)


def test_an_override_leaving_template_code_fails_and_keeps_nothing(cra_workspace):
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    (directory / "templates").mkdir()
    docx_with(
        directory / "templates" / "staff_information.docx",
        "Staff at {{ council }}",
        "Literal {{ '{{' }} left behind",
    )
    with pytest.raises(InputError) as caught:
        render_workspace(load_workspace(directory, get_host()))
    assert caught.value.problems == [
        f"{directory / 'documents' / 'staff_information.docx'}: paragraph 2 still holds "
        "template code '{{'"
    ]
    assert not (directory / "documents" / "staff_information.docx").exists()


def test_an_override_dropping_the_outcome_sentence_fails(cra_workspace):
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    (directory / "templates").mkdir()
    docx_with(directory / "templates" / "letter.docx", "Dear {{ recipient }}", "Short letter.")
    with pytest.raises(InputError) as caught:
        render_workspace(load_workspace(directory, get_host()))
    assert any("(outcome_no_priority_action), but does not" in p for p in caught.value.problems)


def test_templates_run_sandboxed_and_strict(cra_workspace):
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    (directory / "templates").mkdir()
    docx_with(directory / "templates" / "staff_information.docx", "{{ council.__class__.__mro__ }}")
    with pytest.raises(InputError) as caught:
        render_workspace(load_workspace(directory, get_host()))
    assert "template error" in caught.value.problems[0]
    docx_with(directory / "templates" / "staff_information.docx", "{{ counsil }}")
    with pytest.raises(InputError) as caught:
        render_workspace(load_workspace(directory, get_host()))
    assert "'counsil' is undefined" in caught.value.problems[0]


def test_a_case_list_row_with_an_unreadable_birth_date_still_protects_its_reference(
    cra_workspace,
):
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    cases = _write_case_list(directory)
    path = directory / "caselist.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    birth = header.index("Date of Birth")
    victim = cases[3]
    cells = lines[victim.row - 1].split(",")
    assert cells[0] == victim.reference
    cells[birth] = "31/02/2006"  # no such day: the lenient reader leaves the row out
    lines[victim.row - 1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = render_workspace(
        load_workspace(directory, get_host())
    )  # nothing leaks: renders, and says what it could not check
    assert any("1 date(s) of birth could not be read" in w for w in result.warnings)
    assert all("31/02/2006" not in w and victim.reference not in w for w in result.warnings)

    with (directory / "inspection.toml").open("a", encoding="utf-8") as handle:
        handle.write(
            '\n[[findings]]\narea = "working_together"\ntype = "satisfactory"\n'
            f'text = "Case {victim.reference} shows good multi-agency work."\n'
        )
    with pytest.raises(InputError) as caught:
        render_workspace(load_workspace(directory, get_host()))
    assert any(f"caselist.csv row {victim.row}, reference" in p for p in caught.value.problems)


def test_check_finds_a_planted_reference_before_anything_is_rendered(cra_workspace, capsys):
    """`check` refuses what `report` refuses, naming the inspection file's key, not the value."""
    from tests.cli_run import run_main

    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    case = _write_case_list(directory)[5]
    _plant_finding(
        directory,
        f'text = "Good."\nrecommendations = ["Share the plan for {case.reference.lower()}."]',
    )
    for command in ("check", "report"):
        status, _out, err = run_main(capsys, command, str(directory))
        assert status == 2
        assert err.splitlines() == [
            f"inspectkit: error: {directory / 'inspection.toml'}: findings[3].recommendations: "
            f"contains a child identifier (caselist.csv row {case.row}, reference)"
        ]
    assert not (directory / "documents").exists()


def test_template_marks_in_what_people_wrote_are_text_but_a_template_s_own_are_not(tmp_path):
    """Issue 16: ``{{ … }}`` in a finding survives into the document as text; the same
    marks left by the template itself (a tag that did not render) still stop it."""
    from inspectkit.documents.checks import written_marks
    from inspectkit.model.inspection import Finding

    context = {
        "findings": [Finding(area="a", level="b", text="Plans for {{ council }} are")],
        "sections": {"notes": "Plain text\n late {% soon %}."},
        "council": "Plain council",
    }
    marks = written_marks(context)
    assert marks == ("Plans for {{ council }} are", "late {% soon %}.")
    path = docx_with(tmp_path / "a.docx", "Plans for {{ council }} are late {% soon %}.")
    assert check_document(path, label="a.docx", written=marks) == []
    stray = docx_with(tmp_path / "b.docx", "Dear {{ recipient }}, plans for {{ council }} are")
    assert check_document(stray, label="b.docx", written=marks) == [
        "b.docx: paragraph 1 still holds template code '{{'"
    ]
