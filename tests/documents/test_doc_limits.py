"""Limiting judgements at render time: a broken hard limit writes nothing, advice warns."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from inspectkit.documents import render_workspace
from inspectkit.errors import InputError
from inspectkit.model import GradedCondition, LimitingRule
from inspectkit.plugins import get_host
from inspectkit.workspace import Workspace, load_workspace

GRADES = """regime = "slac_2009"
council = "Eastcombe County Council"
start = 2009-11-02
team = ["Lead inspector, HMI", "Ofsted inspector"]

[[grades]]
area = "overall_effectiveness"
grade = "good"

[[grades]]
area = "children_safe"
grade = "good"

[[grades]]
area = "children_feel_safe"
grade = "adequate"
"""


def slac_workspace(tmp_path: Path, strength: str) -> Workspace:
    (tmp_path / "inspection.toml").write_text(GRADES, encoding="utf-8")
    workspace = load_workspace(tmp_path, get_host())
    rule = LimitingRule(
        id="feel_safe_caps_overall",
        text="A test rule on 090027 §31's pattern.",
        consequence="overall effectiveness cannot be good or better",
        source="090027 §31",
        strength=strength,  # type: ignore[arg-type]
        target="overall_effectiveness",
        limit="adequate",
        when=GradedCondition(any_of=("children_feel_safe",), graded_below="good"),
    )
    regime = attrs.evolve(workspace.regime.regime, limiting_rules=(rule,))
    return attrs.evolve(workspace, regime=attrs.evolve(workspace.regime, regime=regime))


def test_a_broken_hard_limit_stops_every_document(tmp_path):
    workspace = slac_workspace(tmp_path, "hard")
    with pytest.raises(InputError) as caught:
        render_workspace(workspace)
    (problem,) = caught.value.problems
    assert "hard limit broken: overall effectiveness recorded good, but" in problem
    assert not (workspace.directory / "documents").exists()


def test_a_broken_advisory_limit_renders_with_a_warning(tmp_path):
    workspace = slac_workspace(tmp_path, "unlikely")
    result = render_workspace(workspace)
    assert [p.name for p in result.documents] == ["report.docx"]
    assert any(
        w.startswith("overall effectiveness recorded good, but 'children and young people feel")
        for w in result.warnings
    )
