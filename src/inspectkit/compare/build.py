"""Building the comparison: regimes (and optionally a start, crosswalks, a case list) → rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from inspectkit.bibliography import bibliography
from inspectkit.calendar import WorkingCalendar
from inspectkit.compare import aspects
from inspectkit.compare.cases import sample_from_case_list, sampling_rules
from inspectkit.compare.model import (
    Cell,
    Comparison,
    LinkEntry,
    RegimeHeading,
    RequestEntry,
    Row,
    SamplingEntry,
)
from inspectkit.compare.timeline import timeline_entries
from inspectkit.crosswalk import Crosswalk
from inspectkit.errors import InputError
from inspectkit.model import NOT_SPECIFIED, Regime
from inspectkit.plugins import PluginHookError

if TYPE_CHECKING:
    from inspectkit.plugins import PluginHost
    from inspectkit.timeline import Plan

# (row id, title) in the order a policy reader meets them.
ROWS: tuple[tuple[str, str], ...] = (
    ("legal_basis", "Legal basis"),
    ("notice", "Notice"),
    ("team", "Team and inspectorates"),
    ("days_on_site", "Days on site"),
    ("grading", "Graded, and the scale"),
    ("judgement_areas", "Judgement areas"),
    ("limiting_rules", "Limiting rules (strength)"),
    ("sampling", "Sample size and strata"),
    ("information_requested", "Information requested"),
    ("timeline", "Timeline milestones"),
    ("report", "Report: form and deadlines"),
    ("crosswalk", "Crosswalk links"),
)


def build_comparison(
    regimes: Sequence[Regime],
    *,
    start: date | None = None,
    crosswalks: Sequence[Crosswalk] = (),
    cases: Path | None = None,
    seed: int = 1,
    on: date | None = None,
    host: PluginHost | None = None,
) -> Comparison:
    """Compare ``regimes`` side by side.

    ``start`` dates every regime's day 1 on the same day; ``cases`` draws each
    regime's sample from one case list with ``seed`` (on ``on``, else the start,
    else today).  Raises InputError for a start that is not a working day or a
    duplicated regime.  A regime whose plugin's hook fails while it is planned is left
    out, with the plugin's one-line error in ``left_out``, and the rest are compared.
    ``host`` is the plugin host whose ``inspectkit_check_plan`` hooks see each plan.
    """
    ids = [regime.id for regime in regimes]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise InputError([f"regime {i!r} is named more than once" for i in duplicates])
    if not regimes:
        raise InputError.single("no regimes to compare: none are installed")

    regimes, plans, left_out = _plans(regimes, start, host)
    if not regimes:
        raise InputError(left_out)
    timelines = [
        timeline_entries(regime, plans[index] if plans else None)
        for index, regime in enumerate(regimes)
    ]
    links = _link_entries(regimes, crosswalks)

    cells: dict[str, list[Cell]] = {row_id: [] for row_id, _ in ROWS}
    for regime, entries in zip(regimes, timelines, strict=True):
        cells["legal_basis"].append(aspects.legal_basis(regime))
        cells["notice"].append(aspects.notice(regime))
        cells["team"].append(aspects.team(regime))
        cells["days_on_site"].append(aspects.days_on_site(regime))
        cells["grading"].append(aspects.grading(regime))
        cells["judgement_areas"].append(aspects.judgement_areas(regime))
        cells["limiting_rules"].append(aspects.limiting_rules(regime))
        cells["sampling"].append(aspects.sampling(regime))
        cells["information_requested"].append(aspects.information_requested(regime))
        cells["timeline"].append(aspects.timeline(regime, entries))
        cells["report"].append(aspects.report(regime, entries))
        cells["crosswalk"].append(aspects.crosswalk(regime, links))
    rows = [Row(id=row_id, title=title, cells=tuple(cells[row_id])) for row_id, title in ROWS]

    sampling: list[SamplingEntry] = []
    for regime in regimes:
        sampling.extend(sampling_rules(regime))
    if cases is not None:
        drawn_cells = []
        when = on or start or date.today()
        for regime in regimes:
            cell, counted = sample_from_case_list(regime, cases, seed=seed, on=when)
            drawn_cells.append(cell)
            sampling.extend(counted)
        rows.insert(
            [r.id for r in rows].index("sampling") + 1,
            Row(id="case_sample", title=f"Sample from {cases.name}", cells=tuple(drawn_cells)),
        )

    requests = _request_entries(regimes)
    cited = [
        *(cell.source for row in rows for cell in row.cells),
        *(entry.source for entries in timelines for entry in entries),
        *(request.source for request in requests),
        *(link.source for link in links),
        *(entry.source for entry in sampling),
    ]
    return Comparison(
        regimes=tuple(
            RegimeHeading(
                id=r.id, short_title=r.short_title, title=r.title, version=r.version, year=r.year
            )
            for r in regimes
        ),
        rows=tuple(rows),
        timeline=tuple(entry for entries in timelines for entry in entries),
        requests=tuple(requests),
        links=tuple(links),
        sampling=tuple(sampling),
        start=start,
        warnings=tuple(w for plan in plans for w in plan.warnings) if plans else (),
        bibliography=tuple(bibliography(regimes, cited)),
        left_out=tuple(left_out),
    )


def _plans(
    regimes: Sequence[Regime], start: date | None, host: PluginHost | None
) -> tuple[Sequence[Regime], list[Plan] | None, list[str]]:
    """(the regimes to compare, their plans from ``start`` if given, a line for each regime
    left out because its plugin's hook failed — one plugin never takes the others down)."""
    if start is None:
        return regimes, None, []
    # lazy: keeps inspectkit.timeline (5 ms) off the start-up of `inspectkit compare`
    from inspectkit.timeline import plan_inspection

    calendar = WorkingCalendar()
    kept: list[Regime] = []
    plans: list[Plan] = []
    left_out: list[str] = []
    for regime in regimes:
        try:
            plans.append(plan_inspection(regime, start, calendar, host=host))
        except PluginHookError as exc:
            left_out += [f"{regime.id}: {line}" for line in exc.problems]
            continue
        kept.append(regime)
    return kept, plans, left_out


def _request_entries(regimes: Sequence[Regime]) -> list[RequestEntry]:
    entries = []
    for regime in regimes:
        for request in regime.information_requests:
            due = request.due
            if not due and request.due_milestone:
                milestone = regime.timeline.milestone(request.due_milestone)
                due = f"by: {milestone.title}" if milestone else ""
            entries.append(
                RequestEntry(
                    regime_id=regime.id,
                    kind=aspects.KIND_LABELS.get(request.kind, request.kind),
                    text=request.text,
                    provider=request.provider,
                    due=due or NOT_SPECIFIED,
                    source=request.source,
                )
            )
    return entries


def _link_entries(regimes: Sequence[Regime], crosswalks: Sequence[Crosswalk]) -> list[LinkEntry]:
    """Links whose two ends are both among the compared regimes."""
    by_id = {regime.id: regime for regime in regimes}
    entries = []
    for crosswalk in crosswalks:
        for link in crosswalk.links:
            left = by_id.get(link.left.regime)
            right = by_id.get(link.right.regime)
            if left is None or right is None:
                continue
            left_area = left.evaluation.area(link.left.area)
            right_area = right.evaluation.area(link.right.area)
            entries.append(
                LinkEntry(
                    left_regime=left.id,
                    left_area=link.left.area,
                    left_title=left_area.title if left_area else link.left.area,
                    relationship=link.relationship,
                    right_regime=right.id,
                    right_area=link.right.area,
                    right_title=right_area.title if right_area else link.right.area,
                    source=link.source,
                    note=link.note,
                    crosswalk=crosswalk.title,
                )
            )
    return entries
