"""The slac_2009 regime pinned to its sources, item by item.

Each test states what the framework (090027) says — the number, the list, the
deadline, in its own words where the words matter — and checks both the value in
the plugin's data and the paragraph it cites.  A change to the data that drifts
from the source, or cites the wrong paragraph, fails here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

import inspectkit_slac_2009
from inspectkit import load_regime_resource
from inspectkit.model import (
    AssertionCondition,
    CaseField,
    FieldMatch,
    GradedCondition,
    JudgementArea,
    Milestone,
    Regime,
    ReportSection,
)
from inspectkit.testing import (
    assert_plugin_registers,
    assert_regime_conforms,
    citations,
    cited_parts,
    cites,
)


@pytest.fixture(scope="module")
def regime() -> Regime:
    return load_regime_resource("inspectkit_slac_2009")


def _milestone(regime: Regime, milestone_id: str) -> Milestone:
    milestone = regime.timeline.milestone(milestone_id)
    assert milestone is not None, milestone_id
    return milestone


def _area(regime: Regime, area_id: str) -> JudgementArea:
    area = regime.evaluation.area(area_id)
    assert area is not None, area_id
    return area


# -- the kit ------------------------------------------------------------------------


def test_conforms() -> None:
    assert_regime_conforms("slac_2009")


def test_plugin_registers_on_its_own() -> None:
    regimes = assert_plugin_registers(inspectkit_slac_2009, name="inspectkit-slac-2009")
    assert [r.id for r in regimes] == ["slac_2009"]


def test_every_citation_starts_with_a_declared_source(regime: Regime) -> None:
    assert [d.id for d in regime.sources] == ["090027", "Oxfordshire briefing", "SSDA903"]
    cited = citations(regime)
    for path, source in cited:
        for part in cited_parts(source):
            assert part == "SSDA903" or part.startswith(("090027 ", "Oxfordshire briefing ")), (
                path,
                part,
            )
    assert len(cited) > 200


def test_each_source_is_a_bibliography_entry(regime: Regime) -> None:
    framework, briefing, codes = regime.sources
    assert (framework.publisher, framework.published, framework.reference) == (
        "Ofsted",
        "2009-05",
        "090027",
    )
    # The briefing carries no date (it names a December 2009 inspection as the latest).
    assert briefing.publisher.startswith("Oxfordshire County Council")
    assert (briefing.published, briefing.reference) == ("", "")
    assert "no date" in briefing.note
    assert (codes.publisher, codes.kind) == ("Department for Education", "statistical return")
    assert not any("shared/" in d.note or ".txt" in d.note for d in regime.sources)


# -- header, notice, team -----------------------------------------------------------


def test_header(regime: Regime) -> None:
    assert (regime.id, regime.version, regime.publisher, regime.reference) == (
        "slac_2009",
        "2009.2",
        "Ofsted",
        "090027",
    )
    assert regime.published.date == "2009-05"
    assert regime.in_force.date == "2009-04-01"
    assert "take effect from 1 April 2009" in regime.in_force.text
    assert regime.legal_basis.text.startswith("Section 20 of the Children Act 2004")
    assert cites(regime.legal_basis.source, "090027 §3")
    assert regime.graded


def test_notice_is_usually_up_to_ten_working_days(regime: Regime) -> None:
    notice = regime.notice
    assert notice.announced
    assert (notice.period.min, notice.period.max, notice.period.unit) == (None, 10, "working days")
    assert "usually 10 working days" in notice.period.text
    assert cites(notice.period.source, "090027 §11")
    exceptions = [e.text for e in notice.exceptions]
    assert len(exceptions) == 2
    assert "judged inadequate already" in exceptions[0]
    assert "serious concerns about safeguarding" in exceptions[1]
    assert all(cites(e.source, "090027 §11") for e in notice.exceptions)


def test_team(regime: Regime) -> None:
    team = regime.team
    assert (team.size.min, team.size.max) == (4, None)
    assert "at least three Ofsted inspectors and a Care Quality Commission inspector" in (
        team.size.text
    )
    assert cites(team.size.source, "090027 §14")
    assert (team.days_on_site.min, team.days_on_site.max) == (None, 10)
    assert team.days_on_site.unit == "working days"
    assert cites(team.days_on_site.source, "090027 §14")
    assert [i.id for i in team.inspectorates] == ["ofsted", "cqc", "hmic"]
    assert all(cites(i.source, "090027 §3", "090027 §13") for i in team.inspectorates)
    roles = {r.id: r for r in team.roles}
    assert (roles["ofsted_inspector"].count.min, roles["ofsted_inspector"].inspectorate) == (
        3,
        "ofsted",
    )
    assert cites(roles["ofsted_inspector"].count.source, "090027 §14")
    cqc = roles["cqc_inspector"]
    assert (cqc.count.min, cqc.count.max, cqc.inspectorate) == (1, 1, "cqc")
    assert cites(cqc.count.source, "090027 §14")
    hmic = roles["other_inspectorate_inspector"]
    assert not hmic.count.specified and "not specified" in hmic.count.text.lower()
    assert cites(hmic.count.source, "090027 §13")


@pytest.mark.parametrize(
    ("topic_id", "phrase", "citation"),
    [
        ("purpose", "annual performance rating", "090027 §4"),
        ("frequency", "at least one inspection", "090027 §10"),
        ("frequency", "a further inspection may follow", "090027 §10"),
        ("deferral", "staff absence or staff shortages", "090027 §12"),
        ("inspecting_together", "single inspection event", "090027 §18"),
        (
            "scope_safeguarding",
            "protecting children and young people from maltreatment",
            "090027 §20",
        ),
        ("scope_looked_after_children", "placement stability", "090027 §24"),
        ("users_views", "always speak with children and young people", "090027 §41"),
        ("confidentiality", "Freedom of Information Act 2000", "090027 §63"),
        ("complaints", "30 calendar days", "090027 §72"),
    ],
)
def test_topics(regime: Regime, topic_id: str, phrase: str, citation: str) -> None:
    topic = regime.topic(topic_id)
    assert topic is not None
    matching = [f for f in topic.facts if phrase in f.text]
    assert matching, f"{topic_id}: no fact says {phrase!r}"
    assert all(cites(f.source, citation) for f in matching)


# -- judgements ---------------------------------------------------------------------


def test_four_point_scale_best_first(regime: Regime) -> None:
    assert regime.scale.graded
    assert [lv.id for lv in regime.scale.levels] == [
        "outstanding",
        "good",
        "adequate",
        "inadequate",
    ]
    assert [lv.label for lv in regime.scale.levels] == [
        "Outstanding",
        "Good",
        "Adequate",
        "Inadequate",
    ]
    assert all(cites(lv.source, "090027 §29") for lv in regime.scale.levels)


def _shape(area: JudgementArea) -> list[tuple[int, str, bool]]:
    return [(depth, a.id, a.graded) for depth, a in area.walk()]


# (depth, id, graded): §27/§28 give the tree, §55 the "Grade" / "No grade" marks.
SAFEGUARDING_SCHEDULE = [
    (0, "safeguarding", False),
    (1, "overall_effectiveness", True),
    (2, "capacity_to_improve", True),
    (2, "recommendations", False),
    (1, "meeting_safeguarding_needs", False),
    (2, "leadership_and_management", True),
    (3, "ambition_and_prioritisation", True),
    (3, "evaluation", True),
    (3, "user_engagement", True),
    (3, "partnerships", True),
    (3, "equality_and_diversity", True),
    (3, "value_for_money", True),
    (2, "quality_of_provision", True),
    (3, "service_responsiveness", True),
    (3, "assessment_and_direct_work", True),
    (3, "case_planning", True),
    (2, "safeguarding_outcomes", False),
    (3, "children_safe", True),
    (3, "children_feel_safe", True),
]

LOOKED_AFTER_SCHEDULE = [
    (0, "looked_after_children", False),
    (1, "lac_overall_effectiveness", True),
    (2, "lac_capacity_to_improve", True),
    (2, "lac_recommendations", False),
    (1, "lac_meeting_needs", False),
    (2, "lac_leadership_and_management", True),
    (3, "lac_ambition_and_prioritisation", True),
    (3, "lac_evaluation", True),
    (3, "lac_user_engagement", True),
    (3, "lac_partnerships", True),
    (3, "lac_equality_and_diversity", True),
    (3, "lac_value_for_money", True),
    (3, "lac_promoting_safeguarding", True),
    (2, "lac_quality_of_provision", True),
    (3, "lac_service_responsiveness", True),
    (3, "lac_assessment_and_direct_work", True),
    (3, "lac_case_planning", True),
    (2, "lac_outcomes", False),
    (3, "lac_being_healthy", True),
    (3, "lac_staying_safe", True),
    (3, "lac_enjoying_and_achieving", True),
    (3, "lac_positive_contribution", True),
    (3, "lac_economic_wellbeing", True),
]


def test_two_elements_follow_their_schedules(regime: Regime) -> None:
    safeguarding, looked_after = regime.evaluation.areas
    assert _shape(safeguarding) == SAFEGUARDING_SCHEDULE
    assert _shape(looked_after) == LOOKED_AFTER_SCHEDULE
    assert all(cites(a.source, "090027 §27") for _, a in safeguarding.walk())
    assert all(cites(a.source, "090027 §28") for _, a in looked_after.walk())


def test_schedule_titles_follow_the_source(regime: Regime) -> None:
    titles = {a.id: a.title for _, a in regime.evaluation.walk()}
    assert titles["meeting_safeguarding_needs"] == (
        "Meeting the need to safeguard and promote the welfare, development and life chances "
        "of children and young people"
    )
    assert (
        titles["lac_meeting_needs"] == "Meeting the needs of looked after children and young people"
    )
    assert titles["recommendations"] == "Recommendations and required actions"
    assert titles["evaluation"] == (
        "Evaluation, including performance management, quality assurance and workforce development"
    )
    assert titles["lac_outcomes"] == (
        "Every Child Matters outcomes for looked after children and young people"
    )
    assert titles["lac_promoting_safeguarding"] == "Effectiveness in promoting safeguarding"
    assert titles["lac_economic_wellbeing"] == "Achieving economic well-being"
    assert titles["children_safe"].startswith("Children and young people are safe: ")
    assert titles["children_feel_safe"].startswith("Children and young people feel safe: ")


LAC_OUTCOMES = [
    "lac_being_healthy",
    "lac_staying_safe",
    "lac_enjoying_and_achieving",
    "lac_positive_contribution",
    "lac_economic_wellbeing",
]

# id, §, strength, target, limit, any_of, graded_at_most, graded_below, source wording
LIMITING_RULES = [
    (
        "safeguarding_outcome_inadequate", "090027 §31", "likely", "overall_effectiveness",
        "inadequate", ("children_safe", "children_feel_safe"), "inadequate", None,
        "Overall effectiveness is likely to be inadequate if either of the two safeguarding "
        "outcomes (children and young people are safe and children and young people feel safe) "
        "is judged as inadequate.",
    ),
    (
        "safeguarding_outcome_not_good", "090027 §31", "unlikely", "overall_effectiveness",
        "adequate", ("children_safe", "children_feel_safe"), None, "good",
        "Overall effectiveness is unlikely to be good or better if either of the two safeguarding "
        "outcomes (children and young people are safe and children and young people feel safe) "
        "is not judged as good.",
    ),
    (
        "safeguarding_equality_inadequate", "090027 §31", "unlikely", "leadership_and_management",
        "inadequate", ("equality_and_diversity",), "inadequate", None,
        "Leadership and management are unlikely to be adequate if the grade awarded for equality "
        "and diversity is inadequate.",
    ),
    (
        "lac_outcome_inadequate", "090027 §32", "likely", "lac_overall_effectiveness",
        "inadequate", tuple(LAC_OUTCOMES), "inadequate", None,
        "Overall effectiveness is likely to be inadequate if any outcome judgement is inadequate.",
    ),
    (
        "lac_safe_or_achieving_not_good", "090027 §32", "unlikely", "lac_overall_effectiveness",
        "adequate", ("lac_staying_safe", "lac_enjoying_and_achieving"), None, "good",
        "Overall effectiveness is unlikely to be good or better if either staying safe or "
        "enjoying and achieving is not judged as good.",
    ),
    (
        "lac_educational_progress", "090027 §32", "unlikely", "lac_enjoying_and_achieving",
        "adequate", (), None, None,
        "Enjoying and achieving are unlikely to be good if looked after children and young people "
        "are not making at least good educational progress overall in relation to their starting "
        "points and capability.",
    ),
    (
        "lac_equality_inadequate", "090027 §32", "likely", "lac_leadership_and_management",
        "inadequate", ("lac_equality_and_diversity",), "inadequate", None,
        "Leadership and management are likely to be inadequate if the grade awarded for equality "
        "and diversity is inadequate.",
    ),
]  # fmt: skip


def test_all_seven_limiting_rules_in_source_order(regime: Regime) -> None:
    assert [r.id for r in regime.limiting_rules] == [row[0] for row in LIMITING_RULES]


@pytest.mark.parametrize(
    ("rule_id", "paragraph", "strength", "target", "limit", "any_of", "at_most", "below", "text"),
    LIMITING_RULES,
)
def test_limiting_rule(
    regime: Regime,
    rule_id: str,
    paragraph: str,
    strength: str,
    target: str,
    limit: str,
    any_of: tuple[str, ...],
    at_most: str | None,
    below: str | None,
    text: str,
) -> None:
    rule = next(r for r in regime.limiting_rules if r.id == rule_id)
    assert rule.text == text
    assert cites(rule.source, paragraph)
    assert (rule.strength, rule.target, rule.limit) == (strength, target, limit)
    if any_of:  # the educational-progress rule asks the inspector instead (test below)
        assert rule.when == GradedCondition(
            any_of=any_of, graded_at_most=at_most, graded_below=below
        )
    else:
        assert isinstance(rule.when, AssertionCondition)
    # the consequence is the rule's own first clause, strength and all
    assert text.lower().startswith(rule.consequence.lower())
    assert f" {strength} to be " in f" {rule.consequence} "
    # a rule can only watch and cap graded judgements
    assert _area(regime, target).graded
    assert all(_area(regime, area).graded for area in any_of)


def test_educational_progress_rule_asks_the_inspector(regime: Regime) -> None:
    rule = next(r for r in regime.limiting_rules if r.id == "lac_educational_progress")
    assert rule.when == AssertionCondition(
        assertion="lac_good_educational_progress",
        question="Are looked after children and young people making at least good educational "
        "progress overall in relation to their starting points and capability?",
    )


def test_any_outcome_judgement_means_all_five_outcomes(regime: Regime) -> None:
    outcomes = [a.id for a in _area(regime, "lac_outcomes").children]
    assert outcomes == LAC_OUTCOMES


# -- timeline -----------------------------------------------------------------------

# Table 1 (§60), one row each; (id, first day, last day, actor starts with, also cites)
TIMETABLE = [
    ("notification", 1, 1, "Ofsted (the timetable names no", "090027 §11"),
    ("set_up_call", 2, 2, "Lead inspector", None),
    ("core_documents", 2, 2, "Council", "090027 §34"),
    ("survey_letters", 3, 3, "Council", "090027 §52"),
    ("case_list", 4, 4, "Council", "090027 §48"),
    ("set_up_meeting", 5, 5, "Lead inspector", "090027 §36"),
    ("initial_case_audit", 6, 10, "Council", "090027 §47"),
    ("fieldwork", 11, 19, "Inspectors", "090027 §14"),
    ("end_of_inspection", 20, 20, "Inspectors", "090027 §62"),
    ("draft_report", 21, 25, "Ofsted (the timetable names no actor)", "090027 §56"),
    ("factual_accuracy_check", 26, 30, "Director of Children's Services", "090027 §57"),
    ("final_report", 35, 35, "Ofsted (the timetable names no actor)", "090027 §58"),
    ("publication", 40, 40, "Ofsted (the timetable names no actor)", "090027 §59"),
]


def test_timetable_rows_in_day_order(regime: Regime) -> None:
    rows = [
        (m.id, m.days.first, m.days.last) for m in regime.timeline.milestones if m.days is not None
    ]
    assert rows == [(row[0], row[1], row[2]) for row in TIMETABLE]
    assert len(regime.timeline.milestones) == len(TIMETABLE)


@pytest.mark.parametrize(("milestone_id", "first", "last", "actor", "also"), TIMETABLE)
def test_timetable_row(
    regime: Regime, milestone_id: str, first: int, last: int, actor: str, also: str | None
) -> None:
    milestone = _milestone(regime, milestone_id)
    assert milestone.actor.startswith(actor)
    assert cites(milestone.source, "090027 §60 Table 1")
    if also is not None:
        assert cites(milestone.source, also)


def test_set_up_meeting_is_four_days_after_notification(regime: Regime) -> None:
    meeting = _milestone(regime, "set_up_meeting")
    assert meeting.days is not None and meeting.days.first == 5
    assert "four days after notification" in meeting.note
    assert cites(meeting.source, "090027 §36", "090027 §60 Table 1")


# (id, within working days, after, paragraph)
DEADLINES = [
    ("draft_report", 5, "end_of_inspection", "090027 §56"),
    ("factual_accuracy_check", 10, "end_of_inspection", "090027 §57"),
    ("final_report", 15, "end_of_inspection", "090027 §58"),
    ("publication", 20, "end_of_inspection", "090027 §59"),
]


@pytest.mark.parametrize(("milestone_id", "within", "after", "paragraph"), DEADLINES)
def test_report_deadline(
    regime: Regime, milestone_id: str, within: int, after: str, paragraph: str
) -> None:
    milestone = _milestone(regime, milestone_id)
    assert milestone.deadline is not None
    assert (milestone.deadline.within, milestone.deadline.after) == (within, after)
    assert milestone.deadline.unit == "working days"
    assert cites(milestone.source, paragraph)
    # the deadline and the table agree: day 20 + N working days is the row's last day
    anchor = _milestone(regime, after)
    assert anchor.days is not None and milestone.days is not None
    assert anchor.days.last + within == milestone.days.last


def test_deadlines_only_where_the_source_gives_one(regime: Regime) -> None:
    with_deadline = [m.id for m in regime.timeline.milestones if m.deadline is not None]
    assert with_deadline == [row[0] for row in DEADLINES]


def test_deadline_wording_kept(regime: Regime) -> None:
    check = _milestone(regime, "factual_accuracy_check")
    assert check.deadline is not None and "five days" in check.deadline.text
    publication = _milestone(regime, "publication")
    assert publication.deadline is not None and "within 20 days" in publication.deadline.text
    assert "working days" in publication.note and "§59" in publication.note


# -- sampling -----------------------------------------------------------------------


def test_sampling_minimum_is_eight_plus_twelve(regime: Regime) -> None:
    sampling = regime.sampling
    assert (sampling.minimum.min, sampling.minimum.max, sampling.minimum.unit) == (
        20,
        None,
        "cases",
    )
    assert cites(sampling.minimum.source, "090027 §47")
    assert sum(p.size.min or 0 for p in sampling.phases) == sampling.minimum.min


# §47 asks for "a balance of cases" only at the start of fieldwork, and names no field to
# balance: the balance is the second phase's alone, and marked as inspectkit's reading.
@pytest.mark.parametrize(
    ("phase_id", "size", "quotas", "milestone", "wording", "balance"),
    [
        ("before_fieldwork", 8, {"safeguarding": 4, "looked_after": 4}, "set_up_meeting",
         "At least eight cases (four specifically safeguarding and four looked after children)",
         ()),
        ("start_of_fieldwork", 12, {"safeguarding": 6, "looked_after": 6}, "fieldwork",
         "At least a further 12 cases (six specifically safeguarding and six looked after "
         "children)", ("cp_plan_status", "placement_category")),
    ],
)  # fmt: skip
def test_sampling_phase(
    regime: Regime,
    phase_id: str,
    size: int,
    quotas: dict[str, int],
    milestone: str,
    wording: str,
    balance: tuple[str, ...],
) -> None:
    phase = next(p for p in regime.sampling.phases if p.id == phase_id)
    assert (phase.size.min, phase.size.max) == (size, None)
    assert phase.size.text.startswith(wording)
    assert cites(phase.size.source, "090027 §47")
    assert {q.group: q.min for q in phase.quotas} == quotas
    assert all(cites(q.source, "090027 §47") for q in phase.quotas)
    assert (phase.selected_by, phase.milestone) == ("inspectors", milestone)
    assert phase.balance == balance
    if balance:
        assert "'to ensure that they consider a balance of cases'" in phase.balance_reading
        assert "inspectkit's reading of that, not a rule of the framework" in phase.balance_reading
    else:
        assert phase.balance_reading == ""


def test_council_audits_initial_cases_and_balance_is_sought(regime: Regime) -> None:
    before, start = regime.sampling.phases
    assert any("audit" in n.text and cites(n.source, "090027 §47") for n in before.notes)
    assert any("balance of cases" in n.text and cites(n.source, "090027 §47") for n in start.notes)
    assert any(
        "analysis and evaluation of case files undertaken by the local authority" in n.text
        for n in regime.sampling.notes
    )


def test_case_groups(regime: Regime) -> None:
    # §48 "all looked after children and young people, including ... care leavers", §55
    # "outcomes for looked after children and care leavers": a care leaver is looked after
    # for the quotas, and never a safeguarding case, whatever the looked after flag says.
    def said(matches: tuple[FieldMatch, ...]) -> list[tuple[str, tuple[str, ...]]]:
        return [(m.field, m.values) for m in matches]

    groups = {g.id: (said(g.where), said(g.any_of), said(g.unless)) for g in regime.sampling.groups}
    assert groups == {
        "safeguarding": ([("looked_after", ("no",))], [], [("care_leaver", ("yes",))]),
        "looked_after": ([], [("looked_after", ("yes",)), ("care_leaver", ("yes",))], []),
    }
    assert all(cites(g.source, "090027 §47", "090027 §48") for g in regime.sampling.groups)
    looked_after = regime.sampling.group("looked_after")
    assert looked_after is not None and cites(looked_after.source, "090027 §55")
    note = next(n for n in regime.sampling.notes if "care leavers" in n.text)
    assert "including those in external placements and care leavers" in note.text
    assert cites(note.source, "090027 §48", "090027 §55")


def test_population_is_the_section_48_list(regime: Regime) -> None:
    population = regime.sampling.population
    for phrase in (
        "currently subject to a child in need plan",
        "currently subject to child protection plans",
        "including those in external placements and care leavers",
        "unallocated cases or cases awaiting transfer to another team",
    ):
        assert phrase in population.text
    assert cites(population.source, "090027 §48")
    assert population.closed_within_months is None


# §51, in order
PLACEMENT_CATEGORIES = [
    "Placement with parent(s)",
    "Placement with relatives/friends",
    "Foster placement with relatives/friends",
    "Foster placement",
    "Placement with adopters",
    "Residential placement (children's home)",
    "Specialist residential placement (therapeutic)",
    "Specialist residential placement (residential school)",
    "Specialist residential placement (health, including child and adolescent mental health "
    "services)",
    "Secure accommodation",
    "Supported lodgings",
    "Other please specify",
]

SSDA903_CODES = {
    "with_parents": {"P1"},
    "with_relatives_friends": set(),
    "foster_relatives_friends": {"U1", "U2", "U3"},
    "foster": {"U4", "U5", "U6"},
    "with_adopters": {"A3", "A4", "A5", "A6"},
    "childrens_home": {"K2"},
    "specialist_therapeutic": set(),
    "specialist_residential_school": {"S1"},
    "specialist_health": {"R2"},
    "secure_accommodation": {"K1"},
    "supported_lodgings": set(),
    "other": {"Z1"},
}


def _placement_field(regime: Regime) -> CaseField:
    return next(f for f in regime.case_fields if f.id == "placement_category")


def test_twelve_placement_categories(regime: Regime) -> None:
    field = _placement_field(regime)
    assert (field.kind, field.personal) == ("code", False)
    assert cites(field.source, "090027 §51")
    assert len(field.values) == 12
    for value, wording in zip(field.values, PLACEMENT_CATEGORIES, strict=True):
        # the §51 wording is accepted as a code, so ICS labels map as they are
        assert wording in value.codes, value.id
        assert cites(value.source, "090027 §51")


def test_placement_codes_only_where_unambiguous(regime: Regime) -> None:
    field = _placement_field(regime)
    ssda = {
        v.id: {c for c in v.codes if len(c) == 2 and c[0].isalpha() and c[1].isdigit()}
        for v in field.values
    }
    assert ssda == SSDA903_CODES
    for value in field.values:
        assert cites(value.source, "SSDA903") == bool(ssda[value.id])


def test_placement_codes_do_not_overlap(regime: Regime) -> None:
    codes = [c.casefold() for v in _placement_field(regime).values for c in v.codes]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(
    ("survey_id", "title", "where", "recent", "wording"),
    [
        ("care4me", "Care4Me survey", [("looked_after", ("yes",))], None,
         "All looked after children and young people aged eight and over."),
        ("aftercare", "AfterCare survey", [], ("left_care_date", 12),
         "All children and young people aged eight and over who have left the council's care "
         "during the previous 12 months."),
    ],
)  # fmt: skip
def test_survey(
    regime: Regime,
    survey_id: str,
    title: str,
    where: list[tuple[str, tuple[str, ...]]],
    recent: tuple[str, int] | None,
    wording: str,
) -> None:
    survey = next(s for s in regime.surveys if s.id == survey_id)
    assert survey.title == title
    assert survey.min_age == 8
    assert [(m.field, m.values) for m in survey.where] == where
    assert (
        None if survey.recent is None else (survey.recent.field, survey.recent.months)
    ) == recent
    assert survey.description.startswith(wording)
    assert cites(survey.source, "090027 §17", "090027 §52")
    assert "invitations and passwords" in survey.council_action
    assert "day 3" in survey.council_action


# -- information requests -----------------------------------------------------------

# §34, verbatim and in order
DOCUMENTS = [
    "minutes of last six Local Safeguarding Children Board meetings",
    "details of Children's Trust Board membership, and minutes of last six meetings",
    "Children and Young People's Plan and the latest review of Children and Young People's Plan, "
    "including any updates to the plan",
    "lists of existing groups of service users and their parents/carers",
    "summaries of the views of service users and other stakeholders, as collected by the council",
    "local performance management and quality assurance information, including case-related "
    "audit evidence, relating to safeguarding, child protection and looked after children services",
    "data relating to the common assessment framework",
    "workforce data and current pressures and priorities",
    "summaries of any management reviews of safeguarding and looked after children services "
    "conducted in last two years",
    "management reports of the independent reviewing officers",
    "details of placements in council, voluntary or private children's homes, fostering or "
    "adoption agencies",
    "arrangements for identifying and responding to missing children and young people",
    "organisation charts for council and partner agencies",
]

# §35, verbatim and in order
HELD_BY_OFSTED = [
    "the Ofsted performance profile",
    "findings from other relevant Ofsted inspection and regulatory activity, including "
    "notifications",
    "summary of judgements made in serious case review evaluations",
    "Ofsted's fostering and adoption datasets (completed by providers)",
    "views of service users, social care staff and third sector organisations gathered through "
    "new questionnaires",
    "summary of substantiated complaints about the council and its partners made to Ofsted that "
    "relate to safeguarding and looked after children",
    "local area agreements",
]

# §37 and §42: the kind each item's wording gives it, in order
SAFEGUARDING_MEETING_KINDS = ["meeting"] * 9 + ["focus_group"] * 7 + ["meeting"] * 2
LOOKED_AFTER_MEETING_KINDS = (
    ["meeting"] * 8 + ["focus_group"] * 6 + ["meeting"] * 2 + ["visit", "meeting", "visit"]
)


def test_thirteen_documents_kept_ready(regime: Regime) -> None:
    documents = [r for r in regime.information_requests if r.kind == "document"]
    assert [d.text for d in documents] == DOCUMENTS
    for number, document in enumerate(documents, 1):
        assert cites(document.source, "090027 §34", f"Oxfordshire briefing Annex 1 item {number}")
        assert (document.provider, document.due_milestone) == ("council", "core_documents")


def test_seven_items_ofsted_already_holds(regime: Regime) -> None:
    held = [r for r in regime.information_requests if r.kind == "held_by_ofsted"]
    assert [h.text for h in held] == HELD_BY_OFSTED
    assert all(h.provider == "Ofsted" and cites(h.source, "090027 §35") for h in held)


@pytest.mark.parametrize(
    ("element", "paragraph", "annex", "kinds", "first", "last"),
    [
        ("safeguarding", "090027 §37", "Oxfordshire briefing Annex 2 safeguarding item",
         SAFEGUARDING_MEETING_KINDS,
         "Chair and members of the Local Safeguarding Children Board and Children's Trust Board",
         "manager/staff of the independent advocacy service"),
        ("looked_after_children", "090027 §42",
         "Oxfordshire briefing Annex 2 looked after children item",
         LOOKED_AFTER_MEETING_KINDS,
         "representatives of the Corporate Parenting Board",
         "visit a targeted service for looked after children (this will depend on the particular "
         "services available in the area)"),
    ],
)  # fmt: skip
def test_meetings_and_focus_groups(
    regime: Regime,
    element: str,
    paragraph: str,
    annex: str,
    kinds: list[str],
    first: str,
    last: str,
) -> None:
    items = [r for r in regime.information_requests if r.element == element]
    assert [i.kind for i in items] == kinds
    assert (items[0].text, items[-1].text) == (first, last)
    for number, item in enumerate(items, 1):
        assert cites(item.source, paragraph, f"{annex} {number}")
        assert item.due_milestone == "fieldwork"
        if item.kind == "focus_group":
            assert "group" in item.text
        if item.kind == "visit":
            assert item.text.startswith("visit ")


def test_case_list_request(regime: Regime) -> None:
    (case_list,) = [r for r in regime.information_requests if r.kind == "case_list"]
    assert case_list.due_milestone == "case_list"
    assert cites(case_list.source, "090027 §48-51", "Oxfordshire briefing Annex 4")
    for phrase in (
        "child's unique identifier",
        "date of initial referral",
        "legal status",
        "previously subject to one",
        "twelve integrated children's system categories",
    ):
        assert phrase in case_list.text


def test_survey_requests(regime: Regime) -> None:
    surveys = [r for r in regime.information_requests if r.kind == "survey"]
    assert [s.id for s in surveys] == ["care4me_invitations", "aftercare_invitations"]
    assert all(cites(s.source, "090027 §52") for s in surveys)
    assert all(s.due_milestone == "survey_letters" for s in surveys)


# -- report -------------------------------------------------------------------------


def _flatten(sections: Iterable[ReportSection]) -> Iterator[ReportSection]:
    for section in sections:
        yield section
        yield from _flatten(section.children)


def _walk(sections: Iterable[ReportSection], depth: int = 0) -> list[tuple[int, str, bool]]:
    rows: list[tuple[int, str, bool]] = []
    for section in sections:
        rows.append((depth, section.title, section.graded))
        rows.extend(_walk(section.children, depth + 1))
    return rows


def _element_headings(outcomes: str, outcome_areas: list[str]) -> list[tuple[int, str, bool]]:
    return [
        (1, "Overall effectiveness", True),
        (1, "Capacity for improvement", True),
        (1, "Areas for improvement", False),
        (1, outcomes, False),
        *[(2, title, True) for title in outcome_areas],
        (1, "Quality of provision", True),
        (2, "Service responsiveness", True),
        (2, "Assessment and direct work with children and families", True),
        (2, "Case planning, review and recording", True),
        (1, "How effective are leadership and management?", True),
        (2, "Ambition and prioritisation", True),
        (
            2,
            "Evaluation, including performance management, quality assurance and workforce "
            "development",
            True,
        ),
        (2, "User engagement", True),
        (2, "Partnerships", True),
        (2, "Equality and diversity", True),
        (2, "Value for money", True),
    ]


def test_report_headings_and_grades(regime: Regime) -> None:
    report = regime.report
    assert report.form == "report"
    assert cites(report.source, "090027 §54-55")
    expected = [
        (0, "About this inspection", False),
        (0, "Service information", False),
        (0, "Safeguarding", False),
        *_element_headings(
            "How good are outcomes for children and young people?",
            [
                "Children and young people are safe: effectiveness of services in taking "
                "reasonable steps to ensure that children and young people are safe",
                "Children and young people feel safe: effectiveness of services in helping to "
                "ensure that children and young people feel safe",
            ],
        ),
        (0, "Services for looked after children", False),
        *_element_headings(
            "How good are outcomes for looked after children and care leavers?",
            [
                "Being healthy",
                "Staying safe",
                "Enjoying and achieving",
                "Making a positive contribution",
                "Economic well-being",
            ],
        ),
    ]
    assert _walk(report.sections) == expected


def test_report_sections_show_their_areas_grades(regime: Regime) -> None:
    sections = list(_flatten(regime.report.sections))
    assert all(cites(s.source, "090027 §55") for s in sections)
    linked = [s for s in sections if s.area]
    assert (
        len(linked) == len(sections) - 2
    )  # all but "About this inspection", "Service information"
    for section in linked:
        assert section.graded == _area(regime, section.area).graded, section.id
    graded_areas = {a.id for _, a in regime.evaluation.walk() if a.graded}
    # every graded judgement is reported, except the one §55 leaves out
    assert graded_areas - {s.area for s in linked} == {"lac_promoting_safeguarding"}


def test_one_report_with_separate_sections_and_grades(regime: Regime) -> None:
    notes = regime.report.notes
    assert any(
        "separate sections and grades for safeguarding and looked after children" in n.text
        and cites(n.source, "090027 §54")
        for n in notes
    )


def test_report_recipients(regime: Regime) -> None:
    recipients = regime.report.recipients
    final = next(r for r in recipients if "copied in on the final report" in r.text)
    for who in (
        "Lead Member for Children's Services",
        "Chair of the Local Safeguarding Children Board",
        "Chief Executive",
    ):
        assert who in final.text
    assert cites(final.source, "090027 §58")
    assert any("Director of Children's Services" in r.text and cites(r.source, "090027 §56")
               for r in recipients)  # fmt: skip


def test_report_milestones(regime: Regime) -> None:
    assert regime.report.milestones == (
        "end_of_inspection",
        "draft_report",
        "factual_accuracy_check",
        "final_report",
        "publication",
    )


def test_names_kept_out_and_no_template_asks_for_one(regime: Regime) -> None:
    # §63: "the identity of named individuals will not be disclosed"; §69: respect the
    # confidentiality of information about individuals. No template asks for a name.
    names = regime.names
    assert names is not None
    assert names.rule.source == "090027 §63; 090027 §69"
    assert "identity of named individuals will not be disclosed" in names.rule.text
    assert "not specified" in names.rule.text
    assert (names.inspectors, names.addressee) == (None, None)
