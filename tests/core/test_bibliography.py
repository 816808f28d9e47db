"""Citations a reader can follow: readable keys, and a bibliography in every output that cites.

Regime data cites "100025 §43", "Sunderland 2012 §3.1", "Oxfordshire briefing Annex 1
item 3". Each key is a source the regime declares with its publisher or council, title,
date and reference; the comparison, `regimes show`, the readiness pack, the action plan,
the plan and the reports' source notes all carry those entries. No output shows the
source folder's labels ("seed 002") or names a file of this repository.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.cli_run import installed_regime, run_main

from inspectkit.bibliography import bibliography, cited_keys, date_words, regime_citations
from inspectkit.plugins import get_host
from inspectkit.testing import cited_parts
from inspectkit.workspace import load_workspace

SHIPPED = ("cra_2010", "slac_2009", "child_protection_2012")
# what must never reach a reader: the seed folder's labels and any path of this repository
UNREADABLE = re.compile(r"seed 00\d|shared/|seeds/|00\d_[0-9a-f]{16}|domain\.md", re.IGNORECASE)


def test_dates_in_words() -> None:
    assert date_words("2010-04") == "April 2010"
    assert date_words("2012-01-30") == "30 January 2012"
    assert date_words("2012") == "2012"
    assert date_words("") == "date not specified"


def test_keys_are_matched_whole_in_every_part_of_a_citation() -> None:
    keys = ["100025", "Sunderland 2012", "Council briefing 2012"]
    cited = cited_keys(
        ["100025 §8; Sunderland 2012 §2.1", "Council briefing 2012 'Introduction'", "1000251"],
        keys,
    )
    assert cited == ["100025", "Sunderland 2012", "Council briefing 2012"]


def test_the_cra_bibliography() -> None:
    entries = {e.key: e.text for e in bibliography([installed_regime("cra_2010")])}
    assert entries["100025"] == (
        "Ofsted, Conducting unannounced inspections of contact, referral and assessment "
        "(inspection guidance), April 2010, reference 100025."
    )
    assert entries["Sunderland 2012"].startswith(
        "Sunderland City Council, Children, Young People and Learning Scrutiny Committee, "
        "Outcomes from Annual Unannounced Inspection of Contact, Referral and Assessment "
        "Arrangements"
    )


@pytest.mark.parametrize("regime_id", SHIPPED)
def test_every_shipped_citation_has_an_entry(regime_id: str) -> None:
    regime = installed_regime(regime_id)
    declared = {d.id for d in regime.sources}
    for source in regime_citations(regime):
        for part in cited_parts(source):
            assert any(part == k or part.startswith(k + " ") for k in declared), part
    for document in regime.sources:
        assert not UNREADABLE.search(f"{document.id} {document.title} {document.note}")


@pytest.mark.parametrize("regime_id", SHIPPED)
def test_regimes_show_carries_the_bibliography(regime_id: str, capsys) -> None:
    from click.testing import CliRunner

    from inspectkit.cli import cli

    shown = CliRunner().invoke(cli, ["regimes", "show", regime_id], env={"COLUMNS": "400"})
    assert shown.exit_code == 0
    for document in installed_regime(regime_id).sources:
        assert f"{document.id}: {document.publisher}, {document.title}" in shown.output
    assert not UNREADABLE.search(shown.output)


def _xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return "\n".join(
        str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row
    )


def _docx_text(path: Path) -> str:
    import docx

    from inspectkit.documents import document_paragraphs

    opened = docx.Document(str(path))
    cells = [c.text for t in opened.tables for r in t.rows for c in r.cells]
    return "\n".join([*document_paragraphs(path), *cells])


def test_the_comparison_in_every_format_carries_the_bibliography(tmp_path: Path, capsys) -> None:
    outputs = {}
    for suffix in ("html", "md", "xlsx"):
        target = tmp_path / f"compare.{suffix}"
        status, _, err = run_main(capsys, "compare", "--start", "2012-06-11", "-o", str(target))
        assert status == 0, err
        outputs[suffix] = _xlsx_text(target) if suffix == "xlsx" else target.read_text("utf-8")
    status, outputs["terminal"], _ = run_main(capsys, "compare")
    for name, text in outputs.items():
        flat = " ".join(text.split())
        for key in ("100025", "090027", "Sunderland 2012", "Oxfordshire briefing"):
            assert key in flat, (name, key)
        assert "Conducting unannounced inspections of contact, referral and assessment" in flat
        assert "Sources" in flat or name == "xlsx", name  # xlsx: a "Sources" sheet
        assert not UNREADABLE.search(text), (name, UNREADABLE.search(text))
    assert '<h2 id="sources">Sources</h2>' in outputs["html"]


def test_readiness_carries_the_bibliography_in_every_format(tmp_path: Path, capsys) -> None:
    for suffix in ("xlsx", "docx"):
        target = tmp_path / f"ready.{suffix}"
        status, _, _ = run_main(capsys, "readiness", "--regime", "slac_2009", "-o", str(target))
        assert status == 0
        text = _xlsx_text(target) if suffix == "xlsx" else _docx_text(target)
        assert "Oxfordshire briefing" in text and "Oxfordshire County Council" in text
        assert "reference 090027" in text
        assert not UNREADABLE.search(text)
    status, out, _ = run_main(capsys, "readiness", "--regime", "cra_2010")
    assert "100025 — Ofsted, Conducting unannounced inspections" in " ".join(out.split())


def test_the_plan_carries_the_bibliography(capsys) -> None:
    import json

    status, out, _ = run_main(
        capsys, "plan", "--regime", "cra_2010", "--start", "2011-10-17", "--format", "table"
    )
    assert status == 0 and "100025 — Ofsted" in " ".join(out.split())
    status, out, _ = run_main(
        capsys, "plan", "--regime", "cra_2010", "--start", "2011-10-17", "--json"
    )
    sources = json.loads(out)["sources"]
    assert [s["key"] for s in sources] == ["100025"]


def test_reports_and_the_action_plan_carry_their_source_notes(tmp_path: Path, capsys) -> None:
    from tests.documents.test_doc_reports import example_workspace

    from inspectkit.documents import render_workspace

    for name, keys in (
        ("slac_2009", ["090027"]),
        ("child_protection_2012", ["Council briefing 2012", "Ofsted reports 2012-13"]),
    ):
        (report,) = render_workspace(
            load_workspace(example_workspace(tmp_path, name), get_host())
        ).documents
        text = _docx_text(report)
        assert "Sources" in text
        for key in keys:
            assert re.search(rf"^{re.escape(key)}: \S", text, re.M), (name, key)
        assert not UNREADABLE.search(text)
    cra = example_workspace(tmp_path, "cra_2010")
    target = tmp_path / "actions.xlsx"
    assert run_main(capsys, "action-plan", str(cra), "-o", str(target))[0] == 0
    text = _xlsx_text(target)
    assert "100025" in text and "April 2010" in text
