"""Build every Word template inspectkit ships, with python-docx.

Run ``python tools/build_templates.py`` after changing this file, and commit
both the script and the .docx files it writes.  Building templates from code
keeps each Jinja tag inside a single run (Word's own editor splits tags across
runs when you type them, which breaks docxtpl), and lets a reviewer read the
fixed wording here, next to the seed paragraph it comes from.

Templates written:

* ``templates/inspection_report.docx`` — the core's regime-neutral report;
* cra_2010: ``letter.docx`` (100025 Annex D) and ``staff_information.docx`` (Annex C);
  Annex B is an email, so ``notification_email.txt`` is plain text, written by hand;
* slac_2009: ``report.docx`` (090027 §54-55);
* child_protection_2012: ``report.docx`` (Council briefing 2012's four judgements).

Context names used here are documented in docs/documents.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from inspectkit.docx_style import (
    GREY,
    GROUP_FILL,
    LABEL_FILL,
    Doc,
    fixed_widths,
    header_row,
    keep_row_together,
    new_document,
    shade,
)

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "templates"
PLUGINS = ROOT / "plugins"


# -- building blocks (the house style itself is inspectkit.docx_style) ------------------


def para(doc: Doc, *parts: str | tuple[str, str], style: str | None = None) -> Any:
    """A paragraph of runs; a ("b", text) part is bold, ("i", text) italic.

    Each Jinja tag must be one part, so it stays in one run.
    """
    paragraph = doc.add_paragraph(style=style)
    for part in parts:
        kind, text = part if isinstance(part, tuple) else ("", part)
        run = paragraph.add_run(text)
        run.bold = kind == "b"
        run.italic = kind == "i"
    return paragraph


def address(doc: Doc, *lines: str) -> None:
    """The recipient's block: lines set solid, then a gap before the salutation."""
    for number, line in enumerate(lines, start=1):
        paragraph = para(doc, line)
        paragraph.paragraph_format.space_after = Pt(18 if number == len(lines) else 0)


def tag(doc: Doc, statement: str) -> None:
    """A paragraph-level Jinja statement ({%p ... %}), removed from the output."""
    doc.add_paragraph(f"{{%p {statement} %}}")


def finding_section(doc: Doc, heading: str, items: str) -> None:
    """A heading and its findings as bullets, or nothing at all when none is recorded."""
    tag(doc, f"if {items}")
    para(doc, heading, style="Heading 2")
    tag(doc, f"for f in {items}")
    para(doc, "{{ f.text }}", style="List Bullet")
    tag(doc, "endfor")
    tag(doc, "endif")


