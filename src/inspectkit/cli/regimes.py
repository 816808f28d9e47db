"""``inspectkit regimes``: what is installed, what is broken, and one regime in full."""

from __future__ import annotations

import json

import click

from inspectkit.cli.console import console


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the listing as JSON.")
@click.pass_context
def regimes(ctx: click.Context, as_json: bool) -> None:
    """List installed regimes and any broken plugins (with the reason)."""
    if ctx.invoked_subcommand is not None:
        return
    from inspectkit.listing import build_listing
    from inspectkit.plugins import get_host

    listing = build_listing(get_host())
    if as_json:
        click.echo(json.dumps(listing, indent=2))
        return
    from rich.table import Table

    table = Table(title="Installed inspection regimes", title_justify="left")
    for column in ("id", "title", "year", "graded", "distribution"):
        table.add_column(column, overflow="fold")
    for row in listing["regimes"]:
        table.add_row(
            row["id"],
            row["title"],
            str(row["year"]),
            "graded" if row["graded"] else "ungraded findings",
            f"{row['distribution']} {row['distribution_version']}".strip(),
        )
    out = console()
    out.print(table)
    if not listing["regimes"]:
        out.print("No regimes are installed. Install a regime plugin, e.g. plugins/cra_2010.")
    for broken in listing["broken"]:
        source = f"{broken['distribution']} {broken['version']}".rstrip()
        out.print(
            f"[red]broken plugin[/] {broken['entry_point']} ({source}): {broken['reason']}",
            markup=True,
        )


@regimes.command()
@click.argument("regime_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the whole definition as JSON.")
def show(regime_id: str, as_json: bool) -> None:
    """Print the whole definition of regime ID, every item with its source."""
    from inspectkit.plugins import get_host

    registered = get_host().regime(regime_id)
    if as_json:
        from inspectkit.loading import regime_to_data

        click.echo(json.dumps(regime_to_data(registered.regime), indent=2, ensure_ascii=False))
        return
    from inspectkit.describe import describe_regime

    console().print(describe_regime(registered.regime))
