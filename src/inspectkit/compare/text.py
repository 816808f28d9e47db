"""The comparison as a rich terminal table and as Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

from inspectkit.bibliography import lines
from inspectkit.compare.model import Cell, Comparison
from inspectkit.compare.timeline import day_label, span_label

if TYPE_CHECKING:
    from rich.console import RenderableType


def render_table(comparison: Comparison) -> RenderableType:
    """A rich table: one row per aspect, one column per regime, every cell with its source.

    Only the short value and source are shown so the differences can be seen at a
    glance; each cell's items (every request, every milestone) are in the other formats.
    """
    title = "Inspection regimes compared"
    if comparison.start is not None:
        title += f", each starting on {span_label(comparison.start, comparison.start)}"
    table = Table(title=title, title_justify="left", show_lines=True, expand=True)
    table.add_column("Aspect", style="bold", min_width=26)
    for heading in comparison.regimes:
        table.add_column(f"{heading.short_title}\n{heading.id} {heading.version}", ratio=3)
    for row in comparison.rows:
        rendered = []
        for cell in row.cells:
            text = Text(cell.text, style="bold")
            if cell.details:
                text.append(
                    f"\n+{len(cell.details)} items (--format html, md or xlsx)", style="dim"
                )
            text.append(f"\nSource: {cell.source}", style="dim italic")
            rendered.append(text)
        table.add_row(row.title, *rendered)

    sources = Text("Sources\n" + "\n".join(lines(comparison.bibliography)), style="dim")
    if not comparison.warnings:
        return Group(table, sources)
    notes = Text("\n".join(f"warning: {w}" for w in comparison.warnings), style="yellow")
    return Group(table, sources, notes)


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return (
        text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", " ")
    )


def _md_cell(cell: Cell) -> str:
    return f"{_md(cell.text)}<br><sub>Source: {_md(cell.source)}</sub>"


def render_markdown(comparison: Comparison) -> str:
    """Markdown: the summary table, then every cell's items, the timeline and the crosswalk."""
    names = [h.short_title for h in comparison.regimes]
    lines = ["# Inspection regimes compared", ""]
    if comparison.start is not None:
        lines += [f"Every regime's day 1 is {span_label(comparison.start, comparison.start)}.", ""]
    lines.append("| Aspect | " + " | ".join(_md(n) for n in names) + " |")
    lines.append("| --- |" + " --- |" * len(names))
    for row in comparison.rows:
        lines.append(
            f"| **{_md(row.title)}** | " + " | ".join(_md_cell(c) for c in row.cells) + " |"
        )
    lines += ["", "## Details", ""]
    for row in comparison.rows:
        if not any(cell.details for cell in row.cells):
            continue
        lines += [f"### {row.title}", ""]
        for heading, cell in zip(comparison.regimes, row.cells, strict=True):
            if not cell.details:
                continue
            lines += [f"**{heading.short_title}** (source: {cell.source})", ""]
            lines += [f"- {_md(item)}" for item in cell.details]
            lines.append("")
    lines += ["## Timeline", ""]
    dated = comparison.start is not None
    header = "| Regime | Milestone | Working days | Deadline |" + (
        " Dates | Due |" if dated else ""
    )
    lines += [header, "| --- | --- | --- | --- |" + (" --- | --- |" if dated else "")]
    for entry in comparison.timeline:
        line = (
            f"| {entry.regime_id} | {_md(entry.title)} | {day_label(entry)} | "
            f"{_md(entry.deadline) or '—'} |"
        )
        if dated:
            span = span_label(entry.first, entry.last) if entry.first and entry.last else "—"
            due = span_label(entry.due, entry.due) if entry.due else "—"
            line += f" {span} | {due} |"
        lines.append(line)
    lines.append("")
    if comparison.links:
        lines += [
            "## Crosswalk",
            "",
            "| Area | Relationship | Area | Source |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {link.left_regime}: {_md(link.left_title)} | {link.relationship} | "
            f"{link.right_regime}: {_md(link.right_title)} | {_md(link.source)} |"
            for link in comparison.links
        ]
        lines.append("")
    if comparison.warnings:
        lines += ["## Warnings", ""] + [f"- {_md(w)}" for w in comparison.warnings] + [""]
    if comparison.bibliography:
        lines += ["## Sources", ""]
        lines += [f"- **{_md(e.key)}**: {_md(e.text)}" for e in comparison.bibliography] + [""]
    return "\n".join(lines)
