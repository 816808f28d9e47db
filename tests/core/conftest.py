"""Fixtures for the core's tests: a small valid regime, and a clean plugin host."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspectkit.plugins import reset_host

MINI_REGIME = Path(__file__).parent / "data" / "mini_regime"


@pytest.fixture
def mini_regime_dir(tmp_path: Path) -> Path:
    """A writable copy of the mini regime's data directory."""
    target = tmp_path / "mini_regime"
    shutil.copytree(MINI_REGIME, target)
    return target


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Each test gets its own cache directory and a fresh plugin host."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    reset_host()
    yield
    reset_host()
