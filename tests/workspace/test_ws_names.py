"""Names: the inspecting team and the addressee only where the regime's templates ask.

100025 §43 keeps evidence anonymous ("only job titles of staff should be recorded");
the same guidance's annexes ask for the inspectors' own names and numbers (Annex B
"[insert name] as team inspector", Annex C "Name of inspector(s) … Mobile number",
Annex D "Name of inspector, HMI") and the addressee's (Annex D "Dear [insert name]").
Each regime declares both in ``[names]``; every refusal cites the regime's own rule.
"""

from __future__ import annotations

import pytest

from inspectkit.documents import document_paragraphs, render_workspace
from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.workspace import Person, load_workspace

NAMED_CRA = """regime = "cra_2010"
council = "Northwold Borough Council"
start = 2011-10-17
team = [
  { role = "Lead inspector, HMI", name = "Alex Morgan", telephone = "07700 900123" },
  { role = "Team inspector, HMI", name = "Sam Patel" },
]
recipient = "Director of Children's Services"
recipient_name = "Robin Lee"
[quality_assurance]
role = "Quality assurance manager, HMI"
name = "Chris Wood"
telephone = "0300 123 1231"

[[findings]]
area = "safeguarding_prioritised"
type = "area_of_strength"
text = "Senior leaders prioritise safeguarding."

[[findings]]
area = "safeguarded_and_protected"
type = "satisfactory"
text = "Section 47 enquiries are timely."

[[findings]]
area = "concerns_identified"
type = "area_for_development"
text = "Assessments vary in quality."
"""


def problems_of(directory) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_workspace(directory, get_host())
    return caught.value.problems


def test_cra_takes_the_inspectors_names_and_telephones_and_the_addressee(write_inspection):
    inspection = load_workspace(write_inspection("", header=NAMED_CRA), get_host()).inspection
    assert inspection.team == (
        Person(role="Lead inspector, HMI", name="Alex Morgan", telephone="07700 900123"),
        Person(role="Team inspector, HMI", name="Sam Patel"),
    )
    assert inspection.recipient_name == "Robin Lee"
    assert inspection.quality_assurance == Person(
        role="Quality assurance manager, HMI", name="Chris Wood", telephone="0300 123 1231"
    )


def test_a_team_of_job_titles_still_loads(write_inspection):
    inspection = load_workspace(write_inspection(""), get_host()).inspection
    assert inspection.team == (
        Person(role="Lead inspector, HMI"),
        Person(role="Team inspector, HMI"),
    )


def test_cra_documents_carry_the_names_annexes_b_c_d_ask_for(write_inspection):
    result = render_workspace(load_workspace(write_inspection("", header=NAMED_CRA), get_host()))
    text = {
        path.name: "\n".join(document_paragraphs(path))
        for path in result.documents
        if path.suffix == ".docx"
    }
    letter = text["letter.docx"]  # Annex D: "Dear [insert name]", signed "Name of inspector, HMI"
    assert "Dear Robin Lee" in letter
    assert "Alex Morgan\nLead inspector, HMI" in letter
    assert "Dear Robin Lee:" in (result.documents[0].parent / "notification_email.txt").read_text(
        "utf-8"
    )
    email = (result.documents[0].parent / "notification_email.txt").read_text("utf-8")  # B
    assert "myself as lead inspector and Sam Patel as team inspector" in email
    assert "contact me on 07700 900123" in email
    assert "This person is Chris Wood and can be contacted on 0300 123 1231." in email
    staff = text["staff_information.docx"]  # Annex C: "Name of inspector(s)", "Mobile number"
    assert "Alex Morgan, Lead inspector, HMI; Sam Patel, Team inspector, HMI" in staff
    assert "07700 900123" in staff


def test_unnamed_the_documents_print_the_role(write_inspection):
    findings = NAMED_CRA[NAMED_CRA.index("[[findings]]") :]
    result = render_workspace(load_workspace(write_inspection(findings), get_host()))
    letter = next(p for p in result.documents if p.name == "letter.docx")
    paragraphs = document_paragraphs(letter)
    assert "Dear Director of Children's Services" in paragraphs
    assert "Lead inspector, HMI" in paragraphs


@pytest.mark.parametrize(
    ("regime", "rule"),
    [("slac_2009", "090027 §63; 090027 §69"), ("child_protection_2012", "Council briefing 2012")],
)
def test_regimes_whose_templates_ask_for_no_names_refuse_them_citing_their_own_rule(
    write_inspection, regime, rule
):
    header = NAMED_CRA.split("\n[[findings]]")[0].replace("cra_2010", regime)
    header = header.replace("2011-10-17", "2012-06-11")
    problems = problems_of(write_inspection("", header=header))
    where = {p.split(": ")[1] for p in problems}
    assert {
        "team[0].name",
        "team[0].telephone",
        "team[1].name",
        "recipient_name",
        "quality_assurance.name",
        "quality_assurance.telephone",
    } <= where
    assert all(f"({rule})" in p for p in problems), problems
    assert not any("100025" in p for p in problems)  # never another regime's paragraph


def test_council_staff_are_job_titles_even_where_inspectors_may_be_named(write_inspection):
    header = NAMED_CRA.split("\n[[findings]]")[0].replace(
        'recipient = "Director of Children\'s Services"', 'recipient = "Robin Lee"'
    )
    problems = problems_of(
        write_inspection(
            '[contacts]\nmanager_informed = "Pat Jones"\n\n[[findings]]\n'
            'area = "safeguarding_prioritised"\ntype = "area_of_strength"\n'
            'text = "Mrs Smith leads the team well."\n',
            header=header,
        )
    )
    assert any(": recipient: expected a job title" in p and "(100025 §43)" in p for p in problems)
    assert any(": contacts.manager_informed: expected a job title" in p for p in problems)
    assert any(
        ": findings[0].text: an honorific and a name at character 1" in p and "(100025 §43)" in p
        for p in problems
    )
    assert not any(name in p for p in problems for name in ("Robin Lee", "Pat Jones", "Smith"))


def test_a_telephone_must_be_a_number(write_inspection):
    header = NAMED_CRA.split("\n[[findings]]")[0].replace("07700 900123", "ring the office")
    problems = problems_of(write_inspection("", header=header))
    assert any(": team[0].telephone: expected a telephone number" in p for p in problems)


def test_a_name_is_not_a_number_or_a_role_a_name(write_inspection):
    header = NAMED_CRA.split("\n[[findings]]")[0].replace('name = "Sam Patel"', 'name = "0800"')
    header = header.replace('role = "Lead inspector, HMI"', 'role = "Alex Morgan"')
    problems = problems_of(write_inspection("", header=header))
    assert any(": team[1].name: expected a person's name" in p for p in problems)
    assert any(
        ": team[0].role: expected a job title" in p and "name = (as 100025 Annex B" in p
        for p in problems
    )


def test_regimes_show_prints_each_regimes_names_rule():
    from click.testing import CliRunner

    from inspectkit.cli import cli

    shown = CliRunner().invoke(cli, ["regimes", "show", "slac_2009"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0
    assert "rule: Evidence may be disclosed" in shown.output
    assert "[090027 §63; 090027 §69]" in shown.output
    assert "inspectors named" not in shown.output
