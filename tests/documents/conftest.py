"""Fixtures for document tests: CRA workspaces with chosen findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

HEADER = """regime = "cra_2010"
council = {council}
start = 2011-10-17
team = ["Lead inspector, HMI", "Team inspector, HMI"]
"""

STRENGTH = (
    "safeguarding_prioritised",
    "area_of_strength",
    "Senior leaders prioritise safeguarding.",
)
SATISFACTORY = ("safeguarded_and_protected", "satisfactory", "Section 47 enquiries are timely.")
DEVELOPMENT = ("concerns_identified", "area_for_development", "Assessments vary in quality.")
PRIORITY = (
    "concerns_identified",
    "area_for_priority_action",
    "Children in need cases wait too long for allocation.",
)

MakeWorkspace = Callable[..., Path]


def findings_toml(findings: list[tuple[str, str, str]]) -> str:
    return "".join(
        f'\n[[findings]]\narea = "{area}"\ntype = "{kind}"\ntext = "{text}"\n'
        for area, kind, text in findings
    )


@pytest.fixture
def cra_workspace(tmp_path: Path) -> MakeWorkspace:
    def make(
        findings: list[tuple[str, str, str]],
        council: str = "Northwold Borough Council",
        name: str = "ws",
    ) -> Path:
        import json

        directory = tmp_path / name
        directory.mkdir()
        text = HEADER.format(council=json.dumps(council)) + findings_toml(findings)
        (directory / "inspection.toml").write_text(text, encoding="utf-8")
        return directory

    return make


def docx_with(path: Path, *paragraphs: str, header: str = "") -> Path:
    """A small Word file with these paragraphs (and a header), for render and check tests."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.save(str(path))
    return path


def render_under(template: Path, limits: object) -> bytes:
    """``template`` rendered and checked in a bounded worker, as ``report`` renders it."""
    from inspectkit.documents.bounded import RenderLimits, run_bounded
    from inspectkit.documents.render import render_and_check

    assert isinstance(limits, RenderLimits)
    return run_bounded(
        render_and_check,
        template,
        {"council": "Northwold"},
        label="letter.docx",
        output_limit=limits.output_chars,
        limits=limits,
        subject=str(template),
    )
