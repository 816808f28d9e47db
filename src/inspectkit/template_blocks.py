"""Building blocks for Word templates made in code with python-docx.

Regime plugins build their templates from code (each in its own
``scripts/build_<regime>_templates.py``) rather than in Word, because Word splits a Jinja tag
across runs as you type it, which breaks docxtpl, and because a reviewer can then read
each fixed sentence beside the source paragraph it comes from.  The blocks here keep
every tag in one run, and are the house style's layout (``inspectkit.docx_style`` is
its look).  Context names the blocks use are documented in docs/documents.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from inspectkit.documents.properties import DocumentProperties, apply_properties
from inspectkit.docx_style import (
    GROUP_FILL,
    LABEL_FILL,
    Doc,
    fixed_widths,
    header_row,
    keep_row_together,
    shade,
)


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
    """A two-column table of labels (shaded, bold) and values."""
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
    """A page break in a paragraph of its own."""
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


def save(doc: Doc, path: Path) -> Path:
    """Write a built template to ``path``, slimmed, with en-GB properties and none of
    python-docx's defaults (rendering sets each document's own title and date)."""
    slim(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    apply_properties(doc, DocumentProperties(title=path.stem, author="Ofsted"))
    doc.save(str(path))
    return path


def build_all(builders: Mapping[Path, Callable[[], Doc]]) -> None:
    """Build and save each template (what each plugin's build script runs)."""
    for path, build in builders.items():
        print(f"wrote {save(build(), path)}")


def cover(doc: Doc, rows: list[tuple[str, str]]) -> None:
    """A report's cover: its title, the council, and a table of its particulars."""
    para(doc, "{{ report_title }}", style="Title")
    para(doc, "{{ council }}", style="Heading 1")
    key_value_table(doc, rows)
