"""``serve --demo``: every installed plugin's example inspections, loaded into the store.

The examples are built as ``inspectkit demo`` builds them (synthetic council,
fake case list, plan, seeded sample, example findings), in a temporary folder,
then imported like any workspace; their documents are not rendered, since the
store keeps none (each download renders and checks them afresh).  An example
already in the store is left as it is, so a restart with ``--demo`` never
overwrites what someone changed, and a store that has every example skips the
build altogether.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from attrs import frozen
from django.db import DatabaseError

from inspectkit.demo import DemoRun, build_demo
from inspectkit.errors import InputError
from inspectkit.examples import installed_examples
from inspectkit.plugins import get_host
from inspectkit.web.models import Inspection
from inspectkit.web.store.changes import Actor
from inspectkit.web.store.folders import import_folder

DEMO_ACTOR = Actor(name="inspectkit serve --demo")


@frozen
class DemoLoaded:
    added: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def stored_examples() -> tuple[set[str], set[str]]:
    """(every installed example's name, those already in the store).

    Asked before migrating, so that the build can start at once: a database with no
    tables yet (a first start) has no example in it.
    """
    names = {example.name for example in installed_examples(get_host()).examples}
    try:
        present = set(Inspection.objects.filter(name__in=names).values_list("name", flat=True))
    except DatabaseError:  # not migrated yet
        present = set()
    return names, present


def demo_needed() -> bool:
    names, present = stored_examples()
    return not names or present != names


def load_demo() -> DemoLoaded:
    """Build the examples missing from the store, in this process, and store them."""
    if not demo_needed():
        return store_demo(DemoRun())
    with tempfile.TemporaryDirectory(prefix="inspectkit-demo-") as folder:
        return store_demo(build_demo(Path(folder), get_host(), outputs=False))


def store_demo(run: DemoRun) -> DemoLoaded:
    """Import each example ``run`` built that the store does not hold yet (one
    transaction each, as ``inspectkit import``)."""
    _names, present = stored_examples()
    added: list[str] = []
    notes = list(run.notes) + list(run.failures)
    for result in run.results:
        if result.name in present:
            continue
        try:
            import_folder(result.directory, actor=DEMO_ACTOR)
        except InputError as exc:
            notes += [f"example {result.name}: {p}" for p in exc.problems]
            continue
        added.append(result.name)
    return DemoLoaded(added=tuple(added), kept=tuple(sorted(present)), notes=tuple(notes))
