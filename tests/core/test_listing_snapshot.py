"""The regimes listing snapshot: used while it holds, never once anything it read changes.

Each run is a fresh interpreter, as a user's would be, with a fake plugin package on
its path and a cache folder of the test's own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from tests.core.conftest import MINI_REGIME
from tests.core.test_plugins import write_fake_distribution

from inspectkit import listing_snapshot
from inspectkit.listing_snapshot import current_listing, snapshot_path

# Prints the listing and whether the plugin machinery had to be imported for it.
LIST = (
    "import json, sys\n"
    "from inspectkit.listing_snapshot import current_listing\n"
    "listing = current_listing()\n"
    "print(json.dumps({'listing': listing, 'loaded': sorted(\n"
    "    m for m in ('pluggy', 'attrs', 'importlib.metadata', 'inspectkit.plugins')\n"
    "    if m in sys.modules)}))\n"
)

PLUGIN = """
from pathlib import Path
from inspectkit import hookimpl, load_regime

@hookimpl
def inspectkit_register_regimes(register):
    register(load_regime(Path(__file__).parent / "regime"))
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A path entry holding one installed, valid plugin package (the mini regime)."""
    site = tmp_path / "site"
    write_fake_distribution(site, "mini", "")
    (site / "mini_module.py").unlink()
    package = site / "mini_module"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(PLUGIN))
    shutil.copytree(MINI_REGIME, package / "regime")
    return site


def run_listing(site: Path, tmp_path: Path, **env: str) -> dict[str, Any]:
    """List in a fresh interpreter, from a working folder nothing else writes to.

    (With ``python -c`` the working folder is on ``sys.path``, so it is watched.)
    """
    workdir = tmp_path / "workdir"
    workdir.mkdir(exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", LIST],
        capture_output=True,
        text=True,
        cwd=workdir,
        env={
            **os.environ,
            "PYTHONPATH": str(site),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
            **env,
        },
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def titles(result: dict[str, Any]) -> dict[str, str]:
    return {row["id"]: row["title"] for row in result["listing"]["regimes"]}


def primed(site: Path, tmp_path: Path) -> dict[str, Any]:
    """Run once with caching off (so every __pycache__ exists), then once to save."""
    run_listing(site, tmp_path, INSPECTKIT_NO_CACHE="1")
    first = run_listing(site, tmp_path)
    assert first["loaded"], "the first listing must come from loading the plugins"
    return first


def test_second_listing_comes_from_the_snapshot_without_loading_plugins(
    site: Path, tmp_path: Path
) -> None:
    first = primed(site, tmp_path)
    second = run_listing(site, tmp_path)
    assert second["loaded"] == []
    assert second["listing"] == first["listing"]
    assert titles(second)["mini_2020"] == "Mini regime for tests"


def test_edited_regime_data_is_seen_at_once(site: Path, tmp_path: Path) -> None:
    primed(site, tmp_path)
    data = site / "mini_module" / "regime" / "regime.toml"
    data.write_text(data.read_text().replace("Mini regime for tests", "Renamed mini regime"))
    after = run_listing(site, tmp_path)
    assert after["loaded"]
    assert titles(after)["mini_2020"] == "Renamed mini regime"


def test_new_regime_file_in_a_plugin_package_is_seen(site: Path, tmp_path: Path) -> None:
    primed(site, tmp_path)
    (site / "mini_module" / "regime" / "extra.toml").write_text("typo_key = 1\n")
    after = run_listing(site, tmp_path)
    assert after["loaded"]
    assert "mini_2020" not in titles(after)
    (broken,) = after["listing"]["broken"]
    assert broken["entry_point"] == "mini"


def test_newly_installed_broken_plugin_is_listed_and_never_snapshotted(
    site: Path, tmp_path: Path
) -> None:
    primed(site, tmp_path)
    write_fake_distribution(site, "broken_regime", "raise ImportError('no shiny_dependency')\n")
    for _ in range(2):
        after = run_listing(site, tmp_path)
        assert after["loaded"]
        (broken,) = after["listing"]["broken"]
        assert broken["reason"] == "import failed: ImportError: no shiny_dependency"
        assert "mini_2020" in titles(after)


def test_uninstalled_plugin_disappears(site: Path, tmp_path: Path) -> None:
    primed(site, tmp_path)
    shutil.rmtree(site / "mini-0.9.dist-info")
    after = run_listing(site, tmp_path)
    assert "mini_2020" not in titles(after)


def test_caching_off_means_no_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTKIT_NO_CACHE", "1")
    assert snapshot_path() is None
    assert current_listing()["regimes"]


def test_unreadable_snapshot_falls_back_to_loading(tmp_path: Path) -> None:
    path = snapshot_path()
    assert path is not None
    Path(path).parent.mkdir(parents=True)
    Path(path).write_text('{"interpreter": [], "watched": 3')
    listing = current_listing()
    assert {row["id"] for row in listing["regimes"]} >= {"cra_2010", "slac_2009"}
    saved = json.loads(Path(path).read_text())
    assert saved["listing"] == listing


def test_snapshot_is_not_saved_when_an_input_changes_during_the_load(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(listing_snapshot.time, "time_ns", lambda: 0)
    current_listing()
    path = snapshot_path()
    assert path is not None and not Path(path).exists()


def test_cli_listing_from_the_snapshot_imports_nothing_heavy(site: Path, tmp_path: Path) -> None:
    """Guards start-up (issue 2) without timing: what `inspectkit regimes` imports."""
    primed(site, tmp_path)
    code = (
        "import sys\n"
        "from inspectkit.cli import main\n"
        "main(['regimes'])\n"
        "heavy = ('pluggy', 'attrs', 'cattrs', 'importlib.metadata', 'docxtpl', 'holidays',\n"
        "         'openpyxl', 'babel', 'jinja2', 'inspectkit.model')\n"
        "print('IMPORTED', sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path / "workdir",
        env={**os.environ, "PYTHONPATH": str(site), "XDG_CACHE_HOME": str(tmp_path / "cache")},
        check=True,
    )
    assert "mini_2020" in done.stdout
    assert "IMPORTED []" in done.stdout
