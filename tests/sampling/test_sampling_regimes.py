"""Each installed regime's sampling rule, including a case list with an empty stratum."""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest
from sampling_helpers import MakeCases

from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.plugins import get_host
from inspectkit.sampling import draw_sample

ON = date(2011, 10, 18)


def regime(regime_id: str) -> Regime:
    return get_host().regime(regime_id).regime


CRA_CATEGORIES = ["CAF", "Contact", "Referral", "Re-referral", "IA", "CA", "S47", "EDT"]


def test_cra_covers_every_category_and_outcome_and_names_the_empty_one(
    make_cases: MakeCases,
) -> None:
    rows = [
        {"cra_category": category, "cra_outcome": outcome}
        for category, outcome in product(CRA_CATEGORIES, ["Proceeded", "NFA"])
        if (category, outcome) != ("Re-referral", "NFA")
    ] * 3
    record = draw_sample(regime("cra_2010"), make_cases(regime("cra_2010"), rows), seed=4, on=ON)
    covered = {c.rule.split(" (")[0] for c in record.drawn if c.rule.startswith("cover:")}
    assert len(covered) == 15
    assert "cover: Referrals × Did not proceed" in covered
    assert len(record.drawn) == 20
    assert len({c.reference for c in record.drawn}) == 20
    assert [s for s in record.shortfalls if "Re-referrals × Did not proceed" in s]
    assert all("Re-referrals × Did not proceed" not in c.rule for c in record.drawn)


def test_cra_population_is_current_and_closed_in_the_previous_six_months(
    make_cases: MakeCases,
) -> None:
    rows = [
        {"case_status": "Closed", "closed_date": "2011-04-18"},  # exactly six months: in
        {"case_status": "Closed", "closed_date": "17/04/2011"},  # a day more: out
        {"case_status": "Closed", "closed_date": "2011-10-18"},  # closed today: in
        {"case_status": "Closed"},  # no closure date: cannot tell, out, with a warning
        {"case_status": "Open"},
    ]
    cra = regime("cra_2010")
    record = draw_sample(cra, make_cases(cra, rows), seed=1, on=ON)
    assert sorted(c.reference for c in record.drawn) == ["R-0001", "R-0003", "R-0005"]
    assert record.population_size == 3
    assert any("no closure date" in w for w in record.warnings)
    assert any("only 3 case(s) could be drawn" in s for s in record.shortfalls)


def _slac_rows(looked_after: int, safeguarding: int) -> list[dict[str, str]]:
    placements = ["U4", "K2", "P1", "A4", "Z1", "Secure accommodation"]
    plans = ["Current", "Previous", "None"]
    rows = [
        {"looked_after": "Y", "placement_category": placements[n % len(placements)]}
        for n in range(looked_after)
    ]
    rows += [
        {"looked_after": "N", "cp_plan_status": plans[n % len(plans)]} for n in range(safeguarding)
    ]
    return rows


def test_slac_care_leavers_are_drawn_as_looked_after_children_never_as_safeguarding(
    make_cases: MakeCases,
) -> None:
    # 090027 §48: "all looked after children and young people, including those in external
    # placements and care leavers"; §55: "outcomes for looked after children and care
    # leavers". A care leaver the council records as not looked after is still one of them.
    slac = regime("slac_2009")
    rows = [{"looked_after": "N", "care_leaver": "Y", "cp_plan_status": "None"} for _ in range(10)]
    rows += [{"looked_after": "N", "care_leaver": "N", "cp_plan_status": "Current"}] * 10
    cases = make_cases(slac, rows)
    leavers = {f"R-{n:04d}" for n in range(1, 11)}  # the first ten rows
    for seed in range(10):
        record = draw_sample(slac, cases, seed=seed, on=ON)
        for case in record.drawn:
            if case.reference in leavers:
                assert case.rule.startswith("quota: Looked after children, at least"), case.rule
            else:
                assert not case.rule.startswith("quota: Looked after"), case.rule
        assert {c.reference for c in record.drawn} >= leavers  # 4 + 6 places, all theirs
        assert not any("looked after" in s.lower() for s in record.shortfalls)


def test_slac_quotas_in_two_phases_with_no_case_drawn_twice(make_cases: MakeCases) -> None:
    slac = regime("slac_2009")
    cases = make_cases(slac, _slac_rows(looked_after=15, safeguarding=15))
    for seed in range(20):
        record = draw_sample(slac, cases, seed=seed, on=ON)
        references = [c.reference for c in record.drawn]
        assert len(references) == len(set(references)) == 20
        by_phase: dict[str, list[str]] = {}
        for case in record.drawn:
            looked_after = dict(case.details)["Looked after"]
            by_phase.setdefault(case.phase, []).append(looked_after)
        assert sorted(by_phase["before_fieldwork"]) == ["No"] * 4 + ["Yes"] * 4
        assert sorted(by_phase["start_of_fieldwork"]) == ["No"] * 6 + ["Yes"] * 6
        assert not record.shortfalls


