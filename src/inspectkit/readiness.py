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
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from inspectkit.bibliography import Entry, bibliography
from inspectkit.model import NOT_SPECIFIED, Regime
from inspectkit.table_files import TableSet
from inspectkit.workbooks import STATUS_CHOICES

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
STATUSES: tuple[str, ...] = STATUS_CHOICES["Status"]
"""What a council says of each item: not started, in progress, ready (the workbook's
drop-down offers the same)."""


@frozen(kw_only=True)
class ReadinessItem:
    """One thing to have ready; ``owner`` and ``status`` are blank for the council to fill.

    ``id`` is stable while the regime's data is: the request's own id, or
    ``survey:ID`` and ``phase:ID`` for a survey's council action and a sampling
    phase's case files — what a council's recorded owner and status are kept under.
    """

    id: str
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
            id=request.id,
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
                id=f"survey:{survey.id}",
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
                id=f"phase:{phase.id}",
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


def filled_in(pack: ReadinessPack, entries: Mapping[str, tuple[str, str]]) -> ReadinessPack:
    """``pack`` with each item's owner and status as a council recorded them, by item id.

    An entry for an id the regime no longer lists is left out (its data changed);
    a status must be one of STATUSES or blank.
    """
    for item_id, (_owner, status) in entries.items():
        if status and status not in STATUSES:
            raise ValueError(f"item {item_id}: status {status!r} is not one of {STATUSES}")

    def fill(item: ReadinessItem) -> ReadinessItem:
        owner, status = entries.get(item.id, (item.owner, item.status))
        return attrs.evolve(item, owner=owner, status=status)

    return attrs.evolve(pack, items=tuple(fill(i) for i in pack.items))


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


def readiness_tables(pack: ReadinessPack) -> TableSet:
    """The pack as named tables, for whichever writer its file's extension selects."""
    title = f"Readiness checklist: {pack.regime_title} ({pack.regime_id})"
    if pack.start is not None:
        title += f", day 1 on {pack.start.isoformat()}"
    rows = checklist_rows(pack)
    return TableSet(
        title=title,
        tables=(
            ("Checklist", CHECKLIST_COLUMNS, [r for r in rows if r[0] != NO_ACTION]),
            (NO_ACTION, CHECKLIST_COLUMNS, [r for r in rows if r[0] == NO_ACTION]),
        ),
        sources=tuple(pack.sources),
    )
