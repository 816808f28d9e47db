"""The cra_2010 Annex D letter: outcome sentence by data, sections, limiting statement."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli_run import run_main
from tests.documents.conftest import DEVELOPMENT, PRIORITY, SATISFACTORY, STRENGTH
from tests.documents.test_doc_checks import docx_with

from inspectkit.documents import document_paragraphs, render_workspace
from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.workspace import load_workspace


def statements() -> dict[str, str]:
    """Each statement as a letter with one finding of each kind prints it ("an area")."""
    return {s.id: s.one or s.text for s in get_host().regime("cra_2010").regime.report.statements}


def letter_text(directory: Path) -> list[str]:
    result = render_workspace(load_workspace(directory, get_host()))
    letter = next(p for p in result.documents if p.name == "letter.docx")
    return document_paragraphs(letter)


def test_no_priority_action_gives_the_first_outcome_sentence_and_no_section(cra_workspace):
    paragraphs = letter_text(cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT]))
    wording = statements()
    assert wording["outcome_no_priority_action"] in paragraphs
    assert wording["outcome_priority_action_with_strengths"] not in paragraphs
    assert "Area for priority action" not in paragraphs
    assert wording["limiting_statement"] not in paragraphs
    assert wording["future_inspection"] in paragraphs
    for heading in ("Strengths", "Satisfactory practice", "Area for development"):
        assert heading in paragraphs
    assert STRENGTH[2] in paragraphs and DEVELOPMENT[2] in paragraphs
    assert not any("{{" in p or "{%" in p for p in paragraphs)


def test_one_priority_action_switches_sentence_adds_section_and_limiting_statement(cra_workspace):
    paragraphs = letter_text(cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT, PRIORITY]))
    wording = statements()
    assert wording["outcome_no_priority_action"] not in paragraphs
    assert wording["outcome_priority_action_with_strengths"] in paragraphs
    assert "Area for priority action" in paragraphs
    assert PRIORITY[2] in paragraphs
    assert wording["limiting_statement"] in paragraphs
    # the priority section comes after development and before the closing statements
    order = [
        paragraphs.index(x)
        for x in (
            "Area for development",
            "Area for priority action",
            wording["limiting_statement"],
        )
    ]
    assert order == sorted(order)


def test_priority_action_without_strengths_uses_the_third_sentence(cra_workspace):
    paragraphs = letter_text(cra_workspace([SATISFACTORY, DEVELOPMENT, PRIORITY]))
    assert statements()["outcome_priority_action_without_strengths"] in paragraphs


def test_a_council_named_with_ampersand_and_angle_brackets_survives(cra_workspace):
    council = "A & B <Council>"
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT], council=council)
    result = render_workspace(load_workspace(directory, get_host()))
    for document in result.documents:
        if document.suffix == ".docx":
            text = "\n".join(document_paragraphs(document))
        else:  # the Annex B email: text, and a .eml whose subject is encoded
            text = document.read_text(encoding="utf-8")
            if document.suffix == ".eml":
                from email import message_from_string, policy

                parsed = message_from_string(text, policy=policy.default)
                text = f"{parsed['Subject']}\n{parsed.get_content()}"
        assert council in text, document.name
    letter = "\n".join(document_paragraphs(directory / "documents" / "letter.docx"))
    assert f"{council} children's services" in letter
    assert letter.count(council) >= 3  # address, heading, body (and footer)


def test_dates_come_from_the_plan_in_words(cra_workspace):
    paragraphs = letter_text(cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT]))
    text = "\n".join(paragraphs)
    # Sunderland 2012: site visit 18-19 October 2011, letter 16 November 2011.
    assert "which was conducted on 18–19 October 2011." in text
    assert "16 November 2011" in paragraphs


def test_every_cra_document_renders_and_opens(cra_workspace):
    import docx

    result = render_workspace(
        load_workspace(cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT]), get_host())
    )
    names = sorted(p.name for p in result.documents)
    assert names == [
        "letter.docx",
        "notification_email.eml",
        "notification_email.txt",
        "staff_information.docx",
    ]
    for path in result.documents:
        if path.suffix == ".docx":
            document = docx.Document(str(path))
            assert document.sections[0].header.paragraphs[0].text.startswith("Ofsted")
    email = (result.documents[0].parent / "notification_email.txt").read_text(encoding="utf-8")
    assert "Wednesday 19 October 2011" in email
    # Annex B's sentence; no names recorded, so the annex's own blank stays to fill in
    assert (
        "The two inspectors are myself as lead inspector and [insert name] as team inspector. "
        "We are both suitably qualified" in email
    )


def test_the_site_visit_date_is_one_bold_run(cra_workspace):
    import docx

    result = render_workspace(
        load_workspace(cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT]), get_host())
    )
    letter = docx.Document(str(next(p for p in result.documents if p.name == "letter.docx")))
    body = next(p for p in letter.paragraphs if p.text.startswith("This letter summarises"))
    bold = [run.text for run in body.runs if run.bold]
    assert bold == ["Northwold Borough Council", "18–19 October 2011"]


def test_the_letter_is_copied_as_100025_section_46_says(cra_workspace):
    paragraphs = letter_text(cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT]))
    ending = paragraphs[paragraphs.index("Yours sincerely") :]
    assert ending[1] == "Lead inspector, HMI"
    assert ending[2].startswith("Copy: Chief Executive; Chair of the Local Safeguarding")


def _add(directory: Path, toml: str) -> Path:
    inspection = directory / "inspection.toml"
    inspection.write_text(inspection.read_text(encoding="utf-8") + toml, encoding="utf-8")
    return inspection


def test_no_strength_and_no_priority_action_has_no_annex_d_sentence(cra_workspace, capsys):
    """Annex D's sentences all claim a strength or a priority action: for neither, check and
    report both say so, instead of a letter that claims strengths (or a blank outcome)."""
    directory = cra_workspace([SATISFACTORY, DEVELOPMENT])
    expected = [
        f"inspectkit: error: {directory / 'inspection.toml'}: statements.outcome: 100025 Annex D "
        "gives no outcome sentence for the findings recorded (satisfactory practice, area for "
        "development), so the letter would have none; write it yourself as [statements] "
        'outcome = "..."'
    ]
    for command in ("check", "report"):
        status, _out, err = run_main(capsys, command, str(directory))
        assert (status, err.splitlines()) == (2, expected), command
    assert not (directory / "documents").exists()


def test_the_inspector_writes_the_sentence_annex_d_lacks(cra_workspace, capsys):
    directory = cra_workspace([SATISFACTORY, DEVELOPMENT])
    own = "The inspection identified satisfactory practice, with some areas for development."
    _add(directory, f'\n[statements]\noutcome = "{own}"\n')
    assert run_main(capsys, "check", str(directory))[0] == 0
    paragraphs = letter_text(directory)
    assert own in paragraphs
    assert not any(text in paragraphs for key, text in statements().items() if "outcome" in key)
    (directory / "templates").mkdir()  # an override must carry the inspector's sentence too
    docx_with(directory / "templates" / "letter.docx", "Dear {{ recipient }}", "Short letter.")
    with pytest.raises(InputError) as caught:
        render_workspace(load_workspace(directory, get_host()))
    assert any("statements.outcome, but does not" in p for p in caught.value.problems)


def test_the_source_wording_cannot_be_overridden_and_groups_must_exist(cra_workspace):
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    inspection = _add(directory, '\n[statements]\noutcome = "Fine."\nclosing = "Bye."\n')
    with pytest.raises(InputError) as caught:
        load_workspace(directory, get_host())
    assert caught.value.problems == [
        f"{inspection}: statements.outcome: 100025 Annex D already gives the outcome sentence "
        "for these findings (outcome_no_priority_action); remove this line, the source's "
        "wording stands",
        f"{inspection}: statements.closing: cra_2010 has no statement group 'closing' "
        "(groups: outcome)",
    ]


def test_a_strength_without_an_area_for_development_gets_no_contradicting_sentence(
    cra_workspace, capsys
):
    """Annex D's first sentence says "with some areas for development": with none recorded
    it would contradict the letter's own findings, so check asks for the inspector's."""
    directory = cra_workspace([STRENGTH, SATISFACTORY])
    status, _out, err = run_main(capsys, "check", str(directory))
    assert status == 2
    assert "statements.outcome: 100025 Annex D gives no outcome sentence" in err
    own = "The inspection identified areas of strength and satisfactory practice."
    _add(directory, f'\n[statements]\noutcome = "{own}"\n')
    paragraphs = letter_text(directory)
    assert own in paragraphs
    assert statements()["outcome_no_priority_action"] not in paragraphs


def test_the_letter_has_only_annex_d_headings_with_findings_and_no_invented_lines(cra_workspace):
    """Annex D marks each heading's placeholder "[delete this text]" and has no "none were
    identified" line: a kind of finding with nothing recorded has no heading at all."""
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    paragraphs = letter_text(directory)
    assert not any(p.startswith("No areas") or "were identified." in p for p in paragraphs)
    assert "Area for priority action" not in paragraphs
    own = "The inspection identified satisfactory practice, with some areas for development."
    directory = cra_workspace([SATISFACTORY, DEVELOPMENT], name="no_strength")
    _add(directory, f'\n[statements]\noutcome = "{own}"\n')
    paragraphs = letter_text(directory)
    assert "Strengths" not in paragraphs
    assert "Satisfactory practice" in paragraphs and "Area for development" in paragraphs
    assert not any("No areas of strength" in p for p in paragraphs)


