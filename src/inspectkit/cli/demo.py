"""``inspectkit demo``: the main job end to end, for every installed regime."""

from __future__ import annotations

import time
from pathlib import Path

import click

from inspectkit.cli.console import console, warn


@click.command()
@click.argument(
    "out",
    metavar="[OUT]",
    required=False,
    default="inspectkit-demo",
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option(
    "--force",
    is_flag=True,
    help="Write over files in OUT the demo did not write as they are (your edits).",
)
def demo(out: Path, force: bool) -> None:
    """Build each regime's example inspections under OUT (default ./inspectkit-demo).

    Each gets a synthetic council, a fake case list, the plan, the sample,
    example findings or grades, and every document.  The councils are invented
    and the findings illustrative; each regime's plugin ships its own examples,
    and a regime without one is skipped with a note.  A folder holding files the
    demo did not write (or has changed since) is refused, naming each, unless
    --force.
    """
    from rich.markup import escape
    from rich.table import Table

    from inspectkit.workspace.demo import build_demo

    began = time.perf_counter()
    run = build_demo(out, force=force)
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
        f"inspections in {elapsed:.1f} s. The documents to open:",
        markup=False,
    )
    for result in results:
        for path in result.files:
            if path.parent.name == "documents" and path.suffix in (".docx", ".txt"):
                output.print(f"  {path}", markup=False, soft_wrap=True)
