"""One bibliography for every output that cites: readable keys, full entries.

Regime data cites by key ("100025 §43", "Sunderland 2012 §3.1"); each key is a
:class:`~inspectkit.model.SourceDocument` a regime declares.  A reader of a
comparison, a readiness pack or a report cannot follow a bare key, so every
output that cites carries the entries for the keys it uses: publisher or council,
title, date and reference number.  The entries are each plugin's data; how they
are gathered, matched to citations and written is here, the same for all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen

from inspectkit.conformance import walk_items
from inspectkit.model import NOT_SPECIFIED, Regime, SourceDocument

PUBLIC_PREFIX = "public:"
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@frozen(kw_only=True)
class Entry:
    """One line of a bibliography: the key and the entry in words."""

    key: str
    text: str


def date_words(published: str) -> str:
    """ "2010-04" → "April 2010"; "2012-01-30" → "30 January 2012"; "" → "date not specified"."""
    if not published:
        return f"date {NOT_SPECIFIED}"
    parts = [int(p) for p in published.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = _MONTHS[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def entry_text(document: SourceDocument) -> str:
    """ "Ofsted, *Title* (inspection guidance), April 2010, reference 100025." as plain text."""
    parts = [
        document.publisher,
        f"{document.title} ({document.kind})",
        date_words(document.published),
    ]
    if document.reference:
        parts.append(f"reference {document.reference}")
    text = ", ".join(parts) + "."
    return f"{text} {document.note}" if document.note else text


def documents_of(regimes: Iterable[Regime]) -> dict[str, SourceDocument]:
    """Every declared source document by key, first declaration first (the shipped regimes
    share keys only for the same document)."""
    found: dict[str, SourceDocument] = {}
    for regime in regimes:
        for document in regime.sources:
            found.setdefault(document.id, document)
    return found


def cited_keys(citations: Iterable[str], keys: Iterable[str]) -> list[str]:
    """The keys (or whole "public: ..." citations) the ``citations`` use, in first-use order.

    A citation may name several documents ("100025 §8; Sunderland 2012 §2.1"); a key
    matches a part that is the key or starts with it and a space.
    """
    longest = sorted(set(keys), key=len, reverse=True)
    used: dict[str, None] = {}
    for citation in citations:
        for part in (p.strip() for p in citation.split(";")):
            if not part:
                continue
            key = next((k for k in longest if part == k or part.startswith(k + " ")), None)
            if key is not None:
                used.setdefault(key, None)
            elif part.startswith(PUBLIC_PREFIX):
                used.setdefault(part, None)
    return list(used)


def bibliography(regimes: Sequence[Regime], citations: Iterable[str] | None = None) -> list[Entry]:
    """The entries for ``citations`` (every declared document when None), in first-use order.

    A ``public: ...`` citation with no declared document is listed as it is, marked as
    a public source without an entry, so nothing cited is ever left out.
    """
    documents = documents_of(regimes)
    keys = list(documents) if citations is None else cited_keys(citations, documents)
    return [
        Entry(key=key, text=entry_text(documents[key]))
        if key in documents
        else Entry(key=key, text="a public source (no bibliography entry declared)")
        for key in keys
    ]


def regime_citations(regime: Regime) -> list[str]:
    """Every citation in ``regime``'s data."""
    found: list[str] = []
    for _path, item in walk_items(regime, "regime"):
        source = getattr(item, "source", None)
        if isinstance(source, str) and source:
            found.append(source)
    return found


def lines(entries: Iterable[Entry]) -> list[str]:
    """ "key — entry" lines, for text outputs."""
    return [f"{e.key} — {e.text}" for e in entries]
