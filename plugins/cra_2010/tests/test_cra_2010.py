"""The cra_2010 regime pinned to its sources, item by item.

The authority is Ofsted's *Conducting unannounced inspections of contact, referral
and assessment* (April 2010, reference 100025, seed 000); Sunderland's scrutiny
report on its inspection of 18–19 October 2011 (Sunderland 2012) supplies a real outcome
and real dates.  Each test states what the guidance says — the number, the list,
the deadline, in its own words where the words matter — and checks both the value
in the plugin's data and the paragraph it cites.  A change to the data that drifts
from the source, or cites the wrong paragraph, fails here.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from itertools import product
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

import inspectkit_cra_2010
from inspectkit import load_regime_resource
from inspectkit.action_plan import action_rows, needs_action
from inspectkit.caselist import read_case_list
from inspectkit.cli import cli
from inspectkit.judgements import apply_limiting_rules
from inspectkit.model import (
    CaseField,
    Fact,
    FindingCondition,
    InformationRequest,
    Level,
    Milestone,
    Regime,
)
from inspectkit.plugins import get_host
from inspectkit.sampling import draw_sample
from inspectkit.testing import (
    assert_plugin_registers,
    assert_regime_conforms,
    citations,
    cited_parts,
    cites,
    conformance_problems,
)
from inspectkit.timeline import Plan, plan_inspection
from inspectkit.workspace import Finding, Inspection

REGIME_ID = "cra_2010"
PACKAGE = "inspectkit_cra_2010"

# 100025 has 62 numbered paragraphs and four annexes; Sunderland 2012 numbers its
# paragraphs 1.1-7.1.
LAST_PARAGRAPH = 62
ANNEXES = {"A", "B", "C", "D"}
SEED_004_PARAGRAPHS = {
    "1.1", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1",
    "5.1", "5.2", "5.3", "5.4", "6.1", "7.1",
}  # fmt: skip


@pytest.fixture(scope="module")
def regime() -> Regime:
    return load_regime_resource(PACKAGE)


def _milestone(regime: Regime, milestone_id: str) -> Milestone:
    milestone = regime.timeline.milestone(milestone_id)
    assert milestone is not None, milestone_id
    return milestone


def _level(regime: Regime, level_id: str) -> Level:
    level = regime.scale.level(level_id)
    assert level is not None, level_id
    return level


def _request(regime: Regime, request_id: str) -> InformationRequest:
    request = next((r for r in regime.information_requests if r.id == request_id), None)
    assert request is not None, request_id
    return request


def _fact(facts: tuple[Fact, ...], words: str) -> Fact:
    matches = [f for f in facts if words in f.text]
    assert len(matches) == 1, f"expected one fact containing {words!r}, found {len(matches)}"
    return matches[0]


# -- the kit ------------------------------------------------------------------------


def test_conforms() -> None:
    assert_regime_conforms(REGIME_ID)


def test_no_conformance_warnings_either() -> None:
    assert conformance_problems(REGIME_ID, warnings=True) == []


def test_plugin_registers_on_its_own(regime: Regime) -> None:
    regimes = assert_plugin_registers(inspectkit_cra_2010, name="inspectkit-cra-2010")
    assert [r.id for r in regimes] == [REGIME_ID]
    assert regimes[0] == regime


def test_installed_regime_is_the_packaged_data(regime: Regime) -> None:
    host = get_host()
    assert host.regime(REGIME_ID).regime == regime
    assert all("cra" not in (b.plugin.distribution or "") for b in host.broken)


# -- citations ----------------------------------------------------------------------

_GUIDANCE = re.compile(r"100025 (?:cover|§(\d+)(?:-(\d+))?|Annex ([A-Z]))")
_COUNCIL = re.compile(r"Sunderland 2012 §(\d+\.\d+)")


def test_two_source_documents_each_a_bibliography_entry_with_a_readable_key(
    regime: Regime,
) -> None:
    guidance, council = regime.sources
    assert (guidance.id, guidance.publisher, guidance.published) == ("100025", "Ofsted", "2010-04")
    assert (
        guidance.title == "Conducting unannounced inspections of contact, referral and assessment"
    )
    assert (guidance.kind, guidance.reference) == ("inspection guidance", "100025")
    assert (council.id, council.published, council.reference) == ("Sunderland 2012", "2012", "")
    assert council.publisher.startswith("Sunderland City Council")
    assert council.title == (
        "Outcomes from Annual Unannounced Inspection of Contact, Referral and Assessment "
        "Arrangements"
    )
    assert "18-19 October 2011" in council.note
    for document in regime.sources:  # for readers: never a file of this repository
        assert "shared/" not in document.note and ".txt" not in document.note


def test_every_citation_names_a_paragraph_that_exists(regime: Regime) -> None:
    cited = citations(regime)
    assert len(cited) > 150
    for path, source in cited:
        for part in cited_parts(source):
            guidance = _GUIDANCE.fullmatch(part)
            council = _COUNCIL.fullmatch(part)
            assert guidance or council, (path, part)
            if council:
                assert council.group(1) in SEED_004_PARAGRAPHS, (path, part)
                continue
            assert guidance is not None
            first, last, annex = guidance.groups()
            if annex:
                assert annex in ANNEXES, (path, part)
            if first:
                assert 1 <= int(first) <= LAST_PARAGRAPH, (path, part)
            if last:
                assert int(first) < int(last) <= LAST_PARAGRAPH, (path, part)


def test_the_council_report_is_cited_only_for_what_it_adds(regime: Regime) -> None:
    # Sunderland 2012 is cited for the June 2009 start, the legal basis and "all inspected by
    # August 2010" (§2.1); everything else the regime says comes from the guidance.
    cited = {
        path
        for path, source in citations(regime)
        if any(p.startswith("Sunderland 2012") for p in cited_parts(source))
    }
    assert cited == {"regime.in_force", "regime.legal_basis", "regime.topics[scheduling].facts[5]"}


# -- identity -----------------------------------------------------------------------


def test_header(regime: Regime) -> None:
    assert (regime.id, regime.version, regime.publisher, regime.reference) == (
        "cra_2010",
        "2010.2",
        "Ofsted",
        "100025",
    )
    assert regime.title == "Unannounced inspections of contact, referral and assessment"
    assert regime.short_title == "Contact, referral and assessment (2010)"
    assert regime.year == 2010
    assert not regime.graded


def test_published_april_2010(regime: Regime) -> None:
    # Cover: "Published: April 2010", "Reference no: 100025".
    assert regime.published.date == "2010-04"
    assert regime.published.source == "100025 cover"


def test_in_force_and_the_2009_start(regime: Regime) -> None:
    # Sunderland 2012 §2.1: "introduced in June 2009 under section 138 of the Education and
    # Inspections Act 2006".
    assert regime.in_force.date == "2010-04"
    assert "June 2009" in regime.in_force.text
    assert cites(regime.in_force.source, "100025 cover", "Sunderland 2012 §2.1")


def test_legal_basis_is_section_138(regime: Regime) -> None:
    # Annex D: "The inspection was carried out under section 138 of the Education and
    # Inspections Act 2006."  Sunderland 2012 §2.1 says the same.
    assert regime.legal_basis.text == "Section 138 of the Education and Inspections Act 2006"
    assert cites(regime.legal_basis.source, "100025 Annex D", "Sunderland 2012 §2.1")


def test_names_only_where_the_annexes_ask_for_them(regime: Regime) -> None:
    # §43: evidence identifies nobody, "only job titles of staff"; the annexes ask for the
    # inspectors' own names and numbers (B, C, D) and the addressee's (B, D).
    names = regime.names
    assert names is not None
    assert names.rule.source == "100025 §43"
    assert "only job titles of staff" in names.rule.text
    assert "case reference numbers" in names.rule.text
    assert names.inspectors is not None and names.addressee is not None
    assert cites(names.inspectors.source, "100025 Annex B", "100025 Annex C", "100025 Annex D")
    for words in ("[insert name] as team inspector", "Name of inspector(s)", "Mobile number",
                  "Name of inspector, HMI", "[insert mobile telephone number]"):  # fmt: skip
        assert words in names.inspectors.text, words
    assert cites(names.addressee.source, "100025 Annex B", "100025 Annex D")
    assert "Dear [insert name]" in names.addressee.text


def test_applies_in_england_only(regime: Regime) -> None:
    # §1: arrangements "in local authorities in England": a Welsh calendar is refused
    assert regime.coverage is not None
    assert (regime.coverage.regions, regime.coverage.locales) == (("ENG",), ())
    assert regime.coverage.source == "100025 §1"


def test_supersedes_nothing(regime: Regime) -> None:
    # 100025 names no earlier regime it replaces: footnote 1 and Annex B refer to the
    # 2009 framework (090026) only as the framework the inspections are carried out under.
    assert regime.supersedes == ()


# -- notice and team ----------------------------------------------------------------


def test_no_notice_at_all(regime: Regime) -> None:
    notice = regime.notice
    assert notice.announced is False
    assert (notice.period.min, notice.period.max, notice.period.unit) == (0, 0, "working days")
    assert notice.period.text == "No period of notice will be given for these inspections."
    assert notice.period.source == "100025 §5"
    assert notice.exceptions == ()


def test_council_told_by_telephone_on_the_morning(regime: Regime) -> None:
    notice = regime.notice
    for phrase in (
        "telephones the office of the Director of Children's Services",
        "on the morning fieldwork begins, just before arriving on site",
        "the most senior manager available",
        # §20: "ask the manager to notify the Director or, if that person is not available,
        # the Chief Executive"
        "asks the manager to notify the Director or, if that person is not available, the "
        "Chief Executive",
        "emails the notification to the Director (Annex B)",
        "does not delay the start",
    ):
        assert phrase in notice.text
    assert notice.source == "100025 §20"
    notified = _milestone(regime, "council_notified")
    assert "or, if that person is not available, the Chief Executive" in notified.title


def test_two_inspectors_normally_which_may_be_increased(regime: Regime) -> None:
    team = regime.team
    assert team.source == "100025 §6-7"
    assert (team.size.min, team.size.max, team.size.unit) == (2, None, "inspectors")
    assert team.size.text.startswith("Normally two inspectors; the team may be increased")
    assert "The managing inspector decides." in team.size.text
    assert team.size.source == "100025 §6"


def test_two_days_on_site(regime: Regime) -> None:
    days = regime.team.days_on_site
    assert (days.min, days.max, days.unit) == (2, 2, "days")
    assert days.text == "Inspections will normally be undertaken over two days on site."
    assert cites(days.source, "100025 §6", "100025 §8")


def test_ofsted_alone(regime: Regime) -> None:
    # Annex B: "We are both suitably qualified and experienced Her Majesty's Inspectors
    # from Ofsted."
    assert [(i.id, i.source) for i in regime.team.inspectorates] == [("ofsted", "100025 Annex B")]


# (id, count min, count max, from day, count source, role cites)
ROLES = [
    ("lead_inspector", 1, 1, 1, "100025 §7",
     ("100025 §7", "100025 §9", "100025 §48", "100025 §52")),
    ("team_inspector", 1, None, 2, "100025 §6-7", ("100025 §7", "100025 §50")),
    ("quality_assurance_hmi", 1, 1, None, "100025 §57", ("100025 §57-59",)),
]  # fmt: skip


def test_three_roles(regime: Regime) -> None:
    assert [r.id for r in regime.team.roles] == [row[0] for row in ROLES]
    assert all(r.inspectorate == "ofsted" for r in regime.team.roles)


@pytest.mark.parametrize(
    ("role_id", "count_min", "count_max", "from_day", "count_source", "citing"), ROLES
)
def test_role(
    regime: Regime,
    role_id: str,
    count_min: int,
    count_max: int | None,
    from_day: int | None,
    count_source: str,
    citing: tuple[str, ...],
) -> None:
    role = next(r for r in regime.team.roles if r.id == role_id)
    assert (role.count.min, role.count.max, role.count.unit) == (count_min, count_max, "inspectors")
    assert role.arrives_day == from_day
    assert role.count.source == count_source
    assert cites(role.source, *citing)


def test_role_duties(regime: Regime) -> None:
    roles = {r.id: r for r in regime.team.roles}
    lead = roles["lead_inspector"].duties
    assert "Prepares on day 1" in lead and "drafts the letter on day 4" in lead
    assert "chairs feedback" in lead
    # §50: the team inspector compiles the note of the feedback meeting.
    assert "contemporaneous note of the feedback meeting" in roles["team_inspector"].duties
    # §59: the quality assurance HMI gives the draft letter a critical read.
    assert "Critical read of the draft letter" in roles["quality_assurance_hmi"].duties


def test_team_notes(regime: Regime) -> None:
    notes = regime.team.notes
    assert _fact(notes, "lead inspector allocates tasks").source == "100025 §7"
    assert _fact(notes, "Authorisation and Identification cards").source == "100025 §17"


# -- topics -------------------------------------------------------------------------


def test_topics_in_order(regime: Regime) -> None:
    assert [t.id for t in regime.topics] == [
        "purpose",
        "safeguarding_priorities",
        "scheduling",
        "deferral",
        "site_selection",
        "on_site",
        "case_examination",
        "sharing_information",
        "after_a_priority_action",
        "recording_evidence",
    ]


# §36: "In examining and discussing cases, inspectors will assess:" fifteen items.
CASE_CRITERIA = [
    "quality and timeliness of referrals and assessments",
    "(disability, culture, gender, sexual orientation, religion and language)",
    "partner agency engagement",
    "senior management audit of how well workers manage risk of harm",
    "Case allocation and caseload management",
    "formal supervision and support",
    "senior management oversight and sign off",
    "Seniority levels, processes and practices for decision-making",
    "application of thresholds",
    "strategy discussions and enquiries",
    "out-of-hours provision, including accident and emergency health services",
    "act on users' views",
    "social workers and unqualified staff",
    "role and responsibilities of support staff",
    "extent and quality of staff training",
]


def test_what_inspectors_assess_in_each_case(regime: Regime) -> None:
    topic = regime.topic("case_examination")
    assert topic is not None
    assert len(topic.facts) == len(CASE_CRITERIA)
    for fact, words in zip(topic.facts, CASE_CRITERIA, strict=True):
        assert words in fact.text
        assert fact.source == "100025 §36"


def test_additional_lines_of_enquiry_and_emerging_findings_are_shared(regime: Regime) -> None:
    topic = regime.topic("sharing_information")
    assert topic is not None
    enquiry, emerging = topic.facts
    assert "additional lines of enquiry" in enquiry.text
    assert "notified at the first opportunity" in enquiry.text
    assert enquiry.source == "100025 §40"
    assert "Emerging findings are shared with appropriate council staff and managers" in (
        emerging.text
    )
    assert emerging.source == "100025 §41"


def test_a_priority_action_may_lead_to_an_inspection_that_supersedes_this_one(
    regime: Regime,
) -> None:
    # Annex A: "A priority action may also lead to either a safeguarding inspection or an
    # early safeguarding and looked after children inspection. If such an inspection takes
    # place before the decision on the annual rating, the findings and judgement of that
    # inspection will supersede the findings of the unannounced inspection."
    topic = regime.topic("after_a_priority_action")
    assert topic is not None
    assert all(f.source == "100025 Annex A" for f in topic.facts)
    text = " ".join(f.text for f in topic.facts)
    assert "either a safeguarding inspection or an early safeguarding and looked after" in text
    assert "before the decision on the annual rating" in text
    assert "supersede the findings of the unannounced inspection" in text


@pytest.mark.parametrize(
    ("topic_id", "phrase", "citation"),
    [
        ("purpose", "front-line practice in managing potential risks", "100025 §2"),
        ("purpose", "lead agency for child protection", "100025 §2"),
        ("purpose", "annual children's services rating", "100025 §2"),
        ("scheduling", "children's services profile", "100025 §5"),
        ("scheduling", "information from whistleblowers", "100025 §5"),
        ("scheduling", "every local authority had been inspected by August 2010",
         "Sunderland 2012 §2.1"),
        ("deferral", "accommodation issues such as refurbishment", "100025 §18"),
        ("deferral", "agreed by a regional director", "100025 §18"),
        ("deferral", "serious weather conditions", "100025 §19"),
        ("deferral", "power failure", "100025 §19"),
        ("site_selection", "inspection support team", "100025 §10"),
        ("site_selection", "visit at least two sites", "100025 §11"),
        ("site_selection", "'one stop shop'", "100025 §12"),
        ("site_selection", "more than one team is based on a site", "100025 §13"),
        ("on_site", "usually made available by 12pm on the first day", "100025 §25"),
        ("on_site", "representative sample of staff at all levels", "100025 §30"),
        ("on_site", "duty room", "100025 §33"),
        ("on_site", "first-hand views are sought wherever possible", "100025 §37-38"),
        ("on_site", "immediate risk of significant harm", "100025 §39"),
        ("on_site", "the overall service will not be graded", "100025 §49"),
        ("recording_evidence", "only case reference numbers and/or initials", "100025 §43"),
        ("recording_evidence", "published retention policy", "100025 §44"),
    ],
)  # fmt: skip
def test_topic_fact(regime: Regime, topic_id: str, phrase: str, citation: str) -> None:
    topic = regime.topic(topic_id)
    assert topic is not None
    assert cites(_fact(topic.facts, phrase).source, citation)


def test_four_safeguarding_priorities(regime: Regime) -> None:
    topic = regime.topic("safeguarding_priorities")
    assert topic is not None
    assert [(f.text, f.source) for f in topic.facts] == [
        ("Children are safeguarded and protected.", "100025 §45"),
        ("Child welfare concerns are identified and responded to appropriately.", "100025 §45"),
        ("Safeguarding children is prioritised.", "100025 §45"),
        ("Agencies and professionals work together to safeguard children.", "100025 §45"),
    ]


def test_scheduling_takes_account_of_five_things(regime: Regime) -> None:
    topic = regime.topic("scheduling")
    assert topic is not None
    inputs = [f.text for f in topic.facts if f.text.startswith("Scheduling takes account of ")]
    assert [t.removeprefix("Scheduling takes account of ") for t in inputs] == [
        "the children's services profile.",
        "Ofsted inspections and regulatory work.",
        "performance indicators.",
        "serious case reviews and their evaluation.",
        "information from whistleblowers.",
    ]
    assert all(f.source == "100025 §5" for f in topic.facts if f.text in inputs)


# -- timeline -----------------------------------------------------------------------


def test_day_one_is_the_preparation_day(regime: Regime) -> None:
    timeline = regime.timeline
    assert timeline.anchor == (
        "The lead inspector's preparation day, the working day before the site visit"
    )
    assert timeline.source == "100025 §8-9"
    # Unlike the 2012 regime, the guidance names no weekday for the start.
    assert timeline.start_rule is None
    assert _fact(timeline.notes, "normally spend two days on site").source == "100025 §8"
    assert _fact(timeline.notes, "Lodging a complaint").source == "100025 §62"


# The §8 timeframe table, day by day: (id, first, last, actor, cites)
TIMEFRAME = [
    ("preparation", 1, 1, "Lead inspector", ("100025 §8-9", "100025 §15-16")),
    ("council_notified", 2, 2, "Lead inspector", ("100025 §20",)),
    ("site_visit", 2, 3, "Team", ("100025 §8",)),
    ("management_information", 2, 2, "Council", ("100025 §25-26",)),
    ("oral_feedback", 3, 3, "Lead inspector", ("100025 §24", "100025 §48-49")),
    ("letter_drafted", 4, 4, "Lead inspector", ("100025 §8", "100025 §52", "100025 §54")),
    ("draft_letter_sent", 5, 8, "Lead inspector and quality assurance manager",
     ("100025 §8", "100025 §54", "100025 §59")),
    ("council_response", 9, 13, "Director of Children's Services", ("100025 §8", "100025 §55")),
    ("pre_publication_letter", 14, 18, "Lead inspector and quality assurance manager",
     ("100025 §8", "100025 §55")),
    ("publication", 19, 23, "Ofsted (the timeframe table names no actor)",
     ("100025 §8", "100025 §55")),
]  # fmt: skip


def test_timeframe_rows_in_day_order(regime: Regime) -> None:
    rows = [
        (m.id, m.days.first, m.days.last) for m in regime.timeline.milestones if m.days is not None
    ]
    assert rows == [(row[0], row[1], row[2]) for row in TIMEFRAME]
    assert len(regime.timeline.milestones) == len(TIMEFRAME)


def test_the_timeframe_is_23_days(regime: Regime) -> None:
    last = max(m.days.last for m in regime.timeline.milestones if m.days is not None)
    assert last == 23


@pytest.mark.parametrize(("milestone_id", "first", "last", "actor", "citing"), TIMEFRAME)
def test_timeframe_row(
    regime: Regime, milestone_id: str, first: int, last: int, actor: str, citing: tuple[str, ...]
) -> None:
    milestone = _milestone(regime, milestone_id)
    assert milestone.actor == actor
    assert cites(milestone.source, *citing)


def test_milestone_titles_keep_the_sources_detail(regime: Regime) -> None:
    assert "just before arrival on site" in _milestone(regime, "council_notified").title
    assert "usually by 12pm on the first day on site" in (
        _milestone(regime, "management_information").title
    )
    assert "end of the second day on site" in _milestone(regime, "oral_feedback").title
    assert "national moderation" in _milestone(regime, "draft_letter_sent").title
    pre_publication = _milestone(regime, "pre_publication_letter").title
    for who in (
        "Director of Children's Services",
        "Chair of the Local Safeguarding Children Board",
        "Chief Executive",
        "lead member",
    ):
        assert who in pre_publication
    assert "by email and post" in pre_publication


# (id, within, after, wording kept, paragraph)
DEADLINES = [
    ("draft_letter_sent", 5, "site_visit",
     "within five working days of the end of the site visit (on day 8)", "100025 §54"),
    ("council_response", 5, "draft_letter_sent",
     "within five working days", "100025 §55"),
    ("pre_publication_letter", 15, "site_visit",
     "within 15 working days of the end of the site visit", "100025 §55"),
    ("publication", 20, "site_visit",
     "within 20 working days of the end of the site visit", "100025 §55"),
]  # fmt: skip


@pytest.mark.parametrize(("milestone_id", "within", "after", "text", "paragraph"), DEADLINES)
def test_letter_deadline(
    regime: Regime, milestone_id: str, within: int, after: str, text: str, paragraph: str
) -> None:
    milestone = _milestone(regime, milestone_id)
    deadline = milestone.deadline
    assert deadline is not None
    assert (deadline.within, deadline.after, deadline.unit) == (within, after, "working days")
    assert deadline.text == text
    assert cites(milestone.source, paragraph, "100025 §8")
    # the deadline and the §8 table agree: end of ``after`` + N working days is the row's last day
    anchor = _milestone(regime, after)
    assert anchor.days is not None and milestone.days is not None
    assert anchor.days.last + within == milestone.days.last


def test_deadlines_only_where_the_source_gives_one(regime: Regime) -> None:
    with_deadline = [m.id for m in regime.timeline.milestones if m.deadline is not None]
    assert with_deadline == [row[0] for row in DEADLINES]


def test_publication_note_records_the_days_wording(regime: Regime) -> None:
    # §55 says "within 20 days"; the §8 table says "within 20 working days".
    assert _milestone(regime, "publication").note == (
        "§55 says 'within 20 days'; the timeframe table (§8) says 20 working days."
    )


def _dates(plan: Plan) -> dict[str, tuple[str, str, str | None]]:
    return {
        p.id: (p.first.isoformat(), p.last.isoformat(), p.due.isoformat() if p.due else None)
        for p in plan.milestones
    }


# Sunderland (Sunderland 2012 §3.1): on site 18-19 October 2011, so day 1 (preparation) is
# Monday 17 October; no bank holidays fall in the 23 days.
SUNDERLAND = {
    "preparation": ("2011-10-17", "2011-10-17", None),
    "council_notified": ("2011-10-18", "2011-10-18", None),
    "site_visit": ("2011-10-18", "2011-10-19", None),
    "management_information": ("2011-10-18", "2011-10-18", None),
    "oral_feedback": ("2011-10-19", "2011-10-19", None),
    "letter_drafted": ("2011-10-20", "2011-10-20", None),
    "draft_letter_sent": ("2011-10-21", "2011-10-26", "2011-10-26"),
    "council_response": ("2011-10-27", "2011-11-02", "2011-11-02"),
    "pre_publication_letter": ("2011-11-03", "2011-11-09", "2011-11-09"),
    "publication": ("2011-11-10", "2011-11-16", "2011-11-16"),
}


def test_sunderland_plan(regime: Regime) -> None:
    plan = plan_inspection(regime, date(2011, 10, 17))
    assert _dates(plan) == SUNDERLAND
    assert plan.warnings == ()
    assert plan.region == "ENG"


def test_sunderland_letter_arrived_on_the_20_working_day_deadline(regime: Regime) -> None:
    # Sunderland 2012 §3.1: "on 16 November 2011 the Executive Director of Children's Services
    # received the letter" — exactly 20 working days after the site visit ended, the last
    # day of the §8 timeframe; the pre-publication letter was due a week before.
    plan = plan_inspection(regime, date(2011, 10, 17))
    received = date(2011, 11, 16)
    assert plan.milestone("publication").due == received
    assert plan.end == received
    assert plan.milestone("pre_publication_letter").due == date(2011, 11, 9)


# English bank holidays move the letter: (day 1, {milestone: (first, last, due)})
HOLIDAY_PLANS = [
    pytest.param(
        "2011-04-21",
        {
            # Good Friday 22 Apr and Easter Monday 25 Apr before the visit
            "site_visit": ("2011-04-26", "2011-04-27", None),
            "letter_drafted": ("2011-04-28", "2011-04-28", None),
            # royal wedding 29 Apr, early May bank holiday 2 May
            "draft_letter_sent": ("2011-05-03", "2011-05-06", "2011-05-06"),
            "council_response": ("2011-05-09", "2011-05-13", "2011-05-13"),
            "pre_publication_letter": ("2011-05-16", "2011-05-20", "2011-05-20"),
            "publication": ("2011-05-23", "2011-05-27", "2011-05-27"),
        },
        id="easter-and-royal-wedding-2011",
    ),
    pytest.param(
        "2010-12-21",
        {
            "site_visit": ("2010-12-22", "2010-12-23", None),
            "letter_drafted": ("2010-12-24", "2010-12-24", None),
            # 27 and 28 Dec (Christmas and Boxing Day substitutes), 3 Jan (New Year substitute)
            "draft_letter_sent": ("2010-12-29", "2011-01-04", "2011-01-04"),
            "council_response": ("2011-01-05", "2011-01-11", "2011-01-11"),
            "pre_publication_letter": ("2011-01-12", "2011-01-18", "2011-01-18"),
            "publication": ("2011-01-19", "2011-01-25", "2011-01-25"),
        },
        id="christmas-2010",
    ),
]


@pytest.mark.parametrize(("start", "expected"), HOLIDAY_PLANS)
def test_bank_holidays_are_not_working_days(
    regime: Regime, start: str, expected: dict[str, tuple[str, str, str | None]]
) -> None:
    plan = plan_inspection(regime, date.fromisoformat(start))
    dates = _dates(plan)
    assert {k: dates[k] for k in expected} == expected
    assert plan.warnings == ()


# -- information requests -----------------------------------------------------------

# §26, in order: (id, words of the bullet)
MANAGEMENT_INFORMATION = [
    ("outcomes_monitoring", "any monitoring information available on the outcomes for children "
     "and young people referred to the service"),
    ("team_composition", "staff turnover/stability and sickness levels, and individual caseloads"),
    ("caf_activity", "analysis of Common Assessment Framework activity over the last 12 months"),
    ("contact_referral_numbers", "section 47 enquiries and open cases over the previous three "
     "months"),
    ("awaiting_action", "awaiting action and/or allocation to a social worker"),
    ("case_transfer", "arrangements for transfer of cases between different teams and number of "
     "cases awaiting transfer"),
    ("quality_assurance", "arrangements for the quality assurance and monitoring of contact, "
     "referral and assessment practices, including their management"),
    ("self_evaluation", "self-evaluation of the effectiveness of contact, referral and assessment "
     "arrangements"),
    ("audits", "the latest audits and action plans relating to contact, referral and assessment "
     "arrangements"),
    ("users_views", "any evaluation of users' views of the service received"),
    ("crb_isa_checks", "records of Criminal Records Bureau and/or Independent Safeguarding "
     "Authority checks for staff"),
]  # fmt: skip


def test_eleven_items_of_management_information(regime: Regime) -> None:
    items = [r for r in regime.information_requests if r.kind == "management_information"]
    assert [i.id for i in items] == [row[0] for row in MANAGEMENT_INFORMATION]


@pytest.mark.parametrize(("request_id", "words"), MANAGEMENT_INFORMATION)
def test_management_information_item(regime: Regime, request_id: str, words: str) -> None:
    item = _request(regime, request_id)
    assert item.kind == "management_information"
    assert words in item.text
    assert item.provider == "council"
    assert item.source == "100025 §25-26"
    # §25: "usually by 12pm on the first day"
    assert item.due == "usually by 12pm on the first day on site"
    assert item.due_milestone == "management_information"


# §9 (the pre-inspection briefing and what inspectors can see) and §10 (the site list)
HELD_BY_OFSTED = [
    ("ofsted_performance_profile", "the Ofsted performance profile", "100025 §9"),
    ("national_indicators", "the National Indicator Set relevant performance indicators",
     "100025 §9"),
    ("scr_evaluations", "a summary of judgements made in serious case review evaluations",
     "100025 §9"),
    ("fostering_dataset", "Ofsted's fostering dataset", "100025 §9"),
    ("previous_inspections", "relevant recommendations and findings from previous inspection "
     "reports", "100025 §9"),
    ("workforce_surveys", "views of social workers and third sector organisations gathered "
     "through annual surveys (used from April 2010)", "100025 §9"),
    ("area_agreements", "local area, multi-area agreements and other related published documents",
     "100025 §9"),
    ("whistleblowing", "evidence from contacts with Ofsted's whistleblowing service", "100025 §9"),
    ("serious_case_reviews", "findings of relevant serious case reviews", "100025 §9"),
    ("serious_incidents", "any serious incident notifications relating to the council being "
     "inspected", "100025 §9"),
    ("site_list", "details of each contact, referral and assessment site and out-of-hours "
     "arrangements, kept by Ofsted's inspection support team", "100025 §10"),
]  # fmt: skip


def test_what_ofsted_already_holds(regime: Regime) -> None:
    held = [r for r in regime.information_requests if r.kind == "held_by_ofsted"]
    assert [(h.id, h.text, h.source) for h in held] == HELD_BY_OFSTED
    assert all(h.provider == "Ofsted" and h.due_milestone == "" for h in held)


# §24: access agreed at the initial meeting
ACCESS = [
    ("access_files", "access to case files and information technology systems, with staff support"),
    ("access_supervision", "access to staff supervision files"),
    ("access_performance", "access to performance monitoring information"),
    ("access_procedures", "access to the procedures manual"),
    ("access_structure", "access to the service structure chart with staffing details"),
    ("access_complaints", "access to complaints information"),
    ("serious_incidents_outstanding", "whether there are any outstanding serious incidents "
     "awaiting notification or already notified to Ofsted"),
]  # fmt: skip


def test_access_agreed_at_the_initial_meeting(regime: Regime) -> None:
    documents = [r for r in regime.information_requests if r.kind == "document"]
    assert [(d.id, d.text) for d in documents] == ACCESS
    for document in documents:
        assert document.source == "100025 §24"
        assert (document.due, document.due_milestone) == (
            "agreed at the initial meeting",
            "site_visit",
        )


# (id, kind, paragraph, milestone)
ON_SITE = [
    ("initial_meeting", "meeting", "100025 §22-24", "site_visit"),
    ("staff_team_briefing", "meeting", "100025 §27", "site_visit"),
    ("staff_interviews", "meeting", "100025 §30", "site_visit"),
    ("team_meetings", "meeting", "100025 §31", "site_visit"),
    ("duty_room", "visit", "100025 §33", "site_visit"),
    ("feedback_meeting", "meeting", "100025 §48", "oral_feedback"),
]


def test_meetings_and_the_duty_room(regime: Regime) -> None:
    items = [r for r in regime.information_requests if r.kind in ("meeting", "visit")]
    assert [(i.id, i.kind, i.source, i.due_milestone) for i in items] == ON_SITE
    assert "most senior manager available" in _request(regime, "initial_meeting").text
    assert "always attends" in _request(regime, "feedback_meeting").text


def test_case_files_for_case_tracking(regime: Regime) -> None:
    (case_files,) = [r for r in regime.information_requests if r.kind == "case_list"]
    assert case_files.id == "case_files"
    assert "current cases and those closed over the previous six months" in case_files.text
    assert (case_files.source, case_files.due_milestone) == ("100025 §34-35", "site_visit")


def test_every_request_kind_accounted_for(regime: Regime) -> None:
    kinds = [r.kind for r in regime.information_requests]
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "held_by_ofsted": 11,
        "management_information": 11,
        "document": 7,
        "meeting": 5,
        "visit": 1,
        "case_list": 1,
    }


# -- sampling (case tracking) -------------------------------------------------------


def test_minimum_of_20_cases(regime: Regime) -> None:
    minimum = regime.sampling.minimum
    assert (minimum.min, minimum.max, minimum.unit) == (20, None, "cases")
    assert minimum.text == (
        "It is expected that a minimum number of 20 cases will be examined in the course of "
        "each inspection."
    )
    assert minimum.source == "100025 §35"
    assert regime.sampling.source == "100025 §34-35"


def test_current_cases_and_those_closed_in_the_previous_six_months(regime: Regime) -> None:
    population = regime.sampling.population
    assert population.closed_within_months == 6
    assert population.where == ()
    assert population.text == (
        "Pieces of work chosen at random from current cases and those closed over the previous "
        "six months"
    )
    assert population.source == "100025 §34"


def test_one_case_tracking_phase_during_the_site_visit(regime: Regime) -> None:
    (phase,) = regime.sampling.phases
    assert phase.id == "case_tracking"
    assert (phase.size.min, phase.size.max) == (20, None)
    assert phase.size.source == "100025 §34-35"
    assert (phase.selected_by, phase.milestone) == ("inspectors", "site_visit")
    assert phase.source == "100025 §34-35"
    assert phase.cover == ("cra_category", "cra_outcome")
    assert (phase.quotas, phase.balance) == ((), ())
    assert regime.sampling.groups == ()
    assert regime.sampling.subsets == ()
    assert _fact(phase.notes, "At least one case from each case-tracking category").source == (
        "100025 §34"
    )


def test_sampling_notes(regime: Regime) -> None:
    notes = regime.sampling.notes
    assert _fact(notes, "in the presence of the relevant staff member").source == "100025 §35"
    assert _fact(notes, "randomly select cases from that person's caseload").source == (
        "100025 §32"
    )


# §34's table, in order: (id, category, what it did or did not proceed to)
CATEGORIES = [
    ("caf", "Common Assessment Framework", "to referral"),
    ("contact", "Contacts", "to referral"),
    ("referral", "Referrals", "to initial assessment"),
    ("re_referral", "Re-referrals", "to initial assessment"),
    ("initial_assessment", "Initial assessments", "to further service or to core assessment"),
    ("core_assessment", "Core assessments", "to further service"),
    ("section_47", "Section 47 enquiries",
     "to an initial child protection conference, including strategy meetings"),
    ("out_of_hours", "Referrals from and to emergency out-of-hours services",
     "to a further assessment or service"),
]  # fmt: skip


def _field(regime: Regime, field_id: str) -> CaseField:
    case_field = next((f for f in regime.case_fields if f.id == field_id), None)
    assert case_field is not None, field_id
    return case_field


def test_eight_case_tracking_categories(regime: Regime) -> None:
    category = _field(regime, "cra_category")
    assert (category.kind, category.required, category.personal) == ("code", True, False)
    assert category.source == "100025 §34"
    assert [v.id for v in category.values] == [row[0] for row in CATEGORIES]
    assert "Case tracking category" in category.headings


@pytest.mark.parametrize(("value_id", "category", "destination"), CATEGORIES)
def test_case_tracking_category(
    regime: Regime, value_id: str, category: str, destination: str
) -> None:
    value = next(v for v in _field(regime, "cra_category").values if v.id == value_id)
    assert value.label == f"{category} (proceeded / did not proceed {destination})"
    assert value.source == "100025 §34"


def test_category_codes_do_not_overlap(regime: Regime) -> None:
    for field_id in ("cra_category", "cra_outcome"):
        codes = [c.casefold() for v in _field(regime, field_id).values for c in v.codes]
        assert len(codes) == len(set(codes)), field_id


def test_proceeded_or_did_not_proceed(regime: Regime) -> None:
    outcome = _field(regime, "cra_outcome")
    assert (outcome.kind, outcome.required, outcome.personal) == ("code", True, False)
    assert outcome.source == "100025 §34"
    assert [(v.id, v.label, v.source) for v in outcome.values] == [
        ("proceeded", "Proceeded", "100025 §34"),
        ("did_not_proceed", "Did not proceed", "100025 §34"),
    ]
    assert [f.id for f in regime.case_fields] == ["cra_category", "cra_outcome"]


_HEADINGS = {
    "case_reference": "Child Unique ID",
    "referral_date": "Date of referral",
    "date_of_birth": "Date of Birth",
    "gender": "Gender",
    "ethnicity": "Ethnicity",
    "case_status": "Case status",
    "closed_date": "Date closed",
    "cra_category": "Case tracking category",
    "cra_outcome": "Outcome",
}
_CATEGORY_CODES = ["CAF", "Contact", "Referral", "Re-referral", "IA", "CA", "S47", "EDT"]


def test_draw_at_sunderland_takes_20_current_or_recently_closed_cases(
    regime: Regime, tmp_path: Path
) -> None:
    # Every category × outcome three times: open, closed three months before the visit
    # (in), closed seven months before (out of the six-month window).
    statuses = [("Open", ""), ("Closed", "2011-07-18"), ("Closed", "2011-03-18")]
    rows: list[dict[str, str]] = []
    for (category, outcome), (status, closed) in product(
        product(_CATEGORY_CODES, ["Proceeded", "Did not proceed"]), statuses
    ):
        rows.append(
            {
                "case_reference": f"S-{len(rows) + 1:03d}",
                "referral_date": "2011-01-10",
                "date_of_birth": "2004-05-06",
                "gender": "1",
                "ethnicity": "WBRI",
                "case_status": status,
                "closed_date": closed,
                "cra_category": category,
                "cra_outcome": outcome,
            }
        )
    path = tmp_path / "sunderland.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(_HEADINGS))
        writer.writerow(_HEADINGS)
        writer.writerows(rows)
    cases = read_case_list(path, regime)
    by_reference = {row["case_reference"]: row for row in rows}
    for seed in range(5):
        record = draw_sample(regime, cases, seed=seed, on=date(2011, 10, 18))
        assert record.population_size == 32
        drawn = [by_reference[c.reference] for c in record.drawn]
        assert len(drawn) == len({c.reference for c in record.drawn}) == 20
        assert all(row["closed_date"] != "2011-03-18" for row in drawn)
        # at least one of every category, each both proceeded and not
        assert {(r["cra_category"], r["cra_outcome"]) for r in drawn} == set(
            product(_CATEGORY_CODES, ["Proceeded", "Did not proceed"])
        )
        assert record.shortfalls == ()


# -- findings without grades --------------------------------------------------------


def test_no_grades_and_no_overall_judgement(regime: Regime) -> None:
    scale = regime.scale
    assert scale.graded is False
    assert scale.name == "Finding types"
    assert cites(scale.source, "100025 §45", "100025 §47", "100025 Annex A")
    no_grade = _fact(scale.notes, "no overall judgement or grade")
    assert no_grade.text == (
        "There will be no overall judgement or grade in respect of the quality of the contact, "
        "referral and assessment service."
    )
    assert no_grade.source == "100025 §45"
    annex = _fact(scale.notes, "does not identify grades")
    assert annex.source == "100025 Annex A"
    # nothing in the report carries a grade, and there is no overall-effectiveness heading
    assert not any(s.graded or s.area for s in regime.report.sections)
    assert not any("overall" in a.id for _, a in regime.evaluation.walk())


# Annex A, in order: (id, label, definition opens with, cites)
FINDING_TYPES = [
    ("area_of_strength", "Area of strength",
     "An area of practice or management oversight that exceeds the requirements of statutory "
     "guidance and demonstrates good practice in safeguarding.",
     ("100025 Annex A",)),
    ("satisfactory", "Satisfactory practice",
     "The practice and arrangements that meet the requirements of statutory guidance for "
     "contact, referral and assessment arrangements.",
     ("100025 Annex A",)),
    ("area_for_development", "Area for development",
     "An area of weakness that should be addressed to ensure better safeguarding but is not "
     "placing children at immediate risk of harm.",
     ("100025 Annex A",)),
    ("area_for_priority_action", "Area for priority action",
     "An area of serious weakness that is placing children at risk of inadequate protection and "
     "of significant harm.",
     ("100025 Annex A", "100025 §47")),
]  # fmt: skip


def test_four_finding_types_in_order(regime: Regime) -> None:
    assert [lv.id for lv in regime.scale.levels] == [row[0] for row in FINDING_TYPES]


@pytest.mark.parametrize(("level_id", "label", "definition", "citing"), FINDING_TYPES)
def test_finding_type_definition(
    regime: Regime, level_id: str, label: str, definition: str, citing: tuple[str, ...]
) -> None:
    level = _level(regime, level_id)
    assert level.label == label
    assert level.definition.startswith(definition)
    assert cites(level.source, *citing)


def test_definitions_keep_annex_a_qualifications(regime: Regime) -> None:
    development = _level(regime, "area_for_development").definition
    assert "resource allocation, performance management and decision-making" in development
    assert "potentially at risk of harm in the future" in development
    priority = _level(regime, "area_for_priority_action").definition
    assert "particular or localised failings" in priority
    assert "not exhaustive" in priority


# (id, wording, cites) — None where the type needs no action
CALLS_FOR_ACTION = [
    ("area_of_strength", None, ()),
    ("satisfactory", None, ()),
    ("area_for_development", "should be addressed to ensure better safeguarding",
     ("100025 Annex A", "100025 Annex D")),
    ("area_for_priority_action", "identify them as potentially limiting the annual rating",
     ("100025 Annex A", "100025 §53", "100025 Annex D")),
]  # fmt: skip


def test_calls_for_action_on_exactly_development_and_priority_action(regime: Regime) -> None:
    acting = [lv.id for lv in regime.scale.levels if lv.calls_for_action is not None]
    assert acting == ["area_for_development", "area_for_priority_action"]
    assert [lv.id for lv in regime.scale.levels if needs_action(regime, lv.id)] == acting


@pytest.mark.parametrize(("level_id", "words", "citing"), CALLS_FOR_ACTION)
def test_calls_for_action(
    regime: Regime, level_id: str, words: str | None, citing: tuple[str, ...]
) -> None:
    calls = _level(regime, level_id).calls_for_action
    if words is None:
        assert calls is None
        return
    assert calls is not None
    assert words in calls.text
    assert "will be specifically considered in any future inspection" in calls.text
    assert cites(calls.source, *citing)


# Annex A's examples of situations that could result in a priority action, in order
PRIORITY_ACTION_EXAMPLES = [
    "respond to and investigate child protection referrals",
    "Unrecognised or unallocated child protection cases",
    "timeliness or quality of assessment and planning",
    "learning from previous serious case reviews or previous inspection findings",
    "A significant shortfall in capacity",
    "a large number of children in need cases",
    "Ineffective partnership working and/or poor information sharing",
]


def test_seven_examples_of_priority_action(regime: Regime) -> None:
    examples = _level(regime, "area_for_priority_action").examples
    assert len(examples) == len(PRIORITY_ACTION_EXAMPLES)
    for example, words in zip(examples, PRIORITY_ACTION_EXAMPLES, strict=True):
        assert words in example.text
        assert example.source == "100025 Annex A"
    assert all(_level(regime, lv).examples == () for lv in ("area_of_strength", "satisfactory"))


def test_findings_are_set_against_the_four_safeguarding_priorities(regime: Regime) -> None:
    evaluation = regime.evaluation
    assert cites(evaluation.source, "100025 §45-47", "100025 Annex A")
    assert [(a.id, a.title, a.source) for a in evaluation.areas] == [
        ("safeguarded_and_protected", "Children are safeguarded and protected", "100025 §45"),
        (
            "concerns_identified",
            "Child welfare concerns are identified and responded to appropriately",
            "100025 §45",
        ),
        ("safeguarding_prioritised", "Safeguarding children is prioritised", "100025 §45"),
        (
            "working_together",
            "Agencies and professionals work together to safeguard children",
            "100025 §45",
        ),
    ]
    assert all(a.children == () for a in evaluation.areas)


def test_seventeen_items_of_illustrative_evidence(regime: Regime) -> None:
    evidence = regime.evaluation.evidence
    assert len(evidence) == 17
    assert all(e.source == "100025 Annex A" for e in evidence)
    assert evidence[0].text.startswith("Practice and procedures manage risk of harm")
    assert evidence[6].text.startswith("Section 47 enquiries are thorough and timely")
    assert evidence[9].text == (
        "Out-of-hours duty arrangements are clear, robust and linked well to the day referral "
        "service."
    )
    assert evidence[-1].text == (
        "Performance indicators reflect good and sustained and/or improving practice."
    )


def test_evaluation_notes(regime: Regime) -> None:
    notes = regime.evaluation.notes
    assert _fact(notes, "illustrative evidence").source == "100025 Annex A"
    assert _fact(notes, "(an area of strength)").source == "100025 §47"


# -- the annual rating --------------------------------------------------------------


def test_annual_rating_is_an_external_judgement(regime: Regime) -> None:
    (rating,) = regime.external_judgements
    assert rating.id == "annual_rating"
    assert rating.title == "Ofsted's annual rating of the council's children's services"
    assert cites(rating.source, "100025 §2", "100025 Annex A", "100025 Annex D")


def test_a_priority_action_is_likely_to_limit_the_annual_rating(regime: Regime) -> None:
    (rule,) = regime.limiting_rules
    assert rule.id == "priority_action_limits_annual_rating"
    assert (rule.strength, rule.target, rule.limit) == (
        "likely",
        "annual_rating",
        "performs poorly",
    )
    assert rule.when == FindingCondition(finding="area_for_priority_action")
    assert cites(rule.source, "100025 Annex A", "100025 Annex D", "100025 §53")
    # Annex D's words, which the letter carries
    assert rule.consequence == "the annual rating is likely to be limited to 'performs poorly'"
    # Annex A's own words, and its different label for the cap, are kept in the text
    assert rule.text.startswith(
        "All areas of priority action will be of sufficient concern to potentially be a "
        "limiting judgement for the annual children's services rating"
    )
    assert "'limited to inadequate'" in rule.text
    assert "'limited to performs poorly'" in rule.text
    assert rule.advisory


# -- the letter ---------------------------------------------------------------------


def test_the_output_is_a_letter(regime: Regime) -> None:
    report = regime.report
    assert report.form == "letter"
    assert report.title == (
        "Annual unannounced inspection of contact, referral and assessment arrangements"
    )
    assert cites(report.source, "100025 §52-55", "100025 Annex D")
    assert report.milestones == (
        "letter_drafted",
        "draft_letter_sent",
        "council_response",
        "pre_publication_letter",
        "publication",
    )


def test_letter_recipients(regime: Regime) -> None:
    (recipients,) = regime.report.recipients
    # §46: "the draft letter to the Chief Executive, Director of Children's Services, Chair
    # of the Local Safeguarding Children Board and the lead member"
    assert recipients.text == (
        "Chief Executive, Director of Children's Services, Chair of the Local Safeguarding "
        "Children Board and the lead member"
    )
    assert cites(recipients.source, "100025 §46", "100025 §8")


def test_letter_notes(regime: Regime) -> None:
    notes = regime.report.notes
    assert _fact(notes, "reflects the oral feedback").source == "100025 §53"
    must_state = _fact(notes, "must state whether there are any areas for priority action")
    assert "potentially limiting judgements for the annual rating" in must_state.text
    assert must_state.source == "100025 §53"
    assert _fact(notes, "national moderation").source == "100025 §59"


def test_letter_sections_follow_annex_d(regime: Regime) -> None:
    sections = regime.report.sections
    assert [(s.id, s.title) for s in sections] == [
        ("introduction", "Introduction"),
        ("evidence_base", "Evidence considered"),
        ("strengths", "Strengths"),
        ("satisfactory_practice", "Satisfactory practice"),
        ("areas_for_development", "Area(s) for development"),
        ("areas_for_priority_action", "Area(s) for priority action"),
    ]
    assert all(s.source == "100025 Annex D" for s in sections)
    assert "section 138 of the Education and Inspections Act 2006" in sections[0].content
    assert sections[-1].content == "Included only when an area for priority action is identified."


# Annex D, word for word: (id, group, text, present, absent, cites). Each outcome sentence
# needs every kind of finding it names: "with some areas for development" needs one.
STATEMENTS = [
    ("outcome_no_priority_action", "outcome",
     "The inspection identified areas of strength and satisfactory practice, with some areas for "
     "development.",
     ("area_of_strength", "satisfactory", "area_for_development"), ("area_for_priority_action",),
     ("100025 Annex D",)),
    ("outcome_priority_action_with_strengths", "outcome",
     "The inspection identified area(s) for priority action alongside areas of strength, "
     "satisfactory practice and areas for development.",
     ("area_for_priority_action", "area_of_strength", "satisfactory", "area_for_development"), (),
     ("100025 Annex D",)),
    ("outcome_priority_action_without_strengths", "outcome",
     "The inspection identified area(s) for priority action alongside areas of satisfactory "
     "practice and areas for development.",
     ("area_for_priority_action", "satisfactory", "area_for_development"), ("area_of_strength",),
     ("100025 Annex D",)),
    ("future_inspection", "",
     "Any areas for development and priority action identified above will be specifically "
     "considered in any future inspection of services to safeguard children within your area.",
     (), (), ("100025 Annex D",)),
    ("limiting_statement", "",
     "In addition, it is considered by Ofsted that the findings of this inspection and the "
     "identified area(s) for priority action are likely to become a limiting judgement of the "
     "annual performance rating for your council's children's services when considered with "
     "other evidence. This means the annual rating is likely to be limited to 'performs poorly'.",
     ("area_for_priority_action",), (), ("100025 Annex D", "100025 §53")),
]  # fmt: skip


def test_statements_in_order(regime: Regime) -> None:
    assert [s.id for s in regime.report.statements] == [row[0] for row in STATEMENTS]


@pytest.mark.parametrize(
    ("statement_id", "group", "text", "present", "absent", "citing"), STATEMENTS
)
def test_annex_d_statement(
    regime: Regime,
    statement_id: str,
    group: str,
    text: str,
    present: tuple[str, ...],
    absent: tuple[str, ...],
    citing: tuple[str, ...],
) -> None:
    statement = next(s for s in regime.report.statements if s.id == statement_id)
    assert statement.text == text
    assert statement.group == group
    assert (statement.when_present, statement.when_absent) == (present, absent)
    assert cites(statement.source, *citing)


def test_area_s_has_a_singular_and_a_plural_that_change_nothing_else(regime: Regime) -> None:
    # Annex D writes "area(s) for priority action"; a letter says which it is. The two
    # forms are the annex's sentence with "area(s)" as "an area"/"the area" or "areas".
    counted = [s for s in regime.report.statements if s.counted]
    assert [s.id for s in counted] == [
        "outcome_priority_action_with_strengths",
        "outcome_priority_action_without_strengths",
        "limiting_statement",
    ]
    for statement in counted:
        assert statement.counted == "area_for_priority_action"
        assert "area(s)" in statement.text
        assert statement.many == statement.text.replace("area(s)", "areas")
        assert statement.one in (
            statement.text.replace("identified area(s)", "identified an area"),
            statement.text.replace("area(s)", "area"),
        )
        assert statement.one != statement.many


def test_limiting_statement_carries_the_rules_consequence(regime: Regime) -> None:
    statement = next(s for s in regime.report.statements if s.id == "limiting_statement")
    (rule,) = regime.limiting_rules
    assert statement.text.endswith(f"This means {rule.consequence}.")


@pytest.mark.parametrize(
    ("recorded", "outcome", "limiting"),
    [
        ({"area_of_strength", "satisfactory", "area_for_development"},
         "outcome_no_priority_action", False),
        ({"area_of_strength", "satisfactory", "area_for_development", "area_for_priority_action"},
         "outcome_priority_action_with_strengths", True),
        ({"satisfactory", "area_for_development", "area_for_priority_action"},
         "outcome_priority_action_without_strengths", True),
    ],
)  # fmt: skip
def test_one_outcome_sentence_per_letter(
    regime: Regime, recorded: set[str], outcome: str, limiting: bool
) -> None:
    chosen = regime.report.chosen_statements(recorded)
    assert chosen["outcome"].id == outcome
    assert "future_inspection" in chosen
    assert ("limiting_statement" in chosen) is limiting


@pytest.mark.parametrize(
    "recorded",
    [
        set(),
        {"satisfactory"},
        {"satisfactory", "area_for_development"},
        {"area_for_development"},
        # no area for development: "with some areas for development" would contradict it
        {"area_of_strength", "satisfactory"},
        {"area_of_strength", "area_for_development"},
        {"area_for_priority_action", "area_of_strength", "satisfactory"},
        {"area_for_priority_action"},
    ],
)
def test_annex_d_has_no_outcome_sentence_for_findings_it_does_not_describe(
    regime: Regime, recorded: set[str]
) -> None:
    """Each Annex D sentence names the kinds of finding it claims ("areas of strength and
    satisfactory practice, with some areas for development"); for any other mix the annex
    gives no sentence, and none is chosen: the inspector writes one ([statements] outcome),
    rather than the letter contradicting its own findings."""
    chosen = regime.report.chosen_statements(recorded)
    assert "outcome" not in chosen
    limiting = {"limiting_statement"} if "area_for_priority_action" in recorded else set()
    assert set(chosen) == {"future_inspection", *limiting}


# Sunderland 2012 §3.3-4.1: one strength, six areas meeting requirements, four areas for
# development, no priority action.  The council report does not say which safeguarding
# priority each finding was set against; the areas below are this test's choice.
SUNDERLAND_FINDINGS = (
    Finding(area="safeguarding_prioritised", level="area_of_strength",
            text="Continuing commitment to safeguarding and investment in the workforce."),
    Finding(area="safeguarded_and_protected", level="satisfactory",
            text="Section 47 enquiries are timely."),
    Finding(area="safeguarding_prioritised", level="satisfactory",
            text="Record keeping is up to date."),
    Finding(area="concerns_identified", level="satisfactory",
            text="Awareness of the diverse needs of children and families."),
    Finding(area="safeguarding_prioritised", level="satisfactory",
            text="Staff are suitably qualified."),
    Finding(area="working_together", level="satisfactory",
            text="Lessons from serious case reviews are shared."),
    Finding(area="safeguarded_and_protected", level="satisfactory",
            text="An effective out of hours service."),
    Finding(area="concerns_identified", level="area_for_development",
            text="The quality of assessments needs to be more consistent."),
    Finding(area="concerns_identified", level="area_for_development",
            text="Greater understanding of thresholds."),
    Finding(area="safeguarding_prioritised", level="area_for_development",
            text="The integrated children's system does not support efficient practice."),
    Finding(area="working_together", level="area_for_development",
            text="Multi-agency strategy meetings."),
)  # fmt: skip


def test_sunderland_outcome(regime: Regime) -> None:
    inspection = Inspection(
        regime=REGIME_ID,
        council="Sunderland",
        start=date(2011, 10, 17),
        findings=SUNDERLAND_FINDINGS,
    )
    chosen = regime.report.chosen_statements(inspection.recorded_levels())
    # Sunderland 2012 §3.2: "an area of strength, many areas of practice which met requirements and
    # some areas for development ... there were no Priority Actions"
    assert chosen["outcome"].text == (
        "The inspection identified areas of strength and satisfactory practice, with some areas "
        "for development."
    )
    assert set(chosen) == {"outcome", "future_inspection"}
    (outcome,) = apply_limiting_rules(regime, inspection)
    assert (outcome.status, outcome.fired) == ("not_fired", False)
    # Sunderland 2012 §5: the council's action plan has one heading per area for development
    rows = action_rows(regime, inspection.findings)
    assert [row.finding for row in rows] == [
        f.text for f in SUNDERLAND_FINDINGS if f.level == "area_for_development"
    ]
    assert all(row.kind.startswith("Area for development (") for row in rows)


def test_a_priority_action_applies_to_the_annual_rating(regime: Regime) -> None:
    inspection = Inspection(
        regime=REGIME_ID,
        council="A council",
        start=date(2011, 10, 17),
        findings=(
            Finding(area="working_together", level="satisfactory", text="Satisfactory."),
            Finding(area="concerns_identified", level="area_for_priority_action", text="Delays."),
        ),
    )
    (outcome,) = apply_limiting_rules(regime, inspection)
    assert outcome.status == "applies"
    assert outcome.triggers == ("concerns_identified",)
    assert "the annual rating is likely to be limited to 'performs poorly'" in outcome.message
    assert [row.finding for row in action_rows(regime, inspection.findings)] == ["Delays."]


# -- example inspections (inspectkit demo) -------------------------------------------


def test_ships_two_example_inspections_one_per_annex_d_outcome() -> None:
    """The demo's CRA letters come from this plugin's data: Sunderland 2012's shape (no priority
    action) and one area for priority action with the limiting statement."""
    from inspectkit.examples import installed_examples

    installed = installed_examples(get_host())
    examples = installed.for_regime(REGIME_ID)
    assert [e.name for e in examples] == ["cra_2010", "cra_2010_priority_action"]
    assert all(e.path.parent.parent == Path(inspectkit_cra_2010.__file__).parent for e in examples)
    regime = get_host().regime(REGIME_ID).regime
    outcomes = []
    for example in examples:
        recorded = set(re.findall(r'^type = "(\w+)"', example.body(), flags=re.MULTILINE))
        outcomes.append(regime.report.chosen_statements(recorded)["outcome"].id)
    assert outcomes == ["outcome_no_priority_action", "outcome_priority_action_with_strengths"]
    assert not [n for n in installed.notes if "cra_2010" in n]


# -- templates (Annex B, C, D) ------------------------------------------------------

# (id, file, kind, title, cites, wording from the annex the template must keep)
TEMPLATES = [
    ("letter", "letter.docx", "letter", "Post-inspection letter",
     ("100025 §52-55", "100025 Annex D"),
     ("The inspection was carried out under section 138 of the Education and Inspections Act "
      "2006.", "From the evidence gathered, the following features of the service were identified:",
      "{{ statements.outcome }}", "{{ statements.limiting_statement }}")),
    # Annex B is an email: plain text to paste (and a .eml), not a Word letter
    ("notification_email", "notification_email.txt", "email",
     "Notification email to the Director of Children's Services",
     ("100025 §20", "100025 Annex B"),
     ("This letter is to inform you that Ofsted is today beginning a two-day inspection",
      "I have tried to contact you by telephone first thing this morning",
      "www.ofsted.gov.uk/publications/090026",
      "We would like to provide oral feedback about our findings tomorrow afternoon, ",
      "This person is {{ quality_assurance.name or \"[insert name]\" }} and can be contacted "
      "on ")),
    ("staff_information", "staff_information.docx", "information_sheet",
     "Information for staff in agencies being inspected",
     ("100025 §27", "100025 §30", "100025 Annex C"),
     ("Inspections will normally be carried out by two HMIs",
      "Inspections will normally last for two days",
      "will follow this up with a letter within five days of the end of the inspection.")),
]  # fmt: skip


def test_three_templates(regime: Regime) -> None:
    assert [t.id for t in regime.templates] == [row[0] for row in TEMPLATES]


def _docx_text(path: Path) -> str:
    if path.suffix == ".txt":
        return path.read_text(encoding="utf-8")
    document = docx.Document(str(path))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


@pytest.mark.parametrize(("template_id", "file", "kind", "title", "citing", "wording"), TEMPLATES)
def test_template(
    regime: Regime,
    template_id: str,
    file: str,
    kind: str,
    title: str,
    citing: tuple[str, ...],
    wording: tuple[str, ...],
) -> None:
    template = next(t for t in regime.templates if t.id == template_id)
    assert (template.file, template.kind, template.title) == (file, kind, title)
    assert cites(template.source, *citing)
    directory = get_host().regime(REGIME_ID).templates
    assert directory is not None
    text = _docx_text(directory / file)
    for words in wording:
        assert words in text, (file, words)


# -- what a reader sees -------------------------------------------------------------


def test_show_json() -> None:
    result = CliRunner().invoke(cli, ["regimes", "show", REGIME_ID, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["id"] == REGIME_ID
    assert data["reference"] == "100025"
    assert data["notice"]["period"]["max"] == 0
    assert data["sampling"]["minimum"]["min"] == 20
    assert data["sampling"]["population"]["closed_within_months"] == 6
    assert [lv["id"] for lv in data["scale"]["levels"]] == [row[0] for row in FINDING_TYPES]


def test_no_area_of_the_schedule_is_graded(regime: Regime) -> None:
    """§45: no grade, overall or for any area; every area is a heading for findings."""
    areas = [area for _, area in regime.evaluation.walk()]
    assert len(areas) == 4
    assert not any(area.graded for area in areas)


def test_quality_assurance_call_is_on_the_second_day_of_fieldwork(regime: Regime) -> None:
    role = next(r for r in regime.team.roles if r.id == "quality_assurance_hmi")
    assert "second day of the fieldwork (day 3)" in role.duties
    assert role.source == "100025 §57-59"
