"""Generated bad inputs, each with the command that reads it and what must happen.

Every input carries a child's name, date of birth and case reference somewhere (in a
cell, a heading, a finding), so the suite can prove that none of them reaches a
message.  A case is *refused* (exit 2, nothing written) unless it says it is
*accepted*: the inputs that inspectkit documents as readable (a byte-order mark, a
row with extra fields, a Latin-1 list) must be read, not refused.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from attrs import frozen
from tests.caselist.caselist_helpers import CRA_HEADINGS

NAME = "Jayden Whitmore"
BIRTH = "14/03/2005"
BIRTH_ISO = "2005-03-14"
REFERENCE = "JW-140305"
SECRETS = (NAME, "Whitmore", BIRTH, BIRTH_ISO, REFERENCE)

HEADINGS = list(CRA_HEADINGS)
START = "2011-10-17"


@frozen
class Case:
    """One bad input: ``build(folder)`` writes it and returns the command's arguments."""

    id: str
    build: Callable[[Path], list[str]]
    accepted: bool = False


def good_rows(count: int = 30) -> list[list[str]]:
    rows = [
        [f"T-{n:04d}", "01/06/2011", "2004-05-06", "1", "WBRI", "Referral", "Proceeded"]
        for n in range(count)
    ]
    rows[0] = [REFERENCE, "01/06/2011", BIRTH, "2", "WBRI", "Referral", "Proceeded"]
    return rows


def csv_text(headings: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headings)
    writer.writerows(rows)
    return buffer.getvalue()


# -- case lists ---------------------------------------------------------------------------


def _sample(
    data: bytes, suffix: str = ".csv", command: str = "sample"
) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        cases = folder / f"cases{suffix}"
        cases.write_bytes(data)
        if command == "check":
            return ["caselist", "check", "--regime", "cra_2010", "--on", START, str(cases)]
        out = folder / "sample.csv"
        return [
            "sample", "--regime", "cra_2010", "--cases", str(cases), "--seed", "1",
            "--on", START, "-o", str(out),
        ]  # fmt: skip

    return build


def _with_cell(row: int, column: int, value: str) -> bytes:
    return _with_cells(row, {column: value})


def _with_cells(row: int, values: dict[int, str]) -> bytes:
    rows = good_rows()
    for column, value in values.items():
        rows[row][column] = value
    return csv_text(HEADINGS, rows).encode("utf-8")


def _without_column(column: int) -> bytes:
    rows = [r[:column] + r[column + 1 :] for r in good_rows()]
    return csv_text(HEADINGS[:column] + HEADINGS[column + 1 :], rows).encode("utf-8")


