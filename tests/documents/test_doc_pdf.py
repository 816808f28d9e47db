"""PDF conversion with LibreOffice (runs where soffice is installed, as in CI)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from tests.documents.conftest import DEVELOPMENT, PRIORITY, SATISFACTORY, STRENGTH

from inspectkit.cli import main
from inspectkit.documents import render_workspace
from inspectkit.documents.pdf import convert_to_pdf, find_soffice


@pytest.mark.needs_libreoffice
@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_letter_converts_and_page_one_reads_as_a_letter(cra_workspace):
    council = "A & B <Council>"
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT, PRIORITY], council=council)
    letter = next(p for p in render_workspace(directory).documents if p.name == "letter.docx")
    pdf = convert_to_pdf(letter)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed to read page 1")
    page_one = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Ofsted" in page_one
    assert "16 November 2011" in page_one
    assert "Dear Director of Children's Services" in page_one
    assert f"within {council} children's services" in " ".join(page_one.split())
    assert "page 1 of" in page_one


def test_pdf_without_libreoffice_says_so_in_one_line(cra_workspace, monkeypatch, capsys):
    import inspectkit.documents.pdf as pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    with pytest.raises(SystemExit) as exited:
        main(["report", str(directory), "--pdf"])
    assert exited.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("inspectkit: error: --pdf needs LibreOffice, which is not installed")
