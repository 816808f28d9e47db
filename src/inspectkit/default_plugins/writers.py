"""The core's file formats for plans, samples, comparisons, readiness and action plans.

Each writer imports its library only when called, so registering them all costs a
command nothing at start-up (openpyxl, python-docx and icalendar stay unloaded until a
file of theirs is asked for).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from inspectkit.bibliography import bibliography
from inspectkit.files import atomic_path, write_text_atomic
from inspectkit.hookspecs import RegisterWriter, hookimpl
from inspectkit.version import __version__

if TYPE_CHECKING:
    from inspectkit.compare import Comparison
    from inspectkit.plan_export import PlanExport
    from inspectkit.sampling import SampleRecord
    from inspectkit.table_files import TableSet


def plan_csv(export: PlanExport, path: Path) -> None:
    # lazy: keeps inspectkit.plan_csv (6 ms) off the start-up of `inspectkit regimes`
    from inspectkit.plan_csv import write_plan_csv

    write_plan_csv(export.plan, path, export.locale)


def plan_ics(export: PlanExport, path: Path) -> None:
    # lazy: keeps inspectkit.plan_ics (11 ms) off the start-up of `inspectkit regimes`
    from inspectkit.plan_ics import write_plan_ics

    write_plan_ics(
        export.plan,
        path,
        title=export.title,
        council=export.council,
        identity=export.identity,
        sources=bibliography([export.regime]),
    )


def plan_json(export: PlanExport, path: Path) -> None:
    # lazy: keeps inspectkit.plan_record (7 ms) off the start-up of `inspectkit regimes`
    from inspectkit.plan_record import plan_to_data

    data = plan_to_data(export.plan)
    data["sources"] = [{"key": e.key, "text": e.text} for e in export.sources()]
    write_text_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def sample_csv(record: SampleRecord, path: Path) -> None:
    # lazy: keeps inspectkit.sampling.export (22 ms) off the start-up of `inspectkit regimes`
    from inspectkit.sampling.export import write_sample_csv

    write_sample_csv(record, path)


def sample_xlsx(record: SampleRecord, path: Path) -> None:
    # lazy: keeps inspectkit.sampling.export (22 ms) off the start-up of `inspectkit regimes`
    from inspectkit.sampling.export import write_sample_xlsx

    write_sample_xlsx(record, path)


def compare_text(comparison: Comparison, path: Path) -> None:
    # lazy: keeps rich (19 ms) off the start-up of `serve`'s process before it is ready
    from rich.console import Console

    # lazy: keeps inspectkit.compare.text (16 ms) off the start-up of `inspectkit regimes`
    from inspectkit.compare.text import render_table

    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8") as handle:
        Console(file=handle, width=160, highlight=False).print(render_table(comparison))


def compare_markdown(comparison: Comparison, path: Path) -> None:
    # lazy: keeps inspectkit.compare.text (16 ms) off the start-up of `inspectkit regimes`
    from inspectkit.compare.text import render_markdown

    write_text_atomic(path, render_markdown(comparison))


def compare_html(comparison: Comparison, path: Path) -> None:
    # lazy: keeps inspectkit.compare.html (20 ms) off the start-up of `inspectkit regimes`
    from inspectkit.compare.html import render_html

    write_text_atomic(path, render_html(comparison, generator=f"inspectkit {__version__}"))


def compare_xlsx(comparison: Comparison, path: Path) -> None:
    # lazy: keeps inspectkit.compare.xlsx (16 ms) off the start-up of `inspectkit regimes`
    from inspectkit.compare.xlsx import write_xlsx

    write_xlsx(comparison, path)


def tables_xlsx(tables: TableSet, path: Path) -> None:
    # lazy: keeps inspectkit.table_files (7 ms) off the start-up of `inspectkit regimes`
    from inspectkit.table_files import write_tables_xlsx

    write_tables_xlsx(tables, path)


def tables_docx(tables: TableSet, path: Path) -> None:
    # lazy: keeps inspectkit.table_files (7 ms) off the start-up of `inspectkit regimes`
    from inspectkit.table_files import write_tables_docx

    write_tables_docx(tables, path)


def tables_csv(tables: TableSet, path: Path) -> None:
    # lazy: keeps inspectkit.table_files (7 ms) off the start-up of `inspectkit regimes`
    from inspectkit.table_files import write_tables_csv

    write_tables_csv(tables, path)


@hookimpl
def inspectkit_register_writers(register: RegisterWriter) -> None:
    # a description names the format in a message: "wrote iCalendar plan to FILE"
    register("plan", ".csv", plan_csv, description="CSV")
    register("plan", ".ics", plan_ics, description="iCalendar")
    register("plan", ".json", plan_json, description="JSON")
    register("sample", ".csv", sample_csv, description="CSV (and its JSON record)")
    register("sample", ".xlsx", sample_xlsx, description="Excel")
    for suffix, write, description in (
        (".txt", compare_text, "plain-text table"),
        (".md", compare_markdown, "Markdown"),
        (".markdown", compare_markdown, "Markdown"),
        (".html", compare_html, "HTML"),
        (".htm", compare_html, "HTML"),
        (".xlsx", compare_xlsx, "Excel"),
    ):
        register("compare", suffix, write, description=description)
    register("readiness", ".xlsx", tables_xlsx, description="Excel")
    register("readiness", ".docx", tables_docx, description="Word")
    register("action_plan", ".xlsx", tables_xlsx, description="Excel")
    register("action_plan", ".docx", tables_docx, description="Word")
    register("action_plan", ".csv", tables_csv, description="CSV")
