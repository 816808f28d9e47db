"""The starter Word letter a new regime plugin gets, built with python-docx.

A scaffolded plugin needs a real ``.docx`` (the conformance kit checks that every
declared template exists), and a binary file kept as package data would drift from
the document engine's placeholders unseen.  Building it here, from the placeholder
names below, keeps it readable and reviewable as code.  The placeholders are
docxtpl/Jinja tags filled by ``inspectkit report`` from the document context
(``council``, ``recipient``, ``regime.title``, ``start_date``, ``letter_date``,
``levels`` with their ``findings``...; see docs/plugin-authors.md); paragraph
loops use ``{%p %}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from attrs import frozen
from docx.shared import Pt

from inspectkit.documents.properties import DocumentProperties, apply_properties
from inspectkit.docx_style import a4
from inspectkit.files import atomic_path


@frozen(kw_only=True)
class LetterSection:
    """One numbered section: its heading and its paragraphs (text or docxtpl tags)."""

    heading: str
    paragraphs: tuple[str, ...]


STARTER_SECTIONS: tuple[LetterSection, ...] = (
    LetterSection(
        heading="Introduction",
        paragraphs=(
            "Dear {{ recipient }}",
            "This letter sets out the findings of the {{ regime.title }} of {{ council }}, "
            "which began on {{ start_date }}.",
        ),
    ),
    LetterSection(
        heading="Findings",
        paragraphs=(
            "{%p for level in levels if level.findings %}",
            "{{ level.label }}",
            "{%p for finding in level.findings %}",
            "{{ finding.area_title }}: {{ finding.text }}",
            "{%p endfor %}",
            "{%p endfor %}",
        ),
    ),
    LetterSection(
        heading="Next steps",
        paragraphs=("Replace this paragraph with the wording your regime's sources require.",),
    ),
)


def build_letter(
    target: Path,
    *,
    heading: str,
    header: str,
    footer: str,
    sections: Sequence[LetterSection] = STARTER_SECTIONS,
) -> Path:
    """Write a letter template: header, heading, date and addressee, numbered sections, footer."""
    document = docx.Document()
    section = document.sections[0]
    a4(section)  # every Word file inspectkit writes is A4
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    document.add_heading(heading, level=0)
    document.add_paragraph("{{ council }}")
    document.add_paragraph("Date: {{ letter_date }}")
    for number, part in enumerate(sections, start=1):
        document.add_heading(f"{number}. {part.heading}", level=1)
        for text in part.paragraphs:
            paragraph = document.add_paragraph(text)
            paragraph.paragraph_format.space_after = Pt(6)
    apply_properties(document, DocumentProperties(title=heading, author=""))
    with atomic_path(target) as temporary:
        document.save(str(temporary))
    return target
