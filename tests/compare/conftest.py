"""Fixtures for the comparison tests: the three shipped regimes, compared from one start."""

from __future__ import annotations

from datetime import date

import pytest

from inspectkit.compare import Comparison, build_comparison
from inspectkit.crosswalk import Crosswalk, load_crosswalks
from inspectkit.model import Regime
from inspectkit.plugins import get_host

SHIPPED = ("slac_2009", "cra_2010", "child_protection_2012")
# Monday 17 October 2011: the Sunderland CRA inspection's preparation day (Sunderland 2012 §3.1).
START = date(2011, 10, 17)


@pytest.fixture(scope="session")
def shipped() -> list[Regime]:
    return [get_host().regime(regime_id).regime for regime_id in SHIPPED]


@pytest.fixture(scope="session")
def plugin_crosswalks(shipped: list[Regime]) -> list[Crosswalk]:
    return load_crosswalks(shipped, plugin_files=get_host().crosswalk_files())


@pytest.fixture(scope="session")
def dated(shipped: list[Regime], plugin_crosswalks: list[Crosswalk]) -> Comparison:
    return build_comparison(shipped, start=START, crosswalks=plugin_crosswalks)


@pytest.fixture(scope="session")
def undated(shipped: list[Regime]) -> Comparison:
    return build_comparison(shipped)
