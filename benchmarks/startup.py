"""Cold start of `inspectkit regimes` against `pytest --version`, measured in one run.

Issue 2 sets the bar: listing regimes must start no slower than `pytest --version`
on the same machine.  Both are run as fresh processes, interleaved so drifting load on
a shared machine hits both alike; the medians and their ratio are printed and written
to benchmarks/results/startup.json.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 15
RESULTS = Path(__file__).with_name("results") / "startup.json"


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    bin_dir = Path(sys.executable).parent
    inspectkit = [str(bin_dir / "inspectkit"), "regimes"]
    pytest = [str(bin_dir / "pytest"), "--version"]
    if not shutil.which(inspectkit[0]) or not shutil.which(pytest[0]):
        raise SystemExit("run from a venv with inspectkit and pytest installed")
    timed(inspectkit)  # fill the regime cache and the OS file cache once
    ours, peer = [], []
    for _ in range(RUNS):
        ours.append(timed(inspectkit))
        peer.append(timed(pytest))
    result = {
        "runs": RUNS,
        "inspectkit_regimes_median_s": round(statistics.median(ours), 4),
        "pytest_version_median_s": round(statistics.median(peer), 4),
        "ratio": round(statistics.median(ours) / statistics.median(peer), 3),
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
