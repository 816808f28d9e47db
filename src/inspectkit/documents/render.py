"""Render one Word template with docxtpl, check the result, and only then keep it.

Templates may come from a council's workspace, so Jinja runs sandboxed
(``SandboxedEnvironment``: no attribute access to internals) with autoescape on
— docxtpl writes into XML, and without escaping a council called
``A & B <Council>`` silently loses its ``&`` and ``<Council>``.  Undefined
names are errors (``StrictUndefined``): a misspelt tag must not print nothing.

The document is rendered into memory, checked there, and written (atomically)
only if every check passes — so a failed check never leaves a file behind and
a passing document is read from disk by nobody.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspectkit.documents.checks import PrivateValue, PrivateValues, check_document
from inspectkit.documents.lookup import locate_template
from inspectkit.errors import InputError
from inspectkit.files import write_bytes_atomic
from inspectkit.plugins import RegisteredRegime

if TYPE_CHECKING:
    from jinja2 import Environment

    from inspectkit.documents.properties import DocumentProperties


COMPILED_CACHE_SIZE = 64
TEMPLATE_CACHE_SIZE = 32


@cache
def jinja_environment() -> Environment:
    """One sandboxed, autoescaping, strict environment per process.

    docxtpl compiles each part's XML with ``from_string`` on every render; the
    XML of a given template is the same every time, so compiled templates are
    kept (keyed by their source) — rendering 152 councils' reports compiles
    each template once per process instead of 152 times.
    """
    from jinja2 import StrictUndefined, Template
    from jinja2.sandbox import SandboxedEnvironment

    class CachingSandbox(SandboxedEnvironment):
        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            self.compiled: dict[str, Template] = {}

        def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
            if globals is not None or template_class is not None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            found = self.compiled.get(source)
            if found is None:
                if len(self.compiled) >= COMPILED_CACHE_SIZE:
                    self.compiled.clear()
                found = self.compiled[source] = super().from_string(source)
            return found

    return CachingSandbox(autoescape=True, undefined=StrictUndefined)


_PARSED: dict[tuple[str, int, int], Any] = {}


def parsed_template(template: Path) -> Any:
    """A private copy of the template as python-docx opens it.

    The file is read and parsed once per process while it is unchanged; each
    render gets a deep copy of that pristine package (a few times cheaper
    than unzipping and parsing it again), so no render sees another's changes.
    """
    import copy

    import docx

    stat = template.stat()
    key = (str(template.resolve()), stat.st_mtime_ns, stat.st_size)
    pristine = _PARSED.get(key)
    if pristine is None:
        if len(_PARSED) >= TEMPLATE_CACHE_SIZE:
            _PARSED.clear()
        try:
            pristine = docx.Document(io.BytesIO(template.read_bytes()))
        except Exception as exc:  # a council's override may be any file at all
            raise InputError.single(
                f"{template}: not a Word document ({type(exc).__name__}); a template must be .docx"
            ) from None
        _PARSED[key] = pristine
    return copy.deepcopy(pristine)


@cache
def _template_class() -> type[Any]:
    """docxtpl's ``DocxTemplate`` with its template-side work done once per process.

    ``init_docx`` takes a copy of the parsed template (``parsed_template``)
    instead of opening the file again.  ``patch_xml`` (a dozen regular
    expressions that tidy the template's XML for Jinja) depends only on that
    XML, which is the same on every render of a template, so its result is
    kept.  ``resolve_listing`` only rewrites tab, line-break, page-break and
    ``\\a`` characters; when the rendered XML has none (nearly always) its
    regular expressions would return the text unchanged, so they are skipped.
    """
    from docxtpl import DocxTemplate

    patched: dict[str, str] = {}

    class CachingDocxTemplate(DocxTemplate):  # type: ignore[misc]  # docxtpl is untyped
        docx: Any
        is_rendered: bool
        template_file: Path

        def init_docx(self, reload: bool = True) -> None:
            if not self.docx or (self.is_rendered and reload):
                self.docx = parsed_template(self.template_file)
                self.is_rendered = False

        def patch_xml(self, src_xml: str) -> str:
            found = patched.get(src_xml)
            if found is None:
                if len(patched) >= COMPILED_CACHE_SIZE:
                    patched.clear()
                found = patched[src_xml] = super().patch_xml(src_xml)
            return found

        def resolve_listing(self, xml: str) -> str:
            if "\t" in xml or "\a" in xml or "\n" in xml or "\f" in xml:
                result: str = super().resolve_listing(xml)
                return result
            return xml

    return CachingDocxTemplate


def render_bytes(
    template: Path, context: Mapping[str, Any], properties: DocumentProperties | None = None
) -> bytes:
    """docxtpl render of ``template`` into memory (no checks): the benchmark's unit of work.

    ``properties`` (title, author, language, date) replace the template's own."""
    from jinja2 import TemplateError

    document = _template_class()(template)
    try:
        document.render(dict(context), jinja_env=jinja_environment(), autoescape=True)
    except TemplateError as exc:
        number = getattr(exc, "lineno", None)
        line = f" line {number}" if number else ""
        raise InputError.single(f"{template}:{line} template error: {exc}") from None
    if properties is not None:
        from inspectkit.documents.properties import apply_properties

        apply_properties(document.docx, properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_to(template: Path, context: Mapping[str, Any], out: Path) -> None:
    """docxtpl render of ``template`` into ``out`` (no checks)."""
    Path(out).write_bytes(render_bytes(template, context))


def render_checked(
    registered: RegisteredRegime,
    template_id: str,
    context: Mapping[str, Any],
    *,
    label: str,
    overrides: Path | None = None,
    private: PrivateValues | Iterable[PrivateValue] = (),
    allowed_dates: Collection[date] = (),
    required: Iterable[tuple[str, str]] = (),
    locales: Iterable[str] = ("en_GB",),
    properties: DocumentProperties | None = None,
) -> bytes:
    """Document ``template_id`` rendered in memory, or InputError with every problem it has.

    Each problem line starts with ``label`` (the file the document is for).
    """
    template = locate_template(registered, template_id, overrides)
    rendered = render_bytes(template, context, properties)
    problems = check_document(
        rendered,
        label=label,
        private=private,
        allowed_dates=allowed_dates,
        required=required,
        locales=locales,
    )
    if problems:
        raise InputError(problems)
    return rendered


def render_document(
    registered: RegisteredRegime,
    template_id: str,
    context: Mapping[str, Any],
    out: Path,
    *,
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
        label=str(out),
        overrides=overrides,
        private=private,
        allowed_dates=allowed_dates,
        required=required,
        locales=locales,
    )
    write_bytes_atomic(out, rendered)
    return out
