"""Rebuild ``templates/jtai_2016_letter.docx`` from code, so the template is reviewable.

Run ``python scripts/build_letter_template.py`` after changing the wording below and
commit both files.  The placeholders are docxtpl (Jinja) tags filled when the letter
is rendered: ``council``, ``start_date``, ``letter_date`` and ``findings`` come from
inspectkit's document context (``findings`` maps each finding type to its findings);
``inspectorates`` comes from this plugin's
``inspectkit_document_context`` hook.  The letter has no grades: findings are listed
under what is working well and what needs to improve.
"""

from __future__ import annotations

import sys
from pathlib import Path

TARGET = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "inspectkit_jtai_2016"
    / "templates"
    / "jtai_2016_letter.docx"
)

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Introduction",
        (
            "From {{ start_date }}, {{ inspectorates }} carried out a joint inspection of "
            "how agencies in {{ council }} work together to identify, support and protect "
            "vulnerable children and young people.",
            "This letter sets out what the inspectors found. It does not award grades.",
        ),
    ),
    (
        "What is working well",
        (
            "{%p for finding in findings.good_practice %}",
            "{{ finding.area_title }}: {{ finding.text }}",
            "{%p endfor %}",
        ),
    ),
    (
        "Areas for improvement",
        (
            "{%p for finding in findings.area_for_improvement %}",
            "{{ finding.area_title }}: {{ finding.text }}",
            "{%p endfor %}",
        ),
    ),
)


def build(target: Path = TARGET) -> Path:
    """Write the letter template to ``target`` and return it."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4, not python-docx's Letter
    section.header.paragraphs[0].text = "{{ inspectorates }}"
    section.footer.paragraphs[0].text = "Joint targeted area inspection · {{ council }}"
    document.add_heading("Joint targeted area inspection of {{ council }}", level=0)
    document.add_paragraph("Date: {{ letter_date }}")
    document.add_paragraph("Dear {{ recipient }}")
    for number, (heading, paragraphs) in enumerate(SECTIONS, start=1):
        document.add_heading(f"{number}. {heading}", level=1)
        for text in paragraphs:
            document.add_paragraph(text)
    document.core_properties.title = "Joint targeted area inspection letter"
    document.core_properties.author = "inspectkit-jtai-2016"
    partial = target.with_name(f".{target.name}.part")
    document.save(str(partial))
    partial.replace(target)
    return target


if __name__ == "__main__":
    sys.stdout.write(f"wrote {build()}\n")
