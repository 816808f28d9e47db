"""``inspectkit readiness`` and ``inspectkit action-plan``: the council's side of an inspection."""

from __future__ import annotations

from pathlib import Path

import click

from inspectkit.cli.console import console, warn
from inspectkit.cli.tables import emit_rows, format_option
from inspectkit.dates import parse_iso_date
from inspectkit.words import count


@click.command()
@click.option(
    "--regime", "regime_id", required=True, metavar="ID", help="The regime to prepare for."
)
@click.option(
    "--start",
    metavar="DATE",
    help="Day 1 of the inspection (YYYY-MM-DD or DD/MM/YYYY): dates every item.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write FILE.xlsx or FILE.docx (or a format a plugin adds) instead of printing a table.",
)
@format_option
def readiness(
    regime_id: str, start: str | None, output: Path | None, output_format: str | None
) -> None:
    """Everything regime ID asks of a council, with owner, due date and status columns.

    Documents, management information, meetings and focus groups, case lists and
    case files, and surveys; items Ofsted already holds are listed as needing no
    action.  Where a source shows who owned an item (slac_2009: a council's
    briefing), it is offered as the suggested owner, cited; owner and status are
    left blank for the council to fill in.
    """
    # lazy: keeps inspectkit.plugins (78 ms) off the start-up of `inspectkit readiness --help`
    from inspectkit.plugins import get_host

    # lazy: keeps inspectkit.readiness (62 ms) off the start-up of `inspectkit readiness --help`
    from inspectkit.readiness import build_readiness, readiness_tables

    host = get_host()
    if output is not None:
        host.writer("readiness", output)  # an extension no writer takes: say so first
    regime = host.regime(regime_id).regime
    plan = None
    if start:
        # lazy: keeps inspectkit.timeline (48 ms) off the start-up of `inspectkit readiness --help`
        from inspectkit.timeline import plan_inspection

        plan = plan_inspection(regime, parse_iso_date(start, "--start"), host=host)
    pack = build_readiness(regime, plan)
    for line in pack.warnings:
        warn(line)
    if output is not None:
        host.write("readiness", readiness_tables(pack), output)

        console().print(f"Wrote {output} ({count(len(pack.items), 'item')} to prepare)")
        return
    # lazy: keeps inspectkit.readiness (62 ms) off the start-up of `inspectkit readiness --help`
    from inspectkit.readiness import CHECKLIST_COLUMNS, checklist_rows

    emit_rows(
        f"Readiness checklist: {pack.regime_title}",
        CHECKLIST_COLUMNS,
        [
            [v.isoformat() if hasattr(v, "isoformat") else v for v in row]
            for row in checklist_rows(pack)
        ],
        output_format=output_format,
        ids=("Due date",),
        wide=("Item",),
    )
    # lazy: keeps inspectkit.bibliography (62 ms) off the start-up of `inspectkit readiness --help`
    from inspectkit.bibliography import lines

    console().print("Sources\n" + "\n".join(lines(pack.sources)), markup=False)


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write FILE.xlsx, FILE.docx or FILE.csv (or a format a plugin adds) instead of "
    "printing a table.",
)
@format_option
def action_plan(directory: Path, output: Path | None, output_format: str | None) -> None:
    """A post-inspection action plan from the findings recorded in workspace DIRECTORY.

    One row per area for development, priority action and recommendation, with
    owner, actions, due date, progress and evidence columns for the council to fill in.
    Like every document, it is refused if a finding carries a child's case
    reference or date of birth from the workspace's sample or case list.
    """
    # lazy: keeps inspectkit.action_plan (70 ms) off the start-up of `inspectkit readiness --help`
    from inspectkit.action_plan import ACTION_COLUMNS, action_plan_tables, checked_action_rows

    # lazy: keeps inspectkit.plugins (78 ms) off the start-up of `inspectkit readiness --help`
    from inspectkit.plugins import get_host

    # lazy: keeps inspectkit.workspace (147 ms) off the start-up of `inspectkit readiness --help`
    from inspectkit.workspace import load_workspace

    host = get_host()
    if output is not None:
        host.writer("action_plan", output)  # an extension no writer takes: say so first
    workspace = load_workspace(directory, host)
    regime = workspace.regime.regime
    rows = checked_action_rows(workspace)
    if output is not None:
        council = workspace.inspection.council
        host.write("action_plan", action_plan_tables(rows, council=council, regime=regime), output)

        console().print(f"Wrote {output} ({count(len(rows), 'row')})")
        return

    emit_rows(
        f"Action plan: {workspace.inspection.council}",
        ACTION_COLUMNS,
        [row.cells() for row in rows],
        output_format=output_format,
        wide=("Finding",),
    )
    if not rows:
        console().print("No areas for development, priority actions or recommendations recorded.")
