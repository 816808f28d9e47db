"""Run every benchmark in turn: ``python benchmarks/run.py [NAME ...]`` (names below).

This is what ``tox -e bench`` runs.  Each benchmark measures itself against its peer
in the same run and writes ``benchmarks/results/<name>.json``; see
``benchmarks/README.md`` for the targets.  Not part of CI: timings on shared
machines are too noisy to gate on, so tests check behaviour and these check speed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = {
    "startup": HERE / "startup.py",
    "sampling": HERE / "bench_sampling.py",
    "report": HERE / "bench_report.py",
    "web": HERE / "bench_web.py",
    "upload": HERE / "bench_upload.py",
    "findings": HERE / "bench_findings.py",
}


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        return 2
    failed = []
    for name in names or list(BENCHMARKS):
        print(f"== {name}", flush=True)
        if subprocess.run([sys.executable, str(BENCHMARKS[name])], check=False).returncode:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
