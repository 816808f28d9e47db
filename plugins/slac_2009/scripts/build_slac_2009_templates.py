"""Build slac_2009's Word template: the inspection report (090027 §54-55).

From this plugin's folder, run ``python scripts/build_slac_2009_templates.py`` after
changing the wording below, and commit both this script and the .docx files it
writes.  The blocks come from ``inspectkit.template_blocks``; the context names are documented in
inspectkit's docs/documents.md.
"""

from __future__ import annotations

from pathlib import Path

from inspectkit.docx_style import (
    Doc,
    new_document,
)
from inspectkit.template_blocks import (
    build_all,
    cover,
    grade_table,
    para,
    sections_loop,
    sources_note,
    tag,
)

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "inspectkit_slac_2009" / "templates"


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


BUILDERS = {
    TEMPLATES / "report.docx": slac_report,
}


if __name__ == "__main__":
    build_all(BUILDERS)
