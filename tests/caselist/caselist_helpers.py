"""Helpers for case-list tests: write small lists with chosen headings and rows."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from inspectkit.model import Regime
from inspectkit.plugins import get_host

CRA_HEADINGS = (
    "Child Unique ID",
    "Date of referral",
    "Date of Birth",
    "Gender",
    "Ethnicity",
    "Case tracking category",
    "Outcome",
)


def good_row(number: int) -> list[str]:
    return [f"T-{number:04d}", "01/06/2011", "2005-03-04", "1", "WBRI", "Referral", "Proceeded"]


WriteList = Callable[[str, Sequence[str], Sequence[Sequence[str]]], Path]


@pytest.fixture
def write_list(tmp_path: Path) -> WriteList:
    def write(name: str, headings: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
        path = tmp_path / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(headings)
            writer.writerows(rows)
        return path

    return write


@pytest.fixture
def cra() -> Regime:
    return get_host().regime("cra_2010").regime
