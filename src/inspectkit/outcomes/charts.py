"""Outcomes as charts: Vega-Lite specifications, drawn to SVG on the server by vl-convert.

Why server-side: the pages run under a Content-Security-Policy with no ``unsafe-eval``
and no inline script or style.  Vega in the browser needs its CSP interpreter for that,
which is published only as an ES module importing ``vega-util`` by bare name (an import
map would be an inline script); vl-convert (the Vega project's own converter, BSD-3,
a Python wheel with Vega-Lite and Vega inside) renders the same Vega-Lite
specification to an SVG of plain attributes — no script, no ``style`` attribute, no
``<style>`` element — that the page includes as it is and a browser shows with nothing
more to load.  The numbers always stand beside each chart as a table.

Rendering a chart costs about 35 ms after the converter's first start (about 1 s, once
a process); each chart is kept by its specification, so a page whose counts have not
changed draws nothing again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from attrs import frozen

from inspectkit.outcomes.counts import Outcomes


@frozen(kw_only=True)
class Chart:
    id: str
    title: str
    spec: dict[str, Any]

    def svg(self) -> str:
        return render_svg(json.dumps(self.spec, sort_keys=True))


@lru_cache(maxsize=256)
def render_svg(spec_json: str) -> str:
    """The SVG Vega-Lite draws for ``spec_json``; kept by its text."""
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(json.loads(spec_json))
    return svg


def stacked_bars(
    title: str,
    values: Sequence[dict[str, Any]],
    *,
    subjects: Sequence[str],
    order: Sequence[str],
    subject_title: str,
    count_title: str,
) -> dict[str, Any]:
    """Horizontal bars, one per subject (area, milestone), stacked by value (grade,
    finding type, state) in ``order``; the colour scheme is Vega's colour-blind-safe
    ``tableau10``."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "width": 360,
        "data": {"values": list(values)},
        "mark": "bar",
        "encoding": {
            "y": {
                "field": "subject",
                "type": "nominal",
                "sort": list(subjects),
                "title": subject_title,
                "axis": {"labelLimit": 240},
            },
            "x": {"field": "count", "type": "quantitative", "title": count_title},
            "color": {
                "field": "value",
                "type": "nominal",
                "title": None,
                "scale": {"domain": list(order), "scheme": "tableau10"},
                "legend": {"orient": "bottom", "columns": 2, "labelLimit": 240},
            },
            "order": {"field": "rank", "type": "ordinal"},
        },
        "config": {"font": "sans-serif", "background": "white"},
    }


def judgement_charts(outcomes: Outcomes) -> list[Chart]:
    """One chart per regime and year: each area's grades (or findings by type)."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for count in outcomes.judgements:
        groups.setdefault((count.regime_id, count.year), []).append(count)
    charts = []
    for (regime_id, year), counts in groups.items():
        order = list(dict.fromkeys(c.level_label for c in counts))
        subjects = list(dict.fromkeys(c.area_title for c in counts))
        kind = counts[0].kind
        values = [
            {"subject": c.area_title, "value": c.level_label, "count": c.count,
             "rank": order.index(c.level_label)}
            for c in counts
        ]  # fmt: skip
        what = "inspections by grade" if kind == "grade" else "findings by type"
        title = f"{counts[0].regime_title}, {year}: {what}"
        charts.append(
            Chart(
                id=f"judgements-{regime_id}-{year}",
                title=title,
                spec=stacked_bars(
                    title,
                    values,
                    subjects=subjects,
                    order=order,
                    subject_title="Judgement area",
                    count_title="Inspections" if kind == "grade" else "Findings",
                ),
            )
        )
    return charts


DEADLINE_STATES = ("met", "done late", "overdue", "to come")


def deadline_charts(outcomes: Outcomes) -> list[Chart]:
    """One chart per regime and year: each milestone's deadlines met, missed, to come."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for count in outcomes.deadlines:
        groups.setdefault((count.regime_id, count.year), []).append(count)
    charts = []
    for (regime_id, year), counts in groups.items():
        values = [
            {"subject": c.milestone_title, "value": state, "count": n, "rank": rank}
            for c in counts
            for rank, (state, n) in enumerate(
                zip(DEADLINE_STATES, (c.met, c.done_late, c.overdue, c.to_come), strict=True)
            )
        ]
        title = f"{counts[0].regime_title}, {year}: deadlines"
        charts.append(
            Chart(
                id=f"deadlines-{regime_id}-{year}",
                title=title,
                spec=stacked_bars(
                    title,
                    values,
                    subjects=list(dict.fromkeys(c.milestone_title for c in counts)),
                    order=DEADLINE_STATES,
                    subject_title="Milestone",
                    count_title="Inspections",
                ),
            )
        )
    return charts
