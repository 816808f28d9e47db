"""``inspectkit sample``: draw a reproducible case sample by a regime's rules.

The terminal shows counts, shortfalls and warnings only; case references go
only into the output file the inspector asked for.
"""

from __future__ import annotations

from pathlib import Path

import click

from inspectkit.cli.caselist import parse_on
from inspectkit.cli.console import progress
from inspectkit.errors import InputError
from inspectkit.words import count, number


def _subset_sizes(values: tuple[str, ...]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for value in values:
        name, sep, number = value.partition("=")
        if not sep or not name.strip() or not number.strip().isdigit():
            raise click.BadParameter(f"{value!r}: expected ID=N", param_hint="--subset-size")
        sizes[name.strip()] = int(number)
    return sizes


@click.command()
@click.option("--regime", "regime_id", required=True, help="Regime id (see `inspectkit regimes`).")
@click.option(
    "--cases", type=click.Path(path_type=Path), required=True, help="Case list (.csv/.xlsx)."
)
@click.option("--seed", type=int, required=True, help="Random seed, recorded in the sample.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="OUT.csv or OUT.xlsx, or a format a plugin adds",
)
@click.option("--on", "on", default=None, help="Inspection date, YYYY-MM-DD (default today).")
@click.option("--subset-size", "subset_size", multiple=True, help="ID=N: size of a sub-set.")
@click.option("--lenient", is_flag=True, help="Leave out rows with problems instead of failing.")
@click.option("--force", is_flag=True, help="Replace an existing file at the output path.")
def sample(
    regime_id: str,
    cases: Path,
    seed: int,
    output: Path,
    on: str | None,
    subset_size: tuple[str, ...],
    lenient: bool,
    force: bool,
) -> None:
    """Draw a seeded case sample and write it with its record.

    The output (and, for CSV, its JSON record) never replaces the case list, a
    workspace's inspection file, plan or case list, or an existing file unless --force.
    """
    # lazy: keeps inspectkit.caselist (69 ms) off the start-up of `inspectkit sample --help`
    from inspectkit.caselist import read_case_list

    # lazy: keeps inspectkit.plugins (88 ms) off the start-up of `inspectkit sample --help`
    from inspectkit.plugins import get_host

    # lazy: keeps inspectkit.sampling (116 ms) off the start-up of `inspectkit sample --help`
    from inspectkit.sampling import draw_sample, sidecar_path

    # lazy: keeps inspectkit.sampling.targets (119 ms) off `inspectkit sample --help`
    from inspectkit.sampling.targets import refuse_unsafe_target

    host = get_host()
    host.writer("sample", output)  # an extension no writer takes: say so before reading
    refuse_unsafe_target(output, cases, force=force)
    regime = host.regime(regime_id).regime
    sizes = _subset_sizes(subset_size)
    day = parse_on(on)
    with progress(f"Reading and sampling {cases.name}"):
        case_list = read_case_list(cases, regime, strict=not lenient, on=day)
    if not len(case_list):
        why = (
            f"all {len(case_list.excluded_rows)} rows were left out (see the warnings above)"
            if case_list.excluded_rows
            else "it has no rows below the headings"
        )
        for line in case_list.warnings:
            click.echo(f"warning: {line}", err=True)
        raise InputError.single(f"{cases}: no cases to sample from: {why}")
    record = draw_sample(regime, case_list, seed=seed, on=day, subset_sizes=sizes)
    host.write("sample", record, output)

    for line in record.warnings:
        click.echo(f"warning: {line}", err=True)
    phases: dict[str, int] = {}
    for case in record.drawn:
        phases[case.phase_title] = phases.get(case.phase_title, 0) + 1
    click.echo(
        f"drew {count(len(record.drawn), 'case')} from a population of "
        f"{number(record.population_size)} ({regime.id}, seed {seed}, on {record.on.isoformat()})"
    )
    for title, drawn in phases.items():
        click.echo(f"  {number(drawn):>5}  {title}")
    for line in record.shortfalls:
        click.echo(f"shortfall: {line}")
    for survey in record.surveys:
        click.echo(
            f"survey: {survey.title}: {number(survey.count)} eligible (references in the output)"
        )
    extra = f" and {sidecar_path(output)}" if output.suffix.lower() == ".csv" else ""
    click.echo(f"wrote {output}{extra}")
