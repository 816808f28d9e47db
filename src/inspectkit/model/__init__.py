"""The regime model: frozen attrs classes that every regime plugin's data loads into."""

from inspectkit.model.casefields import CaseField, CodeValue
from inspectkit.model.common import NOT_SPECIFIED, Dated, Fact, Measure, SourceDocument
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
from inspectkit.model.rules import Condition, ExternalJudgement, LimitingRule
from inspectkit.model.sampling import (
    CaseGroup,
    FieldMatch,
    Phase,
    Population,
    Quota,
    RecentEvent,
    SamplingRules,
    Subset,
    Survey,
)
from inspectkit.model.schedule import Evaluation, JudgementArea, Level, Scale
from inspectkit.model.timeline import DaySpan, Deadline, Milestone, StartRule, Timeline

__all__ = [
    "NOT_SPECIFIED",
    "CaseField",
    "CaseGroup",
    "CodeValue",
    "Condition",
    "Coverage",
    "Dated",
    "DaySpan",
    "Deadline",
    "DocumentTemplate",
    "Evaluation",
    "ExternalJudgement",
    "Fact",
    "FieldMatch",
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
    "Population",
    "Quota",
    "RecentEvent",
    "Regime",
    "ReportDefinition",
    "ReportSection",
    "SamplingRules",
    "Scale",
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
]
