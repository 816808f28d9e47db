"""``serve --demo`` on POSIX: the examples built in a spawned process, while the
server's own process migrates the database.

The demo reads case lists with polars, whose thread pool does not survive a fork: run
in the process that then forks gunicorn's workers, every worker would hang at its first
case-list upload.  So the examples are built, and stored, in a spawned process, which
starts clean.  It starts before the migrations and builds beside them on the second
core (the build needs no database: it writes workspace folders); it stores them once
the server's process says the database is migrated.  Built after the migrations, the
first start with ``--demo`` took 3.1-3.9 s; beside them, see benchmarks/README.md.
This module imports nothing of Django's at its top, so it can be imported before
Django is set up.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.queues import SimpleQueue
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import django

from inspectkit.plugins import get_host

if TYPE_CHECKING:
    from inspectkit.web.demo import DemoLoaded

_migrated: SimpleQueue[bool] | None = None  # in the spawned process: True, store; False, stop


class DemoBuild:
    """The examples being built in a spawned process, into a private temporary folder.

    A context manager: on leaving, an unfinished build is told to stop without storing
    anything, the process ends and the folder is removed.
    """

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="inspectkit-demo-")
        context = multiprocessing.get_context("spawn")
        self._migrated: SimpleQueue[bool] = context.SimpleQueue()
        self._told = False
        # not multiprocessing.Pool: its workers are daemons, which may not start
        # processes of their own
        self._pool = ProcessPoolExecutor(
            max_workers=1, mp_context=context, initializer=_remember, initargs=(self._migrated,)
        )
        self._loaded: Future[DemoLoaded] = self._pool.submit(_build_then_store, self._folder.name)

    def stored(self) -> DemoLoaded:
        """Tell the build the database is migrated; what it stored, once it has."""
        self._tell(True)
        return self._loaded.result()

    def _tell(self, store: bool) -> None:
        if not self._told:
            self._told = True
            self._migrated.put(store)

    def __enter__(self) -> DemoBuild:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._tell(False)
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._folder.cleanup()


def _remember(migrated: SimpleQueue[bool]) -> None:
    global _migrated
    _migrated = migrated


def _build_then_store(folder: str) -> DemoLoaded:
    django.setup()
    # lazy: in the spawned process, after django.setup(): inspectkit.web.demo loads the
    # models, and the serving process never needs the demo's builders
    from inspectkit.demo import DemoRun, build_demo
    from inspectkit.web.demo import DemoLoaded, demo_needed, store_demo

    run = build_demo(Path(folder), get_host(), outputs=False) if demo_needed() else DemoRun()
    assert _migrated is not None
    if not _migrated.get():
        return DemoLoaded()
    return store_demo(run)
