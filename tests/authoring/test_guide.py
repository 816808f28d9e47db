"""docs/plugin-authors.md stays true to the code it teaches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import inspectkit
from inspectkit import hookspecs
from inspectkit.cli import COMMANDS

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "plugin-authors.md"


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def behaviour_hooks() -> list[str]:
    names = [n for n in dir(hookspecs) if n.startswith("inspectkit_")]
    return [n for n in names if n != "inspectkit_register_regimes"]


def test_every_behaviour_hook_has_a_section_with_an_example(guide: str) -> None:
    for name in behaviour_hooks():
        heading = re.search(rf"^### `{name}\(", guide, re.MULTILINE)
        assert heading, f"no section for {name}"
        rest = guide[heading.end() :]
        section = rest.split("\n### ")[0].split("\n## ")[0]
        assert f"def {name}(" in section, f"no example implementing {name}"


def test_links_to_the_hook_reference(guide: str) -> None:
    assert "(hooks.md)" in guide


def test_every_command_the_guide_runs_exists(guide: str) -> None:
    commands = re.findall(r"^\$ inspectkit ([a-z-]+)", guide, re.MULTILINE)
    assert {"new-regime", "regimes", "plan", "compare"} <= set(commands)
    assert [c for c in commands if c not in COMMANDS] == []


def test_public_api_listed_is_the_package_api(guide: str) -> None:
    listed = guide.split("## The public API")[1]
    for name in set(inspectkit.__all__) - {"__version__"}:
        assert f"`{name}`" in listed, name
