"""Documents: context, layered templates, sandboxed docxtpl rendering, checks, PDF."""

from inspectkit.documents.build import WorkspaceResult, render_workspace
from inspectkit.documents.checks import (
    PrivateValue,
    PrivateValues,
    check_document,
    document_paragraphs,
)
from inspectkit.documents.lookup import locate_template, template_layers
from inspectkit.documents.render import render_document

__all__ = [
    "PrivateValue",
    "PrivateValues",
    "WorkspaceResult",
    "check_document",
    "document_paragraphs",
    "locate_template",
    "render_document",
    "render_workspace",
    "template_layers",
]
