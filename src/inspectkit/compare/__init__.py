"""Regimes side by side: the comparison model and its renderers.

``build_comparison`` reads regimes (and optionally a start date, crosswalks and
a case list) into a :class:`Comparison`; ``render_table``, ``render_markdown``,
``render_html`` and ``write_xlsx`` lay it out.  Renderers import their heavy
libraries (rich, openpyxl) only when called.
"""

from __future__ import annotations

from inspectkit.compare.build import ROWS, build_comparison
from inspectkit.compare.model import (
    Cell,
    Comparison,
    LinkEntry,
    RegimeHeading,
    RequestEntry,
    Row,
    SamplingEntry,
    TimelineEntry,
)

__all__ = [
    "ROWS",
    "Cell",
    "Comparison",
    "LinkEntry",
    "RegimeHeading",
    "RequestEntry",
    "Row",
    "SamplingEntry",
    "TimelineEntry",
    "build_comparison",
]
