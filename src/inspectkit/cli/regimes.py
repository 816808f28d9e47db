"""``inspectkit regimes``: what is installed, what is broken, and one regime in full."""

from __future__ import annotations

import json

import click

from inspectkit.cli.console import console
from inspectkit.plugins import get_host


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the listing as JSON.")
@click.pass_context
def regimes(ctx: click.Context, as_json: bool) -> None:
    """List installed regimes and any broken plugins (with the reason)."""
    if ctx.invoked_subcommand is not None:
        return
    host = get_host()
    if as_json:
        listing = {
            "regimes": [
                {
                    "id": r.regime.id,
                    "title": r.regime.title,
                    "year": r.regime.year,
                    "graded": r.regime.graded,
                    "version": r.regime.version,
                    "distribution": r.plugin.distribution,
                    "distribution_version": r.plugin.version,
                }
                for r in host.sorted_regimes()
            ],
            "broken": [
                {
                    "entry_point": b.plugin.name,
                    "distribution": b.plugin.distribution,
                    "version": b.plugin.version,
                    "reason": b.reason,
                }
                for b in host.broken
            ],
        }
        click.echo(json.dumps(listing, indent=2))
        return
    from rich.table import Table

    table = Table(title="Installed inspection regimes", title_justify="left")
    for column in ("id", "title", "year", "graded", "distribution"):
        table.add_column(column, overflow="fold")
    for registered in host.sorted_regimes():
        regime, plugin = registered.regime, registered.plugin
        table.add_row(
            regime.id,
            regime.title,
            str(regime.year),
            "graded" if regime.graded else "ungraded findings",
            f"{plugin.distribution} {plugin.version}".strip(),
        )
    out = console()
    out.print(table)
    if not host.regimes:
        out.print("No regimes are installed. Install a regime plugin, e.g. plugins/cra_2010.")
    for broken in host.broken:
        plugin = broken.plugin
        out.print(
            f"[red]broken plugin[/] {plugin.name} ({plugin.distribution} {plugin.version}".rstrip()
            + f"): {broken.reason}",
            markup=True,
        )


@regimes.command()
@click.argument("regime_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the whole definition as JSON.")
def show(regime_id: str, as_json: bool) -> None:
    """Print the whole definition of regime ID, every item with its source."""
    registered = get_host().regime(regime_id)
    if as_json:
        from inspectkit.loading import regime_to_data

        click.echo(json.dumps(regime_to_data(registered.regime), indent=2, ensure_ascii=False))
        return
    from inspectkit.describe import describe_regime

    console().print(describe_regime(registered.regime))
