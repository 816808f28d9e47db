"""Build the core's own Word template, ``templates/inspection_report.docx``.

The regime-neutral report any regime without templates of its own falls back to.
Run ``python tools/build_templates.py`` after changing it and commit both files.
Each bundled regime builds its own templates with its plugin's
``scripts/build_<regime>_templates.py``, from the same blocks (``inspectkit.template_blocks``).
"""

from __future__ import annotations

from pathlib import Path

from inspectkit.docx_style import Doc, new_document
from inspectkit.template_blocks import (
    build_all,
    cover,
    grade_table,
    para,
    sections_loop,
    sources_note,
    tag,
)

TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "inspection_report.docx"


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


if __name__ == "__main__":
    build_all({TEMPLATE: generic_report})
