"""Render one Word template with docxtpl, check the result, and only then keep it.

Rendering goes through docxtpl's public API (``DocxTemplate.render`` with our own
Jinja environment) and docxtpl is pinned to the range the tests cover, so an upgrade
cannot silently change what a letter says.  The environment is the bounded sandbox
(:mod:`inspectkit.documents.sandbox`); each render runs in a worker process with a
time and memory limit (:mod:`inspectkit.documents.bounded`), because templates may
come from a council's workspace and the web application renders them for everyone.

The document is rendered into memory, checked there, and written (atomically) only if
every check passes — so a failed check never leaves a file behind.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspectkit.documents.bounded import RenderLimits, run_bounded
from inspectkit.documents.checks import (
    PrivateValue,
    PrivateValues,
    check_document,
    written_marks,
)
from inspectkit.documents.lookup import locate_template
from inspectkit.documents.sandbox import BoundedSandbox, template_errors
from inspectkit.errors import InputError
from inspectkit.files import write_bytes_atomic
from inspectkit.plugins import PluginHost, RegisteredRegime

if TYPE_CHECKING:
    from inspectkit.documents.properties import DocumentProperties


def render_bytes(
    template: Path,
    context: Mapping[str, Any],
    properties: DocumentProperties | None = None,
    *,
    output_limit: int | None = None,
) -> bytes:
    """docxtpl render of ``template`` into memory, in this process (no checks).

    ``properties`` (title, author, language, date) replace the template's own.  The
    sandbox's size limits apply; time and memory limits need a worker process
    (:func:`render_checked`).  Every problem is an InputError naming the template.
    """
    # lazy: keeps docxtpl (45 ms) off the start-up of `serve --demo`'s example build
    from docxtpl import DocxTemplate

    limit = output_limit if output_limit is not None else RenderLimits().output_chars
    document = DocxTemplate(template)
    try:
        document.get_docx()
    except Exception as exc:  # a council's override may be any file at all
        raise InputError.single(
            f"{template}: not a Word document ({type(exc).__name__}); a template must be .docx"
        ) from None
    with template_errors(template):
        environment = BoundedSandbox(output_limit=limit)
        document.render(dict(context), jinja_env=environment, autoescape=True)
    if properties is not None:
        # lazy: keeps inspectkit.documents.properties (41 ms) off `serve --demo`'s example build
        from inspectkit.documents.properties import apply_properties

        apply_properties(document.docx, properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_and_check(
    template: Path,
    context: Mapping[str, Any],
    *,
    label: str,
    output_limit: int,
    private: PrivateValues | Iterable[PrivateValue] = (),
    allowed_dates: Collection[date] = (),
    required: Iterable[tuple[str, str]] = (),
    locales: Iterable[str] = ("en_GB",),
    properties: DocumentProperties | None = None,
) -> bytes:
    """The rendered document, or InputError with every problem its checks found.

    Module-level so a worker process can run it.
    """
    rendered = render_bytes(template, context, properties, output_limit=output_limit)
    problems = check_document(
        rendered,
        label=label,
        private=private,
        allowed_dates=allowed_dates,
        required=required,
        locales=locales,
        written=written_marks(context),
    )
    if problems:
        raise InputError(problems)
    return rendered


def render_checked(
    registered: RegisteredRegime,
    template_id: str,
    context: Mapping[str, Any],
    *,
    host: PluginHost,
    label: str,
    overrides: Path | None = None,
    private: PrivateValues | Iterable[PrivateValue] = (),
    allowed_dates: Collection[date] = (),
    required: Iterable[tuple[str, str]] = (),
    locales: Iterable[str] = ("en_GB",),
    properties: DocumentProperties | None = None,
    limits: RenderLimits | None = None,
) -> bytes:
    """Document ``template_id`` rendered and checked in a bounded worker, or InputError
    with every problem it has.  Each problem line starts with ``label`` (the file the
    document is for) or names the template.
    """
    template = locate_template(registered, template_id, host, overrides)
    limits = limits or RenderLimits.from_environment()
    return run_bounded(
        render_and_check,
        template,
        dict(context),
        label=label,
        output_limit=limits.output_chars,
        private=private if isinstance(private, PrivateValues) else PrivateValues(private),
        allowed_dates=frozenset(allowed_dates),
        required=list(required),
        locales=list(locales),
        properties=properties,
        limits=limits,
        subject=str(template),
    )


def render_document(
    registered: RegisteredRegime,
    template_id: str,
    context: Mapping[str, Any],
    out: Path,
    *,
    host: PluginHost,
    overrides: Path | None = None,
    private: PrivateValues | Iterable[PrivateValue] = (),
    allowed_dates: Collection[date] = (),
    required: Iterable[tuple[str, str]] = (),
    locales: Iterable[str] = ("en_GB",),
) -> Path:
    """Render document ``template_id`` to ``out``, atomically and only if every check passes."""
    out = Path(out)
    rendered = render_checked(
        registered,
        template_id,
        context,
        host=host,
        label=str(out),
        overrides=overrides,
        private=private,
        allowed_dates=allowed_dates,
        required=required,
        locales=locales,
    )
    write_bytes_atomic(out, rendered)
    return out
