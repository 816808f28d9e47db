"""Crosswalks: typed links between regimes' areas, read strictly and checked against regimes."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspectkit.compare import Comparison
from inspectkit.crosswalk import (
    RELATIONSHIPS,
    Crosswalk,
    inverse_relationship,
    load_crosswalks,
    read_crosswalk,
    validate_crosswalk,
)
from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.plugins import get_host

GOOD = """
title = "Test mapping"
source = "test"

[[links]]
left = { regime = "cra_2010", area = "working_together" }
right = { regime = "slac_2009", area = "partnerships" }
relationship = "RELATION"
source = "100025 §45; 090027 §27"
"""


def write(tmp_path: Path, text: str, name: str = "map.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_each_relationship_type_reads(
    tmp_path: Path, shipped: list[Regime], relationship: str
) -> None:
    crosswalk = read_crosswalk(write(tmp_path, GOOD.replace("RELATION", relationship)))
    checked = validate_crosswalk(crosswalk, shipped)
    (link,) = checked.links
    assert link.relationship == relationship
    assert link.inverse().relationship == inverse_relationship(relationship)
    assert link.inverse().inverse() == link


def test_inverse_relationships() -> None:
    assert inverse_relationship("subset") == "superset"
    assert inverse_relationship("superset") == "subset"
    assert inverse_relationship("equal") == "equal"
    assert inverse_relationship("intersects") == "intersects"


def test_unknown_relationship_is_one_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("RELATION", "overlaps"))
    with pytest.raises(InputError) as caught:
        read_crosswalk(path)
    assert caught.value.problems == [
        f"{path}: links[0].relationship: relationship must be one of "
        "equal, subset, superset, intersects"
    ]


def test_unknown_area_id_is_one_clear_error(tmp_path: Path, shipped: list[Regime]) -> None:
    path = write(tmp_path, GOOD.replace("RELATION", "equal").replace("partnerships", "partners"))
    with pytest.raises(InputError) as caught:
        validate_crosswalk(read_crosswalk(path), shipped)
    (problem,) = caught.value.problems
    assert problem.startswith(
        f"{path}: links[0]: right: slac_2009 has no judgement area 'partners'"
    )
    assert "partnerships" in problem  # the known ids are listed


def test_misspelt_key_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path, GOOD.replace("RELATION", "equal").replace('source = "test"', "sauce = 1")
    )
    with pytest.raises(InputError) as caught:
        read_crosswalk(path)
    assert any("unknown key(s) sauce" in p for p in caught.value.problems)
    assert any("source: required key is missing" in p for p in caught.value.problems)


def test_self_link_and_repeated_link_are_errors(tmp_path: Path, shipped: list[Regime]) -> None:
    text = GOOD.replace("RELATION", "equal")
    repeated = text + text.split('source = "test"', 1)[1].replace("equal", "subset")
    self_link = (
        repeated
        + """
[[links]]
left = { regime = "cra_2010", area = "working_together" }
right = { regime = "cra_2010", area = "concerns_identified" }
relationship = "intersects"
source = "100025 §45"
"""
    )
    with pytest.raises(InputError) as caught:
        validate_crosswalk(read_crosswalk(write(tmp_path, self_link)), shipped)
    problems = caught.value.problems
    assert len(problems) == 2
    assert "already linked" in problems[0]
    assert "to itself" in problems[1]


def test_uninstalled_regime_is_an_error_in_a_user_file_only(
    tmp_path: Path, shipped: list[Regime]
) -> None:
    path = write(tmp_path, GOOD.replace("RELATION", "equal").replace("slac_2009", "gone_2001"))
    crosswalk = read_crosswalk(path)
    with pytest.raises(InputError, match="regime 'gone_2001' is not installed"):
        validate_crosswalk(crosswalk, shipped)
    assert validate_crosswalk(crosswalk, shipped, require_regimes=False).links == ()


def test_load_reports_problems_of_every_file(tmp_path: Path, shipped: list[Regime]) -> None:
    bad_area = write(
        tmp_path, GOOD.replace("RELATION", "equal").replace("partnerships", "x"), "a.toml"
    )
    bad_toml = write(tmp_path, "title = ", "b.toml")
    with pytest.raises(InputError) as caught:
        load_crosswalks(shipped, user_files=[bad_area, bad_toml])
    assert len(caught.value.problems) == 2
    assert "not valid TOML" in caught.value.problems[1]


def test_shipped_crosswalk_links_the_three_regimes(plugin_crosswalks: list[Crosswalk]) -> None:
    links = [link for crosswalk in plugin_crosswalks for link in crosswalk.links]
    pairs = {frozenset((link.left.regime, link.right.regime)) for link in links}
    assert pairs == {
        frozenset(("slac_2009", "child_protection_2012")),
        frozenset(("cra_2010", "slac_2009")),
        frozenset(("cra_2010", "child_protection_2012")),
    }
    assert all(link.source.strip() for link in links)
    # the example: the three safeguarding judgements are linked to one another
    example = {frozenset((str(link.left), str(link.right))) for link in links}
    assert (
        frozenset(("slac_2009:children_safe", "child_protection_2012:help_and_protection"))
        in example
    )
    assert frozenset(("cra_2010:safeguarded_and_protected", "slac_2009:children_safe")) in example
    assert (
        frozenset(
            ("cra_2010:safeguarded_and_protected", "child_protection_2012:help_and_protection")
        )
        in example
    )


def test_links_show_in_the_comparison_from_each_side(dated: Comparison) -> None:
    cra = dated.cell("crosswalk", "cra_2010")
    cp = dated.cell("crosswalk", "child_protection_2012")
    assert any(
        d.startswith(
            "Child welfare concerns are identified and responded to appropriately — "
            "lies within — child_protection_2012"
        )
        for d in cra.details
    )
    assert any(
        d.startswith("The effectiveness of the help and protection")
        and "— contains — cra_2010" in d
        for d in cp.details
    )
    assert dated.links
    for link in dated.links:
        for side in (link.left_regime, link.right_regime):
            cited = dated.cell("crosswalk", side).source
            assert all(part.strip() in cited for part in link.source.split(";"))


def test_packaged_crosswalks_hook_registers_a_packages_files() -> None:
    from inspectkit.crosswalk import packaged_crosswalks_hook

    found: list[Path] = []
    hook = packaged_crosswalks_hook("inspectkit_child_protection_2012")
    hook(register=found.append)
    assert [p.name for p in found] == ["safeguarding_2009_2012.toml"]
    assert set(found) <= set(get_host().crosswalk_files())
