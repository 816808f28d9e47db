"""No message the case-list reader can emit carries a child's name, date of birth or
reference, or any heading or cell of the file: every kind of problem and warning is
provoked with personal data in the very cells (and headings) it is about."""

from __future__ import annotations

from pathlib import Path

import pytest
from caselist_helpers import CRA_HEADINGS, good_row

from inspectkit.caselist import read_case_list
from inspectkit.errors import InputError
from inspectkit.model import Regime

NAME = "Jayden Whitmore"
BIRTH = "14/03/2005"
REFERENCE = "JW-140305"
SECRETS = (NAME, "Jayden", "Whitmore", BIRTH, "2005-03-14", REFERENCE)


def _row(**cells: str) -> list[str]:
    row = good_row(1)
    row[0] = REFERENCE
    positions = {h: i for i, h in enumerate(CRA_HEADINGS)}
    for heading, value in cells.items():
        row[positions[heading.replace("_", " ")]] = value
    return row


def _csv(path: Path, headings: list[str], rows: list[list[str]], ending: str = "\n") -> Path:
    path.write_text(ending.join(",".join(r) for r in [headings, *rows]) + ending, encoding="utf-8")
    return path


def _cases(tmp_path: Path) -> dict[str, Path]:
    headings = [*CRA_HEADINGS, f"{NAME} moved {BIRTH}", "Child's name"]
    wrong = [
        [*_row(Gender=NAME), "x", NAME],
        [*_row(Ethnicity=BIRTH), "", NAME],
        [*_row(Outcome=REFERENCE), "", ""],
        [*_row(**{"Date of referral": NAME}), "", ""],
        [*_row(**{"Date of Birth": f"{BIRTH}x"}), "", ""],
        [*_row(), "", ""],  # duplicates the reference of the first row
        [f"{REFERENCE}\x00", *good_row(1)[1:], "", ""],
        [*_row(), "", "", NAME, BIRTH],  # more fields than headings
        [*_row(**{"Date of Birth": "1960-03-14"}), "", ""],  # far before referral
        ["", *good_row(1)[1:], NAME, ""],  # blank reference, name beside it
    ]
    files = {
        "wrong cells": _csv(tmp_path / "wrong.csv", headings, wrong),
        "semicolons": tmp_path / "semi.csv",
        "unclosed quote": tmp_path / "quote.csv",
        "cut short": tmp_path / "cut.csv",
        "duplicate heading": _csv(
            tmp_path / "dup.csv", [*CRA_HEADINGS, "Child Unique ID"], [[*_row(), NAME]]
        ),
        "missing column": _csv(tmp_path / "missing.csv", [NAME, *CRA_HEADINGS[1:]], [_row()]),
    }
    files["semicolons"].write_text(f"{NAME};{BIRTH};{REFERENCE}\n", encoding="utf-8")
    files["unclosed quote"].write_text(
        ",".join(CRA_HEADINGS) + f'\n{REFERENCE},"{NAME} {BIRTH}\n' + "x," * 6 + "\n",
        encoding="utf-8",
    )
    files["cut short"].write_text(
        ",".join(CRA_HEADINGS) + f"\n{','.join(_row())}\n{REFERENCE}2,{BIRTH}", encoding="utf-8"
    )
    return files


@pytest.mark.parametrize("strict", [True, False])
def test_no_message_carries_what_the_file_holds(tmp_path: Path, cra: Regime, strict: bool) -> None:
    (tmp_path / "again").mkdir()
    seen: list[str] = []
    for kind, path in _cases(tmp_path).items():
        try:
            cases = read_case_list(path, cra, strict=strict)
        except InputError as exc:
            seen += [f"{kind}: {line}" for line in exc.problems]
        else:
            seen += [f"{kind}: {line}" for line in cases.warnings]
    text = "\n".join(seen)
    assert {line.split(":")[0] for line in seen} == set(_cases(tmp_path / "again"))
    assert len(seen) >= 12, text  # every kind above said something
    for secret in SECRETS:
        assert secret not in text, secret
