"""``inspectkit import`` and ``inspectkit export``: workspace folders in and out of the store.

The command line and the web application share one format: ``export`` writes
each stored inspection as the workspace folder ``init`` would have made, and
``import`` reads folders into the store (each in its own transaction, with its
audit entry).  A folder with problems is reported, one line per problem, and
the others are still imported; the exit status is then 2.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.progress import Progress

from inspectkit.cli.console import console, warn
from inspectkit.cli.serve import database_option
from inspectkit.errors import EXIT_INPUT_ERROR, InputError
from inspectkit.web.setup import configure, migrate, require_migrated

if TYPE_CHECKING:
    from inspectkit.web.store.changes import Actor


def _command_line_actor(command: str) -> Actor:
    """Who the audit log says made a change from the command line: the OS account."""
    # lazy: the web application's modules need Django set up first
    from inspectkit.web.store.changes import Actor

    try:
        who = getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (some containers)
        who = "unknown user"
    return Actor(name=f"{who} (inspectkit {command})")


@click.command(name="import")
@click.argument(
    "directories",
    metavar="DIR...",
    nargs=-1,
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
)
@database_option
def import_(directories: tuple[Path, ...], database: str | None) -> None:
    """Store workspace folders DIR... (a folder's name names its inspection).

    Each must load as `inspectkit check` loads it; what check would still
    report is shown as a warning. An inspection already stored under that name
    is updated (and the change logged); the council's case list is never stored.
    """
    configure(database)  # before any model is imported
    migrate()
    # lazy: the web application's modules need Django set up first
    from inspectkit.web.store.folders import import_folder

    actor = _command_line_actor("import")
    out = console()
    problems: list[str] = []
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    with Progress(console=out, transient=True, disable=not out.is_terminal) as progress:
        task = progress.add_task("Importing", total=len(directories))
        for directory in directories:
            try:
                imported = import_folder(directory, actor=actor)
            except InputError as exc:
                problems += exc.problems
            else:
                counts[imported.saved.outcome] += 1
                for note in imported.notes:
                    warn(note)
                out.print(f"{directory}: {imported.saved.outcome}", markup=False)
            progress.advance(task)
    summary = ", ".join(f"{n} {what}" for what, n in counts.items() if n) or "nothing stored"
    failed = len(directories) - sum(counts.values())
    out.print(f"Imported {sum(counts.values())} of {len(directories)} folders: {summary}")
    if problems:
        for line in problems:
            click.echo(f"inspectkit: error: {line}", err=True)
        click.echo(f"inspectkit: error: {failed} folders not imported", err=True)
        raise SystemExit(EXIT_INPUT_ERROR)


@click.command()
@click.argument("names", metavar="[NAME]...", nargs=-1)
@click.option(
    "--to",
    "target",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write each inspection's workspace folder into (TO/NAME).",
)
@database_option
def export(names: tuple[str, ...], target: Path, database: str | None) -> None:
    """Write stored inspections NAME... (all by default) as workspace folders under --to."""
    url = configure(database)  # before any model is imported
    require_migrated(url)
    # lazy: Django's models load only once its apps are set up
    from inspectkit.web.models import CaseListDigests, Inspection

    # lazy: the web application's modules need Django set up first
    from inspectkit.web.store.folders import export_inspection

    records = Inspection.objects.all()
    if names:
        records = records.filter(name__in=names)
        missing = sorted(set(names) - set(records.values_list("name", flat=True)))
        if missing:
            raise InputError([f"{name}: no inspection of that name is stored" for name in missing])
    out = console()
    written = 0
    for record in records.prefetch_related("sample_files"):
        files = export_inspection(record, target)
        written += len(files)
        out.print(f"{target / record.name}: {len(files)} files", markup=False)
        if CaseListDigests.objects.filter(inspection=record).exists():
            out.print(f"{target / record.name}: {DIGESTS_NOT_EXPORTED}", markup=False)
    out.print(f"Exported {len(records)} inspections ({written} files) to {target}", markup=False)


DIGESTS_NOT_EXPORTED = (
    "the case list's keyed digests are not exported (docs/privacy.md); to check documents "
    "against every child on the list, put the council's file in the folder as caselist.csv"
)

__all__ = ["export", "import_"]
