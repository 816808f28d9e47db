"""``inspectkit plan``: every milestone of an inspection as a real date.

All problems with the command line (a bad date, an unknown locale or regime, an
unreadable closures file) are collected and reported together, one line each,
before anything is planned or written.  Heavy libraries (holidays, babel,
icalendar) are imported only once the command runs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from inspectkit.bibliography import lines
from inspectkit.calendar import REGIONS, WorkingCalendar, check_year
from inspectkit.cli.console import console, error_console, warn
from inspectkit.cli.tables import chosen_format, emit_rows, format_option
from inspectkit.dates import DEFAULT_LOCALE, check_locale, format_day, parse_iso_date
from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.plan_export import PlanExport
from inspectkit.plan_record import plan_to_data
from inspectkit.plugins import get_host
from inspectkit.timeline import plan_inspection

if TYPE_CHECKING:
    from inspectkit.timeline import Plan

T = TypeVar("T")

_OUTPUT_FILE = click.Path(dir_okay=False, writable=True, path_type=Path)


@click.command()
@click.option(
    "--regime", "regime_id", required=True, metavar="ID", help="Regime id, e.g. cra_2010."
)
@click.option(
    "--start",
    required=True,
    metavar="DATE",
    help="Day 1 of the regime's count (CRA preparation day, SLAC or CP 2012 notification "
    "day): YYYY-MM-DD or DD/MM/YYYY.",
)
@click.option(
    "--locale",
    default=DEFAULT_LOCALE,
    show_default=True,
    help="Language for dates in words: en_GB, or cy for Welsh.",
)
@click.option(
    "--region",
    type=click.Choice(sorted(REGIONS), case_sensitive=False),
    default="ENG",
    show_default=True,
    help="Whose bank holidays to skip: ENG (England) or WLS (Wales).",
)
@click.option(
    "--closure",
    "closures",
    multiple=True,
    metavar="YYYY-MM-DD",
    help="An extra non-working day (e.g. a council closure day); repeat for more.",
)
@click.option(
    "--closures-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A text file of extra non-working days, one YYYY-MM-DD a line ('#' starts a comment).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON instead of a table.")
@format_option
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=_OUTPUT_FILE,
    help="Also write the plan to FILE, in the format its extension names: .csv, .ics, .json "
    "or any a plugin adds (repeatable).",
)
@click.option("--csv", "csv_path", type=_OUTPUT_FILE, help="Also write the plan as CSV to FILE.")
@click.option("--ics", "ics_path", type=_OUTPUT_FILE, help="Also write an iCalendar file to FILE.")
@click.option(
    "--council",
    default="",
    metavar="NAME",
    help="The council inspected: named in every calendar event, and part of its id.",
)
@click.option(
    "--inspection-id",
    default="",
    metavar="ID",
    help="The calendar id of this inspection (default: from the regime, council and year), "
    "so a re-plan updates the events already imported.",
)
def plan(
    regime_id: str,
    start: str,
    locale: str,
    region: str,
    closures: tuple[str, ...],
    closures_file: Path | None,
    as_json: bool,
    outputs: tuple[Path, ...],
    csv_path: Path | None,
    ics_path: Path | None,
    council: str,
    inspection_id: str,
    output_format: str | None,
) -> None:
    """Date every milestone of an inspection from its day 1, skipping weekends,
    bank holidays and any closure days."""
    as_json = as_json or output_format == "json"
    shape = "json" if as_json else chosen_format(output_format)
    regime, start_day, locale, closure_days = _read_arguments(
        regime_id,
        start,
        locale,
        closures,
        closures_file,
        {".csv": csv_path, ".ics": ics_path},
        region,
        outputs,
    )
    if not locale.startswith("en"):
        warn(
            f"--locale {locale}: only dates are in {locale}; milestone titles, deadlines and "
            "sources stay in English, as the sources write them"
        )
    calendar = WorkingCalendar(closure_days, region=region.upper())
    resolved = plan_inspection(regime, start_day, calendar, host=get_host())

    notes = error_console() if as_json else console()
    export = PlanExport(
        plan=resolved,
        regime=regime,
        locale=locale,
        council=council.strip(),
        identity=inspection_id.strip(),
    )
    host = get_host()
    for path in (*(p for p in (csv_path, ics_path) if p is not None), *outputs):
        host.write("plan", export, path)
        notes.print(f"wrote {host.writer('plan', path).description} plan to {path}", markup=False)

    sources = export.sources()
    if shape == "json":
        data = plan_to_data(resolved)
        data["sources"] = [{"key": e.key, "text": e.text} for e in sources]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif shape == "tsv":
        _plan_rows(resolved, locale)
    else:
        # lazy: keeps rich's tables off `plan` when it writes JSON or rows to a pipe
        from inspectkit.plan_table import plan_table

        console().print(plan_table(resolved, title=regime.short_title, locale=locale))
        timeline = regime.timeline
        anchor = timeline.anchor
        if not anchor.lower().startswith("day 1"):
            anchor = f"Day 1: {anchor}"
        console().print(f"{anchor} ({timeline.source})", markup=False)
        console().print("Sources\n" + "\n".join(lines(sources)), markup=False)
    for line in resolved.warnings:
        warn(line)


def _plan_rows(resolved: Plan, locale: str) -> None:
    """The plan as tab-separated rows: for a pipe, a file or a spreadsheet."""

    def day(value: date | None) -> str:
        return format_day(value, locale) if value else ""

    rows = [
        [
            p.id,
            _days_text(p.milestone.days.first, p.milestone.days.last) if p.milestone.days else "",
            day(p.first),
            day(p.last),
            day(p.due),
            p.milestone.title,
            p.milestone.actor,
            p.milestone.deadline.text if p.milestone.deadline else "",
            p.milestone.source,
        ]
        for p in resolved.milestones
    ]
    rows += [
        [m.id, "", "not specified", "", "", m.title, m.actor, m.unspecified, m.source]
        for m in resolved.unspecified
    ]
    columns = ("milestone", "days", "first", "last", "due", "title", "actor", "deadline", "source")
    emit_rows("Plan", columns, rows, output_format="tsv")


def _days_text(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _read_arguments(
    regime_id: str,
    start: str,
    locale: str,
    closures: Iterable[str],
    closures_file: Path | None,
    named_outputs: dict[str, Path | None],
    region: str = "ENG",
    outputs: Iterable[Path] = (),
) -> tuple[Regime, date, str, list[date]]:
    """Check every argument, raising one InputError listing every problem found."""
    problems: list[str] = [
        f"{path}: expected a {suffix} file name"
        for suffix, path in named_outputs.items()
        if path is not None and path.suffix.lower() != suffix
    ]
    for path in outputs:
        try:
            get_host().writer("plan", path)
        except InputError as exc:
            problems.extend(exc.problems)
    start_day = _collect_date(problems, start, "--start")
    if start_day is not None:
        _collect(problems, lambda: check_year(start_day, "--start"))
    checked_locale = _collect(problems, lambda: check_locale(locale))
    closure_days: list[date] = []
    for text in closures:
        day = _collect_date(problems, text, "--closure")
        if day is not None:
            closure_days.append(day)
    if closures_file is not None:
        closure_days.extend(_read_closures_file(closures_file, problems))
    registered = _collect(problems, lambda: get_host().regime(regime_id))
    if registered is not None:
        problems += coverage_problems(registered.regime, region=region, locale=checked_locale)
    if problems:
        raise InputError(problems)
    assert start_day is not None and checked_locale is not None and registered is not None
    return registered.regime, start_day, checked_locale, closure_days


def coverage_problems(regime: Regime, *, region: str, locale: str | None) -> list[str]:
    """A line for a --region or --locale the regime's sources rule out."""
    coverage = regime.coverage
    if coverage is None:
        return []
    problems = []
    if coverage.regions and region.upper() not in coverage.regions:
        covered = ", ".join(f"{r} ({REGIONS.get(r, r)})" for r in coverage.regions)
        problems.append(
            f"--region: {regime.id} applies in {covered} only ({coverage.source}), not "
            f"{region.upper()}"
        )
    if locale is not None and coverage.locales and locale not in coverage.locales:
        problems.append(
            f"--locale: {regime.id} supports {', '.join(coverage.locales)} only "
            f"({coverage.source}), not {locale}"
        )
    return problems


def _collect(problems: list[str], read: Callable[[], T]) -> T | None:
    """``read()``, or None with its problems added to ``problems``."""
    try:
        return read()
    except InputError as exc:
        problems.extend(exc.problems)
        return None


def _collect_date(problems: list[str], text: str, what: str) -> date | None:
    return _collect(problems, lambda: parse_iso_date(text, what))


def _read_closures_file(path: Path, problems: list[str]) -> list[date]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        problems.append(f"{path}: cannot read the closures file ({reason})")
        return []
    days: list[date] = []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        day = _collect_date(problems, entry, f"{path}: line {number}")
        if day is not None:
            days.append(day)
    return days
