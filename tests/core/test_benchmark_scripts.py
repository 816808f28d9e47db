"""The benchmark scripts still run.

Their timings are not part of CI (shared machines are too noisy to gate on), but a
script broken by a change to the API it measures would otherwise be found only the
next time someone measures: ``bench_sampling.py`` went on importing a sample writer
that had been renamed.  So the sampling benchmark runs here on a small list, writing
its figures to a temporary file, never over ``benchmarks/results/``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_sampling_benchmark_runs_on_a_small_list(tmp_path: Path) -> None:
    results = tmp_path / "sampling.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "bench_sampling.py"),
            *("--rows", "3000", "--small-rows", "500", "--repeat", "1"),
            *("--results", str(results)),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    figures = json.loads(results.read_text(encoding="utf-8"))
    assert figures["rows"] == 3000 and figures["small"]["rows"] == 500
    assert figures["inspectkit"]["validate_and_sample_s"] > 0
    assert figures["polars_read_csv"]["read_s"] > 0