def key_value_table(doc: Doc, rows: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for key, value in rows:
        cells = table.add_row().cells
        shade(cells[0], LABEL_FILL)
        run = cells[0].paragraphs[0].add_run(key)
        run.bold = True
        cells[1].paragraphs[0].add_run(value)
    fixed_widths(table, [Cm(4.6), Cm(12.0)])
    doc.add_paragraph()


def grade_table(doc: Doc, heading: str = "Judgement") -> None:
    """The grade summary: every graded section with its grade, one row each, under a
    merged heading row for each top-level part that is not graded itself
    (``grade_summary``; docxtpl ``{%tr %}`` rows)."""
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    header_row(table.rows[0], (heading, "Grade"))
    table.add_row().cells[0].paragraphs[0].add_run("{%tr for row in grade_summary %}")
    table.add_row().cells[0].paragraphs[0].add_run("{%tr if row.group %}")
    group = table.add_row()
    table.add_row().cells[0].paragraphs[0].add_run("{%tr else %}")
    body = table.add_row()
    table.add_row().cells[0].paragraphs[0].add_run("{%tr endif %}")
    table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")
    fixed_widths(table, [Cm(12.6), Cm(4.0)])
    merged = group.cells[0].merge(group.cells[1])
    shade(merged, GROUP_FILL)
    title = merged.paragraphs[0].add_run("{{ row.number }}. {{ row.title }}")
    title.bold = True
    keep_row_together(group)
    body.cells[0].paragraphs[0].add_run("{{ row.number }} {{ row.title }}")
    grade = body.cells[1].paragraphs[0].add_run("{{ row.grade or 'Not graded' }}")
    grade.bold = True
    keep_row_together(body)
    doc.add_paragraph()


def sources_note(doc: Doc) -> None:
    """The report's source notes: every document its headings and wording come from, in full
    (``bibliography``: key, then publisher, title, date and reference)."""
    para(doc, "Sources", style="Heading 2")
    tag(doc, "for e in bibliography")
    note = para(doc, ("b", "{{ e.key }}"), ": ", "{{ e.text }}")
    for run in note.runs:
        run.font.size = Pt(9)
    tag(doc, "endfor")


def page_break(doc: Doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def sections_loop(
    doc: Doc,
    fixed: Callable[[Doc], None] | None = None,
    after: Callable[[Doc], None] | None = None,
) -> None:
    """The report's sections, numbered, each with its grade, text and recommendations;
    ``fixed`` adds wording under a section's heading, ``after`` below its body."""
    tag(doc, "for s in sections")
    tag(doc, "if s.depth == 0")
    para(doc, "{{ s.number }}. {{ s.title }}", style="Heading 1")
    tag(doc, "elif s.depth == 1")
    para(doc, "{{ s.number }} {{ s.title }}", style="Heading 2")
    tag(doc, "else")
    para(doc, "{{ s.number }} {{ s.title }}", style="Heading 3")
    tag(doc, "endif")
    if fixed is not None:
        fixed(doc)
    tag(doc, "if s.graded")
    para(doc, ("b", "Grade: "), ("b", "{{ s.grade or 'not graded' }}"))
    tag(doc, "endif")
    tag(doc, "if s.text")
    para(doc, "{{ s.text }}")
    tag(doc, "endif")
    # A published report carries judgements and what must improve, not the inspectors'
    # evidence notes (those stay in the inspection file; they may cite case references).
    tag(doc, "if s.recommendations and s.graded")
    para(doc, ("b", "Areas for improvement"))
    tag(doc, "endif")
    tag(doc, "for item in s.recommendations")
    para(doc, "{{ item }}", style="List Bullet")
    tag(doc, "endfor")
    if after is not None:
        after(doc)
    tag(doc, "endfor")


UNUSED_PARTS = ("stylesWithEffects", "webSettings", "customXml", "thumbnail")


def slim(doc: Doc) -> None:
    """Drop what python-docx's default template carries but these documents never use.

    Its styles.xml (350 kB, every built-in style and latent style) and
    stylesWithEffects.xml (440 kB) are parsed, serialised and compressed on every
    render; keeping only the styles used makes each render several times cheaper.
    """
    for part in (doc.part, doc.part.package):
        for r_id, rel in list(part.rels.items()):
            if any(
                name in rel.reltype or name in str(getattr(rel, "target_ref", ""))
                for name in UNUSED_PARTS
            ):
                part.rels.pop(r_id)
    styles = doc.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    xml = [doc.element.xml]
    for section in doc.sections:
        xml += [section.header._element.xml, section.footer._element.xml]
    used = set()
    for text in xml:
        used.update(re.findall(r'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', text))
    by_id = {el.get(qn("w:styleId")): el for el in styles.findall(qn("w:style"))}
    used.update(i for i, el in by_id.items() if el.get(qn("w:default")) in ("1", "true"))
    pending = list(used)
    while pending:  # keep what the used styles are based on or linked to
        element = by_id.get(pending.pop())
        if element is None:
            continue
        for tag_name in ("w:basedOn", "w:link", "w:next"):
            ref = element.find(qn(tag_name))
            if ref is not None and ref.get(qn("w:val")) not in used:
                used.add(ref.get(qn("w:val")))
                pending.append(ref.get(qn("w:val")))
    for style_id, element in by_id.items():
        if style_id not in used:
            styles.remove(element)


def save(doc: Doc, path: Path) -> None:
    from inspectkit.documents.properties import DocumentProperties, apply_properties

    slim(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    # en-GB, and no python-docx defaults; rendering sets the document's own title and date
    apply_properties(doc, DocumentProperties(title=path.stem, author="Ofsted"))
    doc.save(str(path))
    print(f"wrote {path.relative_to(ROOT)}")


# -- cra_2010 (seed 000, ref. 100025) --------------------------------------------------


def cra_letter() -> Doc:
    """Annex D: the post-inspection letter, wording as the template gives it."""
    doc = new_document("Unannounced inspection · contact, referral and assessment")
    para(doc, "{{ letter_date }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # Annex D "Dear [insert name]": the addressee by name where the file records one
    # (Regime.names.addressee), else by title.
    address(
        doc,
        "{% if recipient_name %}{{ recipient_name }}, {% endif %}{{ recipient }}",
        "{{ council }}",
    )
    para(doc, "Dear {{ recipient_name or recipient }}")
    para(
        doc,
        (
            "b",
            "Annual unannounced inspection of contact, referral and assessment arrangements "
            "within {{ council }} children's services",
        ),
    )
    para(
        doc,
        "This letter summarises the findings of the recent unannounced inspection of contact, "
        "referral and assessment arrangements within local authority children's services in ",
        ("b", "{{ council }}"),
        " which was conducted on ",
        ("b", "{{ dates.site_visit.range }}"),
        ". The inspection was carried out under section 138 of the Education and Inspections "
        "Act 2006. It will contribute to the annual review of the performance of the "
        "authority's children's services, for which Ofsted will award a rating later in the "
        "year. I would like to thank all of the staff we met for their assistance in "
        "undertaking this inspection.",
    )
    para(
        doc,
        "The inspection sampled the quality and effectiveness of contact, referral and "
        "assessment arrangements and their impact on minimising any child abuse and neglect. "
        "Inspectors considered a range of evidence, including: electronic case records; "
        "supervision files and notes; observation of social workers and senior practitioners "
        "undertaking referral and assessment duties; and other information provided by staff "
        "and managers. Inspectors also spoke to a range of staff including managers, social "
        "workers, other practitioners and administrative staff.",
    )
    para(doc, "{{ statements.outcome }}")
    para(doc, "From the evidence gathered, the following features of the service were identified:")
    # Annex D's headings each come with "[delete this text]": a kind of finding with nothing
    # recorded has no heading, and no sentence Annex D does not have.
    finding_section(doc, "Strengths", "findings.area_of_strength")
    finding_section(doc, "Satisfactory practice", "findings.satisfactory")
    # Annex D's "Area(s)": the singular or plural of what was recorded
    finding_section(
        doc,
        "Area{{ 's' if findings.area_for_development | length > 1 }} for development",
        "findings.area_for_development",
    )
    tag(doc, "if findings.area_for_priority_action")
    plural = "{{ 's' if findings.area_for_priority_action | length > 1 }}"
    para(doc, f"This visit has identified the following area{plural} for priority action:")
    para(doc, f"Area{plural} for priority action", style="Heading 2")
    tag(doc, "for f in findings.area_for_priority_action")
    para(doc, "{{ f.text }}", style="List Bullet")
    tag(doc, "endfor")
    tag(doc, "endif")
    para(doc, "{{ statements.future_inspection }}")
    tag(doc, "if statements.limiting_statement is defined")
    para(doc, "{{ statements.limiting_statement }}")
    tag(doc, "endif")
    para(doc, "Yours sincerely").paragraph_format.space_before = Pt(12)
    # Annex D "Name of inspector, HMI": the lead inspector's name where recorded, then the role
    signature = para(doc, "{{ lead_person.name or lead_person.role }}")
    signature.paragraph_format.space_before = Pt(30)
    signature.paragraph_format.space_after = Pt(0)
    tag(doc, "if lead_person.name")
    para(doc, "{{ lead_person.role }}")
    tag(doc, "endif")
    # 100025 §46: the letter goes to the Chief Executive, the Director of Children's
    # Services, the Chair of the Local Safeguarding Children Board and the lead member.
    copy = para(
        doc,
        "Copy: Chief Executive; Chair of the Local Safeguarding Children Board; "
        "lead member for children's services",
    )
    copy.paragraph_format.space_before = Pt(18)
    for run in copy.runs:
        run.font.size = Pt(9)
        run.font.color.rgb = GREY
    return doc


def cra_staff_information() -> Doc:
    """Annex C: the information sheet for staff in the agencies being inspected."""
    doc = new_document("Information for staff")
    para(
        doc,
        "Unannounced Ofsted inspections of contact, referral and assessment arrangements",
        style="Title",
    )
    para(doc, "{{ council }}", style="Heading 2")
    para(doc, "1. Introduction", style="Heading 1")
    para(
        doc,
        "The purpose of the annual unannounced inspection of contact, referral and assessment "
        "arrangements within local authorities is to assess the effectiveness of front-line "
        "practice in managing potential risks to children and young people and minimising the "
        "incidence of abuse and neglect.",
    )
    para(
        doc,
        "The focus is primarily on the local authority as the lead agency for child "
        "protection, but integral to this is the contribution of partner agencies and the "
        "effectiveness of multi-agency working. The inspection will inform future inspections, "
        "in particular the full inspection of safeguarding and looked after children, Ofsted's "
        "annual assessment of children's services and the Comprehensive Area Assessment. It may "
        "trigger further inspection activity.",
    )
    para(
        doc,
        "Inspections will normally be carried out by two HMIs, both of whom will have a social "
        "work background and experience of child protection and safeguarding services.",
    )
    para(doc, "2. Purpose of the inspections", style="Heading 1")
    para(doc, "Inspections will normally last for two days and include an evaluation of:")
    for item in (
        "the quality and timeliness of referrals and assessments, including the extent and "
        "quality of partner agency involvement, the involvement of children and their families, "
        "and how this impacts on the services offered to children and their families",
        "the quality of management oversight and decision-making, including the senior "
        "management audit of how well workers manage risk of harm through effective referral "
        "and assessment; case allocation and caseload management; the quality of direct "
        "supervision and support; and the quality of case-file recording and arrangements for "
        "informing and involving senior managers in decision-making",
        "the application of thresholds, their clarity and consistency and how these impact on "
        "outcomes for children",
        "the impact of strategy discussions and enquiries in protecting children and young people",
        "the effectiveness of communication, liaison and joint working between agencies",
        "the effectiveness of out-of-hours provision, including accident and emergency health "
        "services, in managing risk of harm through effective information sharing, referral "
        "and assessment",
        "the effectiveness of the service in meeting the needs of children from particular groups",
        "how well services act on users' views",
        "the role and responsibilities of support staff, level of training and support "
        "received and how this impacts on the quality of service delivery",
        "the effectiveness of social workers and unqualified staff, including family support "
        "and social work assistants, in identifying, assessing and managing risk of harm for "
        "children and their families.",
    ):
        para(doc, item, style="List Bullet")
    para(
        doc,
        "The inspectors will undertake the inspection by carrying out the following activities:",
    )
    for item in (
        "meeting with team manager or manager on duty",
        "observation of 'duty room' practice and procedures",
        "interviews with social workers, support and administrative staff",
        "interviews with staff from other agencies if appropriate",
        "examination of a sample of case files, usually alongside the responsible social worker",
        "wherever possible, obtaining the views of children and parents.",
    ):
        para(doc, item, style="List Bullet")
    para(doc, "3. Feedback and reporting", style="Heading 1")
    para(
        doc,
        "The inspectors will provide managers with a summary of the main findings at the end "
        "of the inspection and will follow this up with a letter within five days of the end "
        "of the inspection.",
    )
    para(doc, "Thank you for your assistance with this inspection.")
    para(doc, "Confidentiality will be preserved wherever possible.")
    para(
        doc,
        "Ofsted inspectors are currently conducting an unannounced inspection of contact, "
        "referral and assessment arrangements in this authority. If you wish to speak to an "
        "inspector please contact either:",
    )
    key_value_table(
        doc,
        [
            ("Name of inspector(s)", "{{ team | join('; ') }}"),
            (
                "Mobile number",
                "{{ members | selectattr('telephone') | map(attribute='telephone') | join('; ')"
                " or lead_telephone or '......................' }}",
            ),
        ],
    )
    return doc


# -- slac_2009 (seed 001, ref. 090027) -------------------------------------------------


def cover(doc: Doc, rows: list[tuple[str, str]]) -> None:
    para(doc, "{{ report_title }}", style="Title")
    para(doc, "{{ council }}", style="Heading 1")
    key_value_table(doc, rows)


def slac_report() -> Doc:
    """§54-55: one report; separate sections and grades for safeguarding and for looked after
    children."""
    doc = new_document("Inspection report · safeguarding and looked after children")
    cover(
        doc,
        [
            ("Inspection dates", "{{ dates.fieldwork.to.end_of_inspection }}"),
            ("Reporting inspector", "{{ lead }}"),
            ("Inspection team", "{{ team | join('; ') }}"),
            ("Report published", "{{ letter_date }}"),
            ("Framework", "{{ regime.title }} (Ofsted, reference {{ regime.reference }})"),
        ],
    )

    def about(doc: Doc) -> None:
        tag(doc, "if s.id == 'about_this_inspection'")
        para(
            doc,
            "The inspection was carried out under section 20 of the Children Act 2004 by "
            "inspectors from Ofsted and the Care Quality Commission. It evaluated the "
            "effectiveness of safeguarding services and services for looked after children "
            "and care leavers, with a focus on outcomes for children and young people and the "
            "impact of practice and services.",
        )
        tag(doc, "if sample_size")
        para(
            doc,
            "Inspectors analysed {{ sample_size }} case files selected from the council's list "
            "of current cases, and spoke to children, young people, parents and carers, "
            "front-line staff, managers and partner agencies.",
        )
        tag(doc, "endif")
        tag(doc, "endif")

    def summary(doc: Doc) -> None:
        # §55 puts "About this inspection" first; the summary of grades follows it.
        tag(doc, "if s.id == 'about_this_inspection'")
        para(doc, "The inspection judgements and what they mean", style="Heading 2")
        para(
            doc,
            "All inspection judgements are made using the following four-point scale: "
            "outstanding, good, adequate, inadequate.",
        )
        para(doc, "Summary of grades", style="Heading 2")
        grade_table(doc)
        tag(doc, "endif")

    sections_loop(doc, about, summary)
    sources_note(doc)
    return doc


# -- child_protection_2012 (Council briefing 2012) -------------------------------------------------


def child_protection_report() -> Doc:
    """The report with its four judgements (Council briefing 2012 'What else will be
    considered?')."""
    doc = new_document("Inspection report · protection of children")
    cover(
        doc,
        [
            # Council briefing 2012: "contained within a two-week period" is a bound, not the
            # dates; the last day is the inspector's to enter (dates.inspection_ends)
            (
                "Inspection dates",
                "{% if dates.inspection_ends.entered %}"
                "{{ dates.inspection_period.to.inspection_ends }}{% else %}"
                "{{ dates.inspection_period.first }} – {{ dates.inspection_ends.first }}"
                "{% endif %}",
            ),
            ("Lead inspector", "{{ lead }}"),
            ("Inspection team", "{{ team | join('; ') }}"),
            ("Date of this report", "{{ letter_date }}"),
        ],
    )
    para(doc, "Summary of judgements", style="Heading 2")
    grade_table(doc)
    para(doc, "About this inspection", style="Heading 2")
    para(
        doc,
        "This unannounced inspection considered key aspects of a child's journey through the "
        "child protection system, focusing on the experiences of the child or young person, "
        "and the effectiveness of the help and protection that they are offered. It evaluated "
        "how effectively the local authority leads partnership working, and how effectively "
        "local services contribute to the protection of children and young people.",
    )
    tag(doc, "if sample_size")
    para(
        doc,
        "Inspectors selected {{ sample_size }} cases for analysis. In a sub-set of the sample "
        "they sought to meet children, young people, parents and carers to hear their views "
        "of the help provided.",
    )
    tag(doc, "endif")
    page_break(doc)
    sections_loop(doc)
    sources_note(doc)
    return doc


# -- core default ------------------------------------------------------------------


def generic_report() -> Doc:
    """Any regime's findings or grades, laid out from its report sections and scale."""
    doc = new_document("Inspection report")
    cover(
        doc,
        [
            ("Regime", "{{ regime.title }}"),
            ("Inspection start", "{{ start_date }}"),
            ("Lead inspector", "{{ lead }}"),
            ("Date of this report", "{{ letter_date }}"),
        ],
    )
    tag(doc, "for text in statements.values()")
    para(doc, "{{ text }}")
    tag(doc, "endfor")
    tag(doc, "if grade_table")
    para(doc, "Summary of grades", style="Heading 2")
    grade_table(doc)
    tag(doc, "endif")
    sections_loop(doc)
    tag(doc, "for level in levels")
    tag(doc, "if level.findings")
    para(doc, "{{ level.label }}", style="Heading 2")
    tag(doc, "for f in level.findings")
    para(doc, "{{ f.text }}", style="List Bullet")
    tag(doc, "endfor")
    tag(doc, "endif")
    tag(doc, "endfor")
    sources_note(doc)
    return doc


def plugin_templates(regime_package: str) -> Path:
    name = regime_package.removeprefix("inspectkit_")
    return PLUGINS / name / "src" / regime_package / "templates"


BUILDERS: dict[Path, Callable[[], Doc]] = {
    CORE / "inspection_report.docx": generic_report,
    plugin_templates("inspectkit_cra_2010") / "letter.docx": cra_letter,
    plugin_templates("inspectkit_cra_2010") / "staff_information.docx": cra_staff_information,
    plugin_templates("inspectkit_slac_2009") / "report.docx": slac_report,
    plugin_templates("inspectkit_child_protection_2012") / "report.docx": child_protection_report,
}


def main() -> None:
    for path, build in BUILDERS.items():
        save(build(), path)


if __name__ == "__main__":
    main()
