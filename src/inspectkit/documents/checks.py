"""Checks every rendered document passes before it is kept.

A document that fails is not written: a letter with a stray ``{{ council }}``
or a child's date of birth in it must never reach a council.  The text scanned
is every paragraph of every part — body, tables, headers, footers, footnotes —
taken from the package as python-docx opens it, so nothing hides in a header
and the one parse that proves the file opens also gives the text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs
from attrs import frozen

if TYPE_CHECKING:
    from inspectkit.documents.keyed import KeyedIndex

LEFTOVER_TAGS = ("{{", "}}", "{%", "%}", "{#", "#}")
_TEXT_PARTS = re.compile(r"^/?word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word characters joined by / . - ("FAKE-000123", "C12/345"): the shape of most references.
_JOINED = re.compile(r"\w+(?:[/.-]\w+)*")
_SEPARATOR = re.compile(r"([/.-])")


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
    References are compared case-insensitively ("fake-000123" typed in lower
    case is still that child's reference).

    ``keyed`` are case lists held only as keyed digests (:mod:`.keyed`): the web
    application's record of every child on the uploaded list, sampled or not.
    """

    def __init__(self, values: Iterable[PrivateValue] = ()) -> None:
        self.references: dict[str, str] = {}
        self.unusual: dict[str, str] = {}  # references not shaped like a word: searched for
        self.births: dict[date, str] = {}
        self.warnings: list[str] = []  # what could not be indexed, by count, never by value
        self.sample_size: int | None = None  # cases the sample drew, counted as it is read
        self.keyed: list[KeyedIndex] = []
        for value in values:
            if value.text is not None:
                self.add_reference(value.text, value.where)
            if value.day is not None:
                self.add_birth(value.day, value.where)

    def add_reference(self, reference: str, where: str) -> None:
        key = reference.strip().casefold()
        if key and key not in self.references:
            self.references[key] = where
            if not is_word_shaped(key):
                self.unusual[key] = where

    def add_birth(self, day: date, where: str) -> None:
        self.births.setdefault(day, where)

    def __len__(self) -> int:
        return len(self.references) + len(self.births) + sum(len(k) for k in self.keyed)


def is_word_shaped(reference: str) -> bool:
    """Whether a (case-folded) reference is word characters joined by / . - ("fake-000123"),
    so that it is found among a text's tokens rather than searched for."""
    return _JOINED.fullmatch(reference) is not None


def document_paragraphs(document: Path | bytes) -> list[str]:
    """The text of every paragraph in every text part (body, headers, footers, notes)."""
    return _paragraphs(_open(document))


def _open(document: Path | bytes) -> Any:
    """The package as python-docx opens it (raises whatever python-docx raises)."""
    # lazy: keeps docx (34 ms) off the start-up of `serve --demo`'s example build
    import docx

    source = io.BytesIO(document) if isinstance(document, bytes) else str(document)
    return docx.Document(source)


def _paragraphs(opened: Any) -> list[str]:
    # lazy: keeps docx (51 ms) off the start-up of `serve --demo`'s example build
    from docx.oxml import parse_xml

    paragraphs: list[str] = []
    parts = sorted(opened.part.package.iter_parts(), key=lambda p: str(p.partname))
    for part in parts:
        if not _TEXT_PARTS.match(str(part.partname)):
            continue
        root = getattr(part, "_element", None)
        if root is None:  # footnotes and endnotes load as plain parts
            root = parse_xml(part.blob)
        for paragraph in root.iter(f"{_W}p"):
            paragraphs.append("".join(t.text or "" for t in paragraph.iter(f"{_W}t")))
    return paragraphs


def written_marks(context: object) -> tuple[str, ...]:
    """Every line of text in a document's ``context`` (its data: the inspection file's
    words, names and sections) that holds one of :data:`LEFTOVER_TAGS`, stripped.  The
    template's own text is not in the context, so a tag a template failed to render is
    still found."""
    found: set[str] = set()
    seen: set[int] = set()
    waiting: list[object] = [context]
    while waiting:
        value = waiting.pop()
        if isinstance(value, str):
            found.update(
                line.strip()
                for line in value.splitlines()
                if line.strip() and any(tag in line for tag in LEFTOVER_TAGS)
            )
            continue
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, Mapping):
            waiting += [*value.keys(), *value.values()]
        elif isinstance(value, (list, tuple, set, frozenset)):
            waiting += list(value)
        elif attrs.has(type(value)):
            kind = cast("type[attrs.AttrsInstance]", type(value))
            waiting += [getattr(value, field.name) for field in attrs.fields(kind)]
    return tuple(sorted(found))


# -- dates --------------------------------------------------------------------------
#
# Every pattern starts with a digit (or a space), captured on its own, so the
# regular-expression engine skips straight to candidate positions instead of
# trying a look-behind at every character; the "no digit or separator before"
# rule is then checked just after that first digit.  The rest of a worded
# date sits in a look-ahead, so matches may overlap and a near miss ("3 May
# 14 March 2005") cannot swallow the real date after it.

