"""The Jinja environment every Word template is rendered in: sandboxed, escaping, bounded.

Templates come from plugins and from councils' workspaces (``templates/*.docx``),
and a shared server renders them for everyone, so a template is untrusted code.
Jinja's ``SandboxedEnvironment`` already refuses access to Python internals and caps
``range()``; this module adds what it leaves open:

- **Huge values in one step.** ``{{ 'x' * 10**10 }}`` and ``{{ 9**(9**9) }}`` are
  refused before they are computed (``call_binop``, Jinja's documented hook for
  exactly this): a repetition may not make more than :data:`MAX_REPEAT_ITEMS`
  characters or items, and a power may not have more than :data:`MAX_POWER_BITS` bits.
- **Endless output.** Every template part's output is counted as it is generated, and
  the render stops once all parts together pass the output limit (nested loops).
- **Other files.** ``{% include %}``, ``{% import %}`` and ``{% extends %}`` are refused
  by name: a template is one self-contained document.

Wall time and memory are bounded by the process the render runs in
(:mod:`inspectkit.documents.bounded`), since no sandbox can stop a filter that
allocates a gigabyte in one call.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, StrictUndefined, Template, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from inspectkit.errors import InputError

MAX_REPEAT_ITEMS = 1_000_000
"""The longest string or sequence a template may make with ``*``."""

MAX_POWER_BITS = 4_096
"""The largest integer (in bits) a template may make with ``**``."""


class OutputLimitExceeded(SecurityError):
    """The rendered text grew past the render's output limit."""


class NoOtherTemplates(BaseLoader):
    """A loader that refuses every name: includes and imports are not allowed."""

    def get_source(
        self, environment: Any, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        raise SecurityError(
            f"a template may not include, import or extend another template ({template!r})"
        )


class BoundedTemplate(Template):
    """A template whose output counts against its environment's output limit."""

    environment: BoundedSandbox

    def render(self, *args: Any, **kwargs: Any) -> str:
        parts: list[str] = []
        for chunk in self.generate(*args, **kwargs):
            self.environment.count_output(len(chunk))
            parts.append(chunk)
        return "".join(parts)


class BoundedSandbox(SandboxedEnvironment):
    """Sandboxed, autoescaping, strict about undefined names, and bounded in size.

    Autoescape is on because docxtpl writes into XML: without it a council called
    ``A & B <Council>`` silently loses its ``&`` and ``<Council>``.  Undefined names
    are errors (``StrictUndefined``): a misspelt tag must not print nothing.  One
    environment serves one document, so the output count covers all its parts.
    """

    intercepted_binops = frozenset({"*", "**"})
    template_class = BoundedTemplate

    def __init__(self, *, output_limit: int, text: bool = False) -> None:
        # a plain-text template (an email) is not XML: no escaping, its own line ends kept
        super().__init__(
            autoescape=not text,
            undefined=StrictUndefined,
            loader=NoOtherTemplates(),
            keep_trailing_newline=text,
        )
        self.output_limit = output_limit
        self.output_used = 0

    def count_output(self, characters: int) -> None:
        self.output_used += characters
        if self.output_used > self.output_limit:
            raise OutputLimitExceeded(
                f"the document grew past {self.output_limit:,} characters, the render "
                "output limit (INSPECTKIT_RENDER_OUTPUT_CHARS)"
            )

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "*":
            _check_repetition(left, right)
            return operator.mul(left, right)
        if operator_name == "**":
            _check_power(left, right)
            return operator.pow(left, right)
        return super().call_binop(context, operator_name, left, right)


def _check_repetition(left: Any, right: Any) -> None:
    """Refuse ``sequence * n`` (either way round) that would exceed MAX_REPEAT_ITEMS."""
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, str | bytes | list | tuple) and isinstance(times, int):
            size = len(sequence) * times
            if size > MAX_REPEAT_ITEMS:
                raise SecurityError(
                    f"a repetition would make {size:,} items; at most {MAX_REPEAT_ITEMS:,} "
                    "are allowed"
                )


def _check_power(base: Any, exponent: Any) -> None:
    """Refuse an integer power whose result would exceed MAX_POWER_BITS bits."""
    if not (isinstance(base, int) and isinstance(exponent, int)) or exponent <= 0:
        return
    if abs(base) <= 1:
        return
    bits = exponent * math.log2(abs(base))
    if bits > MAX_POWER_BITS:
        raise SecurityError(
            f"a power would make a number of about {bits:,.0f} bits; at most "
            f"{MAX_POWER_BITS:,} are allowed"
        )


@contextmanager
def template_errors(template: Path) -> Iterator[None]:
    """Whatever a template's own code does wrong, as one InputError line naming the
    template, in the words Jinja or Python gave (no traceback).  MemoryError passes
    through: the render worker reports it with its limit."""
    try:
        yield
    except TemplateSyntaxError as exc:
        raise InputError.single(f"{template}: line {exc.lineno} template error: {exc}") from None
    except MemoryError:
        raise
    except InputError:
        raise
    except Exception as exc:  # anything the template's own code did: the template is the input
        text = str(exc).strip() or type(exc).__name__
        if not type(exc).__module__.startswith("jinja2"):
            text = f"{type(exc).__name__}: {text}"
        raise InputError.single(f"{template}: template error: {text}") from None
