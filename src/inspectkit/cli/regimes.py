"""``inspectkit regimes``: what is installed, what is broken, and one regime in full."""

from __future__ import annotations

import json

import click
from rich.markup import escape

from inspectkit.cli.console import console
from inspectkit.cli.tables import chosen_format, emit_rows, format_option
from inspectkit.listing import build_listing
from inspectkit.loading import regime_to_data
from inspectkit.plugins import get_host


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the listing as JSON.")
@format_option
@click.pass_context
def regimes(ctx: click.Context, as_json: bool, output_format: str | None) -> None:
    """List installed regimes and any broken plugins (with the reason).

    In a terminal the listing is a table; piped or redirected it is one tab-separated
    line per regime (so `inspectkit regimes | grep cra_2010` finds it).
    """
    if ctx.invoked_subcommand is not None:
        return

    listing = build_listing(get_host())
    if as_json:
        click.echo(json.dumps(listing, indent=2))
        return

    rows = [
        [
            row["id"],
            row["title"],
            row["year"],
            "graded" if row["graded"] else "ungraded findings",
            f"{row['distribution']} {row['distribution_version']}".strip(),
        ]
        for row in listing["regimes"]
    ]
    emit_rows(
        "Installed inspection regimes",
        ("id", "title", "year", "graded", "distribution"),
        rows,
        output_format=output_format,
        ids=("id", "year"),
        wide=("title",),
    )
    if chosen_format(output_format) == "json":
        return
    out = console()
    if not listing["regimes"]:
        out.print("No regimes are installed. Install a regime plugin, e.g. plugins/cra_2010.")
    for broken in listing["broken"]:
        source = f"{broken['distribution']} {broken['version']}".rstrip()
        out.print(
            f"[red]broken plugin[/] {escape(broken['entry_point'])} ({escape(source)}): "
            f"{escape(broken['reason'])}",
            markup=True,
        )


@regimes.command()
@click.argument("regime_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the whole definition as JSON.")
def show(regime_id: str, as_json: bool) -> None:
    """Print the whole definition of regime ID, every item with its source."""
    registered = get_host().regime(regime_id)
    if as_json:
        click.echo(json.dumps(regime_to_data(registered.regime), indent=2, ensure_ascii=False))
        return
    # lazy: keeps inspectkit.describe (7 ms) off the start-up of `inspectkit regimes`
    from inspectkit.describe import describe_regime

    console().print(describe_regime(registered.regime))
