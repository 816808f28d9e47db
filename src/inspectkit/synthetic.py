"""Synthetic inspections at national scale: one workspace folder per council, made up.

For measuring and testing the outcomes pages over a whole country's inspections without
a real one: ``national_set`` makes, deterministically from a seed, one inspection for
each of ``councils`` councils (152 by default, England's number of councils with
children's services).  No public list of those councils is among this project's
sources, so every council is called "Synthetic council NNN", every finding says it is
synthetic, and nothing here may be read as a real outcome.

The first councils carry a *known answer*: a regime, an area and exactly how many
inspections got each grade.  By default it is the 2012 child protection inspections'
published national result — 68 inspections with overall effectiveness 0 outstanding,
7 good, 38 adequate and 23 inadequate (the regime's own scale notes cite it) — so a test
can check that what is imported is counted exactly.  The other councils are inspected
under the other installed regimes in turn, each area graded (or given findings of each
type) at random from the regime's own scale: whether a regime is graded is the model's
to say.  Milestones are recorded done on time, late or not at all, so deadlines have
something to count.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

from attrs import frozen

from inspectkit.calendar import WorkingCalendar
from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.model.inspection import Finding, Inspection
from inspectkit.plugins import PluginHost
from inspectkit.timeline import Plan, plan_inspection
from inspectkit.workspace.init import default_team
from inspectkit.workspace.writer import workspace_files, write_workspace

ENGLISH_COUNCILS = 152
SYNTHETIC_PREFIX = "Synthetic council "
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
SYNTHETIC_TEXT = "Synthetic finding made by inspectkit for testing; not a real inspection."


@frozen(kw_only=True)
class KnownAnswer:
    """Exactly ``counts[level]`` inspections of ``regime_id`` graded ``level`` for ``area``."""

    regime_id: str
    area: str
    counts: Mapping[str, int]

    @property
    def inspections(self) -> int:
        return sum(self.counts.values())


CHILD_PROTECTION_2012_RESULTS = KnownAnswer(
    regime_id="child_protection_2012",
    area="overall_effectiveness",
    counts={"outstanding": 0, "good": 7, "adequate": 38, "inadequate": 23},
)
"""2012-13: 0 outstanding, 7 good, 38 adequate, 23 inadequate (68 in all); the regime's
own scale notes cite "Ofsted reports 2012-13" for it."""


@frozen(kw_only=True)
class Synthetic:
    name: str  # the workspace folder's name
    regime: Regime
    inspection: Inspection
    plan: Plan


def council_name(number: int) -> str:
    return f"{SYNTHETIC_PREFIX}{number:03d}"


def national_set(
    host: PluginHost,
    *,
    councils: int = ENGLISH_COUNCILS,
    known: KnownAnswer | None = CHILD_PROTECTION_2012_RESULTS,
    seed: int = 2012,
) -> list[Synthetic]:
    """One synthetic inspection per council; the known answer's first (InputError when
    its regime is not installed or there are fewer councils than it needs)."""
    chooser = random.Random(seed)
    regimes = host.regime_models()
    made: list[Synthetic] = []
    if known is not None:
        regime = host.regime(known.regime_id).regime
        if known.inspections > councils:
            raise InputError.single(
                f"the known answer needs {known.inspections} councils; {councils} asked for"
            )
        levels = [level for level, n in known.counts.items() for _ in range(n)]
        chooser.shuffle(levels)
        for level in levels:
            made.append(_made(len(made) + 1, regime, chooser, fixed={known.area: level}))
    others = [r for r in regimes if known is None or r.id != known.regime_id] or regimes
    while len(made) < councils:
        made.append(_made(len(made) + 1, others[len(made) % len(others)], chooser, fixed={}))
    return made


def write_national_set(out: Path, made: Sequence[Synthetic]) -> list[Path]:
    """Each synthetic inspection as a workspace folder ``out/NAME`` (inspection file and
    plan), as ``inspectkit init`` would lay it out; the folders written."""
    folders = []
    for item in made:
        folder = out / item.name
        write_workspace(folder, workspace_files(item.inspection, item.regime, item.plan))
        folders.append(folder)
    return folders


def _made(number: int, regime: Regime, chooser: random.Random, fixed: dict[str, str]) -> Synthetic:
    start, plan = _start(regime, chooser)
    council = council_name(number)
    inspection = Inspection(
        regime=regime.id,
        council=council,
        start=start,
        team=tuple(default_team(regime)),
        findings=_findings(regime, chooser, fixed),
        done=_done(regime, plan, chooser),
    )
    return Synthetic(
        name=f"synthetic-{number:03d}-{regime.id}".replace("_", "-"),
        regime=regime,
        inspection=inspection,
        plan=plan,
    )


def _start(regime: Regime, chooser: random.Random) -> tuple[date, Plan]:
    """A working day on the regime's start weekday (Monday if it names none) in the
    year after it came into force, planned."""
    calendar = WorkingCalendar()
    rule = regime.timeline.start_rule
    weekday = _WEEKDAYS.index(rule.weekday) if rule and rule.weekday else 0
    parts = [int(p) for p in regime.in_force.date.split("-")] + [1, 1]
    first = date(max(parts[0], 2009), parts[1], parts[2]) + timedelta(days=30)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * chooser.randrange(40))
    for _ in range(20):
        if calendar.is_working_day(day):
            try:
                return day, plan_inspection(regime, day, calendar)
            except InputError:
                pass
        day += timedelta(days=7)
    raise InputError.single(f"{regime.id}: no working day to start a synthetic inspection on")


def _findings(regime: Regime, chooser: random.Random, fixed: dict[str, str]) -> tuple[Finding, ...]:
    """Every graded area graded (``fixed`` where given); or, ungraded, one to three
    findings of random types in random areas."""
    every = [area for _, area in regime.evaluation.walk()]
    areas = [area for area in every if area.graded] or every
    levels = [level.id for level in regime.scale.levels]
    if not areas or not levels:
        return ()
    if regime.scale.graded:
        return tuple(
            Finding(area=a.id, level=fixed.get(a.id) or chooser.choice(levels), text=SYNTHETIC_TEXT)
            for a in areas
        )
    return tuple(
        Finding(area=chooser.choice(areas).id, level=chooser.choice(levels), text=SYNTHETIC_TEXT)
        for _ in range(chooser.randint(1, 3))
    )


def _done(regime: Regime, plan: Plan, chooser: random.Random) -> dict[str, date]:
    """Dated milestones done on time (70 in 100), late (15) or not yet (15); the
    publication done for three in four inspections."""
    done = {}
    for planned in plan.milestones:
        deadline = planned.due or planned.last
        roll = chooser.random()
        if roll < 0.70:
            done[planned.id] = deadline
        elif roll < 0.85:
            done[planned.id] = deadline + timedelta(days=chooser.randint(1, 10))
    final = regime.publication_milestone
    if final and chooser.random() < 0.75:
        done.setdefault(final, plan.end + timedelta(days=chooser.randint(0, 20)))
    else:
        done.pop(final, None)
    return done


def is_synthetic(council: str) -> bool:
    """True for a council this module made up (its name says so)."""
    return council.startswith(SYNTHETIC_PREFIX)
