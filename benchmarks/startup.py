"""Cold start of three everyday commands against `pytest --version`, measured in one run.

Issue 12 sets the bar: `inspectkit regimes`, `inspectkit regimes show cra_2010` and
`inspectkit plan --regime cra_2010 --start 2011-10-17` each start within 3.0x
`pytest --version` on the same machine, with no start-up snapshot (every plugin is
loaded; the regime cache holds, as on every run after the first).  Each command runs as
a fresh process, interleaved with the peer so drifting load on a shared machine hits
all alike; the medians and ratios are printed and written to
benchmarks/results/startup.json.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 15
TARGET_RATIO = 3.0
RESULTS = Path(__file__).with_name("results") / "startup.json"
COMMANDS = {
    "regimes": ["regimes"],
    "regimes_show": ["regimes", "show", "cra_2010"],
    "plan": ["plan", "--regime", "cra_2010", "--start", "2011-10-17"],
}


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    bin_dir = Path(sys.executable).parent
    inspectkit = str(bin_dir / "inspectkit")
    pytest = [str(bin_dir / "pytest"), "--version"]
    if not shutil.which(inspectkit) or not shutil.which(pytest[0]):
        raise SystemExit("run from a venv with inspectkit and pytest installed")
    for arguments in COMMANDS.values():  # fill the regime cache and the OS file cache
        timed([inspectkit, *arguments])
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    peer: list[float] = []
    for _ in range(RUNS):
        peer.append(timed(pytest))
        for name, arguments in COMMANDS.items():
            times[name].append(timed([inspectkit, *arguments]))
    peer_median = statistics.median(peer)
    result = {
        "benchmark": "startup",
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "runs": RUNS,
        "pytest_version_median_s": round(peer_median, 4),
        "target_ratio": TARGET_RATIO,
        "commands": {
            name: {
                "median_s": round(statistics.median(values), 4),
                "ratio": round(statistics.median(values) / peer_median, 2),
            }
            for name, values in times.items()
        },
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
