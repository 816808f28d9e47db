"""``serve --demo``: the examples built beside the migrations, stored once, never twice.

The browser tests start ``serve --demo`` and then upload and draw in a worker, which
proves the demo's polars work stayed out of the process gunicorn forks.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tests.web.serving import run_inspectkit, serve_env, start_server

from inspectkit.examples import installed_examples
from inspectkit.plugins import get_host
from inspectkit.web.demo_process import DemoBuild


def test_a_build_left_before_the_database_is_migrated_stores_nothing_and_ends() -> None:
    began = time.perf_counter()
    with DemoBuild() as build:
        folder = Path(build._folder.name)
        assert folder.is_dir()
    # told to stop, the spawned process ends: nothing waits for a migration that failed
    assert not folder.exists()
    assert time.perf_counter() - began < 60


@pytest.mark.slow
def test_serve_demo_stores_every_example_once(tmp_path: Path, server_database: str) -> None:
    examples = len(installed_examples(get_host()).examples)
    assert examples >= 3  # one at least for each bundled regime
    with start_server(tmp_path, "--demo", database=server_database) as server:
        (line,) = [line for line in server.output if line.startswith("demo:")]
    assert line.startswith(f"demo: {examples} example inspections added, 0 already")
    assert not [e for e in server.errors if "Traceback" in e]
    with start_server(tmp_path, "--demo", database=server_database) as again:
        (line,) = [line for line in again.output if line.startswith("demo:")]
    assert line == f"demo: 0 example inspections added, {examples} already in the store"


@pytest.mark.slow
def test_serve_demo_on_an_unmigrated_database_refused_with_no_migrate(
    tmp_path: Path, server_database: str
) -> None:
    env = serve_env(tmp_path, INSPECTKIT_DATABASE_URL=server_database)
    result = run_inspectkit(["serve", "--demo", "--no-migrate", "--port", "0"], env, timeout=90)
    assert result.returncode == 2, result.stderr
    (said,) = result.stderr.strip().splitlines()
    assert "migrations are not applied" in said
    assert "demo:" not in result.stdout
