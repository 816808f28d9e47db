"""The terminal: tables for people, plain rows for pipes, counts in words, DD/MM/YYYY.

Off a terminal (a pipe, a file, CI) a drawn table wraps and cuts ids, so `inspectkit
regimes | grep child_protection_2012` found nothing: every table prints tab-separated
rows there instead (or with --format tsv|json). In a terminal too narrow for a table's
longest words, rows print as blocks folded between words. Counts read "1 document",
"1,000,000 cases".
"""

from __future__ import annotations

import json

import pytest
from rich.console import Console
from tests.cli_run import run_main

from inspectkit.plugins import get_host
from inspectkit.words import count, number, plural


def test_regimes_piped_is_one_line_per_regime_with_whole_ids(capsys) -> None:
    status, out, _ = run_main(capsys, "regimes")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "id\ttitle\tyear\tgraded\tdistribution"
    ids = [line.split("\t")[0] for line in lines[1:]]
    assert ids == [r.regime.id for r in get_host().sorted_regimes()]
    assert "child_protection_2012" in ids  # `| grep child_protection_2012` finds it
    assert sum("_20" in line for line in lines) == len(get_host().regimes)  # `grep -c _20`


@pytest.mark.parametrize("shape", ["tsv", "json"])
def test_regimes_format_option(capsys, shape: str) -> None:
    status, out, _ = run_main(capsys, "regimes", "--format", shape)
    assert status == 0
    if shape == "json":
        assert {r["id"] for r in json.loads(out)} == set(get_host().regimes)
    else:
        assert out.splitlines()[0].startswith("id\t")


def _drawn(monkeypatch, width: int) -> str:
    import inspectkit.cli.tables as tables

    screen = Console(width=width, force_terminal=True, record=True, color_system=None)
    monkeypatch.setattr(tables, "console", lambda: screen)
    tables.emit_rows(
        "Installed inspection regimes",
        ("id", "title"),
        [["child_protection_2012", "Unannounced inspections of local authority arrangements"]],
        ids=("id",),
        wide=("title",),
    )
    return screen.export_text()


def test_in_a_wide_terminal_a_table_keeps_ids_whole(monkeypatch) -> None:
    text = _drawn(monkeypatch, 100)
    assert "┃ id" in text and "child_protection_2012" in text


def test_in_a_narrow_terminal_text_folds_between_words_only(monkeypatch) -> None:
    text = _drawn(monkeypatch, 34)
    lines = text.splitlines()
    assert "child_protection_2012" in lines  # the id on a line of its own, whole
    words = ["Unannounced", "inspections", "of", "local", "authority", "arrangements"]
    body = " ".join(line.strip() for line in lines[2:])
    assert body == "title: " + " ".join(words)  # every word whole, none split
    assert all(len(line.rstrip()) <= 34 for line in lines)


def test_counts_in_words() -> None:
    assert count(1, "document") == "1 document"
    assert count(3, "document") == "3 documents"
    assert count(1, "case list") == "1 case list"
    assert count(2, "case list") == "2 case lists"
    assert count(1_000_000, "case") == "1,000,000 cases"
    assert (plural("entry", 2), plural("child", 2), plural("box", 2)) == (
        "entries",
        "children",
        "boxes",
    )
    assert number(20000) == "20,000"


def test_messages_use_them(tmp_path, capsys) -> None:
    target = tmp_path / "cases.csv"
    status, out, _ = run_main(
        capsys, "caselist", "fake", "--rows", "1", "--seed", "1", "-o", str(target)
    )
    assert status == 0 and f"wrote 1 synthetic case to {target}" in out
    status, out, _ = run_main(
        capsys, "caselist", "fake", "--rows", "1200", "--seed", "1", "-o", str(target)
    )
    assert "wrote 1,200 synthetic cases" in out
    status, out, _ = run_main(capsys, "caselist", "check", "--regime", "slac_2009", str(target))
    assert "1,200 cases usable for slac_2009" in out
    assert "case(s)" not in out


def test_no_progress_bar_off_a_terminal(capsys) -> None:
    from inspectkit.cli.console import progress

    with progress("Working", total=10) as advance:
        for _ in range(10):
            advance(1)
    assert capsys.readouterr().err == ""