_NOT_AFTER = r"(?<![\d/.-]\d)"  # the first digit is not preceded by a digit or separator
_ISO = re.compile(rf"(\d){_NOT_AFTER}(\d{{3}})-(\d{{1,2}})-(\d{{1,2}})(?![\d/-])")
_DMY = re.compile(rf"(\d){_NOT_AFTER}(\d?)[/.-](\d{{1,2}})[/.-](\d{{4}}|\d{{2}})(?![\d/-])")
_ORDINAL = r"(?:st|nd|rd|th)?"
# " 14, 2005" after a month name: the month is looked for just before the match
_DAY_YEAR = re.compile(rf"\s(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})(?![\d/-])", re.IGNORECASE)


def _make_date(year: int, month: int, day: int) -> date | None:
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        return None


@cache
def _worded_dates(
    locales: tuple[str, ...],
) -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str]]:
    """Month names of ``locales`` (wide and abbreviated, case-folded) → number; a pattern for
    day-month-year ("14 March 2005", "14th of March, 2005", "14-Mar-05"); and one for the
    month name that ends the text before " 14, 2005" (month-day-year, "March 14, 2005")."""
    # lazy: keeps babel (6 ms) off the start-up of `serve --demo`'s example build
    from babel.dates import get_month_names

    months = {
        name.casefold().rstrip("."): number
        for locale in locales
        for width in ("wide", "abbreviated")
        for number, name in get_month_names(width, locale=locale).items()
    }
    names = "|".join(sorted((re.escape(n) for n in months), key=len, reverse=True))
    day_first = re.compile(
        rf"(\d){_NOT_AFTER}(?=(\d?){_ORDINAL}(?:\s+of)?[\s-]+({names})\.?,?[\s-]+"
        rf"(\d{{4}}|\d{{2}})(?![\d/-]))",
        re.IGNORECASE,
    )
    month_before = re.compile(rf"(?<!\w)({names})\.?$", re.IGNORECASE)
    return months, day_first, month_before


def dates_in_text(text: str, locales: Iterable[str] = ("en_GB",)) -> set[date]:
    """Every date written in ``text``: 2005-03-14, 14/03/2005, 14.03.05, 14 March 2005,
    14th March 2005, 14-Mar-05, March 14, 2005 (month names of each of ``locales``).

    Scanning the document once for anything date-like and comparing dates is
    far cheaper than searching for each of thousands of birth dates in turn.
    """
    found: list[date | None] = []
    for match in _ISO.finditer(text):
        year = int(match.group(1) + match.group(2))
        found.append(_make_date(year, int(match.group(3)), int(match.group(4))))
    for match in _DMY.finditer(text):
        day = int(match.group(1) + match.group(2))
        found.append(_make_date(int(match.group(4)), int(match.group(3)), day))
    months, day_first, month_before = _worded_dates(tuple(sorted(set(locales))))
    for match in day_first.finditer(text):
        day = int(match.group(1) + match.group(2))
        month = months[match.group(3).casefold()]
        found.append(_make_date(int(match.group(4)), month, day))
    for match in _DAY_YEAR.finditer(text):
        named = month_before.search(text, max(0, match.start() - 16), match.start())
        if named is not None:
            month = months[named.group(1).casefold()]
            found.append(_make_date(int(match.group(2)), month, int(match.group(1))))
    return {day for day in found if day is not None}


# -- identifiers --------------------------------------------------------------------


def reference_candidates(text: str) -> set[str]:
    """Every string in ``text`` (case-folded) that a reference could be, as a whole token.

    A reference must stand alone ("C1234" is not inside "C12345"), but may be
    joined to others by ``/``, ``.`` or ``-`` ("C1234/C1235", "C1234.").  So each
    run of joined pieces gives every contiguous sub-run: "A-1/B-2" gives "a",
    "a-1", "a-1/b", "a-1/b-2", "1", "1/b", ... — a handful per word.
    """
    candidates: set[str] = set()
    for run in _JOINED.findall(text.casefold()):
        if "/" not in run and "." not in run and "-" not in run:
            candidates.add(run)
            continue
        pieces = _SEPARATOR.split(run)  # word, sep, word, sep, word
        for start in range(0, len(pieces), 2):
            for end in range(start, len(pieces), 2):
                candidates.add("".join(pieces[start : end + 1]))
    return candidates


def _found_references(flat: str, candidates: set[str], index: PrivateValues) -> set[str]:
    """The references of ``index`` that ``flat`` contains as a whole token."""
    hits = candidates & index.references.keys()
    for reference in index.unusual:  # "AB 123", "(77)": searched for
        if re.search(rf"(?<![\w]){re.escape(reference)}(?![\w])", flat, re.IGNORECASE):
            hits.add(reference)
    return hits


