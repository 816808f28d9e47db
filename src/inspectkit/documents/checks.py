"""Checks every rendered document passes before it is kept.

A document that fails is not written: a letter with a stray ``{{ council }}``
or a child's date of birth in it must never reach a council.  The text scanned
is every paragraph of every part — body, tables, headers, footers, footnotes —
read straight from the package, so nothing hides in a header.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Collection, Iterable
from datetime import date
from functools import cache
from pathlib import Path

from attrs import frozen

LEFTOVER_TAGS = ("{{", "}}", "{%", "%}", "{#", "#}")
_TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@frozen(kw_only=True)
class PrivateValue:
    """A value from the case list or sample that must not appear in any document.

    ``where`` describes it without repeating it ("case list row 12, date of birth").
    """

    where: str
    text: str | None = None
    day: date | None = None


class PrivateValues:
    """Many private values, indexed so a document is checked in one pass over its text.

    A case list holds thousands of references and birth dates; looking each up
    in a set of the document's tokens and dates costs nothing per value.
    """

    def __init__(self, values: Iterable[PrivateValue] = ()) -> None:
        self.references: dict[str, str] = {}
        self.births: dict[date, str] = {}
        for value in values:
            if value.text is not None:
                self.add_reference(value.text, value.where)
            if value.day is not None:
                self.add_birth(value.day, value.where)

    def add_reference(self, reference: str, where: str) -> None:
        key = reference.strip()
        if key:
            self.references.setdefault(key, where)

    def add_birth(self, day: date, where: str) -> None:
        self.births.setdefault(day, where)

    def __len__(self) -> int:
        return len(self.references) + len(self.births)


def document_paragraphs(path: Path) -> list[str]:
    """The text of every paragraph in every text part (body, headers, footers, notes)."""
    from lxml import etree  # type: ignore[import-untyped]  # python-docx's own dependency

    paragraphs: list[str] = []
    with zipfile.ZipFile(path) as package:
        for name in sorted(package.namelist()):
            if not _TEXT_PARTS.match(name):
                continue
            root = etree.fromstring(package.read(name))
            for paragraph in root.iter(f"{_W}p"):
                paragraphs.append("".join(t.text or "" for t in paragraph.iter(f"{_W}t")))
    return paragraphs


_NUMERIC_DATES = (
    (re.compile(r"(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])"), (3, 2, 1)),
    (re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/-])"), (1, 2, 3)),
)
_TOKEN = re.compile(r"[\w][\w/.-]*[\w]|[\w]")


def _make_date(year: int, month: int, day: int) -> date | None:
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        return None


@cache
def _worded_dates(locale: str) -> tuple[dict[str, int], re.Pattern[str]]:
    """Month names of ``locale`` (wide and abbreviated) and a pattern for "14 March 2005"."""
    from babel.dates import get_month_names

    months = {
        name.lower(): number
        for kind in ("wide", "abbreviated")
        for number, name in get_month_names(kind, locale=locale).items()
    }
    names = "|".join(sorted((re.escape(n) for n in months), key=len, reverse=True))
    pattern = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({names})\.?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
    return months, pattern


def dates_in_text(text: str, locales: Iterable[str] = ("en_GB",)) -> set[date]:
    """Every date written in ``text`` as 2005-03-14, 14/03/2005, 14.03.05 or 14 March 2005.

    Scanning the document once for anything date-like and comparing dates is
    far cheaper than searching for each of thousands of birth dates in turn.
    """
    found: set[date] = set()
    for pattern, (d, m, y) in _NUMERIC_DATES:
        for match in pattern.finditer(text):
            day = _make_date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            if day is not None:
                found.add(day)
    for locale in locales:
        months, worded = _worded_dates(locale)
        for match in worded.finditer(text):
            month = months[match.group(2).lower()]
            day = _make_date(int(match.group(3)), month, int(match.group(1)))
            if day is not None:
                found.add(day)
    return found


def check_document(
    path: Path,
    *,
    label: str,
    private: PrivateValues | Iterable[PrivateValue] = (),
    allowed_dates: Collection[date] = (),
    required: Iterable[tuple[str, str]] = (),
    locales: Iterable[str] = ("en_GB",),
) -> list[str]:
    """Every problem with the document at ``path``, each line starting with ``label``.

    ``required`` pairs (why, text) are wording the document must contain, such
    as a limiting statement the regime's data says applies.  Dates in
    ``allowed_dates`` (the inspection's own) are not reported as dates of birth.
    """
    problems: list[str] = []
    try:
        import docx

        docx.Document(str(path))
    except Exception as exc:  # any failure to open is the finding itself
        return [f"{label}: does not open as a Word document ({type(exc).__name__})"]
    paragraphs = document_paragraphs(path)
    text = "\n".join(paragraphs)
    for number, paragraph in enumerate(paragraphs, start=1):
        for tag in LEFTOVER_TAGS:
            if tag in paragraph:
                problems.append(f"{label}: paragraph {number} still holds template code {tag!r}")
                break
    flat = " ".join(text.split())
    index = private if isinstance(private, PrivateValues) else PrivateValues(private)
    tokens = set(_TOKEN.findall(flat))
    for reference, where in index.references.items():
        if _contains_token(flat, tokens, reference):
            problems.append(f"{label}: contains a child identifier ({where})")
    written_dates = dates_in_text(flat, locales) - set(allowed_dates)
    for day in sorted(written_dates & index.births.keys()):
        problems.append(f"{label}: contains a date of birth ({index.births[day]})")
    for why, wording in required:
        if " ".join(wording.split()) not in flat:
            problems.append(f"{label}: must carry the wording required by {why}, but does not")
    return problems


def _contains_token(flat: str, tokens: set[str], reference: str) -> bool:
    """``reference`` as a whole token ("C1234" is not inside "C12345")."""
    if reference in tokens:
        return True
    if _TOKEN.fullmatch(reference):  # an ordinary token: the set lookup was the whole test
        return False
    # unusual shapes ("AB 123", "(77)"): search for it
    return re.search(rf"(?<![\w]){re.escape(reference)}(?![\w])", flat) is not None
