"""Outcomes across inspections, counted by the core: known answers, kinds, rules, deadlines."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import attrs
import pytest
from openpyxl import load_workbook
from tests.outcomes.known import KNOWN_2012_13, overall_effectiveness_2012

from inspectkit.crosswalk import load_crosswalks
from inspectkit.model.inspection import Finding
from inspectkit.outcomes import Inspected, count_outcomes, is_published, line_up
from inspectkit.outcomes.counts import financial_year
from inspectkit.outcomes.tables import CSV_COLUMNS, csv_text, write_xlsx
from inspectkit.plugins import get_host
from inspectkit.synthetic import (
    CHILD_PROTECTION_2012_RESULTS,
    SYNTHETIC_TEXT,
    Synthetic,
    national_set,
)

ON = date(2026, 12, 3)


def _inspected(made: list[Synthetic]) -> list[Inspected]:
    return [Inspected(regime=m.regime, inspection=m.inspection, plan=m.plan) for m in made]


@pytest.fixture(scope="module")
def national() -> list[Synthetic]:
    return national_set(get_host())


def test_the_2012_13_known_answer_is_counted_exactly(national: list[Synthetic]) -> None:
    outcomes = count_outcomes(_inspected(national), on=ON)
    counts = {
        level: outcomes.judgement(
            "child_protection_2012", "2012-13", "overall_effectiveness", level
        )
        for level in ("outstanding", "good", "adequate", "inadequate")
    }
    assert counts == {"outstanding": 0, "good": 7, "adequate": 38, "inadequate": 23}
    assert len(national) == 152
    assert {c.regime_id: c.inspections for c in outcomes.inspections}["child_protection_2012"] == 68


def test_the_national_set_is_deterministic_and_says_it_is_synthetic(
    national: list[Synthetic],
) -> None:
    again = national_set(get_host())
    assert [(m.name, m.inspection.start, m.inspection.findings) for m in again] == [
        (m.name, m.inspection.start, m.inspection.findings) for m in national
    ]
    assert all(m.inspection.council.startswith("Synthetic council ") for m in national)
    assert all(f.text == SYNTHETIC_TEXT for m in national for f in m.inspection.findings)
    assert len({m.inspection.council for m in national}) == 152


def test_graded_regimes_count_inspections_and_ungraded_count_findings(
    national: list[Synthetic],
) -> None:
    outcomes = count_outcomes(_inspected(national), on=ON)
    for count in outcomes.judgements:
        regime = get_host().regime(count.regime_id).regime
        assert count.kind == ("grade" if regime.scale.graded else "finding type")
    ungraded = [m for m in national if not m.regime.scale.graded]
    assert ungraded  # the shipped cra_2010 is ungraded
    findings = sum(len(m.inspection.findings) for m in ungraded)
    assert sum(c.count for c in outcomes.judgements if c.kind == "finding type") == findings
    # zero rows are rows: every level of every graded area of each regime and year
    cp = [c for c in outcomes.judgements if c.regime_id == "child_protection_2012"]
    assert len(cp) == 4 * 4


def test_limiting_judgements_fired_come_from_the_judgements_module() -> None:
    host = get_host()
    slac = host.regime("slac_2009").regime
    made = [m for m in national_set(host, councils=40, known=None) if m.regime.id == "slac_2009"]
    rule = slac.limiting_rules[0]
    # every area at the scale's worst: each grade-threshold rule's condition holds
    worst = slac.scale.levels[-1].id
    graded = tuple(
        Finding(area=f.area, level=worst, text=f.text) for f in made[0].inspection.findings
    )
    made[0] = attrs.evolve(made[0], inspection=attrs.evolve(made[0].inspection, findings=graded))
    from inspectkit.judgements import apply_limiting_rules

    expected = sum(
        o.fired
        for m in made
        for o in apply_limiting_rules(slac, m.inspection)
        if o.rule.id == rule.id
    )
    outcomes = count_outcomes(_inspected(made), on=ON)
    counted = sum(r.fired for r in outcomes.rules if r.rule_id == rule.id)
    assert counted == expected
    assert sum(r.inspections for r in outcomes.rules if r.rule_id == rule.id) == len(made)


def test_deadlines_met_late_overdue_and_to_come() -> None:
    host = get_host()
    item = next(m for m in national_set(host, councils=3, known=None))
    first, second, *rest = item.plan.milestones
    deadline_1 = first.due or first.last
    deadline_2 = second.due or second.last
    done = {first.id: deadline_1, second.id: deadline_2 + timedelta(days=1)}
    inspection = attrs.evolve(item.inspection, done=done)
    on = max(p.due or p.last for p in item.plan.milestones) + timedelta(days=1)
    outcomes = count_outcomes(
        [Inspected(regime=item.regime, inspection=inspection, plan=item.plan)], on=on
    )
    by_id = {d.milestone_id: d for d in outcomes.deadlines}
    assert (by_id[first.id].met, by_id[first.id].missed) == (1, 0)
    assert (by_id[second.id].done_late, by_id[second.id].missed) == (1, 1)
    assert all(by_id[p.id].overdue == 1 for p in rest)
    before = count_outcomes(
        [Inspected(regime=item.regime, inspection=inspection, plan=item.plan)],
        on=item.inspection.start - timedelta(days=1),
    )
    assert all(d.to_come == 1 for d in before.deadlines if d.milestone_id not in done)


def test_financial_years_run_april_to_march() -> None:
    assert financial_year(date(2012, 6, 11)) == "2012-13"
    assert financial_year(date(2013, 3, 31)) == "2012-13"
    assert financial_year(date(2013, 4, 1)) == "2013-14"
    assert financial_year(date(1999, 4, 1)) == "1999-00"


def _published(item: Inspected) -> Inspected:
    final = next(m for m in reversed(item.regime.report.milestones))
    done = {**item.inspection.done, final: item.plan.end}
    return attrs.evolve(item, inspection=attrs.evolve(item.inspection, done=done))


def test_the_crosswalk_lines_up_a_council_s_published_judgements() -> None:
    host = get_host()
    cra = next(m for m in national_set(host, councils=12, known=None) if m.regime.id == "cra_2010")
    one_good = attrs.evolve(CHILD_PROTECTION_2012_RESULTS, counts={"good": 1})
    cp = national_set(host, councils=1, known=one_good)[0]
    later = attrs.evolve(cp.inspection, council=cra.inspection.council)
    pair = [
        _published(Inspected(regime=cra.regime, inspection=cra.inspection, plan=cra.plan)),
        _published(Inspected(regime=cp.regime, inspection=later, plan=cp.plan)),
    ]
    assert all(is_published(i.regime, i.inspection) for i in pair)
    crosswalks = load_crosswalks(host.regime_models(), plugin_files=host.crosswalk_files())
    rows = line_up(pair, crosswalks)
    assert rows
    assert all(r.council == cra.inspection.council for r in rows)
    grades = {level.label for level in cp.regime.scale.levels}
    for row in rows:  # the earlier (CRA) on the left, findings counted; the grade on the right
        assert (row.left.regime_id, row.right.regime_id) == ("cra_2010", "child_protection_2012")
        assert row.left.result == "nothing recorded" or "×" in row.left.result
        assert row.right.result in grades
        assert row.right.result == cp.regime.scale.level(later.grade_of(row.right.area_id)).label
    assert SYNTHETIC_TEXT not in repr(rows)  # levels and counts, never a finding's text
    unpublished = attrs.evolve(pair[0], inspection=attrs.evolve(pair[0].inspection, done={}))
    assert line_up([unpublished, pair[1]], crosswalks) == []


def test_csv_and_xlsx_hold_every_count_formula_safe(
    national: list[Synthetic], tmp_path: pytest.TempPathFactory
) -> None:
    outcomes = count_outcomes(_inspected(national), on=ON)
    text = csv_text(outcomes)
    assert tuple(next(csv.reader(io.StringIO(text)))) == CSV_COLUMNS
    assert overall_effectiveness_2012(text) == KNOWN_2012_13
    evil = attrs.evolve(national[0].regime, short_title="=HYPERLINK(1)")
    hostile = count_outcomes(
        [Inspected(regime=evil, inspection=national[0].inspection, plan=national[0].plan)], on=ON
    )
    target = tmp_path / "outcomes.xlsx"  # type: ignore[operator]
    write_xlsx(hostile, [], target)
    book = load_workbook(target)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert any(c.value == "'=HYPERLINK(1)" for c in cells)
    assert not any(c.data_type == "f" for c in cells)
