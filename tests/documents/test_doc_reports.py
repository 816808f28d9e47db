"""The graded reports: slac_2009 under 090027 §55's headings, child_protection_2012's four
judgements, and the layout every shipped template must keep in Word and LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspectkit.documents import document_paragraphs, render_workspace
from inspectkit.examples import installed_examples
from inspectkit.plugins import get_host
from inspectkit.workspace import load_workspace
from inspectkit.workspace.init import init_workspace


def example_workspace(tmp_path: Path, name: str, extra: str = "") -> Path:
    """The example inspection ``name`` its plugin ships, as a workspace."""
    example = next(e for e in installed_examples(get_host()).examples if e.name == name)
    regime = get_host().regime(example.regime).regime
    directory = tmp_path / name
    init_workspace(
        directory,
        regime,
        example.council,
        example.start,
        body=example.body() + extra,
        team=example.team(),
    )
    return directory


def report_of(directory: Path) -> list[str]:
    (report,) = render_workspace(load_workspace(directory, get_host())).documents
    return document_paragraphs(report)


def test_slac_report_follows_the_section_55_headings_in_order(tmp_path):
    paragraphs = report_of(example_workspace(tmp_path, "slac_2009"))
    headings = [
        "1. About this inspection",
        "2. Service information",
        "3. Safeguarding",
        "3.1 Overall effectiveness",
        "3.2 Capacity for improvement",
        "3.3 Areas for improvement",
        "3.4 How good are outcomes for children and young people?",
        "4. Services for looked after children",
        "4.1 Overall effectiveness",
        "4.3 Areas for improvement",
    ]
    at = 0
    for heading in headings:  # each after the one before (the summary table comes first)
        at = paragraphs.index(heading, at + 1)
        if heading == "3.1 Overall effectiveness":
            assert paragraphs[at + 1] == "Grade: Adequate"


def test_slac_report_opens_with_about_this_inspection_then_the_summary_of_grades(tmp_path):
    # 090027 §55 lists "About this inspection" first; the summary of grades (not a §55
    # heading) follows it, before "Service information".
    paragraphs = report_of(example_workspace(tmp_path, "slac_2009"))
    about = paragraphs.index("1. About this inspection")
    summary = paragraphs.index("Summary of grades")
    service = paragraphs.index("2. Service information")
    assert about < summary < service
    assert not any(p.startswith(("3.", "4.")) for p in paragraphs[:about])


def test_check_prompts_for_a_graded_section_with_no_narrative(tmp_path, capsys):
    # 090027 §55: "The report will set out the inspection findings using text and grades".
    from tests.cli_run import run_main

    directory = example_workspace(tmp_path, "slac_2009")
    status, _, err = run_main(capsys, "check", str(directory))
    assert status == 0  # a prompt, not an error: the grade alone is still a report
    flat = " ".join(err.split())
    assert "graded sections are recorded with no narrative" in flat
    assert "'Value for money' (Good)" in flat
    assert "(090027 §54-55;" in flat
    assert flat.count("with no narrative") == 1  # one line, not one per section
    assert "'Overall effectiveness' (Adequate)" not in flat  # it has its text


def test_the_grade_summary_says_which_part_each_grade_belongs_to(tmp_path):
    import docx

    (report,) = render_workspace(
        load_workspace(example_workspace(tmp_path, "slac_2009"), get_host())
    ).documents
    summary = docx.Document(str(report)).tables[1]
    rows = [[c.text for c in row.cells] for row in summary.rows]
    assert rows[0] == ["Judgement", "Grade"]
    assert rows[1] == ["3. Safeguarding", "3. Safeguarding"]  # one merged heading row
    assert rows[2] == ["3.1 Overall effectiveness", "Adequate"]
    looked_after = rows.index(
        ["4. Services for looked after children", "4. Services for looked after children"]
    )
    assert rows[looked_after + 1] == ["4.1 Overall effectiveness", "Good"]
    assert not any("{%" in cell or "{{" in cell for row in rows for cell in row)


def test_areas_for_improvement_are_labelled_and_evidence_notes_stay_out(tmp_path):
    directory = example_workspace(tmp_path, "child_protection_2012")
    text = (directory / "inspection.toml").read_text(encoding="utf-8")
    text = text.replace(
        'area = "quality_of_practice"\ngrade = "adequate"\n',
        'area = "quality_of_practice"\ngrade = "adequate"\n'
        'evidence = "Internal note: 40 case files audited by the team."\n',
    )
    (directory / "inspection.toml").write_text(text, encoding="utf-8")
    paragraphs = report_of(directory)
    practice = paragraphs.index("3. The quality of practice")
    assert paragraphs[practice + 1 : practice + 5] == [
        "Grade: Adequate",
        "Assessments identify risks, but analysis and the recording of children's views vary "
        "in quality.",
        "Areas for improvement",
        "Improve the analysis in assessments and record the child's views in every plan.",
    ]
    assert not any("Internal note" in p for p in paragraphs)


def test_child_protection_report_has_its_four_judgements(tmp_path):
    paragraphs = report_of(example_workspace(tmp_path, "child_protection_2012"))
    regime = get_host().regime("child_protection_2012").regime
    judged = [s for s in regime.report.sections if s.graded]
    assert len(judged) == 4
    for number, section in enumerate(judged, start=1):
        at = paragraphs.index(f"{number}. {section.title}")
        assert paragraphs[at + 1].startswith("Grade: ")
    # Council briefing 2012 bounds the inspection "within a two-week period" but dates neither
    # its last day nor the report: the cover leaves both for the inspector, never the bound as fact
    assert "11 June 2012 – [date to be entered]" in paragraphs
    assert "22 June 2012" not in " ".join(paragraphs)
    assert paragraphs[paragraphs.index("Date of this report") + 1] == "[date to be entered]"


def test_child_protection_report_prints_the_dates_the_inspector_enters(tmp_path):
    dates = "\n[dates]\ninspection_ends = 2012-06-20\nreport_published = 2012-07-18\n"
    directory = example_workspace(tmp_path, "child_protection_2012", extra=dates)
    paragraphs = report_of(directory)
    assert "11–20 June 2012" in paragraphs
    assert paragraphs[paragraphs.index("Date of this report") + 1] == "18 July 2012"
    assert not any("[date to be entered]" in p for p in paragraphs)


@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("cra_2010", "staff_information.docx"),
        ("slac_2009", "report.docx"),
        ("child_protection_2012", "report.docx"),
    ],
)
def test_tables_keep_their_column_widths_in_libreoffice(tmp_path, name, document):
    """LibreOffice lays a table out from its grid: equal grid columns (python-docx's
    default) squeeze the label column and stretch the grade column."""
    import docx
    from docx.oxml.ns import qn

    rendered = render_workspace(
        load_workspace(example_workspace(tmp_path, name), get_host())
    ).documents
    opened = docx.Document(str(next(p for p in rendered if p.name == document)))
    section = opened.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert opened.tables
    for table in opened.tables:
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert len(set(grid)) > 1, grid
        assert sum(grid) * 635 <= text_width  # twips to EMU
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None and layout.get(qn("w:type")) == "fixed"
