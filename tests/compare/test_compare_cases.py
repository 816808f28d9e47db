"""One case list, several regimes: how many cases of which kinds each would sample."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from inspectkit.caselist.fake import write_fake_case_list
from inspectkit.compare import Comparison, build_comparison
from inspectkit.compare.cases import total_drawn
from inspectkit.model import Regime
from inspectkit.plugins import get_host

START = date(2011, 10, 17)


@pytest.fixture(scope="module")
def case_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cases") / "cases.csv"
    write_fake_case_list(path, 300, 11, START, get_host().regime_models())
    return path


@pytest.fixture(scope="module")
def with_cases(shipped: list[Regime], case_list: Path) -> Comparison:
    return build_comparison(shipped, start=START, cases=case_list, seed=5)


def test_sample_row_follows_the_sampling_row(with_cases: Comparison) -> None:
    ids = [row.id for row in with_cases.rows]
    assert ids[ids.index("sampling") + 1] == "case_sample"


def test_counts_per_regime_meet_their_minimums(with_cases: Comparison) -> None:
    for regime_id, minimum in (("slac_2009", 20), ("cra_2010", 20), ("child_protection_2012", 50)):
        entries = [e for e in with_cases.sampling if e.regime_id == regime_id]
        drawn = total_drawn(entries)
        assert drawn >= minimum, regime_id
        assert with_cases.cell("case_sample", regime_id).text.startswith(f"{drawn} of 300 cases")


def test_slac_split_by_phase_and_kind(with_cases: Comparison) -> None:
    cell = with_cases.cell("case_sample", "slac_2009")
    assert "(8 + 12)" in cell.text
    phases = {
        e.what: e.drawn
        for e in with_cases.sampling
        if e.regime_id == "slac_2009" and e.what.startswith("drawn in phase")
    }
    assert sorted(count or 0 for count in phases.values()) == [8, 12]
    counts = {
        e.what.removeprefix("drawn with "): e.drawn or 0
        for e in with_cases.sampling
        if e.regime_id == "slac_2009" and e.what.startswith("drawn with ")
    }
    assert counts["Looked after: Yes"] + counts["Looked after: No"] == 20
    # 4 + 6 of each kind; care leavers count as looked after children (090027 §48)
    assert counts["Looked after: Yes"] + counts.get("Care leaver: Yes", 0) >= 10
    assert counts["Looked after: No"] - counts.get("Care leaver: Yes", 0) >= 10


def test_counts_only_never_references(
    with_cases: Comparison, case_list: Path, shipped: list[Regime]
) -> None:
    from inspectkit.caselist import read_case_list
    from inspectkit.compare.html import render_html
    from inspectkit.compare.text import render_markdown

    references = {case.reference for case in read_case_list(case_list, shipped[1]).cases}
    outputs = render_html(with_cases) + render_markdown(with_cases)
    assert not [ref for ref in references if ref in outputs]


def test_same_seed_same_counts(shipped: list[Regime], case_list: Path) -> None:
    first = build_comparison(shipped, start=START, cases=case_list, seed=5)
    again = build_comparison(shipped, start=START, cases=case_list, seed=5)
    assert first.sampling == again.sampling


def test_a_list_that_does_not_fit_is_shown_not_fatal(shipped: list[Regime], tmp_path: Path) -> None:
    path = tmp_path / "thin.csv"
    path.write_text("Child Unique ID,Gender\nA1,1\nA2,2\n", encoding="utf-8")
    comparison = build_comparison(shipped, cases=path, on=date(2011, 10, 17))
    cell = comparison.cell("case_sample", "cra_2010")
    assert cell.text == "cannot sample: the case list does not fit this regime"
    assert cell.details and "A1" not in cell.details[0]
