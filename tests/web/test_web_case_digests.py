"""Every child on an uploaded case list is kept out of the documents, though the store keeps
only the sample's references and keyed digests of the rest — never a plain value."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from tests.web import test_web_findings as findings_tests
from tests.web.conftest import MakeUser, signed_in
from tests.web.test_web_findings import _post, _stored

from inspectkit.caselist.dates import parse_date
from inspectkit.caselist.fake import write_fake_case_list
from inspectkit.plugins import get_host
from inspectkit.web.models import AuditLog, CaseListDigests, Inspection, Role
from inspectkit.web.store.folders import export_inspection

pytestmark = pytest.mark.django_db

DAY_ONE = date(2011, 10, 17)


cra = findings_tests.cra  # cra_2010's example, stored, with "lead" on its team


@pytest.fixture
def uploaded(cra: Inspection, tmp_path: Path) -> Path:
    """A 400-row list uploaded to ``cra`` and drawn from (replacing the example's sample)."""
    regime = get_host().regime("cra_2010").regime
    path = write_fake_case_list(tmp_path / "council.csv", 400, 5, DAY_ONE, [regime])
    form = {
        "cases": SimpleUploadedFile(path.name, path.read_bytes()),
        "mode": "strict",
        "seed": "7",
        "on": DAY_ONE.isoformat(),
        "replace": "on",
    }
    response = signed_in(cra.members.get()).post(_url(cra, "inspectkit:sample"), form)
    assert response.status_code == 302
    return path


def _url(record: Inspection, name: str, **kwargs: str) -> str:
    return reverse(name, kwargs={"pk": record.pk, **kwargs})


def _unsampled(record: Inspection, path: Path) -> list[tuple[str, date]]:
    """(reference, date of birth) of each row the sample did not draw."""
    record.refresh_from_db()
    drawn = {case["reference"] for case in record.sample_record["drawn"]}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = []
    for row in rows:
        born = parse_date(row["Date of Birth"])
        if row["Child Unique ID"] not in drawn and born is not None:
            found.append((row["Child Unique ID"], born))
    assert len(found) > 300
    return found


def _panel(client: Client, record: Inspection, text: str) -> str:
    named = {**_stored(record)[0], "text": text}
    data = _post(record, [named, *_stored(record)[1:]])
    response = client.post(_url(record, "inspectkit:findings-check"), data)
    assert response.status_code == 200
    return response.content.decode()


def test_an_unsampled_childs_reference_is_refused_in_the_panel_and_the_download(
    cra: Inspection, uploaded: Path
) -> None:
    client = signed_in(cra.members.get())
    reference, _born = _unsampled(cra, uploaded)[0]
    body = _panel(client, cra, f"The case {reference} was not reviewed.")
    assert "contains a case reference from the uploaded case list (council.csv)" in body
    assert reference not in body
    findings = list(cra.findings)
    findings[0] = {**findings[0], "text": f"The case {reference.lower()} was not reviewed."}
    Inspection.objects.filter(pk=cra.pk).update(findings=findings)
    response = client.get(_url(cra, "inspectkit:document", document="letter"))
    assert response.status_code == 409
    assert "contains a case reference from the uploaded case list" in response.content.decode()
    assert reference not in response.content.decode()


def test_an_unsampled_childs_date_of_birth_is_refused(cra: Inspection, uploaded: Path) -> None:
    client = signed_in(cra.members.get())
    _reference, born = _unsampled(cra, uploaded)[0]
    body = _panel(client, cra, f"A child born {born:%d %B %Y} was not seen.")
    assert "contains a date of birth from the uploaded case list (council.csv)" in body
    assert f"{born:%d %B %Y}" not in body


def test_a_clean_finding_still_passes(cra: Inspection, uploaded: Path) -> None:
    body = _panel(signed_in(cra.members.get()), cra, "Children are seen promptly.")
    assert "from the uploaded case list" not in body


def _every_stored_cell() -> str:
    """Every cell of every table of the app's database, as text (binary decoded leniently)."""
    cells = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            cursor.execute(f'SELECT * FROM "{model._meta.db_table}"')
            for row in cursor.fetchall():
                for cell in row:
                    if isinstance(cell, bytes | memoryview):
                        cells.append(bytes(cell).decode("latin-1"))
                    else:
                        cells.append(str(cell))
    return "\n".join(cells)


def test_the_store_holds_no_plain_reference_or_birth_date_of_an_unsampled_child(
    cra: Inspection, uploaded: Path
) -> None:
    stored = _every_stored_cell().casefold()
    digests = CaseListDigests.objects.get(inspection=cra)
    assert digests.reference_count == 400
    assert len(bytes(digests.references)) == 400 * 8
    assert len(bytes(digests.key)) == 32
    for reference, born in _unsampled(cra, uploaded):
        assert reference.casefold() not in stored
        if born < DAY_ONE:  # the plan's own dates start on day one
            assert born.isoformat() not in stored
            assert f"{born:%d/%m/%Y}" not in stored


def test_a_redraw_replaces_the_digests_and_their_key(cra: Inspection, uploaded: Path) -> None:
    first = CaseListDigests.objects.get(inspection=cra)
    form = {
        "cases": SimpleUploadedFile(uploaded.name, uploaded.read_bytes()),
        "mode": "strict",
        "seed": "8",
        "on": DAY_ONE.isoformat(),
    }
    assert (
        signed_in(cra.members.get()).post(_url(cra, "inspectkit:sample"), form).status_code == 302
    )
    second = CaseListDigests.objects.get(inspection=cra)
    assert bytes(second.key) != bytes(first.key)
    assert bytes(second.references) != bytes(first.references)
    entry = AuditLog.objects.filter(summary__contains="case-list digests").latest("pk")
    assert entry.changes == {
        "case_digests": {
            "before": f"400 references, {first.birth_count} dates of birth",
            "after": f"400 references, {second.birth_count} dates of birth",
        }
    }


def test_deleting_case_data_deletes_the_digests_audited(
    cra: Inspection, uploaded: Path, make_user: MakeUser
) -> None:
    reference, _born = _unsampled(cra, uploaded)[0]
    admin = signed_in(make_user("admin", Role.ADMIN))
    response = admin.post(_url(cra, "inspectkit:case-data-delete"))
    assert response.status_code == 302
    assert not CaseListDigests.objects.filter(inspection=cra).exists()
    entry = AuditLog.objects.filter(summary__contains="case-list digests and their key").get()
    assert entry.actor_name == "admin"
    assert entry.changes["case_digests"]["after"] == "none"
    assert reference.casefold() not in _every_stored_cell().casefold()


def test_a_sample_without_digests_says_what_is_not_checked(cra: Inspection) -> None:
    body = _panel(signed_in(cra.members.get()), cra, "Children are seen promptly.")
    assert "documents are checked against the sampled cases&#x27; references only" in body


def test_an_export_carries_neither_the_digests_nor_their_key(
    cra: Inspection, uploaded: Path, tmp_path: Path
) -> None:
    digests = CaseListDigests.objects.get(inspection=cra)
    cra.refresh_from_db()
    written = export_inspection(cra, tmp_path / "out")
    assert {p.name for p in written} >= {"inspection.toml", "sample.json"}
    for path in written:
        content = path.read_bytes()
        assert bytes(digests.key) not in content
        assert bytes(digests.references)[:8] not in content
