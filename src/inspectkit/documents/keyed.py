"""Every child of a case list, recognisable in a document without being kept in plain text.

The web application deletes the council's case list as soon as the sample is drawn, but
its documents must still be refused when they name any child on that list — sampled or
not.  So, while the list is read, each case reference (stripped and case-folded, as
:class:`~inspectkit.documents.checks.PrivateValues` compares them) and each date of birth
(ISO form) is reduced to an HMAC-SHA-256 under a secret made for that inspection alone;
only the secret and the digests are kept.  A rendered document's tokens and dates are
put through the same HMAC and looked up.  Without the secret a digest says nothing; the
secret is deleted with the digests.

References and dates of birth are kept as two separate sorted sets, never paired by row,
so even someone who has the secret and guesses values cannot tell which date of birth
belongs to which reference.  Each digest is cut to :data:`DIGEST_BYTES` (64 bits): with a
million references, the chance that a given word of a document matches one by accident
is about 1 in 18 million million (n / 2**64), so a 10,000-word document is wrongly refused
about once in two thousand million.  A false match refuses a document; it never lets a
child's reference through.  Kept sorted, a million digests are 8 MB, loaded without
making a Python object per digest and searched by bisection.

This module is the core's; the web application stores :class:`KeyedIndex`'s parts and
gives the index back to the checks (``prepare_workspace(..., case_list=...)``).
"""

from __future__ import annotations

import hashlib
import re
import secrets
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from datetime import date

import polars as pl

from inspectkit.documents.checks import is_word_shaped

KEY_BYTES = 32
DIGEST_BYTES = 8
_BLOCK = 64  # SHA-256's block size, for the HMAC pads
_REFERENCE = b"reference\0"  # domain separation: a reference and a date never collide
_BIRTH = b"birth\0"


def new_key() -> bytes:
    """A fresh secret for one inspection's case list."""
    return secrets.token_bytes(KEY_BYTES)


def reference_key(reference: str) -> str:
    """A reference as it is compared: stripped and case-folded."""
    return reference.strip().casefold()


class KeyedHash:
    """HMAC-SHA-256 (RFC 2104) under one key, its padded key states hashed once
    (``inner`` and ``outer``: copied for each message, never updated themselves).

    ``hmac.digest`` re-derives the pads on every call: 4.2 µs a value here against 1.4 µs
    for copying the two prepared SHA-256 states (a million references: about 3 s less).
    The tests prove it equals :func:`hmac.digest`.
    """

    def __init__(self, key: bytes) -> None:
        padded = (hashlib.sha256(key).digest() if len(key) > _BLOCK else key).ljust(_BLOCK, b"\0")
        self.inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
        self.outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))

    def digest(self, message: bytes) -> bytes:
        inner = self.inner.copy()
        inner.update(message)
        outer = self.outer.copy()
        outer.update(inner.digest())
        return outer.digest()

    def short(self, message: bytes) -> int:
        """The digest's first :data:`DIGEST_BYTES`, as an unsigned integer."""
        return int.from_bytes(self.digest(message)[:DIGEST_BYTES], "big")

    def reference(self, reference: str) -> int:
        return self.short(_REFERENCE + reference_key(reference).encode("utf-8"))

    def birth(self, day: date) -> int:
        return self.short(_BIRTH + day.isoformat().encode("ascii"))


def pack(digests: Iterable[int]) -> bytes:
    """Digests as stored: distinct, sorted, each :data:`DIGEST_BYTES` big-endian."""
    return b"".join(d.to_bytes(DIGEST_BYTES, "big") for d in sorted(set(digests)))


def _unpack(packed: bytes) -> array[int]:
    if len(packed) % DIGEST_BYTES:
        raise ValueError(f"packed digests are {len(packed)} bytes, not a multiple of 8")
    numbers = array("Q")
    numbers.frombytes(packed)
    if sys.byteorder == "little":
        numbers.byteswap()
    return numbers


def _contains(numbers: array[int], number: int) -> bool:
    at = bisect_left(numbers, number)
    return at < len(numbers) and numbers[at] == number


