"""``serve --demo`` on POSIX: the demo built in a spawned process, not the one that forks.

The demo reads case lists with polars, whose thread pool does not survive a fork: built
in the process that then forks gunicorn's workers, every worker would hang at its first
case-list upload.  A spawned process starts clean, with the same environment (and so
the same settings and database); this module imports nothing of Django's at its top, so
the spawned process can import it before Django is set up.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspectkit.web.demo import DemoLoaded


def load_demo_apart() -> DemoLoaded:
    """:func:`inspectkit.web.demo.load_demo`, run in a freshly spawned process."""
    # not multiprocessing.Pool: its workers are daemons, and the demo starts processes of
    # its own (documents are rendered in a process pool)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        loaded: DemoLoaded = pool.submit(_set_up_and_load).result()
    return loaded


def _set_up_and_load() -> DemoLoaded:
    import django

    django.setup()
    from inspectkit.web.demo import load_demo

    return load_demo()
