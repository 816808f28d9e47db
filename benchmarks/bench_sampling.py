"""Benchmark: validate and sample a case list, against pandas on the same file.

Run with ``python benchmarks/bench_sampling.py [--rows 1000000] [--regime slac_2009]``.
Each measurement runs in its own subprocess so peak memory (``ru_maxrss``) belongs
to that job alone; times are taken inside the subprocess, so interpreter start-up
is excluded from both sides.  Ratios are measured in the same run because
absolute times drift on shared machines.  Results go to
``benchmarks/results/sampling.json``.

Targets (issue 5): validate + sample 1,000,000 rows in no more than 1.0x the time
pandas takes for ``read_csv`` + ``groupby([...]).sample(n, random_state=...)``,
at a peak of 400 MiB or less; 50,000 rows end to end in 0.3 s or less.
pandas is needed only here; it is not a dependency of inspectkit.

A CSV list of 4 MiB or more is read by two processes on Linux with two free CPUs
(``inspectkit.caselist.halves``): the reading child's peak memory is reported
separately (``child_peak_mib``), and ``cpus``/``load_average`` record the machine,
since the ratio depends on a second core being free.
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
from inspectkit.sampling import draw_sample, write_sample
regime = get_host().regime(sys.argv[2]).regime
t1 = time.perf_counter()
cases = read_case_list(Path(sys.argv[1]), regime)
t2 = time.perf_counter()
record = draw_sample(regime, cases, seed=int(sys.argv[3]), on=date.fromisoformat(sys.argv[4]))
t3 = time.perf_counter()
write_sample(record, Path(sys.argv[5]))
t4 = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(t2 - t1, t3 - t2, t4 - t3, t4 - t1, peak, len(cases), child)
"""

# The same, with the list read by this one process (as on one CPU, or off Linux).
ONE_PROCESS = OURS.replace(
    "from inspectkit.caselist import read_case_list\n",
    "from inspectkit.caselist import read_case_list, halves\nhalves.forkable = lambda: False\n",
)
assert ONE_PROCESS != OURS

PANDAS = """
import resource, sys, time
t0 = time.perf_counter()
import pandas as pd
t1 = time.perf_counter()
frame = pd.read_csv(sys.argv[1])
t2 = time.perf_counter()
columns = sys.argv[2].split("|")
sample = frame.groupby(columns, dropna=False).sample(n=1, random_state=int(sys.argv[3]))
t3 = time.perf_counter()
print(t2 - t1, t3 - t2, t3 - t1, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(sample))
"""

# The columns the slac_2009 rules stratify by, as the fake list heads them.
PANDAS_GROUPS = "Looked after|Child protection plan|Placement"


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
    options = parser.parse_args()

    from inspectkit.caselist.fake import write_fake_case_list

    results: dict[str, Any] = {
        "regime": options.regime,
        "seed": SEED,
        "on": ON.isoformat(),
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
    }
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "cases.csv"
        small = Path(folder) / "small.csv"
        write_fake_case_list(big, options.rows, SEED, ON)
        write_fake_case_list(small, options.small_rows, SEED, ON)
        out = str(Path(folder) / "sample.csv")
        ours = [
            run(OURS, str(big), options.regime, str(SEED), ON.isoformat(), out)
            for _ in range(options.repeat)
        ]
        theirs = [run(PANDAS, str(big), PANDAS_GROUPS, str(SEED)) for _ in range(options.repeat)]
        alone = [
            run(ONE_PROCESS, str(big), options.regime, str(SEED), ON.isoformat(), out)
            for _ in range(options.repeat)
        ]
        smalls = [
            run(OURS, str(small), options.regime, str(SEED), ON.isoformat(), out)
            for _ in range(options.repeat)
        ]
        size_mib = big.stat().st_size / 2**20
    best_ours = min(ours, key=lambda r: r[2] + r[0] + r[1])
    best_pandas = min(theirs, key=lambda r: r[2])
    best_small = min(smalls, key=lambda r: r[3])
    best_alone = min(alone, key=lambda r: r[0] + r[1])
    ours_time = best_ours[0] + best_ours[1]
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
                "child_peak_mib": round(best_ours[6] / 1024, 1),
                "all_runs_s": [round(r[0] + r[1], 3) for r in ours],
            },
            "pandas": {
                "read_csv_s": round(best_pandas[0], 3),
                "groupby_sample_s": round(best_pandas[1], 3),
                "total_s": round(best_pandas[2], 3),
                "peak_mib": round(best_pandas[3] / 1024, 1),
                "all_runs_s": [round(r[2], 3) for r in theirs],
            },
            "ratio_to_pandas": round(ours_time / best_pandas[2], 2),
            "inspectkit_one_process": {
                "read_validate_s": round(best_alone[0], 3),
                "sample_s": round(best_alone[1], 3),
                "validate_and_sample_s": round(best_alone[0] + best_alone[1], 3),
                "peak_mib": round(best_alone[4] / 1024, 1),
                "ratio_to_pandas": round((best_alone[0] + best_alone[1]) / best_pandas[2], 2),
                "all_runs_s": [round(r[0] + r[1], 3) for r in alone],
            },
            "small": {
                "rows": options.small_rows,
                "end_to_end_s": round(best_small[3], 3),
                "all_runs_s": [round(r[3], 3) for r in smalls],
            },
            "targets": {"ratio_to_pandas": 1.0, "peak_mib": 400, "small_end_to_end_s": 0.3},
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        }
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    rows = [
        (
            "validate + sample, inspectkit",
            f"{ours_time:.2f} s",
            f"{best_ours[4] / 1024:.0f} MiB (reading child {best_ours[6] / 1024:.0f} MiB)",
        ),
        (
            "read_csv + groupby.sample, pandas",
            f"{best_pandas[2]:.2f} s",
            f"{best_pandas[3] / 1024:.0f} MiB",
        ),
        ("ratio (target <= 1.0)", f"{results['ratio_to_pandas']:.2f}x", ""),
        (
            "validate + sample, inspectkit in one process",
            f"{best_alone[0] + best_alone[1]:.2f} s",
            f"{best_alone[4] / 1024:.0f} MiB",
        ),
        (f"{options.small_rows:,} rows end to end (target <= 0.3 s)", f"{best_small[3]:.3f} s", ""),
    ]
    print(f"{options.rows:,} rows, {size_mib:.0f} MiB, regime {options.regime}")
    for name, took, memory in rows:
        print(f"  {name:<45} {took:>9}  {memory}")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
