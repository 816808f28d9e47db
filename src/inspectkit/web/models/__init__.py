"""The web application's tables: who people are, the inspections, and the audit log."""

from inspectkit.web.models.audit import AppendOnlyError, AuditLog
from inspectkit.web.models.case_digests import CaseListDigests
from inspectkit.web.models.inspection import Inspection, SampleFile
from inspectkit.web.models.profile import Profile, Role

__all__ = [
    "AppendOnlyError",
    "AuditLog",
    "CaseListDigests",
    "Inspection",
    "Profile",
    "Role",
    "SampleFile",
]