def test_annex_b_is_an_email_to_paste_and_a_draft_to_send(cra_workspace):
    """100025 Annex B is an email: text in the annex's own sentences, and a .eml draft."""
    from email import message_from_bytes, policy

    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    render_workspace(load_workspace(directory, get_host()))
    text = (directory / "documents" / "notification_email.txt").read_text(encoding="utf-8")
    subject, _, body = text.partition("\n\n")
    assert subject == (
        "Subject: Unannounced inspection of contact, referral and assessment services – "
        "Northwold Borough Council"
    )
    for sentence in (
        "This letter is to inform you that Ofsted is today beginning a two-day inspection of "
        "your contact, referral and assessment services for children in need and children who "
        "may be in need of protection.",
        "We would like to provide oral feedback about our findings tomorrow afternoon, "
        "Wednesday 19 October 2011.",
        # no empty "the quality assurance manager": Annex B's sentence, its blanks to fill in
        "This person is [insert name] and can be contacted on [insert number].",
        "I should be grateful if you or a relevant senior officer would contact me on "
        "[insert mobile telephone number] to agree a convenient time and venue",
    ):
        assert sentence in body, sentence
    assert "the quality assurance manager," not in body
    assert body.rstrip().endswith("[insert name] HMI\nLead Inspector")
    draft = message_from_bytes(
        (directory / "documents" / "notification_email.eml").read_bytes(), policy=policy.default
    )
    assert draft["Subject"] == subject.removeprefix("Subject: ")
    assert draft["X-Unsent"] == "1" and draft["Content-Language"] == "en-GB"
    assert draft.get_content_type() == "text/plain"
    assert draft.get_content().replace("\r\n", "\n").strip() == body.strip()
    assert not (directory / "documents" / "notification_email.docx").exists()