def _xlsx(rows: list[list[object]], headings: list[str] = HEADINGS) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def case_list_cases() -> list[Case]:
    good = csv_text(HEADINGS, good_rows())
    cases: list[Case] = []
    whole = [
        ("empty", b""),
        ("only-bom", b"\xef\xbb\xbf"),
        ("only-spaces", b"   \n  \n"),
        ("binary-junk", bytes(range(256)) * 8),
        ("gzip", gzip.compress(good.encode())),
        ("zip-named-csv", _zip({"cases.csv": good.encode()})),
        ("utf16-le", good.encode("utf-16")),
        ("utf16-be", b"\xfe\xff" + good.encode("utf-16-be")),
        ("utf16-no-bom", good.encode("utf-16-le")),
        ("undecodable-cp1252", good.encode() + b"\x81\x8d\x8f\x90\x9d\n"),
        ("semicolons", good.replace(",", ";").encode()),
        ("tabs", good.replace(",", "\t").encode()),
        ("bars", good.replace(",", "|").encode()),
        ("header-only", (",".join(HEADINGS) + "\n").encode()),
        ("unclosed-quote-row-2", good.replace(REFERENCE, f'"{REFERENCE}', 1).encode()),
        ("unclosed-quote-last", (good + f'"{NAME},{BIRTH}\n').encode()),
        ("cut-short", (good + f"{REFERENCE}9,01/06/2011,{BIRTH}").encode()),
        ("duplicate-heading", csv_text([*HEADINGS, "Child Unique ID"], good_rows()).encode()),
        ("name-in-unknown-heading", csv_text([NAME, *HEADINGS[1:]], good_rows()).encode()),
        (
            "no-headings-match",
            csv_text([NAME, BIRTH, "x", "y", "z", "w", "v"], good_rows()).encode(),
        ),
        ("nul-in-reference", _with_cell(3, 0, f"{REFERENCE}\x00")),
        ("tab-in-reference", _with_cell(4, 0, f"JW\t{BIRTH}")),
        ("duplicate-reference", _with_cell(5, 0, REFERENCE)),
        ("blank-reference", _with_cell(6, 0, "")),
        ("birth-after-referral", _with_cell(0, 2, "2012-01-01")),
        ("birth-long-before-referral", _with_cell(0, 2, "1950-03-14")),
        ("birth-after-inspection", _with_cells(0, {1: "2011-12-05", 2: "2011-12-01"})),
        ("two-digit-year", _with_cell(0, 2, "14/03/05")),
        ("year-3000", _with_cell(0, 2, "14/03/3000")),
        ("thirty-first-february", _with_cell(0, 1, "31/02/2011")),
        ("name-in-gender", _with_cell(0, 3, NAME)),
        ("birth-in-ethnicity", _with_cell(0, 4, BIRTH)),
        ("reference-in-outcome", _with_cell(0, 6, REFERENCE)),
        ("name-in-referral-date", _with_cell(0, 1, NAME)),
        ("formula-in-category", _with_cell(0, 5, f'=HYPERLINK("x?{NAME}")')),
        ("huge-cell", _with_cell(0, 5, "x" * 200_000)),
    ]
    for index in range(7):
        whole.append(
            (f"missing-{HEADINGS[index].lower().replace(' ', '-')}", _without_column(index))
        )
    for name, data in whole:
        cases.append(Case(f"csv-{name}", _sample(data)))
        # a list with no rows is a fine list to check ("0 case(s) usable"), not to sample
        check_ok = name == "header-only"
        cases.append(Case(f"csv-check-{name}", _sample(data, command="check"), accepted=check_ok))
    named = csv_text([*HEADINGS, "Child's name"], [[*r, NAME] for r in good_rows()])
    accepted = [
        ("bom", b"\xef\xbb\xbf" + good.encode()),
        ("crlf", good.replace("\n", "\r\n").encode()),
        ("latin1", good.replace("T-0002", "T-É002").encode("latin-1")),
        ("extra-fields", good.replace("Proceeded\n", f"Proceeded,{NAME}\n", 2).encode()),
        ("no-final-newline", good.rstrip("\n").encode()),
        ("name-column-dropped", named.encode()),
    ]
    cases += [Case(f"csv-ok-{name}", _sample(data), accepted=True) for name, data in accepted]
    rows = good_rows()
    xlsx = [
        ("not-a-zip", b"PK\x03\x04 but not really"),
        ("zip-without-workbook", _zip({"hello.txt": NAME.encode()})),
        ("empty-sheet", _xlsx([], headings=[])),
        ("bad-code", _xlsx([[*rows[0][:3], NAME, *rows[0][4:]], *rows[1:]])),
        ("bad-date-number", _xlsx([[rows[0][0], 12345.5, *rows[0][2:]], *rows[1:]])),
        ("missing-column", _xlsx([r[1:] for r in rows], headings=HEADINGS[1:])),
        ("duplicate-reference", _xlsx([rows[0], rows[0], *rows[1:]])),
    ]
    for name, data in xlsx:
        cases.append(Case(f"xlsx-{name}", _sample(data, ".xlsx")))
    cases.append(Case("xlsx-ok-numbers", _sample(_xlsx(rows), ".xlsx"), accepted=True))
    cases.append(Case("ods-suffix", _sample(good.encode(), ".ods")))
    return cases


# -- inspection files, plans, samples -------------------------------------------------------

HEADER = f'regime = "cra_2010"\ncouncil = "Northwold Borough Council"\nstart = {START}\n'
# a strength, satisfactory practice and an area for development: Annex D's first outcome
# sentence names all three, so the file is complete ("Leaders" is where the cases write)
FINDING = "".join(
    f'\n[[findings]]\narea = "safeguarding_prioritised"\ntype = "{kind}"\ntext = "{text}"\n'
    for kind, text in (
        ("area_of_strength", "Leaders prioritise safeguarding."),
        ("satisfactory", "Staff are suitably qualified."),
        ("area_for_development", "Supervision is not always recorded."),
    )
)


def _workspace(
    toml: str | bytes, files: dict[str, bytes] | None = None, command: str = "check"
) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        workspace = folder / "ws"
        workspace.mkdir()
        data = toml.encode("utf-8") if isinstance(toml, str) else toml
        (workspace / "inspection.toml").write_bytes(data)
        for name, content in (files or {}).items():
            target = workspace / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        return [command, str(workspace)]

    return build


