"""The comparison as plain data: one row per aspect, one cell per regime, each cell cited.

Renderers (terminal, Markdown, HTML, XLSX) only lay this out; every judgement
about what a regime says is made once, when the comparison is built, so all four
formats say the same thing with the same sources.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen

from inspectkit.bibliography import Entry


@frozen(kw_only=True)
class Cell:
    """One regime's value for one aspect: a short ``text``, the longer ``details`` and ``source``.

    ``text`` is what a reader scans across the row; ``details`` are the items a
    reader expands (every information request, every milestone).  ``source``
    always names where the value comes from, including when the value is
    "not specified" (where the source is silent).
    """

    text: str
    source: str
    details: tuple[str, ...] = ()


@frozen(kw_only=True)
class Row:
    """One aspect compared across the regimes, cells in the order of the regimes."""

    id: str
    title: str
    cells: tuple[Cell, ...]


@frozen(kw_only=True)
class RegimeHeading:
    """What a column is headed with."""

    id: str
    short_title: str
    title: str
    version: str
    year: int


@frozen(kw_only=True)
class TimelineEntry:
    """A milestone placed on the shared axis: working-day numbers always, dates with a start.

    ``first_day``/``last_day`` are the regime's own working-day count (day 1 is
    its anchor); a milestone known only by a deadline in calendar days has no
    day number (None) until it is dated.
    """

    regime_id: str
    milestone_id: str
    title: str
    actor: str
    source: str
    first_day: int | None
    last_day: int | None
    deadline: str = ""
    note: str = ""
    first: date | None = None
    last: date | None = None
    due: date | None = None


@frozen(kw_only=True)
class RequestEntry:
    """One thing a regime asks of a council (or already holds), for the itemised sheet."""

    regime_id: str
    kind: str
    text: str
    provider: str
    due: str
    source: str


@frozen(kw_only=True)
class LinkEntry:
    """A crosswalk link between two of the compared regimes' areas, with titles for reading."""

    left_regime: str
    left_area: str
    left_title: str
    relationship: str
    right_regime: str
    right_area: str
    right_title: str
    source: str
    note: str
    crosswalk: str


@frozen(kw_only=True)
class SamplingEntry:
    """One line of a regime's sampling: a rule (``size``) or, with a case list, a count drawn."""

    regime_id: str
    what: str
    size: str
    source: str
    drawn: int | None = None


@frozen(kw_only=True)
class Comparison:
    """Everything the renderers show."""

    regimes: tuple[RegimeHeading, ...]
    rows: tuple[Row, ...]
    timeline: tuple[TimelineEntry, ...]
    requests: tuple[RequestEntry, ...]
    links: tuple[LinkEntry, ...]
    sampling: tuple[SamplingEntry, ...]
    start: date | None = None
    warnings: tuple[str, ...] = ()
    # every source the comparison cites, with its entry (publisher, title, date, reference)
    bibliography: tuple[Entry, ...] = ()
    # a line for each regime left out because its plugin's hook failed (compare the rest)
    left_out: tuple[str, ...] = ()

    def row(self, row_id: str) -> Row:
        """The row ``row_id`` (KeyError naming the known rows if absent)."""
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(f"no row {row_id!r}; rows: {', '.join(r.id for r in self.rows)}")

    def cell(self, row_id: str, regime_id: str) -> Cell:
        """One regime's cell of row ``row_id``."""
        index = [r.id for r in self.regimes].index(regime_id)
        return self.row(row_id).cells[index]
