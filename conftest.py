"""Repository-wide pytest settings: under CI, a skipped test is a failed test.

A few tests need real components (LibreOffice to make a PDF, Chromium to load the
comparison page) and skip, with the reason, on a machine that lacks them.  CI installs
them (``.ci/run``), so there a skip can only mean something is broken; ``CI=true``
turns every skip into a failure that says why.
"""

from __future__ import annotations

import os
from collections.abc import Generator

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, where every component is installed: {reason}"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Keep the web tests' Django settings to this process.

    pytest-django names them in ``DJANGO_SETTINGS_MODULE`` (from pyproject.toml) and
    configures Django before any test runs; left in the environment, every subprocess a
    test starts would inherit it, and a plugin project's own pytest run (the scaffold's
    tests) would try to load inspectkit's test settings.
    """
    os.environ.pop("DJANGO_SETTINGS_MODULE", None)