def test_slac_balances_across_plan_status_and_placement(make_cases: MakeCases) -> None:
    slac = regime("slac_2009")
    cases = make_cases(slac, _slac_rows(looked_after=60, safeguarding=60))
    record = draw_sample(slac, cases, seed=3, on=ON)
    first = [c for c in record.drawn if c.phase == "before_fieldwork"]
    plans = {dict(c.details)["Child protection plan"] for c in first if "Safeguarding" in c.rule}
    assert len(plans) == 3  # four safeguarding picks spread over the three plan statuses
    heading = "Current placement (integrated children's system category)"
    placements = {dict(c.details)[heading] for c in first if "Looked after" in c.rule}
    assert len(placements) == 4


def test_slac_with_too_few_looked_after_children_says_so(make_cases: MakeCases) -> None:
    slac = regime("slac_2009")
    record = draw_sample(slac, make_cases(slac, _slac_rows(3, 20)), seed=1, on=ON)
    assert any(
        "only 3 looked after children case(s) exist; the phase asks for at least 4" in s
        for s in record.shortfalls
    )
    assert any("only 0 of the 3 looked after children" in s for s in record.shortfalls)
    empty = draw_sample(slac, make_cases(slac, _slac_rows(0, 20)), seed=1, on=ON)
    assert any("no looked after children exist" in s for s in empty.shortfalls)
    assert len({c.reference for c in empty.drawn}) == len(empty.drawn)


def test_slac_survey_eligibility_on_the_inspection_date(make_cases: MakeCases) -> None:
    slac = regime("slac_2009")
    rows = [
        {"looked_after": "Y", "date_of_birth": "2003-10-18"},  # eight today: Care4Me
        {"looked_after": "Y", "date_of_birth": "2003-10-19"},  # eight tomorrow: not yet
        {"looked_after": "N", "date_of_birth": "1994-01-01", "left_care_date": "2010-10-18"},
        {"looked_after": "N", "date_of_birth": "1994-01-01", "left_care_date": "2010-10-17"},
    ]
    record = draw_sample(slac, make_cases(slac, rows), seed=1, on=ON)
    surveys = {s.survey_id: s for s in record.surveys}
    assert surveys["care4me"].references == ("R-0001",)
    assert surveys["aftercare"].references == ("R-0003",)
    assert surveys["aftercare"].count == 1


def test_child_protection_balances_the_journey_and_flags_a_subset(make_cases: MakeCases) -> None:
    cp = regime("child_protection_2012")
    stages = ["EH", "Referral", "CP plan", "CIN"]  # no stepped-down cases: an empty stratum
    cases = make_cases(cp, [{"journey_stage": stages[n % 4]} for n in range(120)])
    record = draw_sample(cp, cases, seed=9, on=ON)
    assert len(record.drawn) == 50
    counts: dict[str, int] = {}
    for case in record.drawn:
        stage = dict(case.details)["Stage of the child's journey"]
        counts[stage] = counts.get(stage, 0) + 1
    assert sorted(counts.values()) == [12, 12, 13, 13]
    assert any("--subset-size meet_children_and_families=N" in s for s in record.shortfalls)
    assert not any(c.subsets for c in record.drawn)
    flagged = draw_sample(cp, cases, seed=9, on=ON, subset_sizes={"meet_children_and_families": 10})
    assert sum(1 for c in flagged.drawn if c.subsets) == 10
    assert [c.reference for c in flagged.drawn] == [c.reference for c in record.drawn]


def test_unknown_subset_size_is_an_input_error(make_cases: MakeCases) -> None:
    cp = regime("child_protection_2012")
    cases = make_cases(cp, [{}])
    with pytest.raises(InputError, match="has no sub-set 'meeting'"):
        draw_sample(cp, cases, seed=1, on=ON, subset_sizes={"meeting": 3})


def test_an_empty_case_list_gives_shortfalls_not_a_crash(make_cases: MakeCases) -> None:
    for registered in get_host().sorted_regimes():
        record = draw_sample(registered.regime, make_cases(registered.regime, []), seed=1, on=ON)
        assert record.drawn == ()
        if registered.regime.sampling.minimum.min:
            assert record.shortfalls


@pytest.mark.parametrize("regime_id", ["slac_2009", "child_protection_2012"])
def test_a_balance_the_source_does_not_define_is_marked_as_inspectkits_reading(
    make_cases: MakeCases, regime_id: str
) -> None:
    # 090027 §47 asks only for "a balance of cases" at the start of fieldwork; Council
    # briefing 2012 does not say how the 50 cases spread: the fields are the tool's reading.
    chosen = regime(regime_id)
    balanced = [p for p in chosen.sampling.phases if p.balance]
    assert balanced and all("inspectkit's reading" in p.balance_reading for p in balanced)
    rows = _slac_rows(15, 15) if regime_id == "slac_2009" else [{"journey_stage": "CIN"}] * 60
    record = draw_sample(chosen, make_cases(chosen, rows), seed=3, on=ON)
    rules = [c.rule for c in record.drawn if c.phase in {p.id for p in balanced}]
    assert rules and all("inspectkit's reading" in rule for rule in rules), rules
