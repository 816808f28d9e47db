"""Render one Word template with docxtpl, check the result, and only then keep it.

Templates may come from a council's workspace, so Jinja runs sandboxed
(``SandboxedEnvironment``: no attribute access to internals) with autoescape on
— docxtpl writes into XML, and without escaping a council called
``A & B <Council>`` silently loses its ``&`` and ``<Council>``.  Undefined
names are errors (``StrictUndefined``): a misspelt tag must not print nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from inspectkit.documents.checks import PrivateValue, PrivateValues, check_document
from inspectkit.documents.lookup import locate_template
from inspectkit.errors import InputError
from inspectkit.files import atomic_path
from inspectkit.plugins import RegisteredRegime

if TYPE_CHECKING:
    from jinja2 import Environment


COMPILED_CACHE_SIZE = 64


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
        compiled: ClassVar[dict[str, Template]] = {}

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


def render_to(template: Path, context: Mapping[str, Any], out: Path) -> None:
    """docxtpl render of ``template`` into ``out`` (no checks): the benchmark's unit of work."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    document = DocxTemplate(str(template))
    try:
        document.render(dict(context), jinja_env=jinja_environment(), autoescape=True)
    except TemplateError as exc:
        number = getattr(exc, "lineno", None)
        line = f" line {number}" if number else ""
        raise InputError.single(f"{template}:{line} template error: {exc}") from None
    document.save(str(out))


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
    template = locate_template(registered, template_id, overrides)
    out = Path(out)
    with atomic_path(out) as temporary:
        render_to(template, context, temporary)
        problems = check_document(
            temporary,
            label=str(out),
            private=private,
            allowed_dates=allowed_dates,
            required=required,
            locales=locales,
        )
        if problems:
            raise InputError(problems)
    return out
