"""Benchmark: validate and sample a case list, against a bare polars read of the same file.

Run with ``python benchmarks/bench_sampling.py [--rows 1000000] [--regime slac_2009]``.
Each measurement runs in its own subprocess so peak memory (``ru_maxrss``) belongs
to that job alone; times are taken inside the subprocess, so interpreter start-up
and imports are excluded from both sides.  Ratios are measured in the same run
because absolute times drift on shared machines.  Results go to
``benchmarks/results/sampling.json``.

Targets (issue 12): read, validate and sample 1,000,000 rows in one process in no
more than 2.0x a bare ``polars.read_csv`` of the same file with every column as text,
at a peak of 400 MiB or less; 50,000 rows validated and sampled in 0.15 s or less.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).with_name("results") / "sampling.json"
ON = date(2011, 10, 18)
SEED = 2011

OURS = """
import resource, sys, time
from datetime import date
from pathlib import Path
t0 = time.perf_counter()
from inspectkit.caselist import read_case_list
from inspectkit.plugins import get_host
from inspectkit.sampling import draw_sample, write_sample_csv
regime = get_host().regime(sys.argv[2]).regime
t1 = time.perf_counter()
cases = read_case_list(Path(sys.argv[1]), regime)
t2 = time.perf_counter()
record = draw_sample(regime, cases, seed=int(sys.argv[3]), on=date.fromisoformat(sys.argv[4]))
t3 = time.perf_counter()
write_sample_csv(record, Path(sys.argv[5]))
t4 = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
warm = 0.0
if len(sys.argv) > 6:  # again in the same process: imports and first-use costs paid
    t5 = time.perf_counter()
    again = read_case_list(Path(sys.argv[1]), regime)
    draw_sample(regime, again, seed=int(sys.argv[3]), on=date.fromisoformat(sys.argv[4]))
    warm = time.perf_counter() - t5
print(t2 - t1, t3 - t2, t4 - t3, t4 - t1, peak, len(cases), warm)
"""

POLARS = """
import resource, sys, time
import polars as pl
t1 = time.perf_counter()
frame = pl.read_csv(sys.argv[1], infer_schema=False)
t2 = time.perf_counter()
print(t2 - t1, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, frame.height)
"""


def run(code: str, *args: str) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"benchmark step failed:\n{done.stderr}")
    return [float(x) for x in done.stdout.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--small-rows", type=int, default=50_000)
    parser.add_argument("--regime", default="slac_2009")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is kept")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the figures go")
    options = parser.parse_args()

    from inspectkit.caselist.fake import write_fake_case_list
    from inspectkit.plugins import get_host

    results: dict[str, Any] = {
        "regime": options.regime,
        "seed": SEED,
        "on": ON.isoformat(),
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
    }
    installed = get_host().regime_models()
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "cases.csv"
        small = Path(folder) / "small.csv"
        write_fake_case_list(big, options.rows, SEED, ON, installed)
        write_fake_case_list(small, options.small_rows, SEED, ON, installed)
        out = str(Path(folder) / "sample.csv")
        ours, theirs = [], []
        for _ in range(options.repeat):  # interleaved, so drifting load hits both alike
            ours.append(run(OURS, str(big), options.regime, str(SEED), ON.isoformat(), out))
            theirs.append(run(POLARS, str(big)))
        smalls = [
            run(OURS, str(small), options.regime, str(SEED), ON.isoformat(), out, "warm")
            for _ in range(options.repeat)
        ]
        size_mib = big.stat().st_size / 2**20
    best_ours = min(ours, key=lambda r: r[0] + r[1])
    best_polars = min(theirs, key=lambda r: r[0])
    best_small = min(smalls, key=lambda r: r[0] + r[1])
    ours_time = best_ours[0] + best_ours[1]
    small_time = best_small[0] + best_small[1]
    small_warm = min(r[6] for r in smalls)
    results.update(
        {
            "rows": options.rows,
            "file_mib": round(size_mib, 1),
            "inspectkit": {
                "read_validate_s": round(best_ours[0], 3),
                "sample_s": round(best_ours[1], 3),
                "validate_and_sample_s": round(ours_time, 3),
                "write_s": round(best_ours[2], 3),
                "peak_mib": round(best_ours[4] / 1024, 1),
                "all_runs_s": [round(r[0] + r[1], 3) for r in ours],
            },
            "polars_read_csv": {
                "read_s": round(best_polars[0], 3),
                "peak_mib": round(best_polars[1] / 1024, 1),
                "all_runs_s": [round(r[0], 3) for r in theirs],
            },
            "ratio_to_polars": round(ours_time / best_polars[0], 2),
            "pair_ratios": [
                round((o[0] + o[1]) / t[0], 2) for o, t in zip(ours, theirs, strict=True)
            ],
            "small": {
                "rows": options.small_rows,
                "validate_and_sample_s": round(small_time, 3),
                "all_runs_s": [round(r[0] + r[1], 3) for r in smalls],
                "warm_s": round(small_warm, 3),
                "warm_runs_s": [round(r[6], 3) for r in smalls],
            },
            "targets": {"ratio_to_polars": 2.0, "peak_mib": 400, "small_s": 0.15},
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        }
    )
    options.results.parent.mkdir(parents=True, exist_ok=True)
    options.results.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    rows = [
        ("validate + sample, inspectkit", f"{ours_time:.2f} s", f"{best_ours[4] / 1024:.0f} MiB"),
        (
            "polars.read_csv, all text",
            f"{best_polars[0]:.2f} s",
            f"{best_polars[1] / 1024:.0f} MiB",
        ),
        ("ratio (target <= 2.0)", f"{results['ratio_to_polars']:.2f}x", ""),
        (f"{options.small_rows:,} rows, fresh process", f"{small_time:.3f} s", ""),
        (f"{options.small_rows:,} rows, warm (target <= 0.15 s)", f"{small_warm:.3f} s", ""),
    ]
    print(f"{options.rows:,} rows, {size_mib:.0f} MiB, regime {options.regime}")
    for name, took, memory in rows:
        print(f"  {name:<45} {took:>9}  {memory}")
    print(f"wrote {options.results}")


if __name__ == "__main__":
    main()
