"""``inspectkit demo``: the main job end to end, for every installed regime."""

from __future__ import annotations

import time
from pathlib import Path

import click

from inspectkit.cli.console import console, warn
from inspectkit.cli.tables import emit_rows
from inspectkit.demo import build_demo
from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.words import count


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
    began = time.perf_counter()
    run = build_demo(out, get_host(), force=force)
    results = run.results
    elapsed = time.perf_counter() - began
    for note in run.notes:
        warn(note)
    rows = []
    for result in results:
        documents = [p.name for p in result.files if p.parent.name == "documents"]
        names = f"{count(len(result.files), 'file')}; documents: " + ", ".join(documents)
        rows.append(
            [
                result.name,
                result.description,
                result.regime_id,
                result.council,
                names,
                result.outcome,
            ]
        )
        for line in result.warnings:
            warn(f"{result.name}: {line}")
    emit_rows(
        f"inspectkit demo: {out}",
        ("workspace", "example", "regime", "council", "files", "what happened"),
        rows,
        ids=("workspace", "regime"),
        wide=("what happened",),
    )
    output = console()
    output.print(
        f"Wrote {count(sum(len(r.files) for r in results), 'file')} for "
        f"{count(len(results), 'example inspection')} in {elapsed:.1f} s. The documents to open:",
        markup=False,
    )
    for result in results:
        for path in result.files:
            if path.parent.name == "documents" and path.suffix in (".docx", ".txt"):
                output.print(f"  {path}", markup=False, soft_wrap=True)
    if run.failures:
        raise InputError(run.failures)
