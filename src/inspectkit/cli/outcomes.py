"""``inspectkit outcomes`` and ``inspectkit synthetic``: counts across workspaces, and a
made-up national set to count.

``outcomes DIR...`` loads each workspace as ``inspectkit check`` loads it and counts them
with :mod:`inspectkit.outcomes` — the counts the web application's outcomes page shows —
to the terminal, or with ``-o`` to a CSV (every count, one row each) or a workbook.
``synthetic OUT`` writes the synthetic national set (:mod:`inspectkit.synthetic`) as
workspace folders, for ``inspectkit import`` or ``outcomes``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from inspectkit.cli.console import console
from inspectkit.cli.tables import emit_rows, format_option
from inspectkit.cli.workspace import workspace_folders
from inspectkit.crosswalk import load_crosswalks
from inspectkit.errors import InputError
from inspectkit.outcomes import Inspected, count_outcomes, line_up
from inspectkit.outcomes.tables import tables, write_csv, write_xlsx
from inspectkit.plugins import get_host
from inspectkit.synthetic import CHILD_PROTECTION_2012_RESULTS, national_set, write_national_set
from inspectkit.workspace import load_workspace

if TYPE_CHECKING:
    from inspectkit.outcomes import Outcomes

SUFFIXES = (".csv", ".xlsx")


@click.command()
@workspace_folders
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every count to FILE: .csv (one row per count) or .xlsx (a sheet per table).",
)
@format_option
def outcomes(directories: tuple[Path, ...], output: Path | None, output_format: str | None) -> None:
    """Count the workspaces DIR... by regime, year, area and grade or finding type,
    limiting judgements fired and deadlines met (counts only, no finding's text)."""
    if output is not None and output.suffix.lower() not in SUFFIXES:
        raise InputError.single(f"{output}: expected a file ending .csv or .xlsx")
    host = get_host()
    inspected, problems = [], []
    for directory in directories:
        try:
            workspace = load_workspace(directory, host)
            plan = workspace.plan()
        except InputError as exc:
            problems += exc.problems
            continue
        regime = workspace.regime.regime
        inspected.append(Inspected(regime=regime, inspection=workspace.inspection, plan=plan))
    if problems:
        raise InputError(problems)
    counted = count_outcomes(inspected, on=date.today())
    if output is None:
        _print(counted, output_format)
        return
    if output.suffix.lower() == ".csv":
        write_csv(counted, output)
    else:
        crosswalks = load_crosswalks(host.regime_models(), plugin_files=host.crosswalk_files())
        write_xlsx(counted, line_up(inspected, crosswalks), output)
    console().print(f"{output}: {counted.total} inspections counted", markup=False)


def _print(counted: Outcomes, output_format: str | None) -> None:
    """The inspections and judgements tables (every table with -o)."""
    for name, header, rows in tables(counted, [])[:2]:
        emit_rows(name, header, rows, output_format=output_format, wide=("Judgement area",))


@click.command()
@click.argument("out", metavar="OUT", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--councils", type=click.IntRange(1, 1000), default=152, show_default=True, help="How many."
)
@click.option("--seed", type=int, default=2012, show_default=True, help="Seed of the draw.")
@click.option(
    "--known-answer/--no-known-answer",
    default=True,
    show_default=True,
    help="Start with the 68 2012 child protection inspections of the published 2012-13 "
    "counts (0 outstanding, 7 good, 38 adequate, 23 inadequate).",
)
def synthetic(out: Path, councils: int, seed: int, known_answer: bool) -> None:
    """Write one SYNTHETIC inspection per made-up council as workspace folders under OUT
    (for testing and measuring: no council, grade or finding in it is real)."""
    known = CHILD_PROTECTION_2012_RESULTS if known_answer else None
    made = national_set(get_host(), councils=councils, known=known, seed=seed)
    folders = write_national_set(out, made)
    console().print(f"{out}: {len(folders)} synthetic workspace folders", markup=False)
