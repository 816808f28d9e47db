"""An inspection's letter or report: previewed in the page, downloaded as the Word file
the command line makes, or as a PDF LibreOffice makes from it.

For the inspecting team and administrators (404 for everyone else).  Each preview and
each download renders and checks every document of the inspection again, so what is
shown or served always reflects what is recorded now and has passed the post-render
checks; a document that fails them is neither shown nor served, and the page lists
why (409).  The preview is the checked Word file read back (``web.preview``), so it
has the file's content in the file's order; the PDF is made from the same bytes in the
background (``web.pdf_jobs``) and the page polls for it.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render

from inspectkit.errors import InputError
from inspectkit.model import DocumentTemplate
from inspectkit.web import pdf_jobs
from inspectkit.web.access import team_inspection_or_404
from inspectkit.web.documents import documents_of, render_documents
from inspectkit.web.models import Inspection
from inspectkit.web.preview import text_preview, word_preview

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain; charset=utf-8"


def _document_or_404(record: Inspection, document: str) -> DocumentTemplate:
    try:
        declared = {d.id: d for d in documents_of(record)}
    except InputError as exc:
        raise Http404(exc.problems[0]) from None
    chosen = declared.get(document)
    if chosen is None:
        raise Http404("No such document.")
    return chosen


def _file_name(chosen: DocumentTemplate) -> str:
    return chosen.file.rsplit("/", 1)[-1]


def _checked(
    request: HttpRequest, record: Inspection, chosen: DocumentTemplate
) -> bytes | HttpResponse:
    """The document's checked bytes, or the page that lists why it cannot be made."""
    try:
        rendered = render_documents(record)
    except InputError as exc:
        context = {"record": record, "document": chosen, "problems": exc.problems}
        return render(request, "inspectkit/document_problems.html", context, status=409)
    return dict(rendered.files)[_file_name(chosen)]


def _team_document(
    request: HttpRequest, pk: int, document: str
) -> tuple[Inspection, DocumentTemplate, bytes] | HttpResponse:
    """The inspection (its team's: 404 otherwise), the document and its checked bytes."""
    record = team_inspection_or_404(request.user, pk)
    chosen = _document_or_404(record, document)
    content = _checked(request, record, chosen)
    if isinstance(content, HttpResponse):
        return content
    return record, chosen, content


def document_download(request: HttpRequest, pk: int, document: str) -> HttpResponse:
    found = _team_document(request, pk, document)
    if isinstance(found, HttpResponse):
        return found
    record, chosen, content = found
    name = _file_name(chosen)
    kind = DOCX if name.endswith(".docx") else TEXT
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{record.name}-{name}"'
    return response


def document_preview(request: HttpRequest, pk: int, document: str) -> HttpResponse:
    found = _team_document(request, pk, document)
    if isinstance(found, HttpResponse):
        return found
    record, chosen, content = found
    word = _file_name(chosen).endswith(".docx")
    context = {
        "record": record,
        "document": chosen,
        "word": word,
        "preview": word_preview(content) if word else text_preview(content),
        **_pdf_context(record, chosen),
    }
    return render(request, "inspectkit/document_preview.html", context)


def _pdf_context(record: Inspection, chosen: DocumentTemplate) -> dict[str, object]:
    return {
        "record": record,
        "document": chosen,
        "libreoffice": pdf_jobs.libreoffice_installed(),
        "job": pdf_jobs.pdf_job(record, chosen.id),
    }


def _word_or_404(record: Inspection, document: str) -> DocumentTemplate:
    chosen = _document_or_404(record, document)
    if not _file_name(chosen).endswith(".docx"):
        raise Http404("Only Word documents are made into PDF files.")
    return chosen


def document_pdf(request: HttpRequest, pk: int, document: str) -> HttpResponse:
    """GET: where this version's PDF stands (the fragment htmx polls); POST: start it."""
    record = team_inspection_or_404(request.user, pk)
    chosen = _word_or_404(record, document)
    if request.method == "POST" and pdf_jobs.libreoffice_installed():
        content = _checked(request, record, chosen)
        if isinstance(content, HttpResponse):
            return content
        pdf_jobs.start_pdf(record, chosen.id, content)
    if request.method == "POST" and not request.headers.get("HX-Request"):
        return redirect("inspectkit:document-preview", pk=pk, document=document)
    context = _pdf_context(record, chosen)
    return render(request, "inspectkit/pdf_status.html", context)


def document_pdf_file(request: HttpRequest, pk: int, document: str) -> HttpResponseBase:
    """The finished PDF, after the post-render checks have passed once more."""
    record = team_inspection_or_404(request.user, pk)
    chosen = _word_or_404(record, document)
    content = _checked(request, record, chosen)
    if isinstance(content, HttpResponse):
        return content
    job = pdf_jobs.pdf_job(record, chosen.id)
    if job.pdf is None:  # not made for this version (yet): the preview page offers it
        return redirect("inspectkit:document-preview", pk=pk, document=document)
    try:
        pdf = job.pdf.open("rb")
    except FileNotFoundError:  # deleted since, by a newer job: made again from the page
        return redirect("inspectkit:document-preview", pk=pk, document=document)
    name = _file_name(chosen).removesuffix(".docx") + ".pdf"
    return FileResponse(
        pdf,
        as_attachment=True,
        filename=f"{record.name}-{name}",
        content_type="application/pdf",
    )
