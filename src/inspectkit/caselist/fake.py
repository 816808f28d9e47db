"""Synthetic case lists with real code sets, for demos, tests and benchmarks.

A fake list must exercise what real ones do: CIN census gender and ethnicity
codes, SSDA903 legal status and placement codes, UK and ISO dates, yes/no written
several ways, closed cases, care leavers, an extra column the reader ignores.
It carries no names and no realistic identifiers: references are ``FAKE-000123``.

Columns are the standard fields plus every installed regime's own fields, so
one file serves every regime (the output depends on which regimes are
installed).  A regime field is filled with its declared values, written with
any of their declared codes; a field whose codes include SSDA903 placement
codes is filled only for looked after children, as in a real export.
"""

from __future__ import annotations

import csv
import random
from bisect import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

from inspectkit.case_fields import standard_fields
from inspectkit.errors import InputError
from inspectkit.files import atomic_path
from inspectkit.model import CaseField, Regime

# Public code sets (shared/notes/domain.md), with rough weights for realism.
GENDER_CODES = (("1", 49), ("2", 49), ("0", 1), ("9", 1))
ETHNICITY_CODES = (
    ("WBRI", 70), ("WIRI", 1), ("WOTH", 4), ("WIRT", 1), ("WROM", 1), ("MWBC", 3), ("MWBA", 1),
    ("MWAS", 1), ("MOTH", 2), ("AIND", 1), ("APKN", 3), ("ABAN", 1), ("AOTH", 1), ("BCRB", 2),
    ("BAFR", 3), ("BOTH", 1), ("CHNE", 1), ("OOTH", 1), ("REFU", 1), ("NOBT", 1),
)  # fmt: skip
LEGAL_STATUS_CODES = (
    ("C2", 40), ("C1", 15), ("V2", 25), ("E1", 10), ("V3", 2), ("V4", 1), ("D1", 1), ("L1", 1),
    ("L2", 1), ("L3", 1), ("J1", 1), ("J2", 1), ("J3", 1),
)  # fmt: skip
DISABILITY_CODES = (
    ("NONE", 85), ("MOB", 2), ("HAND", 1), ("PC", 1), ("INC", 1), ("COMM", 2), ("LD", 3),
    ("HEAR", 1), ("VIS", 1), ("BEH", 2), ("CON", 1), ("AUT", 3), ("DDA", 1),
)  # fmt: skip
SSDA903_PLACEMENT_CODES = frozenset(
    ("A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
     "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1")
)  # fmt: skip
YES = (("Y", 6), ("Yes", 3), ("1", 1))
NO = (("N", 6), ("No", 3), ("0", 1))
TEAMS = tuple((f"Team {n}", 1) for n in range(1, 7))
EXTRA_HEADING = "Allocated team"  # a column no regime uses: the reader ignores it

LOOKED_AFTER_SHARE = 0.25
CARE_LEAVER_SHARE = 0.05
CLOSED_SHARE = 0.12


class _Weighted:
    """A seeded weighted choice by bisection (faster than ``random.choices`` per call)."""

    def __init__(self, options: Sequence[tuple[str, int]]) -> None:
        self.values = [v for v, _ in options]
        self.cumulative = list(accumulate(w for _, w in options))
        self.total = self.cumulative[-1]

    def __call__(self, rng: random.Random) -> str:
        return self.values[bisect(self.cumulative, rng.random() * self.total)]


def regime_fields(regimes: Iterable[Regime]) -> list[CaseField]:
    """The regimes' own fields beyond the standard ones, by regime id then declared
    order, once each: the extra columns a fake list carries so every regime given
    (usually every installed one) can sample from it."""
    standard = {f.id for f in standard_fields()}
    found: dict[str, CaseField] = {}
    for regime in sorted(regimes, key=lambda r: r.id):
        for case_field in regime.case_fields:
            if case_field.id not in standard and case_field.id not in found:
                found[case_field.id] = case_field
    return list(found.values())


def _heading(case_field: CaseField) -> str:
    return case_field.headings[0] if case_field.headings else case_field.title


def fake_headings(extra_fields: Sequence[CaseField]) -> list[str]:
    """The column headings a fake list has, in order."""
    extra = list(extra_fields)
    return [*(_heading(f) for f in standard_fields()), *(_heading(f) for f in extra), EXTRA_HEADING]


