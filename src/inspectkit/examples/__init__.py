"""Example inspections for ``inspectkit demo``, shipped by each regime's plugin as data.

A plugin registers example files through ``inspectkit_register_examples`` (most
with ``packaged_examples_hook(__name__)``).  Each file is an ``[example]`` table —
the regime, a description, and optionally a synthetic council, start date, team,
seed and case-list size — followed by the inspection file's own tables
(``[[findings]]`` or ``[[grades]]``, ``[assertions]``, ``[sections]``...).  Its
name without ``.toml`` names the demo's folder.

The core knows no regime, area or team: a plugin that renames an area updates
its own example, and a new regime gets a demo by shipping one.  What the core
keeps is regime-neutral — the made-up council used when an example names none,
a start date that keeps the regime's own day-one rule, and (in
``inspectkit.caselist.fake``) the synthetic case list.

Every example is checked as the demo will use it (its header, its tables
against its regime, its plan), and one that cannot be used becomes a note
naming its file: the demo skips it and shows the rest.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import define, frozen

from inspectkit.calendar import WorkingCalendar
from inspectkit.errors import InputError
from inspectkit.plugins import PluginHookError
from inspectkit.timeline import plan_inspection
from inspectkit.toml_files import read_toml
from inspectkit.workspace.init import starter_header
from inspectkit.workspace.inspection_file import (
    InspectionFile,
    check_against_regime,
    structure_strictly,
)

if TYPE_CHECKING:
    from inspectkit.model import Regime
    from inspectkit.plugins import PluginHost

DEFAULT_COUNCIL = "Example Council"  # synthetic: no real council is ever implied
DEFAULT_CASELIST_ROWS = 400
HEADER_TABLE = "example"
# written by the inspection file's header (``starter_header``), so not in an example's body
HEADER_KEYS = frozenset({"regime", "council", "start", "team", "sites", "recipient"})
_HEADER_LINE = re.compile(rf"^\s*\[\s*{HEADER_TABLE}\s*\]\s*(#.*)?$")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@define(kw_only=True)
class ExampleHeader:
    """The ``[example]`` table: whose example it is, and the synthetic who and when."""

    regime: str
    description: str
    council: str = DEFAULT_COUNCIL
    start: date | None = None  # default: a working day that keeps the regime's day-one rule
    team: list[str] | None = None  # default: the starter team (``inspectkit init``'s)
    seed: int | None = None  # default: the regime's year
    caselist_rows: int = DEFAULT_CASELIST_ROWS


@frozen(kw_only=True)
class Example:
    """One example inspection, checked against its installed regime."""

    name: str
    regime: str
    council: str
    start: date
    description: str
    path: Path
    caselist_rows: int
    seed: int
    inspection_body: str
    team_titles: tuple[str, ...] | None = None

    def body(self) -> str:
        """The inspection file's own tables, as the example wrote them (comments included)."""
        return self.inspection_body

    def team(self) -> tuple[str, ...] | None:
        """The example's team, or None for the starter team."""
        return self.team_titles


@frozen(kw_only=True)
class InstalledExamples:
    examples: tuple[Example, ...] = ()
    notes: tuple[str, ...] = ()  # one line per example (or plugin hook) that cannot be used
    failures: tuple[str, ...] = ()  # a line per plugin hook that failed checking an example
    failed_regimes: frozenset[str] = frozenset()  # the regimes those examples are of

    def for_regime(self, regime_id: str) -> list[Example]:
        return [e for e in self.examples if e.regime == regime_id]


def installed_examples(host: PluginHost) -> InstalledExamples:
    """Every example the installed plugins register that can be used, and a note for each
    that cannot (a broken file, an unknown regime, a name already taken)."""
    files, notes = host.example_files()
    examples: list[Example] = []
    failures: list[str] = []
    failed: set[str] = set()
    for path in files:
        try:
            example = load_example(path, host)
        except PluginHookError as exc:  # not the example's fault: the run fails, naming it
            failures += [f"{path}: {line}" for line in exc.problems]
            failed.add(read_example_file(path)[0].regime)
            continue
        except InputError as exc:
            notes += exc.problems
            continue
        if any(e.name == example.name for e in examples):
            notes.append(f"{path}: another example is already named {example.name!r}; skipped")
            continue
        examples.append(example)
    return InstalledExamples(examples=tuple(examples), notes=tuple(notes), failures=tuple(failures))


