"""Build child_protection_2012's Word template: the report with its four judgements
(Council briefing 2012).

From this plugin's folder, run ``python scripts/build_child_protection_2012_templates.py`` after
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
    page_break,
    para,
    sections_loop,
    sources_note,
    tag,
)

TEMPLATES = (
    Path(__file__).resolve().parents[1] / "src" / "inspectkit_child_protection_2012" / "templates"
)


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


BUILDERS = {
    TEMPLATES / "report.docx": child_protection_report,
}


if __name__ == "__main__":
    build_all(BUILDERS)
