"""The regime: everything one inspection framework says, as one frozen value.

A plugin ships this as TOML files and registers it; every part of inspectkit
(planning, sampling, judging, rendering, comparing) reads regimes only through
this model, which is why it must fit every regime without special cases.
"""

from __future__ import annotations

from attrs import field, frozen

from inspectkit.model.casefields import CaseField
from inspectkit.model.common import Dated, Fact, Measure, SourceDocument, check_id, check_text
from inspectkit.model.names import NamesPolicy
from inspectkit.model.report import DocumentTemplate, ReportDefinition
from inspectkit.model.requests import InformationRequest
from inspectkit.model.rules import ExternalJudgement, LimitingRule
from inspectkit.model.sampling import SamplingRules, Survey
from inspectkit.model.schedule import Evaluation, Scale
from inspectkit.model.timeline import Timeline


@frozen(kw_only=True)
class Supersession:
    """A regime this one replaces, wholly or in part."""

    regime: str = field(validator=check_text)
    extent: str = field(validator=check_text)
    source: str = field(validator=check_text)


@frozen(kw_only=True)
class Notice:
    """How much warning a council gets, and when it gets none."""

    announced: bool
    period: Measure
    text: str = field(validator=check_text)
    source: str = field(validator=check_text)
    exceptions: tuple[Fact, ...] = ()


@frozen(kw_only=True)
class Inspectorate:
    id: str = field(validator=check_id)
    name: str = field(validator=check_text)
    source: str = field(validator=check_text)


@frozen(kw_only=True)
class TeamRole:
    """A role on the team: how many, from which inspectorate, from which day, doing what."""

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    source: str = field(validator=check_text)
    count: Measure
    inspectorate: str = ""
    arrives_day: int | None = None
    duties: str = ""


@frozen(kw_only=True)
class Team:
    source: str = field(validator=check_text)
    size: Measure
    days_on_site: Measure
    inspectorates: tuple[Inspectorate, ...] = ()
    roles: tuple[TeamRole, ...] = ()
    notes: tuple[Fact, ...] = ()


@frozen(kw_only=True)
class Topic:
    """A titled group of facts that fit no structured field: purpose, deferral, site selection."""

    id: str = field(validator=check_id)
    title: str = field(validator=check_text)
    facts: tuple[Fact, ...] = ()


@frozen(kw_only=True)
class Coverage:
    """Where a regime applies and the languages its documents may be dated in.

    Empty means the sources do not restrict it (every region and locale inspectkit has).
    """

    source: str = field(validator=check_text)
    regions: tuple[str, ...] = ()  # the calendar regions of inspectkit.calendar.REGIONS
    locales: tuple[str, ...] = ()


@frozen(kw_only=True)
class Regime:
    """One inspection regime, complete and cited."""

    id: str = field(validator=check_id)
    version: str = field(validator=check_text)
    title: str = field(validator=check_text)
    short_title: str = field(validator=check_text)
    publisher: str = field(validator=check_text)
    reference: str = field(validator=check_text)
    sources: tuple[SourceDocument, ...]
    published: Dated
    in_force: Dated
    legal_basis: Fact
    notice: Notice
    team: Team
    scale: Scale
    evaluation: Evaluation
    sampling: SamplingRules
    timeline: Timeline
    report: ReportDefinition
    supersedes: tuple[Supersession, ...] = ()
    limiting_rules: tuple[LimitingRule, ...] = ()
    external_judgements: tuple[ExternalJudgement, ...] = ()
    case_fields: tuple[CaseField, ...] = ()
    surveys: tuple[Survey, ...] = ()
    information_requests: tuple[InformationRequest, ...] = ()
    templates: tuple[DocumentTemplate, ...] = ()
    topics: tuple[Topic, ...] = ()
    names: NamesPolicy | None = None
    # what calendars and narrow tables call it ("CRA"); the short title otherwise
    abbreviation: str = ""
    coverage: Coverage | None = None

    @property
    def graded(self) -> bool:
        return self.scale.graded

    @property
    def year(self) -> int:
        return self.published.year

    @property
    def publication_milestone(self) -> str:
        """The milestone at which the outcome (letter or report) is published: the last of
        the report's milestones in the timeline's order (cra_2010's "publication",
        child_protection_2012's "report_published"); "" when the report names none.

        Documents bear its date, and the web application opens the council's action plan
        once it is recorded done.
        """
        return next(
            (m.id for m in reversed(self.timeline.milestones) if m.id in self.report.milestones),
            "",
        )

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)
