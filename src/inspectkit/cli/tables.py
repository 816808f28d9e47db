"""Tables for people and for pipes.

In a terminal a table is drawn by rich: ids never wrap (``no_wrap``), and other text
wraps at word boundaries.  Anywhere else — a pipe, a file, CI — a drawn table would
wrap and cut ids across lines (``inspectkit regimes | grep child_protection_2012``
would find nothing), so the same rows are printed as tab-separated lines, a header
first; ``--format tsv`` or ``json`` asks for those explicitly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import click

from inspectkit.cli.console import console

FORMATS = ("table", "tsv", "json")

format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="table (the default in a terminal), tsv (the default in a pipe or file) or json.",
)


def chosen_format(requested: str | None) -> str:
    """``requested``, else table in a terminal and tsv anywhere else."""
    if requested:
        return requested
    return "table" if console().is_terminal else "tsv"


def tsv_cell(value: object) -> str:
    """One cell on one line: tabs and line breaks become spaces."""
    return " ".join(str("" if value is None else value).split())


def emit_rows(
    title: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    output_format: str | None = None,
    ids: Sequence[str] = (),
    wide: Sequence[str] = (),
) -> None:
    """Print ``rows`` under ``columns``: a rich table, TSV or JSON (see the module).

    ``ids`` name columns that must never wrap; ``wide`` those given most of the width.
    """
    chosen = chosen_format(output_format)
    if chosen == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        click.echo(json.dumps(records, indent=2, ensure_ascii=False, default=str))
        return
    if chosen == "tsv":
        click.echo("\t".join(columns))
        for row in rows:
            click.echo("\t".join(tsv_cell(v) for v in row))
        return
    # lazy: keeps rich.table (6 ms) off the start-up of `inspectkit regimes`
    from rich.table import Table

    texts = [["" if v is None else str(v) for v in row] for row in rows]
    minimum: list[int] = []
    for index, column in enumerate(columns):
        cells = [row[index] for row in texts]
        if column in ids:  # never wrapped, never cut
            minimum.append(max([len(column), *(len(c) for c in cells)]))
        else:  # wide enough for its longest word, so text folds between words only
            minimum.append(max([len(column), *(len(w) for c in cells for w in c.split())]))
    out = console()
    spare = out.width - (3 * len(columns) + 1) - sum(minimum)
    if spare < 0:
        _records(title, columns, texts)
        return
    # every column its minimum; what is left shared by how much text a column holds
    # (ids need no more), so no column is narrower than its longest word
    natural = [
        max(len(column), *(len(row[i]) for row in texts)) for i, column in enumerate(columns)
    ]
    want = [0 if c in ids else max(n - m, 0) * (3 if c in wide else 1)
            for c, n, m in zip(columns, natural, minimum, strict=True)]  # fmt: skip
    total = sum(want) or 1
    widths = [
        m + min(n - m, spare * w // total) for m, n, w in zip(minimum, natural, want, strict=True)
    ]
    table = Table(title=title, title_justify="left", show_lines=True)
    for column, width in zip(columns, widths, strict=True):
        table.add_column(column, no_wrap=column in ids, overflow="fold", width=width)
    for row in texts:
        table.add_row(*row)
    out.print(table, markup=False)


def _records(title: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Too narrow for the table: each row as a block, its first column (the id) on a line of
    its own and every other value indented under its name, folded between words."""
    # lazy: keeps rich (12 ms) off the start-up of `inspectkit readiness --help`
    from rich.padding import Padding

    # lazy: keeps rich (14 ms) off the start-up of `inspectkit readiness --help`
    from rich.text import Text

    out = console()
    out.print(Text(title, style="bold"))
    for row in rows:
        out.print(Text(row[0], style="bold"), no_wrap=True, crop=False, soft_wrap=True)
        for column, value in zip(columns[1:], row[1:], strict=True):
            if value:
                out.print(Padding(Text(f"{column}: {value}"), (0, 0, 0, 2)))
