"""Compare: regimes side by side, the crosswalk, and the files ``inspectkit compare`` writes.

The comparison is the core's (``build_comparison`` with the installed
plugins' crosswalks); the page lays its rows out, and the downloads are the
core's Markdown, HTML, XLSX and text renderings of the same comparison.  The form is a
GET form, so the page's address (regimes, day 1 and the aspects ticked) is the link to
share: it reproduces the view, and its downloads hold the same rows.
"""

from __future__ import annotations

import attrs
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import urlencode

from inspectkit.compare import Comparison, build_comparison
from inspectkit.compare.timeline import day_label, span_label
from inspectkit.crosswalk import load_crosswalks
from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.web.forms import CompareForm
from inspectkit.web.fragments import cached_fragment, form_fragment
from inspectkit.web.plans import svg_chart
from inspectkit.web.table_downloads import written

# the core's formats; a plugin's own format is served as application/octet-stream
DOWNLOADS = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "txt": "text/plain; charset=utf-8",
}


def _comparison(form: CompareForm) -> Comparison:
    """The comparison the valid ``form`` asks for (InputError if the core refuses it)."""
    host = get_host()
    regimes = [r.regime for r in host.select(form.cleaned_data["regimes"] or ())]
    crosswalks = load_crosswalks(regimes, plugin_files=host.crosswalk_files(), user_files=())
    comparison = build_comparison(
        regimes, start=form.cleaned_data["start"], crosswalks=crosswalks, host=host
    )
    aspects = form.cleaned_data.get("aspects") or ()
    if not aspects:
        return comparison
    return attrs.evolve(comparison, rows=tuple(r for r in comparison.rows if r.id in aspects))


def _refused(form: CompareForm, exc: InputError) -> None:
    for problem in exc.problems:
        form.add_error(None, problem)


def compare_page(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.GET)
    context: dict[str, object] = {"form": form}
    if form.is_valid():
        start = form.cleaned_data["start"]
        query = urlencode(
            {
                "regimes": form.cleaned_data["regimes"],
                "start": start.isoformat() if start else "",
                "aspects": form.cleaned_data["aspects"],
            },
            doseq=True,
        )
        try:
            context["result"] = cached_fragment(
                "compare", (query,), lambda: _render_result(_comparison(form), query)
            )
        except InputError as exc:
            _refused(form, exc)
    status = 200 if "result" in context else 400
    context["form_html"] = form_fragment(form, "inspectkit/compare_form.html")
    return render(request, "inspectkit/compare.html", context, status=status)


def _render_result(comparison: Comparison, query: str) -> str:
    host = get_host()
    columns = {h.id: host.regime(h.id).regime for h in comparison.regimes}
    context = {
        "comparison": comparison,
        "query": query,
        "columns": list(columns.values()),
        "rows": [
            (row, list(zip(row.cells, columns.values(), strict=True))) for row in comparison.rows
        ],
        "chart": svg_chart(comparison),
        "milestones": [
            (
                entry,
                columns[entry.regime_id],
                day_label(entry),
                span_label(entry.first, entry.last) if entry.first and entry.last else "",
                span_label(entry.due, entry.due) if entry.due else "",
            )
            for entry in comparison.timeline
        ],
    }
    return render_to_string("inspectkit/compare_result.html", context)


def compare_download(request: HttpRequest, kind: str) -> HttpResponse:
    if f".{kind}" not in get_host().suffixes("compare"):
        raise Http404("No such download.")
    form = CompareForm(request.GET)
    try:
        comparison = _comparison(form) if form.is_valid() else None
    except InputError as exc:
        _refused(form, exc)
        comparison = None
    if comparison is None:
        context = {"form": form, "form_html": form_fragment(form, "inspectkit/compare_form.html")}
        return render(request, "inspectkit/compare.html", context, status=400)
    content_type = DOWNLOADS.get(kind, "application/octet-stream")
    body = written("compare", comparison, f"comparison.{kind}")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="comparison.{kind}"'
    return response
