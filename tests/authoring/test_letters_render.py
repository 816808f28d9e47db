"""The letters a plugin author ships render through the documents engine.

Two letters: the JTAI example's (with its ``inspectkit_document_context`` hook
adding the inspectorates) and the scaffold's starter letter once its regime is
filled in.  Both go through ``render_document`` with the context ``inspectkit
report`` builds, whose Jinja environment is strict: a placeholder the context
does not supply is an error, not a blank.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from inspectkit.documents import render as documents
from inspectkit.plugins import PluginHost, PluginInfo, RegisteredRegime, get_host


def context_for(host: PluginHost, registered: RegisteredRegime, findings: list[Any]) -> Any:
    from inspectkit.documents.context import inspection_context
    from inspectkit.model.inspection import Inspection
    from inspectkit.timeline import plan_inspection

    regime = registered.regime
    inspection = Inspection(
        regime=regime.id,
        council="Northtown & District <Council>",
        start=date(2016, 3, 22),
        recipient="Chief Executive",
        findings=tuple(findings),
    )
    plan = plan_inspection(regime, inspection.start)
    context = inspection_context(regime, inspection, "letter", plan=plan)
    context.update(host.document_context(regime, "letter", context))
    return context


def text_of(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    section = document.sections[0]
    parts = [p.text for p in section.header.paragraphs]
    parts += [p.text for p in document.paragraphs]
    parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def test_jtai_letter_renders_with_the_inspectorates_and_no_grades(tmp_path: Path) -> None:
    from inspectkit.model.inspection import Finding

    host = get_host()
    registered = host.regime("jtai_2016")
    findings = [
        Finding(area="multi_agency_response", level="good_practice", text="Strategy meetings."),
        Finding(area="deep_dive", level="area_for_improvement", text="Return interviews."),
    ]
    out = documents.render_document(
        registered,
        "letter",
        context_for(host, registered, findings),
        tmp_path / "letter.docx",
        host=host,
    )
    text = text_of(out)
    assert "Joint targeted area inspection of Northtown & District <Council>" in text
    assert (
        "Ofsted, Care Quality Commission (CQC), Her Majesty's Inspectorate of Constabulary "
        "(HMIC) and Her Majesty's Inspectorate of Probation (HMI Probation)"
    ) in text
    assert "From 22 March 2016," in text
    good, improve = text.index("Strategy meetings."), text.index("Return interviews.")
    assert text.index("What is working well") < good < text.index("Areas for improvement") < improve
    assert "{{" not in text and "{%" not in text


def test_scaffolded_letter_renders_once_the_regime_is_filled_in(
    scaffold: Callable[..., Path], fill: Callable[[Path], int], tmp_path: Path
) -> None:
    from inspectkit import load_regime
    from inspectkit.model.inspection import Finding

    project = scaffold("letter_2035", title="Letter test inspections")
    fill(project)
    package = project / "src" / "inspectkit_letter_2035"
    host = PluginHost()
    registered = RegisteredRegime(
        regime=load_regime(package / "regime"),
        plugin=PluginInfo(name="letter_2035"),
        templates=package / "templates",
    )
    findings = [Finding(area="overall_effectiveness", level="good", text="Decisive leadership.")]
    out = documents.render_document(
        registered,
        "letter",
        context_for(host, registered, findings),
        tmp_path / "letter.docx",
        host=host,
    )
    text = text_of(out)
    assert "Letter test inspections" in text
    assert "Dear Chief Executive" in text
    assert "Decisive leadership." in text
    assert "1. Introduction" in text and "3. Next steps" in text
    assert "Northtown & District <Council>" in text
