"""The regime model: frozen attrs classes that every regime plugin's data loads into."""

from inspectkit.model.casefields import CaseField, CodeValue
from inspectkit.model.common import NOT_SPECIFIED, Dated, Fact, Measure, SourceDocument
from inspectkit.model.conditions import AssertionCondition, FindingCondition, GradedCondition
from inspectkit.model.names import NamesPolicy
from inspectkit.model.regime import (
    Coverage,
    Inspectorate,
    Notice,
    Regime,
    Supersession,
    Team,
    TeamRole,
    Topic,
)
from inspectkit.model.report import DocumentTemplate, ReportDefinition, ReportSection, Statement
from inspectkit.model.requests import InformationRequest
from inspectkit.model.rules import (
    Condition,
    DoesNotHold,
    ExternalJudgement,
    Holds,
    LimitingRule,
    Question,
    Unanswered,
)
from inspectkit.model.sampling import (
    CaseGroup,
    FieldMatch,
    Phase,
    PhaseDrawing,
    Population,
    Quota,
    RecentEvent,
    SamplingRules,
    Selection,
    Subset,
    Survey,
)
from inspectkit.model.schedule import Evaluation, JudgementArea, Level, Scale
from inspectkit.model.timeline import DaySpan, Deadline, Milestone, StartRule, Timeline

__all__ = [
    "NOT_SPECIFIED",
    "AssertionCondition",
    "CaseField",
    "CaseGroup",
    "CodeValue",
    "Condition",
    "Coverage",
    "Dated",
    "DaySpan",
    "Deadline",
    "DocumentTemplate",
    "DoesNotHold",
    "Evaluation",
    "ExternalJudgement",
    "Fact",
    "FieldMatch",
    "FindingCondition",
    "GradedCondition",
    "Holds",
    "InformationRequest",
    "Inspectorate",
    "JudgementArea",
    "Level",
    "LimitingRule",
    "Measure",
    "Milestone",
    "NamesPolicy",
    "Notice",
    "Phase",
    "PhaseDrawing",
    "Population",
    "Question",
    "Quota",
    "RecentEvent",
    "Regime",
    "ReportDefinition",
    "ReportSection",
    "SamplingRules",
    "Scale",
    "Selection",
    "SourceDocument",
    "StartRule",
    "Statement",
    "Subset",
    "Supersession",
    "Survey",
    "Team",
    "TeamRole",
    "Timeline",
    "Topic",
    "Unanswered",
]
