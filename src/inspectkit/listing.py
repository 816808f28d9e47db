"""What ``inspectkit regimes`` lists: each installed regime and each broken plugin.

The listing is plain JSON-ready data (strings, numbers, booleans) rather than model
objects, so the same value is printed as a table and dumped as ``--json`` (and served
by the web application).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from inspectkit.plugins import PluginHost


class RegimeRow(TypedDict):
    id: str
    title: str
    year: int
    graded: bool
    version: str
    distribution: str
    distribution_version: str


class BrokenRow(TypedDict):
    entry_point: str
    distribution: str
    version: str
    reason: str


class Listing(TypedDict):
    regimes: list[RegimeRow]
    broken: list[BrokenRow]


def build_listing(host: PluginHost) -> Listing:
    """The listing of everything ``host`` loaded, regimes in year order."""
    return {
        "regimes": [
            {
                "id": r.regime.id,
                "title": r.regime.title,
                "year": r.regime.year,
                "graded": r.regime.graded,
                "version": r.regime.version,
                "distribution": r.plugin.distribution,
                "distribution_version": r.plugin.version,
            }
            for r in host.sorted_regimes()
        ],
        "broken": [
            {
                "entry_point": b.plugin.name,
                "distribution": b.plugin.distribution,
                "version": b.plugin.version,
                "reason": b.reason,
            }
            for b in host.broken
        ],
    }
