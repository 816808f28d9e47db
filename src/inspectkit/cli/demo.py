"""``inspectkit demo``: the main job end to end, for every installed regime."""

from __future__ import annotations

import time
from pathlib import Path

import click

from inspectkit.cli.console import console, warn
from inspectkit.errors import InputError


@click.command()
@click.argument(
    "out",
    metavar="[OUT]",
    required=False,
    default="inspectkit-demo",
    type=click.Path(file_okay=False, path_type=Path),
)
def demo(out: Path) -> None:
    """Build each regime's example inspections under OUT (default ./inspectkit-demo).

    Each gets a synthetic council, a fake case list, the plan, the sample,
    example findings or grades, and every document.  The councils are invented
    and the findings illustrative; each regime's plugin ships its own examples,
    and a regime without one is skipped with a note.
    """
    from rich.markup import escape
    from rich.table import Table

    from inspectkit.workspace.demo import build_demo

    began = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    run = build_demo(out)
    results = run.results
    elapsed = time.perf_counter() - began
    for note in run.notes:
        warn(note)
    table = Table(title=f"inspectkit demo: {out}", title_justify="left")
    for column in ("workspace", "regime", "council", "files", "outcome"):
        table.add_column(column, overflow="fold")
    for result in results:
        documents = [p.name for p in result.files if p.parent.name == "documents"]
        names = f"{len(result.files)} files; documents: " + ", ".join(documents)
        table.add_row(
            f"{result.name}\n[dim]{escape(result.description)}[/]",
            result.regime_id,
            escape(result.council),
            names,
            result.outcome,
        )
        for line in result.warnings:
            warn(f"{result.name}: {line}")
    output = console()
    output.print(table, markup=True)
    output.print(
        f"Wrote {sum(len(r.files) for r in results)} files for {len(results)} example "
        f"inspections in {elapsed:.1f} s. Open {out}/<workspace>/documents/ to read them."
    )
    if run.failures:
        raise InputError(run.failures)
