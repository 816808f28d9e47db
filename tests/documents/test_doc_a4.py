"""Every Word file is A4, and the council's documents keep the house style.

Templates, rendered letters and reports, the readiness pack and the action plan: all
A4 (python-docx's own default is US Letter). The readiness pack and the action plan
carry the letterhead and page-numbered footer of the other documents, and their
tables repeat the header row on every page, never split a row, and give each column
at least the width of its longest word, so nothing breaks in mid-word.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from tests.cli_run import run_main
from tests.documents.test_doc_reports import example_workspace

from inspectkit.documents import render_workspace
from inspectkit.plugins import get_host
from inspectkit.workspace import load_workspace

ROOT = Path(__file__).resolve().parents[2]
A4 = {(210, 297), (297, 210)}


def _is_a4(path: Path) -> bool:
    section = docx.Document(str(path)).sections[0]
    return (round(section.page_width.mm), round(section.page_height.mm)) in A4


def test_every_shipped_template_is_a4() -> None:
    templates = [
        p
        for p in ROOT.glob("**/templates/*.docx")
        if ".venv" not in p.parts and ".tox" not in p.parts
    ]
    assert len(templates) >= 6
    assert [p for p in templates if not _is_a4(p)] == []


def test_a_scaffolded_letter_template_is_a4(tmp_path: Path) -> None:
    from inspectkit.scaffold.letter import build_letter

    target = build_letter(tmp_path / "letter.docx", heading="H", header="h", footer="f")
    assert _is_a4(target)


@pytest.mark.parametrize("name", ["cra_2010", "slac_2009", "child_protection_2012"])
def test_rendered_documents_are_a4(tmp_path: Path, name: str) -> None:
    documents = render_workspace(
        load_workspace(example_workspace(tmp_path, name), get_host())
    ).documents
    assert [d.name for d in documents if d.suffix == ".docx" and not _is_a4(d)] == []


def _house_style(path: Path) -> None:
    opened = docx.Document(str(path))
    section = opened.sections[0]
    assert _is_a4(path)
    assert section.header.paragraphs[0].text.strip()  # the letterhead
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    width = section.page_width - section.left_margin - section.right_margin
    for table in opened.tables:
        first = table.rows[0]._tr.trPr
        assert first is not None and first.find(qn("w:tblHeader")) is not None
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
        widths = [cell.width for cell in table.rows[0].cells]
        assert sum(widths) <= width + 10
        for column, cell_width in enumerate(widths):
            words = [w for row in table.rows for w in row.cells[column].text.split()]
            longest = max((len(w) for w in words), default=1)
            # 9 pt Calibri averages under 5 pt a character; a column fits its longest word
            assert cell_width >= Pt(4.5) * longest, (path.name, column, longest)


def test_the_readiness_pack_is_a4_landscape_in_the_house_style(tmp_path: Path, capsys) -> None:
    target = tmp_path / "ready.docx"
    args = ("readiness", "--regime", "slac_2009", "--start", "2012-06-11", "-o", str(target))
    assert run_main(capsys, *args)[0] == 0
    _house_style(target)
    section = docx.Document(str(target)).sections[0]
    assert section.page_width > section.page_height  # landscape
    item = docx.Document(str(target)).tables[0].rows[0].cells[1]
    assert item.text == "Item" and item.width == max(
        c.width for c in docx.Document(str(target)).tables[0].rows[0].cells
    )


def test_the_action_plan_is_a4_in_the_house_style(tmp_path: Path, capsys) -> None:
    directory = example_workspace(tmp_path, "cra_2010")
    target = tmp_path / "actions.docx"
    assert run_main(capsys, "action-plan", str(directory), "-o", str(target))[0] == 0
    _house_style(target)
    assert (
        docx.Document(str(target))
        .sections[0]
        .header.paragraphs[0]
        .text.startswith("Northwold Borough Council")
    )
