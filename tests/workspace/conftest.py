"""Fixtures for workspace tests: write an inspection file for an installed regime."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

HEADER = """regime = "{regime}"
council = "{council}"
start = {start}
team = ["Lead inspector, HMI", "Team inspector, HMI"]
"""

START = {"cra_2010": "2011-10-17", "slac_2009": "2009-11-02", "child_protection_2012": "2012-06-11"}

WriteInspection = Callable[..., Path]


@pytest.fixture
def write_inspection(tmp_path: Path) -> WriteInspection:
    """``write_inspection(body, regime=...)`` → the workspace folder holding inspection.toml."""

    def write(
        body: str,
        regime: str = "cra_2010",
        council: str = "Northwold Borough Council",
        header: str | None = None,
        folder: str = "ws",
    ) -> Path:
        directory = tmp_path / folder
        directory.mkdir(exist_ok=True)
        top = (
            header
            if header is not None
            else HEADER.format(regime=regime, council=council, start=START[regime])
        )
        (directory / "inspection.toml").write_text(top + "\n" + body, encoding="utf-8")
        return directory

    return write
