"""Layered template lookup: workspace override, plugin, core."""

from __future__ import annotations

import attrs
from tests.documents.conftest import DEVELOPMENT, SATISFACTORY, STRENGTH

from inspectkit.documents import document_paragraphs, locate_template, render_workspace
from inspectkit.documents.lookup import declared_documents
from inspectkit.plugins import get_host
from inspectkit.template_lookup import core_template_dir
from inspectkit.workspace import load_workspace


def test_plugin_template_is_used_without_an_override():
    registered = get_host().regime("cra_2010")
    assert registered.templates is not None
    assert locate_template(registered, "letter", get_host()) == registered.templates / "letter.docx"


def test_workspace_override_wins(cra_workspace, tmp_path):
    import docx

    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    overrides = directory / "templates"
    overrides.mkdir()
    (overrides / "notification_email.txt").write_text(
        "Subject: Notice\n\nHouse style notice for {{ council }}\n", encoding="utf-8"
    )
    document = docx.Document()
    document.add_paragraph("House style sheet for {{ council }}")
    document.save(str(overrides / "staff_information.docx"))
    registered = get_host().regime("cra_2010")
    assert locate_template(registered, "notification_email", get_host(), overrides) == (
        overrides / "notification_email.txt"
    )
    assert (
        locate_template(registered, "letter", get_host(), overrides)
        == registered.templates / "letter.docx"
    )
    result = render_workspace(load_workspace(directory, get_host()))
    email = next(p for p in result.documents if p.name == "notification_email.txt")
    assert email.read_text(encoding="utf-8") == (
        "Subject: Notice\n\nHouse style notice for Northwold Borough Council\n"
    )
    sheet = next(p for p in result.documents if p.name == "staff_information.docx")
    assert document_paragraphs(sheet) == ["House style sheet for Northwold Borough Council"]


def test_a_regime_without_templates_falls_back_to_the_core_report():
    registered = get_host().regime("slac_2009")
    bare = attrs.evolve(
        registered, regime=attrs.evolve(registered.regime, templates=()), templates=None
    )
    (document,) = declared_documents(bare)
    assert document.kind == "report"
    assert (
        locate_template(bare, document.id, get_host())
        == core_template_dir() / "inspection_report.docx"
    )