def iter_fake_rows(
    rows: int, seed: int, on: date, extra_fields: Sequence[CaseField]
) -> Iterator[list[str]]:
    """The fake list's data rows (without the header), generated lazily."""
    if rows < 0:
        raise InputError.single(f"--rows must be 0 or more, not {rows}")
    rng = random.Random(seed)
    extra = list(extra_fields)
    ids = [f.id for f in standard_fields()]
    pick = {
        name: _Weighted(options)
        for name, options in {
            "gender": GENDER_CODES,
            "ethnicity": ETHNICITY_CODES,
            "legal": LEGAL_STATUS_CODES,
            "disability": DISABILITY_CODES,
            "yes": YES,
            "no": NO,
            "team": TEAMS,
        }.items()
    }
    extra_choices = []
    for case_field in extra:
        codes = [(c, 1) for v in case_field.values for c in (v.codes or (v.id,))]
        # Weight each value equally, whatever number of codes it has.
        options = [(c, 1) for v in case_field.values for c in [*(v.codes or (v.id,))][:3]]
        chooser = _Weighted(options) if case_field.values else None
        placement = any(c in SSDA903_PLACEMENT_CODES for c, _ in codes)
        extra_choices.append((chooser, placement))
    width = max(6, len(str(rows)))
    for number in range(1, rows + 1):
        looked_after = rng.random() < LOOKED_AFTER_SHARE
        care_leaver = not looked_after and rng.random() < CARE_LEAVER_SHARE / (
            1 - LOOKED_AFTER_SHARE
        )
        age_days = (
            rng.randint(16 * 365, 21 * 365 - 1) if care_leaver else rng.randint(0, 18 * 365 - 1)
        )
        birth = on - timedelta(days=age_days)
        referral = birth + timedelta(days=rng.randint(0, max(age_days - 1, 0)))
        closed = not looked_after and not care_leaver and rng.random() < CLOSED_SHARE
        values = dict.fromkeys(ids, "")
        values["case_reference"] = f"FAKE-{number:0{width}d}"
        values["referral_date"] = _write_date(rng, referral)
        values["date_of_birth"] = _write_date(rng, birth)
        values["gender"] = pick["gender"](rng)
        values["ethnicity"] = pick["ethnicity"](rng)
        values["disability"] = pick["disability"](rng)
        values["looked_after"] = pick["yes" if looked_after else "no"](rng)
        if looked_after:
            values["legal_status"] = pick["legal"](rng)
            values["cp_plan_status"] = "Previous" if rng.random() < 0.3 else "None"
        else:
            draw = rng.random()
            values["cp_plan_status"] = (
                "Current" if draw < 0.3 else "Previous" if draw < 0.45 else "None"
            )
            if values["cp_plan_status"] != "Current":
                values["cin_plan"] = pick["yes" if rng.random() < 0.5 else "no"](rng)
        if closed:
            values["case_status"] = "Closed"
            low = max(referral, on - timedelta(days=365))
            values["closed_date"] = _write_date(
                rng, low + timedelta(days=rng.randint(0, (on - low).days))
            )
        else:
            values["case_status"] = "Open"
        values["care_leaver"] = "Y" if care_leaver else "N"  # no draw: earlier fields keep theirs
        if care_leaver:
            values["left_care_date"] = _write_date(rng, on - timedelta(days=rng.randint(1, 730)))
        row = list(values.values())
        for chooser, placement in extra_choices:
            row.append(chooser(rng) if chooser and (looked_after or not placement) else "")
        row.append(pick["team"](rng))
        yield row


def _counted(rows: Iterator[list[str]], advance: Callable[[int], None]) -> Iterator[list[str]]:
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % 1000 == 0:
            advance(1000)
    advance(done % 1000)


def _write_date(rng: random.Random, day: date) -> str:
    """Most councils export UK dates; some ISO — the reader must take both."""
    return day.isoformat() if rng.random() < 0.3 else day.strftime("%d/%m/%Y")


def write_fake_case_list(
    path: Path,
    rows: int,
    seed: int,
    on: date,
    regimes: Iterable[Regime],
    advance: Callable[[int], None] | None = None,
) -> Path:
    """Write a synthetic list to ``path`` (CSV or XLSX by extension), atomically, with
    the columns ``regimes`` sample on; ``advance(n)`` is told of every thousand rows
    written (for a progress bar)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError.single(f"{path}: expected a .csv or .xlsx file name")
    extra = regime_fields(regimes)
    headings = fake_headings(extra)
    data = iter_fake_rows(rows, seed, on, extra)
    if advance is not None:
        data = _counted(data, advance)
    with atomic_path(path) as temporary:
        if suffix == ".csv":
            with temporary.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(headings)
                writer.writerows(data)
        else:
            # lazy: keeps openpyxl (148 ms) off the start-up of `serve --demo`'s example build
            from openpyxl import Workbook

            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("Cases")
            sheet.append(headings)
            for row in data:
                sheet.append(row)
            workbook.save(temporary)
    return path