def _docx(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


LOOPS = "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}"


def inspection_cases() -> list[Case]:
    bad_files: list[tuple[str, str | bytes]] = [
        ("empty", ""),
        ("not-toml", "this is not = = toml"),
        ("word-document", _docx("inspection")),
        ("not-utf8", HEADER.encode("utf-8") + b'\nx = "\xff\xfe"\n'),
        ("nested-101", HEADER + f"x = {'[' * 101}{']' * 101}\n"),
        ("nested-100000", HEADER + f"x = {'[' * 100_000}{']' * 100_000}\n"),
        ("unknown-regime", HEADER.replace("cra_2010", "ofsted_1066") + FINDING),
        ("regime-not-a-string", HEADER.replace('"cra_2010"', "2010") + FINDING),
        ("no-council", HEADER.replace('council = "Northwold Borough Council"\n', "") + FINDING),
        ("start-saturday", HEADER.replace(START, "2011-10-15") + FINDING),
        ("start-bank-holiday", HEADER.replace(START, "2011-12-26") + FINDING),
        ("start-not-a-date", HEADER.replace(START, '"next Monday"') + FINDING),
        ("start-year-0001", HEADER.replace(START, "0001-01-01") + FINDING),
        ("unknown-area", HEADER + FINDING.replace("safeguarding_prioritised", "moon")),
        ("unknown-type", HEADER + FINDING.replace("area_of_strength", "brilliant")),
        ("grades-in-ungraded", HEADER + '\n[[grades]]\narea = "x"\ngrade = "good"\n'),
        ("name-in-text", HEADER + FINDING.replace("Leaders", f"Mr {NAME}")),
        ("name-upper", HEADER + FINDING.replace("Leaders", "MR WHITMORE")),
        ("name-accent", HEADER + FINDING.replace("Leaders", "mr Ólafsson")),
        ("name-in-team", HEADER + f'team = ["{NAME}"]\n' + FINDING),
        ("unknown-key", HEADER + "colour = 'blue'\n" + FINDING),
        ("findings-not-a-list", HEADER + 'findings = "all good"\n'),
        ("text-not-a-string", HEADER + FINDING.replace('"Leaders prioritise safeguarding."', "42")),
        ("duplicate-key", HEADER + 'council = "Twice"\n' + FINDING),
        ("letter-date-bad", HEADER + "letter_date = 2011-02-30\n" + FINDING),
    ]
    cases = [Case(f"toml-{name}", _workspace(text)) for name, text in bad_files]
    # Template code typed into a finding is text: the documents print it as written (see
    # docs/inspection-file.md), so check and report accept it rather than refuse it.
    for name, code in (("code", "{{ 7*7 }}"), ("block", "{% for x in y %}")):
        coded = HEADER + FINDING.replace("Leaders", code)
        cases.append(Case(f"toml-ok-template-{name}-in-text", _workspace(coded), accepted=True))
        cases.append(
            Case(
                f"toml-ok-template-{name}-report",
                _workspace(coded, command="report"),
                accepted=True,
            )
        )
    cases.append(
        Case(
            "toml-ok-bom", _workspace(b"\xef\xbb\xbf" + (HEADER + FINDING).encode()), accepted=True
        )
    )
    cases.append(Case("toml-folder-missing", lambda folder: ["check", str(folder / "nowhere")]))
    ok = HEADER + FINDING
    letter = "templates/letter.docx"
    email = "templates/notification_email.txt"
    side_files: list[tuple[str, dict[str, bytes]]] = [
        ("plan-not-json", {"plan.json": b"{ not json"}),
        ("plan-a-list", {"plan.json": b"[]"}),
        ("plan-other-regime", {"plan.json": json.dumps({"regime": "slac_2009"}).encode()}),
        ("plan-binary", {"plan.json": bytes(range(256))}),
        ("plan-deep", {"plan.json": b"[" * 100_000 + b"]" * 100_000}),
        ("sample-not-json", {"sample.json": b"{ nope"}),
        ("sample-wrong-shape", {"sample.json": json.dumps({"drawn": "everyone"}).encode()}),
        ("sample-csv-junk", {"sample.csv": bytes(range(256)) * 4}),
        ("caselist-not-xlsx", {"caselist.xlsx": NAME.encode()}),
        ("reference-in-finding", {"caselist.csv": csv_text(HEADINGS, good_rows()).encode()}),
        ("caselist-utf16", {"caselist.csv": csv_text(HEADINGS, good_rows()).encode("utf-16")}),
        ("template-not-docx", {letter: NAME.encode()}),
        ("template-repeat", {letter: _docx("{{ 'x' * 10**10 }}")}),
        ("template-power", {letter: _docx("{{ 9**(9**9) }}")}),
        ("template-range", {letter: _docx("{% for i in range(10**9) %}{% endfor %}")}),
        ("template-include", {letter: _docx("{% include '/etc/passwd' %}")}),
        ("template-import", {letter: _docx("{% import 'x' as y %}")}),
        ("template-undefined", {letter: _docx("{{ no_such_thing }}")}),
        ("template-syntax", {letter: _docx("{% if %}")}),
        ("template-internals", {letter: _docx("{{ ''.__class__.__mro__ }}")}),
        ("template-leftover", {letter: _docx("{{ '{{' }} council {{ '}}' }}")}),
        ("template-divide", {letter: _docx("{{ 1 / 0 }}")}),
        ("text-template-repeat", {email: b"Subject: x\n\n{{ 'x' * 10**10 }}\n"}),
        ("text-template-loops", {email: b"Subject: x\n\n" + LOOPS.encode()}),
        ("text-template-include", {email: b"{% include '/etc/passwd' %}"}),
        ("text-template-binary", {email: bytes(range(256))}),
    ]
    for name, files in side_files:
        text = ok.replace("Leaders", f"Case {REFERENCE}") if name == "reference-in-finding" else ok
        cases.append(Case(f"ws-{name}", _workspace(text, files)))
        if name.startswith("template-"):
            cases.append(Case(f"ws-report-{name}", _workspace(ok, files, command="report")))
    return cases


def all_cases() -> list[Case]:
    return [*case_list_cases(), *inspection_cases()]
