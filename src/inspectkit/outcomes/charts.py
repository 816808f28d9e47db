"""Outcomes as charts: Vega-Lite specifications, drawn to SVG on the server by vl-convert.

Why server-side: the pages run under a Content-Security-Policy with no ``unsafe-eval``
and no inline script or style.  Vega in the browser needs its CSP interpreter for that,
which is published only as an ES module importing ``vega-util`` by bare name (an import
map would be an inline script); vl-convert (the Vega project's own converter, BSD-3,
a Python wheel with Vega-Lite and Vega inside) renders the same Vega-Lite
specification to an SVG of plain attributes — no script, no ``style`` attribute, no
``<style>`` element — that the web application serves as an image, which a browser
shows with nothing more to load.  The numbers always stand beside each chart as a table.

Rendering a chart costs about 35 ms after the converter's first start (about 1 s, once
a process); each chart is kept by its specification, so a page whose counts have not
changed draws nothing again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import vl_convert
from attrs import frozen

from inspectkit.outcomes.counts import Outcomes


@frozen(kw_only=True)
class Chart:
    id: str
    title: str
    regime_id: str
    year: str
    spec: dict[str, Any]

    def svg(self) -> str:
        return render_svg(json.dumps(self.spec, sort_keys=True))


@lru_cache(maxsize=256)
def render_svg(spec_json: str) -> str:
    """The SVG Vega-Lite draws for ``spec_json``; kept by its text."""
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
    scheme: str = "tableau10",
) -> dict[str, Any]:
    """Horizontal bars, one per subject (area, milestone), stacked by value (grade,
    finding type, state) in ``order``, coloured by one of Vega's colour-blind-safe
    schemes: ``tableau10`` for kinds, ``viridis`` for a scale's grades, best first."""
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
                "scale": {"domain": list(order), "scheme": scheme},
                "legend": {"orient": "bottom", "columns": 2, "labelLimit": 240},
            },
            "order": {"field": "rank", "type": "ordinal"},
        },
        "config": {"font": "sans-serif", "background": "white"},
    }


def _per_regime_year(
    kind: str,
    counts: Sequence[Any],
    what: Callable[[Any], str],
    bars: Callable[[Any], list[tuple[str, str, int]]],
    subject_title: str,
    count_title: Callable[[Any], str],
    scheme: Callable[[Any], str] = lambda _count: "tableau10",
) -> list[Chart]:
    """One chart per regime and year of ``counts``: ``bars(count)`` gives each count's
    (subject, value, n) segments, stacked in the order values first appear."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for count in counts:
        groups.setdefault((count.regime_id, count.year), []).append(count)
    charts = []
    for (regime_id, year), group in groups.items():
        segments = [segment for count in group for segment in bars(count)]
        order = list(dict.fromkeys(value for _, value, _ in segments))
        values = [
            {"subject": subject, "value": value, "count": n, "rank": order.index(value)}
            for subject, value, n in segments
        ]
        title = f"{group[0].regime_title}, {year}: {what(group[0])}"
        charts.append(
            Chart(
                id=f"{kind}-{regime_id}-{year}",
                title=title,
                regime_id=regime_id,
                year=year,
                spec=stacked_bars(
                    title,
                    values,
                    subjects=list(dict.fromkeys(subject for subject, _, _ in segments)),
                    order=order,
                    subject_title=subject_title,
                    count_title=count_title(group[0]),
                    scheme=scheme(group[0]),
                ),
            )
        )
    return charts


def judgement_charts(outcomes: Outcomes) -> list[Chart]:
    """Each area's grades (graded) or findings by type (ungraded), by regime and year."""
    return _per_regime_year(
        "judgements",
        outcomes.judgements,
        lambda c: "inspections by grade" if c.kind == "grade" else "findings by type",
        lambda c: [(c.area_title, c.level_label, c.count)],
        "Judgement area",
        lambda c: "Inspections" if c.kind == "grade" else "Findings",
        lambda c: "viridis" if c.kind == "grade" else "tableau10",
    )


def deadline_charts(outcomes: Outcomes) -> list[Chart]:
    """Each milestone's deadlines met, missed (late or overdue) and to come."""
    return _per_regime_year(
        "deadlines",
        outcomes.deadlines,
        lambda c: "deadlines",
        lambda c: [
            (c.milestone_title, "met", c.met),
            (c.milestone_title, "done late", c.done_late),
            (c.milestone_title, "overdue", c.overdue),
            (c.milestone_title, "to come", c.to_come),
        ],
        "Milestone",
        lambda c: "Inspections",
    )


def rule_charts(outcomes: Outcomes) -> list[Chart]:
    """How often each limiting judgement fired (regimes with limiting rules only)."""
    return _per_regime_year(
        "rules",
        outcomes.rules,
        lambda c: "limiting judgements",
        lambda c: [
            (c.consequence, "fired", c.fired),
            (c.consequence, "did not fire", c.inspections - c.fired),
        ],
        "Limiting judgement",
        lambda c: "Inspections",
    )
