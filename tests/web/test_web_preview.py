"""Documents in the page and as PDF: the preview is the checked Word file read back, and
the PDF is made by LibreOffice in the background, its state kept in files."""

from __future__ import annotations

import io
import os
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document
from tests.web.conftest import MakeUser, signed_in
from tests.web.records import stored_example
from tests.web.test_web_security import _InlineFinder

from inspectkit.documents.pdf import find_soffice
from inspectkit.web import pdf_jobs
from inspectkit.web.models import Inspection, Role

pytestmark = pytest.mark.django_db

MARKUP = "Strategy & <b>\"plans\"</b> aren't > 'enough'."


@pytest.fixture(autouse=True)
def _own_data_folder(settings: Any, tmp_path: Path) -> None:
    """Each test's PDF jobs in a data folder of its own (the suite shares one otherwise)."""
    settings.DATA_DIR = tmp_path / "data"


@pytest.fixture
def priority(tmp_path: Path, make_user: MakeUser) -> Inspection:
    """cra_2010's example with an area for priority action, with "lead" on its team."""
    lead = make_user("lead", Role.INSPECTOR)
    return stored_example(tmp_path / "demo", "cra_2010_priority_action", lead)


def _url(record: Inspection, name: str, document: str = "letter") -> str:
    return reverse(f"inspectkit:{name}", kwargs={"pk": record.pk, "document": document})


class _Blocks(HTMLParser):
    """The text of each paragraph, heading and list item of the preview, in order."""

    BLOCKS: ClassVar[set[str]] = {"p", "h2", "h3", "h4", "h5", "h6", "li", "td", "th"}

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._open = 0
        self._in_preview = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" and ("class", "document-preview") in attrs:
            self._in_preview = True
        if self._in_preview and tag in self.BLOCKS:
            self._open += 1
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_preview = False
        if self._in_preview and tag in self.BLOCKS:
            self._open -= 1

    def handle_data(self, data: str) -> None:
        if self._in_preview and self._open:
            self.blocks[-1] += data


def _preview_blocks(body: str) -> list[str]:
    parser = _Blocks()
    parser.feed(body)
    return [b.strip() for b in parser.blocks if b.strip()]


def test_the_preview_is_the_word_file_in_its_order(priority: Inspection) -> None:
    client = signed_in(priority.members.get())
    page = client.get(reverse("inspectkit:inspection", kwargs={"pk": priority.pk}))
    assert _url(priority, "document-preview").encode() in page.content
    preview = client.get(_url(priority, "document-preview"))
    assert preview.status_code == 200
    body = preview.content.decode()
    word = client.get(_url(priority, "document")).content
    paragraphs = [p.text.strip() for p in Document(io.BytesIO(word)).paragraphs if p.text.strip()]
    assert _preview_blocks(body) == paragraphs
    assert "identified an area for priority action alongside areas of strength" in body
    finder = _InlineFinder()
    finder.feed(body)
    assert finder.found == []  # nothing the Content-Security-Policy would block


def test_markup_in_a_finding_is_text_in_the_preview_and_the_file(priority: Inspection) -> None:
    findings = list(priority.findings)
    findings[0] = {**findings[0], "text": MARKUP}
    Inspection.objects.filter(pk=priority.pk).update(findings=findings)
    client = signed_in(priority.members.get())
    body = client.get(_url(priority, "document-preview")).content.decode()
    assert "<b>" not in body.split('class="document-preview"')[1]
    assert MARKUP in _preview_blocks(body)
    word = client.get(_url(priority, "document")).content
    assert MARKUP in [p.text for p in Document(io.BytesIO(word)).paragraphs]


def test_template_braces_in_a_finding_are_text_in_the_preview_and_the_file(
    priority: Inspection,
) -> None:
    """Issue 16: ``{{ … }}`` written in a finding survives as text (the post-render check
    still refuses template code the template itself left: see test_doc_checks)."""
    braces = "Plans for {{ council }} and {% if x %} <i>now</i>."
    findings = list(priority.findings)
    findings[0] = {**findings[0], "text": braces}
    Inspection.objects.filter(pk=priority.pk).update(findings=findings)
    client = signed_in(priority.members.get())
    response = client.get(_url(priority, "document-preview"))
    assert response.status_code == 200, response.content.decode()[:2000]
    body = response.content.decode()
    assert "<i>now" not in body
    assert braces in _preview_blocks(body)
    word = client.get(_url(priority, "document")).content
    assert braces in [p.text for p in Document(io.BytesIO(word)).paragraphs]


def test_a_document_that_fails_its_checks_is_not_previewed(priority: Inspection) -> None:
    reference = priority.sample_record["drawn"][0]["reference"]
    findings = list(priority.findings)
    findings[0] = {**findings[0], "text": f"The case of {reference} was not reviewed."}
    Inspection.objects.filter(pk=priority.pk).update(findings=findings)
    client = signed_in(priority.members.get())
    for name in ("document-preview", "document-pdf-file"):
        response = client.get(_url(priority, name))
        assert response.status_code == 409, name
        body = response.content.decode()
        assert "findings[0].text: contains a child identifier" in body
        assert "was not reviewed" not in body
    started = client.post(_url(priority, "document-pdf"), HTTP_HX_REQUEST="true")
    if find_soffice() is not None:
        assert started.status_code == 409
    assert pdf_jobs.pdf_job(priority, "letter").state is pdf_jobs.State.NOT_STARTED


