"""The child_protection_2012 regime, pinned number by number to its sources.

Every value the regime holds is checked here together with its citation, so a
change to either (a number edited, a public fact re-cited as if it were in the
council's briefing) fails a test.  The briefing (Council briefing 2012) has no paragraph
numbers; citations name its headings, listed in ``BRIEFING_HEADINGS``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from rich.console import Console

from inspectkit.cli import cli
from inspectkit.describe import describe_regime
from inspectkit.model import Fact, Measure, Regime
from inspectkit.plugins import get_host
from inspectkit.resources import load_regime_resource
from inspectkit.testing import (
    assert_regime_conforms,
    citations,
    cited_parts,
    cites,
    conformance_problems,
)

REGIME_ID = "child_protection_2012"
PACKAGE = "inspectkit_child_protection_2012"

SEED = "Council briefing 2012"
NOTICE = "Council briefing 2012 'How much notice will there be?'"
DURATION = "Council briefing 2012 'How long will inspectors be on-site?'"
ORGANISATION = "Council briefing 2012 'How will the inspection be organised?'"
SCOPE = "Council briefing 2012 'What is the scope of the inspection?'"
CASE_FILES = "Council briefing 2012 'What will the case file analysis involve?'"
CONSIDERED = "Council briefing 2012 'What else will be considered?'"
INTRODUCTION = "Council briefing 2012 'Introduction'"
LIKELY = "Council briefing 2012 'How likely are we to be inspected?'"
REPORTS = "Ofsted reports 2012-13"
PRESS = "GOV.UK 2012"
COMMUNITY_CARE = "Community Care 2012"
PUBLIC = (REPORTS, PRESS, COMMUNITY_CARE)  # the public sources (shared/notes/domain.md)

# The briefing's own headings and questions, as they appear in Council briefing 2012.
BRIEFING_HEADINGS = {
    "Introduction",
    "How likely are we to be inspected?",
    "How much notice will there be?",
    "How long will inspectors be on-site?",
    "How will the inspection be organised?",
    "What is the scope of the inspection?",
    "What will the case file analysis involve?",
    "What else will be considered?",
}


@pytest.fixture(scope="module")
def regime() -> Regime:
    return get_host().regime(REGIME_ID).regime


def texts(items: tuple[Fact, ...]) -> list[str]:
    return [item.text for item in items]


def fact_containing(items: tuple[Fact, ...], words: str) -> Fact:
    matches = [item for item in items if words in item.text]
    assert len(matches) == 1, f"expected one fact containing {words!r}, found {len(matches)}"
    return matches[0]


# -- conformance and registration ------------------------------------------------


def test_regime_conforms() -> None:
    assert_regime_conforms(REGIME_ID)


def test_no_conformance_warnings_either() -> None:
    assert conformance_problems(REGIME_ID, warnings=True) == []


def test_plugin_is_registered_and_not_broken() -> None:
    host = get_host()
    assert REGIME_ID in host.regimes
    assert all("child-protection" not in (b.plugin.distribution or "") for b in host.broken)


def test_packaged_data_loads_on_its_own() -> None:
    assert load_regime_resource(PACKAGE).id == REGIME_ID


# -- citations -------------------------------------------------------------------


def test_the_briefing_and_the_public_sources_each_have_a_bibliography_entry(
    regime: Regime,
) -> None:
    assert [d.id for d in regime.sources] == [SEED, PRESS, COMMUNITY_CARE, REPORTS]
    briefing, press, news, reports = regime.sources
    assert (briefing.published, briefing.publisher) == (
        "2012",
        "A local authority (not named in the briefing)",
    )
    assert (press.published, press.publisher, press.kind) == (
        "2012-01-30",
        "GOV.UK",
        "press release",
    )
    assert press.title == "No notice, unannounced inspections for child protection"
    assert (news.published, news.publisher) == ("2012-01-30", "Community Care")
    assert (reports.publisher, reports.published) == ("Ofsted", "")  # no one date
    assert not any("shared/" in d.note or ".txt" in d.note for d in regime.sources)


def test_every_briefing_citation_names_a_heading_of_the_briefing(regime: Regime) -> None:
    for _path, source in citations(regime):
        for part in cited_parts(source):
            if part in PUBLIC or part == SEED:
                continue
            match = re.fullmatch(r"Council briefing 2012 '(.+)'", part)
            assert match, f"unexpected citation {part!r}"
            assert match.group(1) in BRIEFING_HEADINGS, part


def test_public_only_facts_are_never_cited_to_the_briefing(regime: Regime) -> None:
    # The grades, the results and the publication date are in no seed.
    public_only = [
        regime.scale.source,
        *(level.source for level in regime.scale.levels),
        fact_containing(regime.scale.notes, "not adopted").source,
        fact_containing(regime.scale.notes, "2012–13 results").source,
        regime.published.source,
    ]
    for source in public_only:
        assert all(p in PUBLIC for p in cited_parts(source)), source


# -- header ----------------------------------------------------------------------


def test_header(regime: Regime) -> None:
    assert regime.id == REGIME_ID
    assert regime.version == "2012.2"
    assert regime.publisher == "Ofsted"
    assert regime.reference.startswith("not specified")
    assert regime.published.date == "2012-01-30"
    assert cites(regime.published.source, PRESS, COMMUNITY_CARE)
    assert regime.in_force.date == "2012-05-01"
    assert cites(regime.in_force.source, INTRODUCTION, PRESS, COMMUNITY_CARE)
    assert "May 1st 2012" in regime.in_force.text
    assert "May/June 2012" in regime.in_force.text
    assert regime.legal_basis.text == "not specified in the sources available"
    assert regime.legal_basis.source == SEED


def test_supersedes_part_of_slac_2009(regime: Regime) -> None:
    (supersession,) = regime.supersedes
    assert supersession.regime == "slac_2009"
    assert supersession.extent.startswith("replaces part of")
    assert supersession.source == INTRODUCTION


def test_interim_framework_and_the_inspectorates_of_the_joint_framework(regime: Regime) -> None:
    topic = regime.topic("interim_framework")
    assert topic is not None
    interim = fact_containing(topic.facts, "interim framework")
    assert "2013/14" in interim.text
    assert interim.source == INTRODUCTION
    joint = fact_containing(topic.facts, "Care Quality Commission")
    for inspectorate in (
        "Ofsted",
        "Inspectorate of Constabulary",
        "Inspectorate of Probation",
        "Inspectorate of Prisons",
    ):
        assert inspectorate in joint.text
    assert joint.source == INTRODUCTION
    single = fact_containing(topic.facts, "single Looked After Children inspection")
    assert "June 2012" in single.text
    assert "April 2013" in single.text
    assert single.source == INTRODUCTION


def test_selection_of_authorities(regime: Regime) -> None:
    topic = regime.topic("selection")
    assert topic is not None
    assert all(f.source == LIKELY for f in topic.facts)
    joined = " ".join(texts(topic.facts))
    for factor in (
        "previous inspection outcomes",
        "whistleblowing referrals",
        "complaints",
        "serious case reviews",
        "any other relevant information",
    ):
        assert factor in joined
    # The council's own estimate of its risk is local, not regime data.
    assert "risk that we will be inspected" not in joined
    assert "low – medium" not in joined


# -- notice and team -------------------------------------------------------------


def test_notice_is_none_and_given_on_day_one(regime: Regime) -> None:
    notice = regime.notice
    assert notice.announced is False
    assert (notice.period.min, notice.period.max) == (0, 0)
    assert notice.period.unit == "working days"
    assert notice.period.source == NOTICE
    assert "day one" in notice.text
    assert "normally a Monday" in notice.text
    assert notice.source == NOTICE


def test_team_size_is_only_what_the_briefing_implies(regime: Regime) -> None:
    size = regime.team.size
    assert (size.min, size.max) == (3, None)
    assert "No total is given" in size.text
    assert size.source == ORGANISATION


def test_days_on_site_is_the_two_week_period(regime: Regime) -> None:
    days = regime.team.days_on_site
    assert (days.min, days.max, days.unit) == (None, 10, "working days")
    assert "contained within a two-week period" in days.text
    assert "not specified" in days.text
    assert days.source == DURATION


@pytest.mark.parametrize(
    ("role_id", "count", "arrives_day"),
    [
        ("lead_inspector", 1, 1),
        ("referral_inspectors", 2, 2),
        ("journey_inspectors", 2, None),
    ],
)
def test_team_roles(regime: Regime, role_id: str, count: int, arrives_day: int | None) -> None:
    role = next(r for r in regime.team.roles if r.id == role_id)
    assert (role.count.min, role.count.max) == (count, count)
    assert role.arrives_day == arrives_day
    assert role.inspectorate == "ofsted"
    assert role.count.source == ORGANISATION
    assert cites(role.source, ORGANISATION)
    if arrives_day is None:
        assert "not specified" in role.count.text
        assert "not specified" in role.duties


def test_the_team_has_exactly_those_three_roles(regime: Regime) -> None:
    assert [r.id for r in regime.team.roles] == [
        "lead_inspector",
        "referral_inspectors",
        "journey_inspectors",
    ]
    assert [i.id for i in regime.team.inspectorates] == ["ofsted"]


def test_point_of_referral_evaluates_five_things(regime: Regime) -> None:
    role = next(r for r in regime.team.roles if r.id == "referral_inspectors")
    for item in (
        "the timeliness and management of referrals",
        "the effectiveness of assessment and risk management",
        "the provision of immediate help where required",
        "the extent of focus on the child or young person's needs",
        "the effectiveness of multi-agency work at the point of, and immediately following, "
        "referral",
    ):
        assert item in role.duties


# -- timeline --------------------------------------------------------------------


def test_day_one_is_normally_a_monday(regime: Regime) -> None:
    rule = regime.timeline.start_rule
    assert rule is not None
    assert (rule.weekday, rule.strength) == ("Monday", "normally")
    assert rule.source == NOTICE


@pytest.mark.parametrize(
    ("milestone_id", "first", "last", "source"),
    [
        ("council_notified", 1, 1, NOTICE),
        ("lead_inspector_arrives", 1, 1, ORGANISATION),
        ("inspection_period", 1, 10, DURATION),
        ("point_of_referral", 2, 10, ORGANISATION),
        ("rest_of_journey", 2, 10, ORGANISATION),
        ("fieldwork_ends", 10, 10, DURATION),
    ],
)
def test_milestones(regime: Regime, milestone_id: str, first: int, last: int, source: str) -> None:
    milestone = regime.timeline.milestone(milestone_id)
    assert milestone is not None
    assert milestone.days is not None
    assert (milestone.days.first, milestone.days.last) == (first, last)
    assert cites(milestone.source, source)


def test_undated_parts_say_so(regime: Regime) -> None:
    for milestone_id in ("point_of_referral", "rest_of_journey", "fieldwork_ends"):
        milestone = regime.timeline.milestone(milestone_id)
        assert milestone is not None
        assert "not specified" in milestone.note


def test_no_report_timescales_are_invented(regime: Regime) -> None:
    timeline = regime.timeline
    assert [m.id for m in timeline.milestones] == [
        "council_notified",
        "lead_inspector_arrives",
        "inspection_period",
        "point_of_referral",
        "rest_of_journey",
        "fieldwork_ends",
        "inspection_ends",
        "report_published",
    ]
    # The only deadline is the two-week bound on fieldwork; nothing is dated after it. The
    # day the inspection ends and the report's publication are named but not dated.
    assert [m.id for m in timeline.milestones if m.deadline is not None] == ["fieldwork_ends"]
    dated = [m for m in timeline.milestones if m.specified]
    assert all(m.days is not None and m.days.last <= 10 for m in dated)
    undated = [m for m in timeline.milestones if not m.specified]
    assert [m.id for m in undated] == ["inspection_ends", "report_published"]
    for milestone in undated:
        assert milestone.unspecified.startswith("Not specified")
        assert (milestone.days, milestone.deadline) == (None, None)
    assert cites(undated[0].source, "Council briefing 2012 'How long will inspectors be on-site?'")
    assert "two-week period" in undated[0].unspecified
    assert regime.report.milestones == ("inspection_ends", "report_published")
    for notes in (timeline.notes, regime.report.notes):
        note = fact_containing(notes, "Report timescales")
        assert note.text.startswith("Report timescales: not specified")
        assert SEED in cited_parts(note.source)


# -- scope, case field, sampling -------------------------------------------------

JOURNEY_STAGES = ["early_help", "referred", "cp_plan", "child_in_need", "stepped_down"]


def test_scope_lists_the_five_groups(regime: Regime) -> None:
    topic = regime.topic("scope")
    assert topic is not None
    groups = [f for f in topic.facts if f.text.startswith("Group ")]
    assert len(groups) == 5
    assert all(f.source == SCOPE for f in topic.facts)


def test_journey_stage_case_field(regime: Regime) -> None:
    (field,) = (f for f in regime.case_fields if f.id == "journey_stage")
    assert (field.kind, field.required, field.personal) == ("code", True, False)
    assert field.source == SCOPE
    assert [v.id for v in field.values] == JOURNEY_STAGES
    assert all(v.source == SCOPE for v in field.values)
    codes = {v.id: v.codes for v in field.values}
    assert "Early help" in codes["early_help"]
    assert "Referral" in codes["referred"]
    assert "CP plan" in codes["cp_plan"]
    assert "CIN" in codes["child_in_need"]
    assert "Stepped down" in codes["stepped_down"]
    all_codes = [c.casefold() for v in field.values for c in v.codes]
    assert len(all_codes) == len(set(all_codes)), "a code must mean one stage only"


def test_sampling_minimum_is_fifty(regime: Regime) -> None:
    sampling = regime.sampling
    assert (sampling.minimum.min, sampling.minimum.max) == (50, None)
    assert sampling.minimum.source == CASE_FILES
    assert sampling.population.closed_within_months is None
    assert sampling.population.where == ()
    assert "child's journey" in sampling.population.text
    assert sampling.population.source == SCOPE


def test_case_file_analysis_phase(regime: Regime) -> None:
    (phase,) = regime.sampling.phases
    assert phase.id == "case_file_analysis"
    assert (phase.size.min, phase.size.max) == (50, None)
    assert phase.size.source == CASE_FILES
    assert phase.selected_by == "inspectors"
    assert phase.balance == ("journey_stage",)
    assert phase.quotas == ()
    assert phase.cover == ()
    assist = fact_containing(phase.notes, "managers and key workers")
    assert assist.source == CASE_FILES


def test_sub_set_for_meeting_families_has_no_number(regime: Regime) -> None:
    (subset,) = regime.sampling.subsets
    assert subset.id == "meet_children_and_families"
    assert not subset.size.specified
    assert subset.size.describe() == "not specified"
    assert subset.size.source == CASE_FILES


def test_councils_own_audits_are_scrutinised(regime: Regime) -> None:
    note = fact_containing(regime.sampling.notes, "will be scrutinised and evaluated")
    assert note.source == CASE_FILES


# -- judging ---------------------------------------------------------------------


def test_four_graded_judgements(regime: Regime) -> None:
    areas = regime.evaluation.areas
    assert [a.id for a in areas] == [
        "overall_effectiveness",
        "help_and_protection",
        "quality_of_practice",
        "leadership_and_governance",
    ]
    assert all(a.graded and a.children == () for a in areas)
    assert all(cites(a.source, CONSIDERED, REPORTS) for a in areas)
    assert "areas for development" in areas[0].description
    assert "their families and carers" in areas[1].title


def test_case_file_scrutiny_considerations(regime: Regime) -> None:
    evidence = regime.evaluation.evidence
    assert len(evidence) == 5
    assert all(e.source == CASE_FILES for e in evidence)
    assert "information sharing" in evidence[4].text


def test_scale(regime: Regime) -> None:
    scale = regime.scale
    assert scale.graded is True
    assert [lv.id for lv in scale.levels] == ["outstanding", "good", "adequate", "inadequate"]
    assert all(lv.source == REPORTS for lv in scale.levels)
    not_adopted = fact_containing(scale.notes, "not adopted")
    assert "satisfactory" in not_adopted.text
    assert "capacity to improve" in not_adopted.text
    results = fact_containing(scale.notes, "2012–13 results")
    numbers = [
        int(n) for n in re.findall(r"(\d+) (?:outstanding|good|adequate|inadequate)", results.text)
    ]
    assert numbers == [0, 7, 38, 23]
    assert results.source == REPORTS


def test_no_limiting_rules_and_that_is_said(regime: Regime) -> None:
    assert regime.limiting_rules == ()
    assert regime.external_judgements == ()
    note = fact_containing(regime.evaluation.notes, "Limiting judgements")
    assert note.text == "Limiting judgements: not specified in the sources available."
    assert note.source == SEED


# -- requests and report ---------------------------------------------------------


def test_information_requests(regime: Regime) -> None:
    requests = {r.id: r for r in regime.information_requests}
    assert set(requests) == {
        "case_files",
        "managers_and_key_workers",
        "case_file_audits",
        "children_and_families",
    }
    assert requests["case_files"].kind == "case_list"
    assert "at least 50" in requests["case_files"].text
    assert requests["case_file_audits"].kind == "document"
    for request in requests.values():
        assert request.due.startswith("not specified")
        assert request.due_milestone == ""
        assert request.source == CASE_FILES


def test_report_has_the_four_graded_sections(regime: Regime) -> None:
    report = regime.report
    assert report.form == "report"
    assert cites(report.source, CONSIDERED, REPORTS)
    assert [(s.id, s.area, s.graded) for s in report.sections] == [
        (a.id, a.id, True) for a in regime.evaluation.areas
    ]
    assert report.statements == ()
    assert report.recipients == ()
    assert fact_containing(report.notes, "Recipients").text.endswith(
        "not specified in the sources available."
    )


def test_every_unnumbered_measure_says_not_specified(regime: Regime) -> None:
    def measures(item: Any) -> Iterator[Measure]:
        if isinstance(item, Measure):
            yield item
        elif attrs.has(type(item)):
            for attribute in attrs.fields(type(item)):
                yield from measures(getattr(item, attribute.name))
        elif isinstance(item, tuple):
            for element in item:
                yield from measures(element)

    found = list(measures(regime))
    assert len(found) >= 8
    for measure in found:
        if not measure.specified:
            assert "not specified" in measure.text.lower()


# -- what a reader sees ----------------------------------------------------------


def test_show_reads_report_timescales_as_not_specified(regime: Regime) -> None:
    console = Console(record=True, width=400, color_system=None)
    console.print(describe_regime(regime))
    text = console.export_text()
    assert "Report timescales: not specified" in text
    assert "Day 1 is normally a Monday" in text
    assert "Minimum: at least 50 cases" in text
    assert "Size: not specified" in text


def test_show_json_round_trips() -> None:
    result = CliRunner().invoke(cli, ["regimes", "show", REGIME_ID, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["id"] == REGIME_ID
    assert data["sampling"]["minimum"]["min"] == 50
    assert data["notice"]["period"] == {
        "text": "All inspections will be unannounced.",
        "source": NOTICE,
        "min": 0,
        "max": 0,
        "unit": "working days",
    }


def test_fieldwork_bound_is_two_calendar_weeks_from_day_one(regime: Regime) -> None:
    milestone = regime.timeline.milestone("fieldwork_ends")
    assert milestone is not None
    deadline = milestone.deadline
    assert deadline is not None
    assert (deadline.within, deadline.unit, deadline.after) == (
        13,
        "calendar days",
        "council_notified",
    )
    assert "two-week period" in deadline.text
    assert milestone.source == DURATION


@pytest.mark.parametrize(
    ("start", "day_ten", "bound"),
    [
        # An ordinary fortnight: day 10 is the second Friday, the two-week bound too.
        ("2012-10-01", "2012-10-12", "2012-10-12"),
        # The Diamond Jubilee fortnight (4 and 5 June 2012 bank holidays): ten working days
        # run past the two weeks, and the bound stays on the second Friday.
        ("2012-05-28", "2012-06-12", "2012-06-08"),
    ],
)
def test_planned_dates_keep_to_the_two_weeks(
    regime: Regime, start: str, day_ten: str, bound: str
) -> None:
    from inspectkit.timeline import plan_inspection

    plan = plan_inspection(regime, date.fromisoformat(start))
    planned = {p.milestone.id: p for p in plan.milestones}
    assert planned["fieldwork_ends"].last == date.fromisoformat(day_ten)
    assert planned["fieldwork_ends"].due == date.fromisoformat(bound)
    assert planned["council_notified"].first == date.fromisoformat(start)


def test_names_rule_is_not_specified_in_the_briefing(regime: Regime) -> None:
    # The briefing is silent about names: the regime says so, citing itself, not 100025.
    names = regime.names
    assert names is not None
    assert names.rule.source == "Council briefing 2012"
    assert "not specified" in names.rule.text
    assert (names.inspectors, names.addressee) == (None, None)
