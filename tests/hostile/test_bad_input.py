"""The bad-input suite: every generated input ends in one clear refusal (exit 2), or is read
as documented, with no traceback, nothing written, and nothing personal in any message.

The cases are built in ``cases.py``; the suite must keep at least 100 of them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from tests.cli_run import run_main
from tests.hostile.cases import SECRETS, Case, all_cases

CASES = all_cases()


def test_the_suite_keeps_at_least_a_hundred_cases() -> None:
    assert len(CASES) >= 100
    assert len({case.id for case in CASES}) == len(CASES)


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "input"
    folder.mkdir()
    args = case.build(folder)
    before = _snapshot(folder)
    status, out, err = run_main(capsys, *args)
    said = out + err
    assert status == (0 if case.accepted else 2), said
    assert "Traceback" not in said and "internal error" not in said, said
    if not case.accepted:
        assert _snapshot(folder) == before, "a refused input must leave nothing written"
        assert err.strip(), "a refusal says why"
    for secret in SECRETS:
        assert secret not in said, f"{secret!r} reached a message"
