"""An inspection's documents from the browser: the command line's own files, checked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from tests.web.conftest import MakeUser, signed_in
from tests.web.records import make_inspection

from inspectkit.demo import build_demo
from inspectkit.plugins import get_host
from inspectkit.web.models import Inspection, Role
from inspectkit.web.store.changes import Actor
from inspectkit.web.store.folders import import_folder

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_demo(tmp_path: Path) -> Inspection:
    """cra_2010's example inspection, built by the demo and imported."""
    run = build_demo(tmp_path / "demo", get_host())
    example = next(r for r in run.results if r.regime_id == "cra_2010")
    return import_folder(example.directory, actor=Actor(name="test")).saved.record


def _url(record: Inspection, document: str) -> str:
    return reverse("inspectkit:document", kwargs={"pk": record.pk, "document": document})


def test_the_letter_is_the_word_file_the_command_line_makes(
    stored_demo: Inspection, make_user: MakeUser
) -> None:
    lead = make_user("lead", Role.INSPECTOR)
    stored_demo.members.add(lead)
    client = signed_in(lead)
    page = client.get(reverse("inspectkit:inspection", kwargs={"pk": stored_demo.pk}))
    assert _url(stored_demo, "letter").encode() in page.content
    response = client.get(_url(stored_demo, "letter"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert stored_demo.council in text
    finding = stored_demo.findings[0]["text"]
    assert finding.split(".")[0] in text


def test_a_document_that_fails_its_checks_is_not_served(
    stored_demo: Inspection, make_user: MakeUser
) -> None:
    lead = make_user("lead", Role.INSPECTOR)
    stored_demo.members.add(lead)
    reference = stored_demo.sample_record["drawn"][0]["reference"]
    findings = list(stored_demo.findings)
    findings[0] = {**findings[0], "text": f"The case of {reference} was not reviewed."}
    Inspection.objects.filter(pk=stored_demo.pk).update(findings=findings)
    response = signed_in(lead).get(_url(stored_demo, "letter"))
    assert response.status_code == 409
    body = response.content.decode()
    assert "cannot be made yet" in body
    assert "inspection.toml: findings[0].text: contains a child identifier" in body
    assert "/tmp/" not in body  # the temporary folder is never shown


def test_only_the_team_downloads_documents(make_user: MakeUser) -> None:
    record = make_inspection(
        "cra-north", "Northwold Borough Council", make_user("lead", Role.INSPECTOR)
    )
    for user in (
        make_user("other", Role.INSPECTOR),
        make_user("council", Role.COUNCIL, council="Northwold Borough Council"),
        make_user("policy", Role.POLICY),
    ):
        assert signed_in(user).get(_url(record, "letter")).status_code == 404
    assert signed_in(record.members.get()).get(_url(record, "nope")).status_code == 404


def test_the_inspection_page_lists_documents_for_the_team_only(make_user: MakeUser) -> None:
    lead = make_user("lead", Role.INSPECTOR)
    council = make_user("council", Role.COUNCIL, council="Northwold Borough Council")
    record = make_inspection("cra-north", "Northwold Borough Council", lead)
    page = reverse("inspectkit:inspection", kwargs={"pk": record.pk})
    assert b"<h2>Documents</h2>" in signed_in(lead).get(page).content
    assert b"<h2>Documents</h2>" not in signed_in(council).get(page).content
