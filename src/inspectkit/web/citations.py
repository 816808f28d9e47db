"""Citations linked to the bibliography: ``100025 §35`` points at source document 100025.

A regime's sources are cited as ``<document id> <place>`` (``090027 §60 Table
1; 090027 §11``).  Each ``;``-separated part links to the regime page's entry
for the document whose id it starts with (the longest, so ``seed 004`` is not
taken for ``seed 0``); a part naming no listed document is shown unlinked.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.text import slugify


def anchor(source_id: str) -> str:
    """The bibliography entry's element id: ``source-100025``, ``source-seed-004``."""
    return f"source-{slugify(source_id)}"


def citation_parts(citation: str, source_ids: Sequence[str]) -> list[tuple[str, str | None]]:
    """Each part of ``citation`` with the anchor of the document it cites, or None."""
    by_length = sorted(source_ids, key=len, reverse=True)
    parts: list[tuple[str, str | None]] = []
    for part in (p.strip() for p in citation.split(";")):
        if not part:
            continue
        cited = next(
            (s for s in by_length if part == s or part.startswith((s + " ", s + ","))), None
        )
        parts.append((part, anchor(cited) if cited else None))
    return parts