def test_a_text_document_is_previewed_as_text(priority: Inspection) -> None:
    client = signed_in(priority.members.get())
    body = client.get(_url(priority, "document-preview", "notification_email")).content.decode()
    assert '<pre class="document-text">' in body
    assert priority.council in body
    assert client.get(_url(priority, "document-pdf", "notification_email")).status_code == 404


def test_without_libreoffice_the_page_says_so(
    priority: Inspection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_jobs, "find_soffice", lambda: None)
    client = signed_in(priority.members.get())
    body = client.get(_url(priority, "document-preview")).content.decode()
    assert "LibreOffice is not installed on this server" in body
    assert _url(priority, "document-pdf") not in body
    client.post(_url(priority, "document-pdf"), HTTP_HX_REQUEST="true")
    assert pdf_jobs.pdf_job(priority, "letter").state is pdf_jobs.State.NOT_STARTED


def test_the_pdf_is_offered_only_once_made(priority: Inspection) -> None:
    client = signed_in(priority.members.get())
    waiting = client.get(_url(priority, "document-pdf-file"))
    assert waiting.status_code == 302
    assert waiting["Location"] == _url(priority, "document-preview")


def _poll_until_made(client: Client, record: Inspection) -> str:
    for _ in range(120):
        fragment = client.get(_url(record, "document-pdf")).content.decode()
        if "every 2s" not in fragment:
            return fragment
        time.sleep(1)
    raise AssertionError("the PDF was not made in two minutes")


@pytest.mark.needs_libreoffice
@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_the_pdf_is_made_in_the_background_and_downloaded(priority: Inspection) -> None:
    client = signed_in(priority.members.get())
    started = client.post(_url(priority, "document-pdf"), HTTP_HX_REQUEST="true")
    assert started.status_code == 200
    assert "Making the PDF" in started.content.decode()  # answered before LibreOffice finished
    assert 'hx-trigger="every 2s"' in started.content.decode()
    again = client.post(_url(priority, "document-pdf"), HTTP_HX_REQUEST="true")
    assert "Making the PDF" in again.content.decode()  # one job, not two
    fragment = _poll_until_made(client, priority)
    assert _url(priority, "document-pdf-file") in fragment, fragment
    response = client.get(_url(priority, "document-pdf-file"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
    jobs = pdf_jobs._jobs()
    assert [p.name for p in next(jobs.iterdir()).iterdir()] == ["document.pdf"]  # no .docx left

    # a change to the inspection is a new version: the old PDF is not offered for it
    priority.save()
    assert pdf_jobs.pdf_job(priority, "letter").state is pdf_jobs.State.NOT_STARTED
    client.post(_url(priority, "document-pdf"), HTTP_HX_REQUEST="true")
    assert len(list(jobs.iterdir())) == 1  # the old version's job was deleted
    _poll_until_made(client, priority)


def test_a_conversion_that_stopped_may_be_started_again(
    priority: Inspection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A job whose worker process ended mid-conversion leaves a folder with no PDF and no
    problem: after LibreOffice's time limit it counts as failed, and starting replaces it."""
    folder = pdf_jobs._folder(priority, "letter")
    folder.mkdir(parents=True)
    assert pdf_jobs.pdf_job(priority, "letter").state is pdf_jobs.State.RUNNING
    past = time.time() - pdf_jobs.STOPPED_AFTER_SECONDS - 1
    os.utime(folder, (past, past))
    stopped = pdf_jobs.pdf_job(priority, "letter")
    assert (stopped.state, stopped.problem) == (
        pdf_jobs.State.FAILED,
        "The conversion stopped before it finished.",
    )
    converted: list[Path] = []
    monkeypatch.setattr(pdf_jobs, "convert_to_pdf", lambda source, out: converted.append(out))
    monkeypatch.setattr(pdf_jobs, "find_soffice", lambda: "/usr/bin/soffice")
    client = signed_in(priority.members.get())
    body = client.post(_url(priority, "document-pdf"), HTTP_HX_REQUEST="true").content.decode()
    assert "The conversion stopped" not in body
    word = folder / "document.docx"
    for _ in range(50):  # the worker removes the Word copy just after converting
        if converted and not word.exists():
            break
        time.sleep(0.1)
    assert converted == [folder / "document.pdf"]
    assert not word.exists()  # the Word copy is not kept


def test_jobs_older_than_an_hour_are_deleted_when_one_starts(
    priority: Inspection, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = pdf_jobs._jobs() / "999-letter-0123456789abcdef"
    old.mkdir(parents=True)
    (old / "document.pdf").write_bytes(b"%PDF old")
    past = time.time() - pdf_jobs.KEEP_SECONDS - 1
    os.utime(old, (past, past))
    monkeypatch.setattr(pdf_jobs, "convert_to_pdf", lambda source, out: out)
    pdf_jobs.start_pdf(priority, "letter", b"word bytes")
    assert not old.exists()
    assert pdf_jobs._folder(priority, "letter").is_dir()
