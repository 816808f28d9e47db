"""``serve --demo``: every installed plugin's example inspections, loaded into the store.

The examples are built exactly as ``inspectkit demo`` builds them (synthetic
council, fake case list, plan, seeded sample, example findings, documents), in
a temporary folder, then imported like any workspace.  An example already in
the store is left as it is, so a restart with ``--demo`` never overwrites what
someone changed.

Building was most of a first start with ``--demo`` (about 2 of 4–6 s on two
cores, most of it the first example: the case-list reader's imports and the
document renderer's forkserver starting), and it touches no database.  So
:func:`start_demo` runs it in a thread, with the renderer's forkserver started
at once in its own process, while ``serve`` migrates the database;
:meth:`DemoLoading.finish` waits for it and imports what was built.  A later
start, with every example stored, builds nothing.  (A build process of its own
was tried and was slower: 5.1–5.5 s, as it imports and loads every plugin
again.)
"""

from __future__ import annotations

import multiprocessing
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen
from django.db import DatabaseError

from inspectkit.errors import InputError
from inspectkit.plugins import get_host

if TYPE_CHECKING:
    from inspectkit.demo import DemoRun

DEMO_ACTOR_NAME = "inspectkit serve --demo"


@frozen
class DemoLoaded:
    added: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def _stored(names: list[str]) -> set[str]:
    """The examples already in the store; none when its tables are not made yet."""
    from inspectkit.web.models import Inspection

    try:
        return set(Inspection.objects.filter(name__in=names).values_list("name", flat=True))
    except DatabaseError:
        return set()


def _start_render_workers() -> None:
    """Start the forkserver the document renders fork from (:mod:`inspectkit.documents.
    bounded`), so its imports (docxtpl, python-docx, Jinja, babel: about half a second)
    run while the first example is set up, not in front of its first render."""
    from inspectkit.documents.bounded import PRELOAD

    if "forkserver" in multiprocessing.get_all_start_methods():
        from multiprocessing import forkserver

        multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
        forkserver.ensure_running()


class DemoLoading:
    """The examples not yet stored, being built in a thread into a temporary folder."""

    def __init__(self) -> None:
        from inspectkit.examples import installed_examples

        host = get_host()  # loaded here, not raced for by the thread
        self.names = [example.name for example in installed_examples(host).examples]
        self.present = _stored(self.names)
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._thread: threading.Thread | None = None
        self._run: DemoRun | None = None
        self._failed: BaseException | None = None
        if self.names and self.present == set(self.names):
            return  # nothing to build
        self._folder = tempfile.TemporaryDirectory(prefix="inspectkit-demo-")
        _start_render_workers()
        self._thread = threading.Thread(
            target=self._build, args=(Path(self._folder.name),), name="inspectkit-demo"
        )
        self._thread.start()

    def _build(self, folder: Path) -> None:
        from inspectkit.demo import build_demo

        try:
            self._run = build_demo(folder, get_host())
        except BaseException as exc:  # raised again by finish(), in the caller's thread
            self._failed = exc

    def finish(self) -> DemoLoaded:
        """Wait for the build and store every example built and not stored meanwhile."""
        from inspectkit.web.store.changes import Actor
        from inspectkit.web.store.folders import import_folder

        try:
            if self._thread is None:
                return DemoLoaded(kept=tuple(sorted(self.present)))
            self._thread.join()
            if self._failed is not None:
                raise self._failed
            assert self._run is not None
            present = _stored(self.names)  # the database is migrated now
            added: list[str] = []
            notes = list(self._run.notes)
            for result in self._run.results:
                if result.name in present:
                    continue
                try:
                    import_folder(result.directory, actor=Actor(name=DEMO_ACTOR_NAME))
                except InputError as exc:
                    notes += [f"example {result.name}: {p}" for p in exc.problems]
                    continue
                added.append(result.name)
            return DemoLoaded(added=tuple(added), kept=tuple(sorted(present)), notes=tuple(notes))
        finally:
            self.close()

    def close(self) -> None:
        """Wait for the build (a thread cannot be stopped) and remove its folder."""
        if self._thread is not None:
            self._thread.join()
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def start_demo() -> DemoLoading:
    """Begin building the examples the store lacks; ``.finish()`` stores them."""
    return DemoLoading()


def load_demo() -> DemoLoaded:
    """Build and store, at once, every example the store lacks."""
    return start_demo().finish()
