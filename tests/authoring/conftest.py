"""Fixtures for the plugin-authoring tests: a freshly scaffolded project, and filling it in."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from inspectkit.scaffold import create_regime_project

# "key = "TODO ..."": the placeholders the scaffold writes into its TOML data
_TODO_VALUE = re.compile(r'(?P<key>\w+) = "TODO[^"]*"')

FILLED_SOURCE = "public: filled in by the authoring tests"
FILLED_TEXT = "not specified in the sources (filled in by the authoring tests)"


def fill_todos(project: Path) -> int:
    """Replace every TODO value in the project's regime data; return how many were replaced.

    Citations become a ``public:`` source and every other value a sentence saying
    "not specified" — which is also what an unbounded Measure's text must say.
    """

    def replace(match: re.Match[str]) -> str:
        value = FILLED_SOURCE if match["key"] == "source" else FILLED_TEXT
        return f'{match["key"]} = "{value}"'

    replaced = 0
    for data_file in sorted(project.glob("src/*/regime/*.toml")):
        text, count = _TODO_VALUE.subn(replace, data_file.read_text(encoding="utf-8"))
        data_file.write_text(text, encoding="utf-8")
        replaced += count
    return replaced


@pytest.fixture
def scaffold(tmp_path: Path) -> Callable[..., Path]:
    """Create a project for regime ``name`` under ``tmp_path`` and return its folder."""

    def create(name: str = "authoring_2030", title: str | None = None) -> Path:
        return create_regime_project(name, tmp_path, title=title)

    return create


@pytest.fixture
def fill() -> Callable[[Path], int]:
    return fill_todos
