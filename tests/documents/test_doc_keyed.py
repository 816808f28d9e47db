"""A case list kept only as keyed digests still refuses a document naming any of its children."""

from __future__ import annotations

import hmac
import pickle
from datetime import date

from inspectkit.documents.checks import PrivateValues, private_problems
from inspectkit.documents.keyed import (
    DIGEST_BYTES,
    KeyedHash,
    KeyedIndex,
    KeyedIndexBuilder,
    new_key,
    pack,
)

BIRTH = date(2009, 3, 14)


def _index(*references: str, births: tuple[date, ...] = (BIRTH,)) -> KeyedIndex:
    builder = KeyedIndexBuilder(new_key(), source="the uploaded case list (cases.csv)")
    for reference in references:
        builder.add_reference(reference)
    for day in births:
        builder.add_birth(day)
    return builder.index()


def _problems(text: str, index: KeyedIndex, plain: PrivateValues | None = None) -> list[str]:
    values = plain or PrivateValues()
    values.keyed.append(index)
    return private_problems(text, label="letter.docx", private=values)


def test_the_prepared_pads_give_exactly_hmac_sha256() -> None:
    for key in (new_key(), b"k", b"x" * 100):  # short, and longer than a block
        for message in (b"", b"reference\0fake-000123", "é".encode() * 50):
            assert KeyedHash(key).digest(message) == hmac.digest(key, message, "sha256")


def test_a_reference_in_any_case_and_a_date_of_birth_in_any_form_are_found() -> None:
    index = _index("FAKE-000123", "C12/345")
    assert _problems("Seen: fake-000123 and c12/345.", index) == [
        "letter.docx: contains 2 case references from the uploaded case list (cases.csv)"
    ]
    for written in ("14/03/2009", "14 March 2009", "2009-03-14", "March 14, 2009"):
        assert _problems(f"Born {written}.", index) == [
            "letter.docx: contains a date of birth from the uploaded case list (cases.csv)"
        ]


def test_the_message_never_repeats_the_value_and_near_misses_pass() -> None:
    index = _index("FAKE-000123")
    problems = _problems("FAKE-000123", index)
    assert problems and "000123" not in problems[0]
    assert _problems("FAKE-0001234 and FAKE-00012 and 15/03/2009", index) == []


def test_an_unusually_shaped_reference_is_found_as_the_plain_index_finds_it() -> None:
    index = _index("AB 123", "(77)")
    assert _problems("Case ab 123 was seen.", index) != []
    assert _problems("Note (77) here.", index) != []
    assert _problems("Case XAB 1234 and x(77)y.", index) == []


def test_a_value_the_plain_index_names_is_reported_once_by_it() -> None:
    plain = PrivateValues()
    plain.add_reference("FAKE-000123", "sample.csv row 2")
    plain.add_birth(BIRTH, "sample.csv row 2")
    index = _index("FAKE-000123", "FAKE-000999")
    assert _problems("FAKE-000123 born 14/03/2009", index, plain) == [
        "letter.docx: contains a child identifier (sample.csv row 2)",
        "letter.docx: contains a date of birth (sample.csv row 2)",
    ]


def test_allowed_dates_are_not_reported() -> None:
    values = PrivateValues()
    values.keyed.append(_index())
    assert private_problems("On 14/03/2009", label="x", private=values, allowed_dates={BIRTH}) == []


def test_digests_are_packed_sorted_distinct_and_survive_a_worker_pickle() -> None:
    packed = pack([3, 1, 3, 2**64 - 1])
    assert len(packed) == 3 * DIGEST_BYTES
    assert list(KeyedIndex(b"k", packed, b"").references) == [1, 3, 2**64 - 1]
    index = pickle.loads(pickle.dumps(_index("FAKE-000123")))
    assert _problems("FAKE-000123", index) != []


def test_another_key_recognises_nothing() -> None:
    index = _index("FAKE-000123")
    stranger = KeyedIndex(new_key(), pack(index.references), pack(index.births))
    assert _problems("FAKE-000123 14/03/2009", stranger) == []