def test_check_lists_the_names_and_numbers_annex_b_leaves_blank(cra_workspace, capsys):
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    status, _, err = run_main(capsys, "check", str(directory))
    assert status == 0
    flat = " ".join(err.split())
    assert "100025 Annex B; 100025 Annex C; 100025 Annex D; 100025 §30 ask for" in flat
    assert "not recorded: team[0].name, team[1].name, team[0].telephone, quality_assurance" in flat


def test_area_s_is_the_singular_or_plural_of_what_was_recorded(cra_workspace):
    """Annex D writes "area(s)": the letter says "an area" for one, "areas" for several."""
    regime = get_host().regime("cra_2010").regime
    second = (PRIORITY[0], PRIORITY[1], "Strategy meetings are not held when they should be.")
    one = letter_text(cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT, PRIORITY], name="one"))
    two = letter_text(
        cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT, DEVELOPMENT, PRIORITY, second])
    )
    outcome = next(s for s in regime.report.statements if s.id.endswith("with_strengths"))
    limiting = next(s for s in regime.report.statements if s.id == "limiting_statement")
    assert outcome.one.startswith("The inspection identified an area for priority action")
    assert outcome.one in one and limiting.one in one
    assert "This visit has identified the following area for priority action:" in one
    assert "Area for priority action" in one and "Area for development" in one
    assert outcome.many.startswith("The inspection identified areas for priority action")
    assert outcome.many in two and limiting.many in two
    assert "This visit has identified the following areas for priority action:" in two
    assert "Areas for priority action" in two and "Areas for development" in two
    assert not any("(s)" in p for p in one + two)
