"""Outcomes across inspections, for policy teams and administrators: counts only.

The page reads every stored inspection, turns each into the core's objects
(``inspection_of``, ``plan_of``) and hands them to :mod:`inspectkit.outcomes`, which
counts them and lines a council's published judgements up through the crosswalks.  It
never shows a case reference or a finding's text, and links to no inspection: policy
analysts may not open one (their every inspection URL answers 404).  Inspectors and
council officers do not get the page: a council officer would otherwise see other
councils' results, and both already see their own inspections.

The counts change only when the store does, so the rendered result is kept under the
store's version (how many inspections, the latest change, the highest id) and today's
date; under twenty people at once the page then costs one aggregate query.  Each chart
is its own address (an SVG the page shows with ``<img>``, its table beside it), kept the
same way, so the page itself stays a few tables long.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from inspectkit.crosswalk import load_crosswalks
from inspectkit.errors import InputError
from inspectkit.outcomes import (
    DeadlineCount,
    Inspected,
    JudgementCount,
    LinedUp,
    Outcomes,
    RuleCount,
    count_outcomes,
    line_up,
)
from inspectkit.outcomes.charts import Chart, deadline_charts, judgement_charts, rule_charts
from inspectkit.outcomes.tables import csv_text, write_xlsx
from inspectkit.plugins import get_host
from inspectkit.synthetic import SYNTHETIC_PREFIX
from inspectkit.web.access import sees_outcomes
from inspectkit.web.fragments import cached_fragment
from inspectkit.web.models import Inspection as Record
from inspectkit.web.store.records import inspection_of, plan_of

DOWNLOADS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _allowed(request: HttpRequest) -> None:
    if not sees_outcomes(request.user):
        raise Http404("Only policy analysts and administrators see outcomes.")


def counted() -> tuple[Outcomes, list[LinedUp], list[str]]:
    """Every stored inspection counted; a line for each kind left out (a regime not
    installed, a plan that no longer fits its regime), with counts only."""
    host = get_host()
    inspected: list[Inspected] = []
    left_out: Counter[str] = Counter()
    for record in Record.objects.defer("sample_record"):
        registered = host.regimes.get(record.regime)
        if registered is None:
            left_out[f"of {record.regime}: its plugin is not installed"] += 1
            continue
        regime = registered.regime
        try:
            plan = plan_of(record, regime)
        except InputError:
            left_out[f"of {record.regime}: the stored plan does not fit the installed regime"] += 1
            continue
        inspected.append(Inspected(regime=regime, inspection=inspection_of(record), plan=plan))
    crosswalks = load_crosswalks(host.regime_models(), plugin_files=host.crosswalk_files())
    lines = [f"{n} inspection{'s' * (n != 1)} {why}" for why, n in sorted(left_out.items())]
    outcomes = count_outcomes(inspected, on=timezone.localdate())
    return outcomes, line_up(inspected, crosswalks), lines


def _store_version() -> tuple[object, ...]:
    found = Record.objects.aggregate(n=Count("id"), last=Max("updated"), top=Max("id"))
    return (found["n"], found["last"], found["top"], timezone.localdate())


def outcomes_page(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    result = cached_fragment("outcomes", _store_version(), _render_result)
    return render(request, "inspectkit/outcomes.html", {"result": result})


def _render_result() -> str:
    outcomes, lined_up, left_out = counted()
    context = {
        "outcomes": outcomes,
        "lined_up": lined_up,
        "left_out": left_out,
        "synthetic": Record.objects.filter(council__startswith=SYNTHETIC_PREFIX).count(),
        "judgements": _sections(judgement_charts(outcomes), outcomes.judgements, _judgement_row),
        "rules": _sections(rule_charts(outcomes), outcomes.rules, _rule_row),
        "deadlines": _sections(deadline_charts(outcomes), outcomes.deadlines, _deadline_row),
    }
    return render_to_string("inspectkit/outcomes_result.html", context)


Cells = list[tuple[object, str]]  # (value, "number" or "")


def _judgement_row(c: JudgementCount) -> tuple[list[str], str, Cells]:
    what = "Grade" if c.kind == "grade" else "Finding type"
    counted = "Inspections" if c.kind == "grade" else "Findings"
    cells = [(c.area_title, ""), (c.level_label, ""), (c.count, "number")]
    return ["Judgement area", what, counted], f"{c.area_id}:{c.level_id}", cells


def _rule_row(c: RuleCount) -> tuple[list[str], str, Cells]:
    header = ["Limiting judgement", "Strength", "Fired", "Not answered", "Of", "Source"]
    cells = [
        (c.consequence, ""),
        (c.strength, ""),
        (c.fired, "number"),
        (c.not_answered, "number"),
        (c.inspections, "number"),
        (f"[{c.source}]", "source"),
    ]
    return header, c.rule_id, cells


def _deadline_row(c: DeadlineCount) -> tuple[list[str], str, Cells]:
    header = ["Milestone", "Met", "Done late", "Overdue", "To come"]
    cells = [
        (c.milestone_title, ""),
        (c.met, "number"),
        (c.done_late, "number"),
        (c.overdue, "number"),
        (c.to_come, "number"),
    ]
    return header, c.milestone_id, cells


def _sections(
    charts: list[Chart], counts: Sequence[Any], row: Callable[[Any], tuple[list[str], str, Cells]]
) -> list[dict[str, Any]]:
    """Each chart with, for the table beside it, the counts it draws (the chart itself is
    its own address, :func:`outcomes_chart`, so the page stays small)."""
    found = []
    for chart in charts:
        rows = [row(c) for c in counts if (c.regime_id, c.year) == (chart.regime_id, chart.year)]
        found.append(
            {
                "chart": chart,
                "header": rows[0][0],
                "rows": [(key, cells) for _, key, cells in rows],
            }
        )
    return found


def _every_chart() -> dict[str, Chart]:
    outcomes = counted()[0]
    charts = judgement_charts(outcomes) + rule_charts(outcomes) + deadline_charts(outcomes)
    return {chart.id: chart for chart in charts}


def outcomes_chart(request: HttpRequest, chart: str) -> HttpResponse:
    """One chart as SVG (Vega-Lite drawn by vl-convert), kept under the store's version."""
    _allowed(request)

    def draw() -> str:
        found = _every_chart().get(chart)
        if found is None:  # raised before anything is kept: no entry for a made-up name
            raise Http404("No such chart.")
        return found.svg()

    svg = cached_fragment("outcomes-chart", (*_store_version(), chart), draw)
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


def outcomes_download(request: HttpRequest, kind: str) -> HttpResponse:
    _allowed(request)
    if kind not in DOWNLOADS:
        raise Http404("No such download.")
    outcomes, lined_up, _left_out = counted()
    if kind == "csv":
        content = csv_text(outcomes).encode("utf-8")
    else:
        with tempfile.TemporaryDirectory(prefix="inspectkit-outcomes-") as folder:
            path = Path(folder) / "outcomes.xlsx"
            write_xlsx(outcomes, lined_up, path)
            content = path.read_bytes()
    response = HttpResponse(content, content_type=DOWNLOADS[kind])
    response["Content-Disposition"] = f'attachment; filename="outcomes.{kind}"'
    return response
