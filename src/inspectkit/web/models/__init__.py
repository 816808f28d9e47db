"""The web application's tables: who people are, the inspections, the audit log, the
keyed digests of an uploaded case list, and a council's own readiness checklists and
action-plan progress."""

from inspectkit.web.models.audit import AppendOnlyError, AuditLog
from inspectkit.web.models.case_digests import CaseListDigests
from inspectkit.web.models.council import ActionProgress, Readiness, ReadinessEntry
from inspectkit.web.models.inspection import Inspection, SampleFile
from inspectkit.web.models.profile import Profile, Role

__all__ = [
    "ActionProgress",
    "AppendOnlyError",
    "AuditLog",
    "CaseListDigests",
    "Inspection",
    "Profile",
    "Readiness",
    "ReadinessEntry",
    "Role",
    "SampleFile",
]
