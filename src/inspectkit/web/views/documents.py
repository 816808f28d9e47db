"""An inspection's letter or report, downloaded as the Word file the command line makes.

For the inspecting team and administrators (404 for everyone else).  Each download
renders and checks every document of the inspection again, so what is served always
reflects what is recorded now and has passed the post-render checks; a document that
fails them is not served, and the page lists why.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from inspectkit.errors import InputError
from inspectkit.web.access import team_inspection_or_404
from inspectkit.web.documents import documents_of, render_documents

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain; charset=utf-8"


def document_download(request: HttpRequest, pk: int, document: str) -> HttpResponse:
    record = team_inspection_or_404(request.user, pk)
    try:
        declared = {d.id: d for d in documents_of(record)}
    except InputError as exc:
        raise Http404(exc.problems[0]) from None
    chosen = declared.get(document)
    if chosen is None:
        raise Http404("No such document.")
    try:
        rendered = render_documents(record)
    except InputError as exc:
        context = {"record": record, "document": chosen, "problems": exc.problems}
        return render(request, "inspectkit/document_problems.html", context, status=409)
    name = chosen.file.rsplit("/", 1)[-1]
    content = dict(rendered.files)[name]
    kind = DOCX if name.endswith(".docx") else TEXT
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{record.name}-{name}"'
    return response
