"""A council's readiness checklist: everything a regime asks of it, with owner, due and status.

Oxfordshire briefing (Annexes 1 and 2) shows a council doing this by hand — every document
and focus group with the person responsible.  The regime data already lists what
inspectors ask for (``information_requests`` by kind), the children's surveys
the council must help run, and the case files inspectors will sample; this
module turns them into one checklist, dated from the plan when the start is
known.  Where a source shows who owned an item (a job title in a council's own
briefing), it is offered as the suggested owner, cited; the owner column and
status start blank: they are the council's to fill in, with the suggestion or
its own choice.  Items Ofsted already holds are listed separately as needing no
action.

The table writers at the end (XLSX, DOCX, CSV) are shared with the
post-inspection action plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from inspectkit.bibliography import Entry, bibliography
from inspectkit.errors import InputError
from inspectkit.files import atomic_path
from inspectkit.model import NOT_SPECIFIED, Regime
from inspectkit.safe_cells import SafeCsvWriter
from inspectkit.workbooks import cell_text

if TYPE_CHECKING:
    from inspectkit.timeline import Plan

# Section for each request kind, in the order a council meets them.
SECTIONS: dict[str, str] = {
    "document": "Documents",
    "management_information": "Management information",
    "meeting": "Meetings, focus groups and visits",
    "focus_group": "Meetings, focus groups and visits",
    "visit": "Meetings, focus groups and visits",
    "case_list": "Case lists and case files",
    "survey": "Surveys",
    "pre_inspection_evidence": "Pre-inspection evidence",
}
SECTION_ORDER: tuple[str, ...] = tuple(dict.fromkeys(SECTIONS.values()))
HELD_KIND = "held_by_ofsted"
NO_ACTION = "No action for the council"
CHECKLIST_COLUMNS = (
    "Section",
    "Item",
    "Provided by",
    "Due",
    "Due date",
    "Suggested owner",
    "Owner",
    "Status",
    "Source",
)


@frozen(kw_only=True)
class ReadinessItem:
    """One thing to have ready; ``owner`` and ``status`` are blank for the council to fill."""

    section: str
    item: str
    source: str
    due: str
    due_date: date | None = None
    provided_by: str = "council"
    suggested_owner: str = ""  # a job title from a cited source (its citation is in source)
    owner: str = ""
    status: str = ""


@frozen(kw_only=True)
class ReadinessPack:
    """The checklist for one regime, and what Ofsted already holds."""

    regime_id: str
    regime_title: str
    start: date | None
    items: tuple[ReadinessItem, ...]
    held_by_ofsted: tuple[ReadinessItem, ...]
    warnings: tuple[str, ...] = ()
    sources: tuple[Entry, ...] = ()  # the bibliography of every citation in the pack


def build_readiness(regime: Regime, plan: Plan | None = None) -> ReadinessPack:
    """Every request, survey action and case-file selection of ``regime`` as checklist items.

    With a ``plan`` each item tied to a milestone gets that milestone's date (its
    deadline if it has one, else its first day); otherwise the source's own
    wording of when, or "not specified".
    """
    items: list[ReadinessItem] = []
    held: list[ReadinessItem] = []
    for request in regime.information_requests:
        due, due_date = _due(regime, plan, request.due, request.due_milestone)
        owner = request.suggested_owner
        entry = ReadinessItem(
            section=SECTIONS.get(request.kind, NO_ACTION if request.kind == HELD_KIND else "Other"),
            item=request.text,
            source=_with(request.source, owner.source) if owner else request.source,
            due=due,
            due_date=due_date,
            provided_by=request.provider,
            suggested_owner=owner.text if owner else "",
        )
        (held if request.kind == HELD_KIND else items).append(entry)
    for survey in regime.surveys:
        if not survey.council_action:
            continue
        items.append(
            ReadinessItem(
                section=SECTIONS["survey"],
                item=f"{survey.title}: {survey.council_action}",
                source=survey.source,
                due=NOT_SPECIFIED,
            )
        )
    for phase in regime.sampling.phases:
        size = phase.size.describe() if phase.size.specified else NOT_SPECIFIED
        due, due_date = _due(regime, plan, "", phase.milestone)
        items.append(
            ReadinessItem(
                section=SECTIONS["case_list"],
                item=f"Case files: {phase.title}: {size}, selected by {phase.selected_by}",
                source=phase.source,
                due=due,
                due_date=due_date,
            )
        )
    order = {name: index for index, name in enumerate(SECTION_ORDER)}
    items.sort(key=lambda i: order.get(i.section, len(order)))
    cited = [i.source for i in (*items, *held)]
    return ReadinessPack(
        regime_id=regime.id,
        regime_title=regime.title,
        start=plan.start if plan else None,
        items=tuple(items),
        held_by_ofsted=tuple(held),
        warnings=plan.warnings if plan else (),
        sources=tuple(bibliography([regime], cited)),
    )


def _with(source: str, also: str) -> str:
    """``source`` with ``also`` appended unless it already cites it."""
    parts = [p.strip() for p in source.split(";")]
    return source if also in parts else f"{source}; {also}"


def _due(
    regime: Regime, plan: Plan | None, text: str, milestone_id: str
) -> tuple[str, date | None]:
    milestone = regime.timeline.milestone(milestone_id) if milestone_id else None
    if milestone is None:
        return (text or NOT_SPECIFIED), None
    if not milestone.specified:  # the sources name it but give it no date
        return (text or f"by: {milestone.title} (date {NOT_SPECIFIED})"), None
    if plan is None:
        days = milestone.days
        when = f"day {days.first}" if days else "its deadline"
        return (text or f"by: {milestone.title} ({when})"), None
    planned = plan.milestone(milestone_id)
    return (text or f"by: {milestone.title}"), planned.due or planned.first


# -- rows for every output ----------------------------------------------------------


def checklist_rows(pack: ReadinessPack) -> list[list[Any]]:
    """Checklist rows in CHECKLIST_COLUMNS order (dates as dates)."""
    return [
        [
            i.section,
            i.item,
            i.provided_by,
            i.due,
            i.due_date,
            i.suggested_owner,
            i.owner,
            i.status,
            i.source,
        ]
        for i in (*pack.items, *pack.held_by_ofsted)
    ]


def write_readiness(pack: ReadinessPack, target: Path) -> Path:
    """Write the pack as .xlsx or .docx (by extension), atomically."""
    title = f"Readiness checklist: {pack.regime_title} ({pack.regime_id})"
    if pack.start is not None:
        title += f", day 1 on {pack.start.isoformat()}"
    council = [r for r in checklist_rows(pack) if r[0] != NO_ACTION]
    held = [r for r in checklist_rows(pack) if r[0] == NO_ACTION]
    sheets = [
        ("Checklist", CHECKLIST_COLUMNS, council),
        (NO_ACTION, CHECKLIST_COLUMNS, held),
    ]
    return write_tables(target, title, sheets, allowed=(".xlsx", ".docx"), sources=pack.sources)


# -- shared table writers (readiness pack, action plan) --------------------------------

Table = tuple[str, Sequence[str], Sequence[Sequence[Any]]]


SOURCES_TABLE = "Sources"
SOURCES_COLUMNS = ("Key", "Source")


def write_tables(
    target: Path,
    title: str,
    tables: Sequence[Table],
    *,
    allowed: Sequence[str],
    sources: Sequence[Entry] = (),
    logo: str = "Inspection readiness",
) -> Path:
    """Write named tables to ``target`` as XLSX (a sheet each), DOCX (a table each) or CSV.

    ``sources`` — the bibliography of the citations the tables carry — is a last
    "Sources" table, so a reader can follow every key.  ``logo`` heads a Word file's
    letterhead (the council's, for its own documents).  CSV holds one table only, so
    it is written from the first.  Every format is written through a temporary file,
    so a failure leaves no half-written file.
    """
    if sources:
        tables = [*tables, (SOURCES_TABLE, SOURCES_COLUMNS, [[e.key, e.text] for e in sources])]
    suffix = Path(target).suffix.lower()
    if suffix not in allowed:
        raise InputError.single(
            f"{target}: cannot write {suffix or 'a file without an extension'}; "
            f"use one of {', '.join(allowed)}"
        )
    if suffix == ".xlsx":
        _write_xlsx(target, tables)
    elif suffix == ".docx":
        _write_docx(target, title, tables, logo=logo)
    else:
        _write_csv(target, tables[0])
    return target


def _write_xlsx(target: Path, tables: Sequence[Table]) -> None:
    from openpyxl import Workbook

    from inspectkit.workbooks import fill_sheet

    book = Workbook()
    for empty in list(book.worksheets):  # each table gets a sheet of its own
        book.remove(empty)
    for name, header, rows in tables:
        fill_sheet(book.create_sheet(name[:31]), header, rows, widths=(12, 70))
    with atomic_path(target) as temporary:
        book.save(temporary)


def _write_docx(target: Path, title: str, tables: Sequence[Table], *, logo: str) -> None:
    """A4 landscape in the house style: letterhead, footer with page numbers, and tables
    whose header row repeats on every page, rows never split, and columns wide enough
    for their longest word."""
    from docx.shared import Pt

    from inspectkit.docx_style import (
        fixed_widths,
        header_row,
        keep_row_together,
        new_document,
        proportional_widths,
        text_width,
    )

    document = new_document(title, logo=logo, footer_parts=(title,), landscape=True)
    document.add_heading(title, level=1)
    width = text_width(document.sections[0])
    for name, header, rows in tables:
        document.add_heading(name, level=2)
        if not rows:
            document.add_paragraph("None.")
            continue
        texts = [[cell_text(value) for value in row] for row in rows]
        table = document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        header_row(table.rows[0], header)
        for row in texts:
            added = table.add_row()
            for cell, text in zip(added.cells, row, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.font.size = Pt(9)
            keep_row_together(added)
        fixed_widths(table, proportional_widths(header, texts, width))
    with atomic_path(target) as temporary:
        document.save(str(temporary))


def _write_csv(target: Path, table: Table) -> None:
    _name, header, rows = table
    with atomic_path(target) as temporary, temporary.open("w", newline="", encoding="utf-8") as f:
        writer = SafeCsvWriter(f)
        writer.writerow(header)
        writer.writerows(rows)