class KeyedIndex:
    """The keyed digests of one case list's references and dates of birth.

    ``unusual_lengths`` are the lengths of the references not shaped like one word
    ("AB 123", "(77)"): a document is tried at each such length, as the plain index
    searches for them.  ``source`` names the list in messages ("cases.csv").
    """

    def __init__(
        self,
        key: bytes,
        references: bytes,
        births: bytes,
        *,
        unusual_lengths: Iterable[int] = (),
        source: str = "the uploaded case list",
    ) -> None:
        self.key = key
        self.references = _unpack(references)
        self.births = _unpack(births)
        self.unusual_lengths = tuple(sorted(set(unusual_lengths)))
        self.source = source

    def __len__(self) -> int:
        return len(self.references) + len(self.births)

    def _hash(self) -> KeyedHash:
        return KeyedHash(self.key)

    def found_references(self, candidates: Iterable[str], flat: str) -> set[str]:
        """The candidates (already case-folded tokens of ``flat``), and the unusually shaped
        stretches of ``flat``, that are references on the list."""
        keyed = self._hash()
        found = {c for c in candidates if _contains(self.references, keyed.reference(c))}
        if self.unusual_lengths:
            folded = flat.casefold()
            for length in self.unusual_lengths:
                for stretch in _stretches(folded, length):
                    if _contains(self.references, keyed.reference(stretch)):
                        found.add(stretch)
        return found

    def found_births(self, days: Iterable[date]) -> set[date]:
        keyed = self._hash()
        return {day for day in days if _contains(self.births, keyed.birth(day))}


def _stretches(text: str, length: int) -> set[str]:
    """Every ``length``-character stretch of ``text`` standing alone (no word character
    just before or after it), as the plain index's search for an unusual reference."""
    found = set()
    for start in range(len(text) - length + 1):
        if start and _WORD.match(text[start - 1]):
            continue
        end = start + length
        if end < len(text) and _WORD.match(text[end]):
            continue
        stretch = text[start:end]
        if stretch == stretch.strip():
            found.add(stretch)
    return found


_WORD = re.compile(r"\w")


class KeyedIndexBuilder:
    """Collects a case list's values as digests (the same calls as ``PrivateValues``:
    ``add_reference`` and ``add_birth``; ``where`` is not kept).

    ``add_reference`` runs once a row, so it does the least: each digest's bytes are
    appended, with no import, key function or integer conversion per call (16 µs a
    reference before, 7 µs after, on a loaded host).  Polars makes them distinct and
    sorts them at the end (sorted bytes of one length sort as their numbers): sorting
    a million in Python took 2.7 s.
    """

    def __init__(self, key: bytes, *, source: str = "the uploaded case list") -> None:
        self.key = key
        self.source = source
        self._hash = KeyedHash(key)
        self._references: list[bytes] = []
        self._births: set[date] = set()
        self._packed: bytes | None = None
        self.unusual_lengths: set[int] = set()
        self.warnings: list[str] = []

    def add_reference(self, reference: str, where: str = "") -> None:
        key = reference.strip().casefold()
        if not key:
            return
        self._references.append(self._hash.digest(_REFERENCE + key.encode("utf-8"))[:DIGEST_BYTES])
        self._packed = None
        if not is_word_shaped(key):
            self.unusual_lengths.add(len(key))

    def add_birth(self, day: date, where: str = "") -> None:
        self._births.add(day)  # a few thousand distinct days: hashed once each, at the end

    @property
    def packed_references(self) -> bytes:
        if self._packed is None:
            digests = pl.Series(self._references, dtype=pl.Binary).unique().sort()
            self._packed = b"".join(digests.to_list())
        return self._packed

    @property
    def packed_births(self) -> bytes:
        return pack(self._hash.birth(day) for day in self._births)

    @property
    def counts(self) -> tuple[int, int]:
        """How many distinct references and dates of birth are held."""
        return len(self.packed_references) // DIGEST_BYTES, len(self._births)

    def index(self) -> KeyedIndex:
        return KeyedIndex(
            self.key,
            self.packed_references,
            self.packed_births,
            unusual_lengths=self.unusual_lengths,
            source=self.source,
        )
