"""Shared terminal output: one rich console, created on first use."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def console() -> Console:
    """A console for stdout; made per call so tests and pipes get their own width."""
    # lazy: keeps rich (30 ms) off the start-up of `inspectkit serve --help`
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@cache
def error_console() -> Console:
    # lazy: keeps rich (30 ms) off the start-up of `inspectkit serve --help`
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def warn(message: str) -> None:
    """A warning line on stderr (never a child's details: callers pass references only).

    The message is printed as it is: brackets in it ("[dates]", a citation) are text,
    not rich markup."""
    # lazy: keeps rich (14 ms) off the start-up of `inspectkit serve --help`
    from rich.markup import escape

    error_console().print(f"[yellow]warning:[/] {escape(message)}", markup=True)


DELAY = 1.0  # seconds of work before a progress bar is worth showing


def _nothing(_n: int = 1) -> None:
    """``advance`` where no bar is shown."""


@contextmanager
def progress(description: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr for work that takes over a second: yields ``advance(n)``.

    Only in a terminal (a pipe or a log gets no bar), and only once :data:`DELAY` has
    passed, so a quick command prints nothing extra; it disappears when the work ends.
    With no ``total`` (work that cannot be counted) it pulses from the start.
    """
    err = error_console()
    if not err.is_terminal:
        yield _nothing
        return
    # lazy: keeps rich.progress (13 ms) off the start-up of `inspectkit regimes`
    from rich.progress import Progress

    # No refresh thread: the bar redraws as work advances. A thread would also stop the
    # case-list reader forking its second reading process (it forks only when alone).
    bar = Progress(console=err, transient=True, auto_refresh=False)
    task = bar.add_task(description, total=total)
    began = last = time.monotonic()
    shown = total is None
    if shown:
        bar.start()
        bar.refresh()

    def advance(n: int = 1) -> None:
        nonlocal shown, last
        bar.advance(task, n)
        now = time.monotonic()
        if not shown and now - began > DELAY:
            bar.start()
            shown = True
        if shown and now - last > 0.1:
            bar.refresh()
            last = now

    try:
        yield advance
    finally:
        if shown:
            bar.stop()
