"""Helpers for sampling tests: case lists written from dicts of canonical values."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

from inspectkit.caselist import CaseList, read_case_list
from inspectkit.model import Regime

# Column heading for each canonical field these tests use.
HEADINGS = {
    "case_reference": "Child Unique ID",
    "referral_date": "Date of referral",
    "date_of_birth": "Date of Birth",
    "gender": "Gender",
    "ethnicity": "Ethnicity",
    "looked_after": "Looked after",
    "cp_plan_status": "Child protection plan",
    "case_status": "Case status",
    "closed_date": "Date closed",
    "left_care_date": "Date left care",
    "cra_category": "Case tracking category",
    "cra_outcome": "Outcome",
    "placement_category": "Placement",
    "journey_stage": "Journey stage",
}
# Columns written only when a row gives them (so the pinned samples' input files stay as they were).
OPTIONAL_HEADINGS = {"care_leaver": "Care leaver"}
BASE = {
    "referral_date": "2011-01-10",
    "date_of_birth": "2004-05-06",
    "gender": "1",
    "ethnicity": "WBRI",
    "looked_after": "N",
    "cp_plan_status": "None",
    "case_status": "Open",
    "cra_category": "Referral",
    "cra_outcome": "Proceeded",
    "journey_stage": "CIN",
}

MakeCases = Callable[[Regime, Sequence[Mapping[str, str]]], CaseList]


def write_cases(path: Path, rows: Sequence[Mapping[str, str]]) -> Path:
    """Write rows (canonical field → code) with BASE filling the gaps; refs R-0001…"""
    headings = {
        **HEADINGS,
        **{f: h for f, h in OPTIONAL_HEADINGS.items() if any(f in r for r in rows)},
    }
    fields = list(headings)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([headings[f] for f in fields])
        for number, row in enumerate(rows, start=1):
            values = {**BASE, "case_reference": f"R-{number:04d}", **row}
            writer.writerow([values.get(f, "") for f in fields])
    return path


@pytest.fixture
def make_cases(tmp_path: Path) -> MakeCases:
    counter = iter(range(10_000))

    def make(regime: Regime, rows: Sequence[Mapping[str, str]]) -> CaseList:
        path = write_cases(tmp_path / f"cases{next(counter)}.csv", rows)
        return read_case_list(path, regime)

    return make
