"""Atomic writing: all or nothing, user-fixable failures as one line, usual permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from inspectkit.errors import InputError
from inspectkit.files import atomic_path, write_text_atomic


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "letter.txt", "text")
    finally:
        os.umask(umask)
    assert mode(tmp_path / "letter.txt") == 0o644


def test_a_rewritten_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomic(target, "new")
    assert target.read_text() == "new"
    assert mode(target) == 0o640


def test_a_folder_as_target_is_one_line_and_nothing_changes(tmp_path: Path) -> None:
    (tmp_path / "out.csv").mkdir()
    with pytest.raises(InputError) as caught:
        write_text_atomic(tmp_path / "out.csv", "x")
    assert caught.value.problems == [
        f"{tmp_path / 'out.csv'}: is a folder; give a file name to write"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_an_unwritable_folder_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/proc/inspectkit-test.txt")  # not writable even for root
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "x.txt"
    with pytest.raises(InputError) as caught:
        write_text_atomic(target, "x")
    (problem,) = caught.value.problems
    assert problem.startswith(f"{target}: cannot write: ")


def test_a_failure_while_writing_leaves_the_old_file_and_no_debris(tmp_path: Path) -> None:
    target = tmp_path / "sample.csv"
    target.write_text("old")
    with pytest.raises(InputError) as caught, atomic_path(target) as temporary:
        temporary.write_text("half")
        raise OSError(28, "No space left on device")
    assert caught.value.problems == [f"{target}: not written: [Errno 28] No space left on device"]
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.csv"]
