"""The web application's tables: who people are, the inspections, and the audit log."""

from inspectkit.web.models.audit import AppendOnlyError, AuditLog
from inspectkit.web.models.inspection import Inspection, SampleFile
from inspectkit.web.models.profile import Profile, Role

__all__ = ["AppendOnlyError", "AuditLog", "Inspection", "Profile", "Role", "SampleFile"]
