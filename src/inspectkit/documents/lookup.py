"""The template layers for one regime: workspace override, plugin, other plugins, core."""

from __future__ import annotations

from pathlib import Path

from inspectkit.errors import InputError
from inspectkit.model import DocumentTemplate
from inspectkit.plugins import PluginHost, RegisteredRegime
from inspectkit.template_lookup import find_template


def template_layers(
    registered: RegisteredRegime, overrides: Path | None, host: PluginHost
) -> list[Path | None]:
    """Searched in order: the workspace's overrides, the regime's plugin, then folders
    other plugins of ``host`` add; the core's ``templates/`` is added last by
    ``find_template``."""
    return [overrides, registered.templates, *host.template_dirs(registered.regime)]


DEFAULT_TEMPLATE_FILE = "inspection_report.docx"


def declared_documents(registered: RegisteredRegime) -> tuple[DocumentTemplate, ...]:
    """The regime's documents; a regime declaring none gets the core's generic report."""
    regime = registered.regime
    if regime.templates:
        return regime.templates
    return (
        DocumentTemplate(
            id="report",
            title=regime.report.title,
            file=DEFAULT_TEMPLATE_FILE,
            kind=regime.report.form,
            source=regime.report.source,
        ),
    )


def document_template(registered: RegisteredRegime, template_id: str) -> DocumentTemplate:
    """The regime's declared document ``template_id`` (InputError listing those it has)."""
    for document in declared_documents(registered):
        if document.id == template_id:
            return document
    known = ", ".join(d.id for d in registered.regime.templates) or "none"
    raise InputError.single(
        f"{registered.regime.id} has no document {template_id!r} (it has: {known})"
    )


def locate_template(
    registered: RegisteredRegime,
    template_id: str,
    host: PluginHost,
    overrides: Path | None = None,
) -> Path:
    """The file to render for ``template_id``: the first layer that has it wins."""
    document = document_template(registered, template_id)
    return find_template(document.file, template_layers(registered, overrides, host))
