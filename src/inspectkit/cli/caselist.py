"""``inspectkit caselist``: templates, checks and fake lists for councils and tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from inspectkit.cli.console import progress
from inspectkit.words import count


def parse_on(value: str | None) -> date:
    """``--on`` as a date (ISO or DD/MM/YYYY); today when not given."""
    # lazy: keeps inspectkit.caselist.dates (70 ms) off the start-up of `inspectkit sample --help`
    from inspectkit.caselist.dates import parse_date

    if value is None:
        return date.today()
    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date; expected YYYY-MM-DD", param_hint="--on")
    return parsed


@click.group()
def caselist() -> None:
    """Case-list templates, checks and synthetic lists."""


@caselist.command()
@click.option("--regime", "regime_id", required=True, help="Regime id (see `inspectkit regimes`).")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), required=True, help="FILE.csv or FILE.xlsx"
)
def template(regime_id: str, output: Path) -> None:
    """Write an empty case list with the regime's column headings."""
    # lazy: keeps inspectkit.caselist.template (69 ms) off `inspectkit sample --help`
    from inspectkit.caselist.template import write_template

    # lazy: keeps inspectkit.plugins (88 ms) off the start-up of `inspectkit sample --help`
    from inspectkit.plugins import get_host

    regime = get_host().regime(regime_id).regime
    write_template(regime, output)
    click.echo(f"wrote {output}")


@caselist.command()
@click.option("--rows", type=click.IntRange(min=0), required=True, help="Number of cases.")
@click.option("--seed", type=int, required=True, help="Random seed (same seed, same list).")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), required=True, help="FILE.csv or FILE.xlsx"
)
@click.option(
    "--on", "on", default=None, help="Reference date for ages and closures (default today)."
)
def fake(rows: int, seed: int, output: Path, on: str | None) -> None:
    """Write a synthetic case list with real code sets and FAKE-… references."""
    # lazy: keeps inspectkit.caselist.fake (72 ms) off the start-up of `inspectkit sample --help`
    from inspectkit.caselist.fake import write_fake_case_list

    # lazy: keeps inspectkit.plugins (88 ms) off the start-up of `inspectkit sample --help`
    from inspectkit.plugins import get_host

    regimes = get_host().regime_models()
    with progress("Writing cases", total=rows) as advance:
        write_fake_case_list(output, rows, seed, parse_on(on), regimes, advance)
    click.echo(f"wrote {count(rows, 'synthetic case')} to {output}")


@caselist.command()
@click.option("--regime", "regime_id", required=True, help="Regime id (see `inspectkit regimes`).")
@click.option("--lenient", is_flag=True, help="Leave out rows with problems instead of failing.")
@click.option(
    "--on", "on", default=None, help="Inspection date, YYYY-MM-DD: also checks dates of birth."
)
@click.argument("file", type=click.Path(path_type=Path))
def check(regime_id: str, lenient: bool, on: str | None, file: Path) -> None:
    """Check a council's case list against a regime; exit 2 listing every problem."""
    # lazy: keeps inspectkit.caselist (69 ms) off the start-up of `inspectkit sample --help`
    from inspectkit.caselist import read_case_list

    # lazy: keeps inspectkit.plugins (88 ms) off the start-up of `inspectkit sample --help`
    from inspectkit.plugins import get_host

    regime = get_host().regime(regime_id).regime
    day = parse_on(on) if on is not None else None
    cases = read_case_list(file, regime, strict=not lenient, on=day)
    for line in cases.warnings:
        click.echo(f"warning: {line}", err=True)

    left_out = f"; {count(len(cases.excluded_rows), 'row')} left out" if cases.excluded_rows else ""
    click.echo(f"{file}: {count(len(cases), 'case')} usable for {regime.id}{left_out}")
