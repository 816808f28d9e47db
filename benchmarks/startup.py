"""Cold start of `inspectkit regimes` against `pytest --version`, measured in one run.

Issue 2 sets the bar: listing regimes must start no slower than `pytest --version`
on the same machine.  Each is run as a fresh process, interleaved so drifting load on
a shared machine hits all alike; the medians and their ratio are printed and written
to benchmarks/results/startup.json.

Two figures for inspectkit: the everyday start (the listing snapshot holds; see
inspectkit.listing_snapshot) and a full plugin load (the snapshot deleted before each
run, as after installing or editing a plugin; the regime cache still holds).
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
RESULTS = Path(__file__).with_name("results") / "startup.json"


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def snapshot_file(inspectkit: str) -> Path:
    """Where the listing snapshot of the `inspectkit` console script lives.

    Asked of the interpreter named on the script's `#!` line, with the script's folder
    first on the path, as when the script runs: the snapshot is keyed on both.
    """
    python = Path(inspectkit).read_text(encoding="utf-8").splitlines()[0].removeprefix("#!")
    code = (
        "import sys; sys.path[0] = sys.argv[1]; "
        "from inspectkit.listing_snapshot import snapshot_path; print(snapshot_path())"
    )
    found = subprocess.run(
        [python.strip(), "-c", code, str(Path(inspectkit).parent)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if found == "None":
        raise SystemExit("caching is off (INSPECTKIT_NO_CACHE); unset it to measure")
    return Path(found)


def median(values: list[float]) -> float:
    return round(statistics.median(values), 4)


def main() -> None:
    bin_dir = Path(sys.executable).parent
    inspectkit = [str(bin_dir / "inspectkit"), "regimes"]
    pytest = [str(bin_dir / "pytest"), "--version"]
    if not shutil.which(inspectkit[0]) or not shutil.which(pytest[0]):
        raise SystemExit("run from a venv with inspectkit and pytest installed")
    snapshot = snapshot_file(inspectkit[0])
    timed(inspectkit)  # fill the caches and the OS file cache
    timed(inspectkit)
    ours, full, peer = [], [], []
    for _ in range(RUNS):
        ours.append(timed(inspectkit))
        peer.append(timed(pytest))
        snapshot.unlink(missing_ok=True)
        full.append(timed(inspectkit))
        timed(inspectkit)  # let it save the snapshot again
    result = {
        "benchmark": "startup",
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "runs": RUNS,
        "inspectkit_regimes_median_s": median(ours),
        "pytest_version_median_s": median(peer),
        "ratio": round(statistics.median(ours) / statistics.median(peer), 3),
        "target_ratio": 1.0,
        "full_plugin_load_median_s": median(full),
        "full_plugin_load_ratio": round(statistics.median(full) / statistics.median(peer), 3),
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
