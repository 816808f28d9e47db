"""The conformance kit, as a plugin author's test suite meets it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
import pytest
from tests.core.test_plugins import regime_plugin

from inspectkit import hookimpl
from inspectkit.model import CaseField, CodeValue
from inspectkit.plugins import PluginInfo, get_host
from inspectkit.testing import (
    ConformanceError,
    assert_regime_conforms,
    citations,
    cited_parts,
    cites,
    conformance_problems,
)


def break_twice(data_dir: Path) -> None:
    """Two independent errors: a dangling rule reference and a citation of no known source."""
    path = data_dir / "regime.toml"
    text = path.read_text()
    text = text.replace('any_of = ["safety"]', 'any_of = ["children_feel_safe"]')
    cited = 'days_on_site = { text = "not specified", source = "T1 §3" }'
    assert cited in text
    text = text.replace(cited, cited.replace("T1 §3", "Z9 §3"))
    path.write_text(text)


def test_refused_regime_is_still_checked_in_full_by_id(mini_regime_dir: Path) -> None:
    break_twice(mini_regime_dir)
    host = get_host()
    host.add_plugin(regime_plugin(mini_regime_dir), PluginInfo(name="mini"))
    assert "mini_2020" not in host.regimes  # refused at run time ...
    problems = [str(p) for p in conformance_problems("mini_2020")]  # ... but checked in full
    assert any("missing judgement area 'children_feel_safe'" in p for p in problems)
    assert any("Z9 §3" in p for p in problems)
    with pytest.raises(ConformanceError, match="children_feel_safe"):
        assert_regime_conforms("mini_2020")


def test_unknown_id_names_the_broken_plugins() -> None:
    @hookimpl
    def inspectkit_register_regimes(register: Any) -> None:
        raise RuntimeError("data file missing")

    plugin = SimpleNamespace(inspectkit_register_regimes=inspectkit_register_regimes)
    get_host().add_plugin(plugin, PluginInfo(name="faulty"))
    with pytest.raises(ConformanceError) as caught:
        assert_regime_conforms("nowhere_2030")
    assert str(caught.value).splitlines() == [
        "regime 'nowhere_2030' is not installed",
        "  - broken plugin faulty: register hook raised RuntimeError: data file missing",
    ]


def problems_with_fields(*extra: CaseField) -> list[str]:
    """Conformance problems of cra_2010 with ``extra`` case fields added."""
    cra = get_host().regime("cra_2010")
    regime = attrs.evolve(cra.regime, case_fields=(*cra.regime.case_fields, *extra))
    return [str(p) for p in conformance_problems(regime, templates=cra.templates)]


def test_a_heading_that_normalises_onto_another_fields_heading_is_refused() -> None:
    clash = CaseField(
        id="work_stage",
        title="Work stage",
        kind="text",
        source="100025 §34",
        headings=("WORK-TYPE",),  # reads as "Work type", a heading of cra_category
    )
    problems = problems_with_fields(clash)
    assert problems == [
        "case field 'work_stage': heading 'WORK-TYPE' also names case field 'cra_category'"
    ]


def test_a_code_meaning_two_values_and_a_name_heading_are_refused() -> None:
    ambiguous = CaseField(
        id="contact_route",
        title="Contact route",
        kind="code",
        source="100025 §34",
        headings=("Contact route", "Referrer name"),
        values=(
            CodeValue(id="phone", label="Telephone", codes=("T",), source="100025 §34"),
            CodeValue(id="letter", label="Letter", codes=(" t ",), source="100025 §34"),
        ),
    )
    problems = problems_with_fields(ambiguous)
    assert problems == [
        "case field 'contact_route': heading 'Referrer name' is a name column, always dropped",
        "case field 'contact_route': code ' t ' of 'letter' also means 'phone'",
    ]


def test_a_graded_area_in_an_ungraded_regime_is_refused() -> None:
    cra = get_host().regime("cra_2010")
    first, *rest = cra.regime.evaluation.areas
    evaluation = attrs.evolve(
        cra.regime.evaluation, areas=(attrs.evolve(first, graded=True), *rest)
    )
    regime = attrs.evolve(cra.regime, evaluation=evaluation)
    assert [str(p) for p in conformance_problems(regime, templates=cra.templates)] == [
        f"evaluation area {first.id!r}: is graded, but the scale is ungraded (set graded = false)"
    ]


def test_citation_helpers_match_whole_citations() -> None:
    assert cited_parts("100025 §8; Sunderland 2012 §2.1 ;") == ["100025 §8", "Sunderland 2012 §2.1"]
    assert cites("100025 §8; Sunderland 2012 §2.1", "Sunderland 2012 §2.1", "100025 §8")
    assert not cites("100025 §8; Sunderland 2012 §2.1", "100025 §")
    paths = dict(citations(get_host().regime("cra_2010").regime))
    assert paths["regime.scale.levels[area_for_priority_action]"] == "100025 Annex A; 100025 §47"