def load_example(path: Path, host: PluginHost) -> Example:
    """The example in ``path``, checked as the demo will use it; InputError naming the file."""
    header, body = read_example_file(path)
    try:
        regime = host.regime(header.regime).regime
    except InputError as exc:
        raise InputError([f"{path}: {HEADER_TABLE}.regime: {p}" for p in exc.problems]) from None
    start = header.start or fallback_start(regime)
    try:
        plan_inspection(regime, start, host=host)
    except PluginHookError:
        raise
    except InputError as exc:
        raise InputError([f"{path}: {HEADER_TABLE}.start: {p}" for p in exc.problems]) from None
    text = starter_header(regime, header.council, start, header.team) + "\n" + body
    raw = structure_strictly(tomllib.loads(text), InspectionFile, path)
    check_against_regime(raw, regime, path)
    return Example(
        name=path.stem,
        regime=regime.id,
        council=header.council,
        start=start,
        description=header.description,
        path=path,
        caselist_rows=header.caselist_rows,
        seed=header.seed if header.seed is not None else regime.year,
        inspection_body=body,
        team_titles=tuple(header.team) if header.team is not None else None,
    )


def read_example_file(path: Path) -> tuple[ExampleHeader, str]:
    """The ``[example]`` table, and the rest of the file's text: the inspection's own tables.

    The body keeps the file's comments (they explain the example in the demo's
    inspection file), so it is the text with the ``[example]`` table's lines taken
    out — checked by parsing it again, so what the demo writes is what was read.
    """
    data = read_toml(path)
    table = data.get(HEADER_TABLE)
    if not isinstance(table, dict):
        raise InputError.single(
            f"{path}: expected an [{HEADER_TABLE}] table naming the regime and describing the "
            "example, before the inspection's own tables"
        )
    header = structure_strictly(table, ExampleHeader, path, table=HEADER_TABLE)
    problems = [
        f"{path}: {key}: give it in the [{HEADER_TABLE}] table (the demo writes the inspection "
        "file's header from it)"
        for key in data
        if key in HEADER_KEYS
    ]
    problems += _header_problems(path, header)
    if problems:
        raise InputError(problems)
    body = _without_header_table(path.read_text(encoding="utf-8"))
    rest = {key: value for key, value in data.items() if key != HEADER_TABLE}
    try:
        same = body is not None and tomllib.loads(body) == rest
    except tomllib.TOMLDecodeError:
        same = False
    if not same:
        raise InputError.single(
            f"{path}: write [{HEADER_TABLE}] as a table of its own (its header line, then its "
            "keys), before or after the inspection's own tables"
        )
    assert body is not None
    return header, body


def _header_problems(path: Path, header: ExampleHeader) -> list[str]:
    where = f"{path}: {HEADER_TABLE}"
    problems = []
    if not header.description.strip():
        problems.append(f"{where}.description: must not be empty")
    if not header.council.strip():
        problems.append(f"{where}.council: must not be empty")
    if not 1 <= header.caselist_rows <= 100_000:
        problems.append(f"{where}.caselist_rows: expected 1 to 100000 fake cases")
    return problems


def _without_header_table(text: str) -> str | None:
    """``text`` without the ``[example]`` header line and the lines up to the next table."""
    lines = text.splitlines(keepends=True)
    first = next((i for i, line in enumerate(lines) if _HEADER_LINE.match(line)), None)
    if first is None:
        return None
    after = range(first + 1, len(lines))
    end = next((i for i in after if lines[i].lstrip().startswith("[")), len(lines))
    return "".join(lines[:first] + lines[end:])


def fallback_start(regime: Regime) -> date:
    """For an example that gives no start: the first working day from 1 March of the
    regime's year that keeps its day-one rule (the weekday day 1 falls on), so its plan
    raises no warning."""
    rule = regime.timeline.start_rule
    wanted = _WEEKDAYS.index(rule.weekday) if rule and rule.weekday else None
    calendar = WorkingCalendar()
    day = date(max(regime.year, 2009), 3, 1)
    while not calendar.is_working_day(day) or (wanted is not None and day.weekday() != wanted):
        day += timedelta(days=1)
    return day
