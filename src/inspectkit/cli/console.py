"""Shared terminal output: one rich console, created on first use."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console() -> Console:
    """A console for stdout; made per call so tests and pipes get their own width."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@cache
def error_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def warn(message: str) -> None:
    """A warning line on stderr (never a child's details: callers pass references only).

    The message is printed as it is: brackets in it ("[dates]", a citation) are text,
    not rich markup."""
    from rich.markup import escape

    error_console().print(f"[yellow]warning:[/] {escape(message)}", markup=True)
