"""Counts in words a reader does not stumble on: "1 document", "3 documents", "1,000,000 cases".

Every message that counts goes through :func:`count`, so no output says "1 documents"
or "1000000 case(s)".
"""

from __future__ import annotations

# nouns whose plural is not noun + "s"
_IRREGULAR = {"child": "children", "person": "people", "entry": "entries", "body": "bodies"}


def number(value: int) -> str:
    """``1234567`` → ``1,234,567``."""
    return f"{value:,}"


def plural(noun: str, value: int) -> str:
    """``noun`` for one, its plural otherwise ("case list" → "case lists")."""
    if value == 1:
        return noun
    head, _, last = noun.rpartition(" ")
    if last in _IRREGULAR:
        many = _IRREGULAR[last]
    elif last.endswith(("s", "sh", "ch", "x")):
        many = last + "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        many = last[:-1] + "ies"
    else:
        many = last + "s"
    return f"{head} {many}" if head else many


def count(value: int, noun: str) -> str:
    """``count(1, "document")`` → ``1 document``; ``count(1200, "case")`` → ``1,200 cases``."""
    return f"{number(value)} {plural(noun, value)}"
