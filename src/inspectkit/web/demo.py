"""``serve --demo``: every installed plugin's example inspections, loaded into the store.

The examples are built exactly as ``inspectkit demo`` builds them (synthetic
council, fake case list, plan, seeded sample, example findings), in a
temporary folder, then imported like any workspace.  An example already in the
store is left as it is, so a restart with ``--demo`` never overwrites what
someone changed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from attrs import frozen

from inspectkit.errors import InputError
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


def load_demo() -> DemoLoaded:
    from inspectkit.demo import build_demo
    from inspectkit.examples import installed_examples

    names = [example.name for example in installed_examples(get_host()).examples]
    present = set(Inspection.objects.filter(name__in=names).values_list("name", flat=True))
    if names and present == set(names):
        return DemoLoaded(kept=tuple(sorted(present)))
    added: list[str] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="inspectkit-demo-") as folder:
        run = build_demo(Path(folder), get_host())
        notes += run.notes
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
