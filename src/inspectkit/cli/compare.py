"""``inspectkit compare``: installed regimes side by side, every value with its source."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from inspectkit.cli.console import console
from inspectkit.compare import build_comparison
from inspectkit.compare.text import render_markdown, render_table
from inspectkit.crosswalk import load_crosswalks
from inspectkit.dates import parse_iso_date
from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.version import __version__

if TYPE_CHECKING:
    from inspectkit.compare import Comparison
    from inspectkit.plugins import PluginHost

FORMATS = ("table", "md", "html", "xlsx")


@click.command()
@click.argument("regime_ids", nargs=-1, metavar="[ID]...")
@click.option(
    "--start",
    metavar="DATE",
    help="Date every regime's day 1 on this day (YYYY-MM-DD or DD/MM/YYYY).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="table (default on screen), md or html; with -o, taken from FILE's extension.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE, in the format its extension names: .txt, .md, .html, .xlsx or any "
    "a plugin adds.",
)
@click.option(
    "--cases",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A case list (CSV or XLSX): show how many cases of which kinds each regime samples.",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Seed for --cases.")
@click.option(
    "--crosswalk",
    "crosswalk_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A crosswalk TOML file to add to those installed plugins provide (repeatable).",
)
def compare(
    regime_ids: tuple[str, ...],
    start: str | None,
    output_format: str | None,
    output: Path | None,
    cases: Path | None,
    seed: int,
    crosswalk_files: tuple[Path, ...],
) -> None:
    """Compare regimes ID... (all installed regimes by default) side by side.

    Rows: legal basis, notice, team, days on site, grading, judgement areas,
    limiting rules, sampling, information requested, timeline, report and
    crosswalk links.  Every value names its source; "not specified" means the
    source is silent.
    """
    host = get_host()
    _check_output(host, output_format, output)
    if cases is not None and not cases.is_file():
        raise InputError.single(f"--cases: {cases}: no such file")
    regimes = [registered.regime for registered in host.select(regime_ids)]
    first_day = parse_iso_date(start, "--start") if start else None
    crosswalks = load_crosswalks(
        regimes, plugin_files=host.crosswalk_files(), user_files=crosswalk_files
    )
    comparison = build_comparison(
        regimes, start=first_day, crosswalks=crosswalks, cases=cases, seed=seed, host=host
    )
    if output is not None:
        host.write("compare", comparison, output)
        console().print(f"Wrote {output}")
    else:
        _show(comparison, output_format or "table")
    if comparison.left_out:  # the others are compared; this run still fails, naming each
        raise InputError(comparison.left_out)


# The suffixes each --format's file may have, so -o FILE is what --format says.
FORMAT_SUFFIXES = {
    "table": (".txt",),
    "md": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "xlsx": (".xlsx",),
}


def _check_output(host: PluginHost, output_format: str | None, output: Path | None) -> None:
    """Refuse an -o no writer takes, or one whose extension contradicts --format."""
    if output is None:
        if output_format == "xlsx":
            raise InputError.single("--format xlsx needs -o FILE.xlsx")
        return
    host.writer("compare", output)
    if output_format is not None and output.suffix.lower() not in FORMAT_SUFFIXES[output_format]:
        raise InputError.single(
            f"{output}: a {output.suffix} file cannot hold --format {output_format}; "
            f"name it with the extension of that format"
        )


def _show(comparison: Comparison, chosen_format: str) -> None:
    """The comparison on the terminal: a table, or Markdown or HTML text to pipe."""
    if chosen_format == "table":
        console().print(render_table(comparison))
        return
    if chosen_format == "md":
        click.echo(render_markdown(comparison), nl=False)
        return
    # lazy: keeps inspectkit.compare.html (5 ms) off the start-up of `inspectkit compare`
    from inspectkit.compare.html import render_html

    click.echo(render_html(comparison, generator=f"inspectkit {__version__}"), nl=False)
