"""``inspectkit init``, ``check`` and ``report``: a workspace from start to documents."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from inspectkit.cli.console import console, warn
from inspectkit.cli.tables import emit_rows
from inspectkit.dates import parse_iso_date
from inspectkit.errors import EXIT_INPUT_ERROR, InputError
from inspectkit.words import count, number

if TYPE_CHECKING:
    from inspectkit.workspace import Workspace


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--regime", "regime_id", required=True, help="Regime id (see `inspectkit regimes`).")
@click.option(
    "--council", required=True, help="The council's name, as the documents should show it."
)
@click.option("--start", required=True, help="Day 1 of the inspection: YYYY-MM-DD or DD/MM/YYYY.")
@click.option("--force", is_flag=True, help="Replace an existing inspection.toml and plan.json.")
def init(directory: Path, regime_id: str, council: str, start: str, force: bool) -> None:
    """Create workspace DIR: a starter inspection.toml, plan.json and templates/."""
    # lazy: keeps inspectkit.plugins (91 ms) off the start-up of `inspectkit check --help`
    from inspectkit.plugins import get_host

    # lazy: keeps inspectkit.workspace.init (162 ms) off the start-up of `inspectkit check --help`
    from inspectkit.workspace.init import init_workspace

    day = parse_iso_date(start, "--start")
    host = get_host()
    registered = host.regime(regime_id)
    result = init_workspace(directory, registered.regime, council, day, force=force, host=host)
    for line in result.warnings:
        warn(line)
    out = console()
    for path in result.written:
        out.print(f"wrote {path}")
    out.print(
        f"Next: record findings in {result.written[0]}, then `inspectkit check {directory}` "
        f"and `inspectkit report {directory}`."
    )


# `check` and `report` both take one or more workspace folders.
workspace_folders = click.argument(
    "directories",
    metavar="DIR...",
    nargs=-1,
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
)


@click.command()
@workspace_folders
def check(directories: tuple[Path, ...]) -> None:
    """Check workspaces for everything `report` needs: a full dry run of `report`.

    The file against its regime, its limiting judgements, the plan (saved or
    planned from the start date), and every document rendered and checked in
    memory (nothing is written), against the sample and case list.  Advisory
    rules ("likely", "unlikely") that the grades contradict are warnings; a
    broken hard limit, or anything `report` would refuse, is an error.  Every
    workspace is checked; the exit status is 2 if any has a problem.
    """
    # lazy: keeps inspectkit.documents.build (121 ms) off the start-up of `inspectkit check --help`
    from inspectkit.documents.build import render_in_memory

    # lazy: keeps inspectkit.documents.prepare (123 ms) off `inspectkit check --help`
    from inspectkit.documents.prepare import prepare_workspace

    # lazy: keeps inspectkit.plugins (91 ms) off the start-up of `inspectkit check --help`
    from inspectkit.plugins import get_host

    # lazy: keeps inspectkit.workspace (104 ms) off the start-up of `inspectkit check --help`
    from inspectkit.workspace import load_workspace

    out = console()
    problems: list[str] = []
    failed = 0
    for directory in directories:
        try:
            workspace = load_workspace(directory, get_host())
            _print_limiting_table(workspace)
            prepared = prepare_workspace(workspace)
            render_in_memory(prepared)
        except InputError as exc:
            failed += 1
            problems += in_workspace(str(directory), exc.problems)
            continue
        for line in in_workspace(str(directory), prepared.notices):
            warn(line)
    ready = len(directories) - failed
    out.print(
        f"{number(ready)} of {count(len(directories), 'workspace')} ready for `inspectkit report`"
        + (f"; {number(failed)} with problems" if failed else "")
    )
    if problems:
        raise InputError(problems)


def _print_limiting_table(workspace: Workspace) -> None:
    """The workspace's header line and how each of its regime's limiting rules came out."""
    # lazy: keeps rich (15 ms) off the start-up of `inspectkit check --help`
    from rich.markup import escape

    # lazy: keeps inspectkit.judgements (84 ms) off the start-up of `inspectkit check --help`
    from inspectkit.judgements import apply_limiting_rules

    out = console()
    regime = workspace.regime.regime
    outcomes = apply_limiting_rules(regime, workspace.inspection)
    recorded = len(workspace.inspection.findings)
    noun = "grade" if regime.graded else "finding"
    council = escape(workspace.inspection.council)
    name = escape(str(workspace.directory))
    out.print(f"[bold]{name}[/]: {regime.id}, {council}: {count(recorded, noun)}")
    if not outcomes:
        out.print(f"  {regime.id} has no limiting rules.")
        return

    rows = [[o.rule.id, o.rule.strength, o.status.replace("_", " "), o.message] for o in outcomes]
    emit_rows(
        "Limiting judgements",
        ("rule", "strength", "outcome", "detail"),
        rows,
        ids=("rule",),
        wide=("detail",),
    )


def _render_one(directory: str, pdf: bool) -> tuple[str, list[str], list[str], list[str]]:
    """Worker: (directory, written, warnings, problems).

    It never raises, so one failing workspace is reported and the rest carry on.
    """
    # lazy: keeps inspectkit.documents (156 ms) off the start-up of `inspectkit check --help`
    from inspectkit.documents import render_workspace

    # lazy: keeps inspectkit.plugins (91 ms) off the start-up of `inspectkit check --help`
    from inspectkit.plugins import get_host

    # lazy: keeps inspectkit.workspace (104 ms) off the start-up of `inspectkit check --help`
    from inspectkit.workspace import load_workspace

    try:
        result = render_workspace(load_workspace(Path(directory), get_host()), pdf=pdf)
    except InputError as exc:
        return directory, [], [], in_workspace(directory, exc.problems)
    except Exception as exc:  # report it against the workspace and let the others finish
        return directory, [], [], [f"{directory}: internal error: {type(exc).__name__}: {exc}"]
    warnings = in_workspace(directory, result.warnings)
    return directory, [str(p) for p in result.documents], warnings, []


def in_workspace(directory: str, lines: Iterable[str]) -> list[str]:
    """Each line naming its workspace once: most already start with a path inside it
    ("ws/inspection.toml: ..."), or with the folder itself ("ws: not a workspace folder")."""
    own = (f"{directory}:", f"{directory}/", f"{directory}{os.sep}")
    return [line if line.startswith(own) else f"{directory}: {line}" for line in lines]


@click.command()
@workspace_folders
@click.option("--pdf", is_flag=True, help="Also convert each document to PDF (needs LibreOffice).")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Workspaces rendered at once (default: number of CPUs).",
)
def report(directories: tuple[Path, ...], pdf: bool, jobs: int | None) -> None:
    """Render every document of each workspace DIR into DIR/documents.

    A workspace that fails is reported by name and the others carry on; the exit
    status is 2 if any failed.
    """
    # lazy: keeps concurrent (4 ms) off the start-up of `inspectkit check --help`
    from concurrent.futures import ThreadPoolExecutor, as_completed

    # lazy: keeps rich (31 ms) off the start-up of `inspectkit check --help`
    from rich.progress import Progress

    if pdf:
        # lazy: keeps inspectkit.documents.pdf (125 ms) off `inspectkit check --help`
        from inspectkit.documents.pdf import find_soffice, missing_message

        if find_soffice() is None:
            raise InputError.single(missing_message())
    names = [str(d) for d in directories]
    workers = min(jobs or os.cpu_count() or 1, len(names))
    results: list[tuple[str, list[str], list[str], list[str]]] = []
    out = console()
    quiet = not out.is_terminal  # off a terminal, a progress bar only leaves a blank line
    # Threads are enough: each document renders in its own worker process
    # (inspectkit.documents.bounded), so that is where the cores are used.
    with (
        ThreadPoolExecutor(max_workers=workers) as pool,
        Progress(console=out, transient=True, disable=quiet) as progress,
    ):
        task = progress.add_task("Rendering", total=len(names))
        futures = [pool.submit(_render_one, name, pdf) for name in names]
        for future in as_completed(futures):
            results.append(future.result())
            progress.advance(task)
    _print_results(sorted(results), len(names))


def _print_results(results: list[tuple[str, list[str], list[str], list[str]]], total: int) -> None:
    out = console()
    failed = 0
    for directory, written, warnings, problems in results:
        for line in warnings:
            warn(line)
        if problems:
            failed += 1
            for line in problems:
                click.echo(f"inspectkit: error: {line}", err=True)
        elif total <= 20:
            out.print(f"{directory}: {count(len(written), 'document')}")
    ok = total - failed
    out.print(
        f"Rendered {number(ok)} of {count(total, 'workspace')}"
        + (f"; {number(failed)} failed" if failed else "")
    )
    if failed:
        raise SystemExit(EXIT_INPUT_ERROR)


__all__: list[Any] = ["check", "init", "report"]
