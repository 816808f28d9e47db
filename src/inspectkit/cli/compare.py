"""``inspectkit compare``: installed regimes side by side, every value with its source."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from inspectkit.cli.console import console
from inspectkit.errors import InputError

if TYPE_CHECKING:
    from inspectkit.compare import Comparison

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
    help="table (default on screen), md, html or xlsx; taken from -o's extension if omitted.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE."
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
    from inspectkit.compare import build_comparison
    from inspectkit.crosswalk import load_crosswalks
    from inspectkit.dates import parse_iso_date
    from inspectkit.plugins import get_host

    chosen_format = _chosen_format(output_format, output)
    if chosen_format == "xlsx" and output is None:
        raise InputError.single("--format xlsx needs -o FILE.xlsx")
    if cases is not None and not cases.is_file():
        raise InputError.single(f"--cases: {cases}: no such file")
    host = get_host()
    regimes = [registered.regime for registered in host.select(regime_ids)]
    first_day = parse_iso_date(start, "--start") if start else None
    crosswalks = load_crosswalks(
        regimes, plugin_files=host.crosswalk_files(), user_files=crosswalk_files
    )
    comparison = build_comparison(
        regimes, start=first_day, crosswalks=crosswalks, cases=cases, seed=seed, host=host
    )
    _write(comparison, chosen_format, output)
    if comparison.left_out:  # the others are compared; this run still fails, naming each
        raise InputError(comparison.left_out)


def _write(comparison: Comparison, chosen_format: str, output: Path | None) -> None:
    """The comparison to ``output`` (atomically) or the terminal, in ``chosen_format``."""
    if chosen_format == "xlsx":
        from inspectkit.compare.xlsx import write_xlsx

        assert output is not None
        write_xlsx(comparison, output)
        console().print(f"Wrote {output}")
        return
    if chosen_format in ("md", "html"):
        text = _render_text(comparison, chosen_format)
        if output is None:
            click.echo(text, nl=False)
            return
        from inspectkit.files import write_text_atomic

        write_text_atomic(output, text)
        console().print(f"Wrote {output}")
        return
    from inspectkit.compare.text import render_table

    if output is not None:
        from rich.console import Console

        from inspectkit.files import atomic_path

        with atomic_path(output) as temporary, temporary.open("w", encoding="utf-8") as handle:
            Console(file=handle, width=160, highlight=False).print(render_table(comparison))
        console().print(f"Wrote {output}")
        return
    console().print(render_table(comparison))


# What each output file extension holds; a plain-text table goes to .txt.
SUFFIX_FORMATS = {
    ".txt": "table",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}


def _chosen_format(output_format: str | None, output: Path | None) -> str:
    """The format asked for, checked against -o's extension so a file is what it says."""
    if output is None:
        return output_format or "table"
    implied = SUFFIX_FORMATS.get(output.suffix.lower())
    if implied is None:
        known = ", ".join(SUFFIX_FORMATS)
        raise InputError.single(f"{output}: expected one of these extensions: {known}")
    if output_format is not None and output_format != implied:
        raise InputError.single(
            f"{output}: a {output.suffix} file cannot hold --format {output_format}; "
            f"name it with the extension of that format"
        )
    return implied


def _render_text(comparison: object, chosen_format: str) -> str:
    from inspectkit.compare import Comparison
    from inspectkit.compare.html import render_html
    from inspectkit.compare.text import render_markdown
    from inspectkit.version import __version__

    assert isinstance(comparison, Comparison)
    if chosen_format == "md":
        return render_markdown(comparison)
    return render_html(comparison, generator=f"inspectkit {__version__}")
