"""PDF conversion with LibreOffice (runs where soffice is installed, as in CI)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from tests.documents.conftest import DEVELOPMENT, PRIORITY, SATISFACTORY, STRENGTH

from inspectkit.cli import main
from inspectkit.documents import render_workspace
from inspectkit.documents.pdf import convert_to_pdf, find_soffice
from inspectkit.plugins import get_host
from inspectkit.workspace import load_workspace


@pytest.mark.needs_libreoffice
@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_letter_converts_and_page_one_reads_as_a_letter(cra_workspace):
    council = "A & B <Council>"
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT, PRIORITY], council=council)
    letter = next(
        p
        for p in render_workspace(load_workspace(directory, get_host())).documents
        if p.name == "letter.docx"
    )
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


@pytest.mark.needs_libreoffice
@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is missing")
def test_a_report_and_the_action_plan_print_on_a4(tmp_path, capsys):
    from tests.cli_run import run_main
    from tests.documents.test_doc_reports import example_workspace

    (report,) = render_workspace(
        load_workspace(example_workspace(tmp_path, "slac_2009"), get_host())
    ).documents
    plan = tmp_path / "actions.docx"
    cra = example_workspace(tmp_path, "cra_2010")
    assert run_main(capsys, "action-plan", str(cra), "-o", str(plan))[0] == 0
    for document, landscape in ((report, False), (plan, True)):
        info = subprocess.run(
            ["pdfinfo", str(convert_to_pdf(document))], capture_output=True, text=True, check=True
        ).stdout
        fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
        assert int(fields["Pages"]) >= 1
        width, height = (float(v) for v in fields["Page size"].split("pts")[0].split(" x "))
        size = (round(height), round(width)) if landscape else (round(width), round(height))
        assert size == (595, 842), (document.name, fields["Page size"])  # A4 in points


# LibreOffice converts a workbook only with its spreadsheet part (Debian's
# libreoffice-calc-nogui, which .ci/run installs; its core library is libsclo).
CALC = find_soffice() is not None and any(
    Path(folder, "libsclo.so").exists()
    for folder in ("/usr/lib/libreoffice/program", "/opt/libreoffice/program")
)


@pytest.mark.needs_libreoffice
@pytest.mark.slow
@pytest.mark.skipif(not CALC, reason="LibreOffice Calc is not installed (libreoffice-calc-nogui)")
@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is missing")
def test_the_readiness_workbook_prints_one_page_wide_on_a4(tmp_path, capsys):
    """Fit to width: every column of the checklist is on the first page, landscape A4."""
    from tests.cli_run import run_main

    workbook = tmp_path / "readiness.xlsx"
    status, _out, err = run_main(
        capsys, "readiness", "--regime", "slac_2009", "--start", "2012-06-11", "-o", str(workbook)
    )
    assert status == 0, err
    pdf = convert_to_pdf(workbook)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    fields = dict(line.split(":", 1) for line in info.stdout.splitlines() if ":" in line)
    width, height = (float(v) for v in fields["Page size"].split("pts")[0].split(" x "))
    assert (round(width), round(height)) == (842, 595), fields["Page size"]  # A4 landscape
    page_one = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for heading in ("Item", "Owner", "Status", "Source"):  # first to last column, one page
        assert heading in page_one, heading
