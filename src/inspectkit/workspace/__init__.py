"""Inspection workspaces: the inspection file, its checks, and the folder around it."""

from inspectkit.model.inspection import Finding, Inspection, Person
from inspectkit.workspace.inspection_file import (
    INSPECTION_FILE,
    FindingEntry,
    GradeEntry,
    InspectionFile,
    PersonEntry,
    check_against_regime,
    read_inspection_file,
)
from inspectkit.workspace.workspace import (
    Workspace,
    load_inspection,
    load_workspace,
    workspace_with,
)

__all__ = [
    "INSPECTION_FILE",
    "Finding",
    "FindingEntry",
    "GradeEntry",
    "Inspection",
    "InspectionFile",
    "Person",
    "PersonEntry",
    "Workspace",
    "check_against_regime",
    "load_inspection",
    "load_workspace",
    "read_inspection_file",
    "workspace_with",
]
