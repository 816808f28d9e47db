"""Shared by the test packages: the CLI run in-process as a user runs it, and regimes.

``run_main`` goes through ``inspectkit.cli.main``, so it sees exactly what a user
sees: the exit status (2 for bad input), and stdout and stderr as printed.
"""

from __future__ import annotations

import pytest

from inspectkit.cli import main
from inspectkit.model import Regime
from inspectkit.plugins import get_host


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``inspectkit ARGS...``; its exit status, stdout and stderr."""
    try:
        main(list(args))
        status = 0
    except SystemExit as exc:
        status = int(exc.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def installed_regime(regime_id: str) -> Regime:
    """A bundled regime (the test environment installs all of them)."""
    return get_host().regime(regime_id).regime


def exit_status(argv: list[str]) -> int:
    """Run ``inspectkit ARGV...`` and return only its exit status (output stays captured)."""
    try:
        main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
