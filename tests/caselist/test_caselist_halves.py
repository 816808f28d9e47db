"""A list read in two processes gives exactly what one reading gives, or is read again."""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path

import pytest
from caselist_helpers import CRA_HEADINGS, good_row
from test_caselist_paths import _outcome, _rows

from inspectkit.caselist import halves, problems, reader
from inspectkit.model import Regime

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="halves need fork")


@pytest.fixture
def halved(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every list is read in halves (whatever its size); records how each reading went."""
    monkeypatch.setattr(halves, "HALVES_MIN_BYTES", 0)
    monkeypatch.setattr(halves, "forkable", lambda: True)
    outcomes: list[str] = []
    real = reader.read_in_halves

    def spy(*args: object, **kwargs: object) -> None:
        try:
            real(*args, **kwargs)  # type: ignore[arg-type]
        except halves.ReadAgain:
            outcomes.append("again")
            raise
        except Exception:
            outcomes.append("error")
            raise
        outcomes.append("halves")

    monkeypatch.setattr(reader, "read_in_halves", spy)
    return outcomes


def _serial(path: Path, regime: Regime, strict: bool) -> object:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader, "cut_for", lambda path: None)
        return _outcome(path, regime, strict)


def _write_text(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CRA_HEADINGS)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize("share", [0.2, 0.5, 0.8])
@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize("cap", [3, 1000])
def test_problems_duplicates_and_rows_merge_as_one_reading(
    tmp_path: Path,
    cra: Regime,
    halved: list[str],
    monkeypatch: pytest.MonkeyPatch,
    share: float,
    strict: bool,
    cap: int,
) -> None:
    monkeypatch.setattr(halves, "FIRST_SHARE", share)
    monkeypatch.setattr(problems, "PROBLEM_CAP", cap)
    rows = _rows(400, seed=8)
    rows[390][0] = rows[5][0]  # a reference from the first part, twice in the second
    rows[395][0] = rows[5][0]
    rows[399][0] = rows[391][0]  # and one repeated within the second part
    path = _write_text(tmp_path / "l.csv", rows)
    expected = _serial(path, cra, strict)
    assert _outcome(path, cra, strict) == expected
    assert halved == ["halves"]


def test_references_in_order_stay_unchecked_by_set_across_the_cut(
    tmp_path: Path, cra: Regime, halved: list[str]
) -> None:
    rows = [good_row(n) for n in range(300)]
    path = _write_text(tmp_path / "l.csv", rows)
    assert _outcome(path, cra, True) == _serial(path, cra, True)
    rows[250][0] = rows[3][0]
    path = _write_text(tmp_path / "dup.csv", rows)
    assert _outcome(path, cra, True) == _serial(path, cra, True)
    assert any("duplicates row 5" in str(p) for p in _outcome(path, cra, True))  # type: ignore[attr-defined]
    assert halved == ["halves"] * 3


def test_a_cut_inside_a_quoted_cell_reads_the_list_again(
    tmp_path: Path, cra: Regime, halved: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [good_row(n) for n in range(200)]
    for n in range(60, 140):
        rows[n][5] = "Refer\r\nral"  # unknown code, over two lines, around the middle
    path = _write_text(tmp_path / "q.csv", rows)
    text = path.read_bytes()
    middle = text.index(b"Refer\r\n", len(text) // 2) + len(b"Refer\r\n")
    monkeypatch.setattr(halves, "FIRST_SHARE", (middle - 1) / len(text))
    assert halves.cut_for(path) == middle  # just after the break inside the quotes
    assert _outcome(path, cra, False) == _serial(path, cra, False)
    assert halved == ["again"]


def test_windows_text_in_the_second_part_reads_as_windows_1252(
    tmp_path: Path, cra: Regime, halved: list[str]
) -> None:
    rows = [good_row(n) for n in range(200)]
    rows[180][5] = "Référral"
    path = _write_text(tmp_path / "w.csv", rows, encoding="cp1252")
    expected = _serial(path, cra, False)
    assert _outcome(path, cra, False) == expected
    assert halved == ["error", "halves"]  # UTF-8 fails in the child, then cp1252 works


def test_an_unreadable_second_part_is_the_same_error(
    tmp_path: Path, cra: Regime, halved: list[str]
) -> None:
    rows = [good_row(n) for n in range(200)]
    rows[180][5] = "R" * 80  # longer than the csv field limit set below
    path = _write_text(tmp_path / "n.csv", rows)
    old = csv.field_size_limit(60)
    try:
        expected = _serial(path, cra, True)
        assert "field larger than field limit" in str(expected)
        assert _outcome(path, cra, True) == expected
    finally:
        csv.field_size_limit(old)
    assert halved == ["error"]


def test_a_failing_child_means_one_reading(
    tmp_path: Path, cra: Regime, halved: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: object) -> None:
        raise RuntimeError("only the child calls this")

    monkeypatch.setattr(reader.ListReader, "part", broken)
    rows = _rows(200, seed=2)
    path = _write_text(tmp_path / "f.csv", rows)
    assert _outcome(path, cra, False) == _serial(path, cra, False)
    assert halved == ["again"]


def test_a_child_that_dies_means_one_reading(
    tmp_path: Path, cra: Regime, halved: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def dies(self: object) -> None:
        os._exit(3)

    monkeypatch.setattr(reader.ListReader, "part", dies)
    path = _write_text(tmp_path / "d.csv", _rows(200, seed=4))
    assert _outcome(path, cra, False) == _serial(path, cra, False)
    assert halved == ["again"]


def test_no_fork_while_another_thread_runs() -> None:
    import threading

    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        assert not halves.forkable()
    finally:
        release.set()
        worker.join()
