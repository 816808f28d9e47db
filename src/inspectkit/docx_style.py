"""The house style every Word file inspectkit writes: A4, letterhead, footer, tables.

One look for the regime templates (built by each plugin's
``scripts/build_<regime>_templates.py`` from ``inspectkit.template_blocks``) and for
the documents the core writes itself (readiness packs, action plans): A4 pages, a
letterhead with a rule under it, a footer with page numbers, and tables whose header
row repeats on every page, whose rows never split across pages, and whose column
widths Word *and* LibreOffice keep (so no column is so narrow that words break in
the middle).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor, Twips

A4_SHORT, A4_LONG = Cm(21.0), Cm(29.7)
MARGIN = Cm(2.2)
OFSTED_BLUE = RGBColor(0x00, 0x3A, 0x70)
GREY = RGBColor(0x55, 0x55, 0x55)
# Calibri: Word's own default, and LibreOffice renders it with the metric-compatible
# Carlito (fonts-crosextra-carlito), so a PDF breaks lines and pages as Word does.
FONT = "Calibri"
HEADER_FILL = "003A70"  # table header rows: Ofsted blue, white text
GROUP_FILL = "DCE6F0"  # a heading row inside a table
LABEL_FILL = "F2F2F2"  # the label column of a key-value table

Doc = Any  # python-docx's Document object (untyped library)


def a4(section: Any, *, landscape: bool = False) -> None:
    """An A4 page (portrait or landscape) with the house margins."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        section.page_width, section.page_height = A4_LONG, A4_SHORT
    else:
        section.page_width, section.page_height = A4_SHORT, A4_LONG
    section.left_margin = section.right_margin = MARGIN
    section.top_margin, section.bottom_margin = MARGIN, Cm(2.0)


def text_width(section: Any) -> Length:
    return Length(section.page_width - section.left_margin - section.right_margin)


def new_document(
    marking: str,
    *,
    logo: str = "Ofsted",
    footer_parts: Sequence[str] = ("{{ council }}", " · ", "{{ document.title }}"),
    landscape: bool = False,
) -> Doc:
    """A4, Calibri 11, Ofsted-blue headings, a letterhead (``logo`` and the marking) and a
    footer of ``footer_parts`` with "page N of M"."""
    doc = Document()
    section = doc.sections[0]
    a4(section, landscape=landscape)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name, size in (("Title", 22), ("Heading 1", 15), ("Heading 2", 13), ("Heading 3", 11.5)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = OFSTED_BLUE
        style.font.bold = True
        style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(6)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if fonts.get(qn(theme)) is not None:
                del fonts.attrib[qn(theme)]
    for name in ("List Bullet", "List Number"):
        styles[name].font.name = FONT
        styles[name].font.size = Pt(11)
    header(doc, marking, logo=logo)
    footer(doc, footer_parts)
    return doc


def header(doc: Doc, marking: str, *, logo: str = "Ofsted") -> None:
    section = doc.sections[0]
    head = section.header
    paragraph = head.paragraphs[0]
    name = paragraph.add_run(logo)
    name.bold = True
    name.font.size = Pt(16)
    name.font.color.rgb = OFSTED_BLUE
    stops = paragraph.paragraph_format.tab_stops
    for inherited in (Twips(4680), Twips(9360)):  # the Header style's centre and right tabs
        stops.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(text_width(section), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run("\t")
    mark = paragraph.add_run(marking)
    mark.font.size = Pt(8)
    mark.font.color.rgb = GREY
    rule = head.add_paragraph()
    border(rule)


def border(paragraph: Any) -> None:
    """A thin blue rule under the paragraph (the letterhead line)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"), ("w:color", "003A70")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def field(paragraph: Any, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    value = OxmlElement("w:t")
    value.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, value, end):
        run = paragraph.add_run()  # one run each, all sized like the footer text
        run.font.size = Pt(8)
        run.font.color.rgb = GREY
        run._r.append(element)


def footer(doc: Doc, parts: Sequence[str]) -> None:
    foot = doc.sections[0].footer
    paragraph = foot.paragraphs[0]
    border(paragraph)
    paragraph = foot.add_paragraph()
    for text in (*parts, " · page "):
        run = paragraph.add_run(text)
        run.font.size = Pt(8)
        run.font.color.rgb = GREY
    field(paragraph, "PAGE")
    run = paragraph.add_run(" of ")
    run.font.size = Pt(8)
    field(paragraph, "NUMPAGES")


def shade(cell: Any, fill: str) -> None:
    """Fill a table cell with a solid colour."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shading.set(qn(key), value)
    properties.append(shading)


def fixed_widths(table: Any, widths: Sequence[Any]) -> None:
    """Column widths that Word *and* LibreOffice keep: the grid, every cell, fixed layout.

    python-docx's ``cell.width`` alone sets only the cell; LibreOffice lays the
    table out from ``w:tblGrid`` and would split it into equal columns.
    """
    table.autofit = False
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def keep_row_together(row: Any, repeat: bool = False) -> None:
    """A row never split across pages; ``repeat``: a header row repeated on each page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if repeat:
        properties.append(OxmlElement("w:tblHeader"))


def header_row(row: Any, labels: Sequence[str]) -> None:
    for cell, text in zip(row.cells, labels, strict=True):
        shade(cell, HEADER_FILL)
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    keep_row_together(row, repeat=True)


def proportional_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], total: int, *, minimum: int = 1
) -> list[Length]:
    """Column widths (EMU) sharing ``total`` by how much text each column holds, no column
    narrower than its longest word (plus padding), so Word never breaks a word in two."""
    char = Pt(5.2)  # a wide character of 9 pt Calibri (header words are bold, 11 pt: 6.5)
    padding = Pt(12)  # the cell's left and right margins
    longest = [
        max(
            [len(w) * 1.25 for w in str(h).split()]
            + [len(w) for r in rows for w in str(r[i]).split()]
            + [minimum]
        )
        for i, h in enumerate(header)
    ]
    floor = [int(n * char + padding) for n in longest]
    weight = [
        max(len(str(h)), sum(min(len(str(r[i])), 400) for r in rows) / max(len(rows), 1))
        for i, h in enumerate(header)
    ]
    # Share by weight; a column whose share is below its floor gets the floor, and the
    # rest share what is left, until every column has at least its floor.
    fixed: dict[int, float] = {}
    while True:
        budget = total - sum(fixed.values())
        free = [i for i in range(len(header)) if i not in fixed]
        share = sum(weight[i] for i in free) or 1
        widths = {i: budget * weight[i] / share for i in free}
        short = [i for i in free if widths[i] < floor[i]]
        if not short or len(short) == len(free):
            break
        fixed.update((i, floor[i]) for i in short)
    widths.update(fixed)
    result = [max(widths[i], floor[i]) for i in range(len(header))]
    scale = total / sum(result) if sum(result) > total else 1  # too many columns: shrink all
    return [Length(int(w * scale)) for w in result]