def _keyed_problems(
    flat: str, candidates: set[str], days: set[date], *, label: str, index: PrivateValues
) -> list[str]:
    """A line per keyed case list that holds a reference or a date of birth of ``flat``.

    Values already reported from the plain index (the sample's) are left out.  Neither
    the value nor its row can be named: the digest is all that is kept.
    """
    problems = []
    for keyed in index.keyed:
        references = keyed.found_references(candidates, flat) - index.references.keys()
        if references:
            many = (
                f"{len(references)} case references" if len(references) > 1 else "a case reference"
            )
            problems.append(f"{label}: contains {many} from {keyed.source}")
        births = keyed.found_births(days - index.births.keys())
        if births:
            many = f"{len(births)} dates of birth" if len(births) > 1 else "a date of birth"
            problems.append(f"{label}: contains {many} from {keyed.source}")
    return problems


# -- the check ----------------------------------------------------------------------


def private_problems(
    text: str,
    *,
    label: str,
    private: PrivateValues | Iterable[PrivateValue],
    allowed_dates: Collection[date] = (),
    locales: Iterable[str] = ("en_GB",),
) -> list[str]:
    """A line per child identifier or date of birth ``text`` contains, each starting with
    ``label`` and naming where the value came from — never the value itself.

    Documents are checked with this, and so is anything else that carries an
    inspection's words out of the workspace (the action plan).
    """
    flat = " ".join(text.split())
    index = private if isinstance(private, PrivateValues) else PrivateValues(private)
    candidates = reference_candidates(flat) if index.references or index.keyed else set()
    problems = []
    if index.references:
        hits = _found_references(flat, candidates, index)
        problems += [
            f"{label}: contains a child identifier ({where})"
            for reference, where in index.references.items()
            if reference in hits
        ]
    written_dates: set[date] = set()
    if index.births or index.keyed:
        written_dates = dates_in_text(flat, locales) - set(allowed_dates)
    for day in sorted(written_dates & index.births.keys()):
        problems.append(f"{label}: contains a date of birth ({index.births[day]})")
    if index.keyed:
        problems += _keyed_problems(flat, candidates, written_dates, label=label, index=index)
    return problems


def check_document(
    document: Path | bytes,
    *,
    label: str,
    private: PrivateValues | Iterable[PrivateValue] = (),
    allowed_dates: Collection[date] = (),
    required: Iterable[tuple[str, str]] = (),
    locales: Iterable[str] = ("en_GB",),
    written: Iterable[str] = (),
) -> list[str]:
    """Every problem with ``document`` (a file, or its bytes), each line starting with ``label``.

    ``required`` pairs (why, text) are wording the document must contain, such
    as a limiting statement the regime's data says applies.  Dates in
    ``allowed_dates`` (the inspection's own) are not reported as dates of birth.
    No problem line repeats the private value it found.
    """
    try:
        opened = _open(document)
    except Exception as exc:  # any failure to open is the finding itself
        return [f"{label}: does not open as a Word document ({type(exc).__name__})"]
    return check_paragraphs(
        _paragraphs(opened),
        label=label,
        private=private,
        allowed_dates=allowed_dates,
        required=required,
        locales=locales,
        written=written,
    )


def check_paragraphs(
    paragraphs: Iterable[str],
    *,
    label: str,
    unit: str = "paragraph",
    private: PrivateValues | Iterable[PrivateValue] = (),
    allowed_dates: Collection[date] = (),
    required: Iterable[tuple[str, str]] = (),
    locales: Iterable[str] = ("en_GB",),
    written: Iterable[str] = (),
) -> list[str]:
    """The checks of :func:`check_document` on a document's text, paragraph (or line) by
    paragraph: a Word file's and a text document's alike.

    ``written`` are the lines of the document's data that hold template code's marks
    (:func:`written_marks`): a finding that reads ``{{ council }}`` is printed as those
    characters, which is the inspector's text, not a template tag left unrendered.
    """
    paragraphs = list(paragraphs)
    problems: list[str] = []
    fragments = sorted(set(written), key=len, reverse=True)
    for number, paragraph in enumerate(paragraphs, start=1):
        for fragment in fragments:  # what people wrote is printed as it was written
            paragraph = paragraph.replace(fragment, "")
        for tag in LEFTOVER_TAGS:
            if tag in paragraph:
                problems.append(f"{label}: {unit} {number} still holds template code {tag!r}")
                break
    flat = " ".join(" ".join(paragraphs).split())
    problems += private_problems(
        flat, label=label, private=private, allowed_dates=allowed_dates, locales=locales
    )
    for why, wording in required:
        if " ".join(wording.split()) not in flat:
            problems.append(f"{label}: must carry the wording required by {why}, but does not")
    return problems
