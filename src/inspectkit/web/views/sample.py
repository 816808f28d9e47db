"""An inspection's case sample: upload the council's list, see its problems or draw.

Only the inspecting team (and administrators) reach these pages: they show the
sampled cases' references, which an inspector needs to find each file.  A council
user or anyone not on the team gets a 404, as for every inspection they may not see.
A list larger than the upload limit is refused before any of it is stored
(``upload_limit``).  The validation report (problems by row and column, never a cell's
value) is kept in the session only, to download as CSV.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat

from inspectkit.errors import InputError
from inspectkit.safe_cells import SafeCsvWriter
from inspectkit.web.access import regime_or_404, team_inspection_or_404
from inspectkit.web.case_upload import (
    Drawn,
    SampleForm,
    draw_from_upload,
    fresh_seed,
    redraw_problem,
    uploaded_copy,
)
from inspectkit.web.models import Inspection
from inspectkit.web.store.case_digests import replace_digests
from inspectkit.web.store.changes import Actor, save_inspection
from inspectkit.web.store.records import columns_of, inspection_of
from inspectkit.web.upload_limit import refused

DOWNLOADS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def _report_key(pk: int) -> str:
    return f"inspectkit:caselist-report:{pk}"


def sample_page(request: HttpRequest, pk: int) -> HttpResponse:
    record = team_inspection_or_404(request.user, pk)
    regime = regime_or_404(record)
    too_large = _too_large(request)
    if request.method == "POST" and too_large is None:
        form = SampleForm(request.POST, request.FILES)
    else:
        form = SampleForm(initial={"seed": fresh_seed(), "on": record.start, "mode": "strict"})
    problems: list[str] = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        with uploaded_copy(data["cases"]) as path:
            try:
                drawn = draw_from_upload(
                    path, regime, strict=data["mode"] == "strict", seed=data["seed"], on=data["on"]
                )
            except InputError as exc:
                problems = list(exc.problems)
                drawn = None
        if drawn is not None:
            refused = redraw_problem(record, drawn.record, data["replace"])
            if refused is not None:
                form.add_error("replace", refused)
            else:
                _store(request, record, drawn)
                request.session.pop(_report_key(pk), None)
                return redirect("inspectkit:sample", pk=pk)
        else:
            request.session[_report_key(pk)] = problems
            form.add_error("cases", "The case list has problems: see the report below.")
    context: dict[str, Any] = {
        "record": record,
        "regime": regime,
        "form": form,
        "problems": problems,
        "sample": record.sample_record,
        "phases": _by_phase(record.sample_record),
        "limit": filesizeformat(settings.INSPECTKIT_UPLOAD_LIMIT),
        "limit_bytes": settings.INSPECTKIT_UPLOAD_LIMIT,
        "refused": too_large,
    }
    status = 400 if (form.is_bound and form.errors) or too_large else 200
    return render(request, "inspectkit/sample.html", context, status=status)


def _too_large(request: HttpRequest) -> str | None:
    """Why the upload was refused unread (over the limit), or None."""
    if request.method != "POST":
        return None
    request.FILES  # noqa: B018 (parses the body: the upload handler marks a refusal then)
    if not refused(request):
        return None
    limit: int = settings.INSPECTKIT_UPLOAD_LIMIT
    return (
        f"The file is larger than the upload limit of {filesizeformat(limit)}; it was not "
        "read. Ask an administrator to raise INSPECTKIT_UPLOAD_LIMIT_MB."
    )


def _store(request: HttpRequest, record: Inspection, drawn: Drawn) -> None:
    """The sample and the list's digests, in one transaction (each change audited)."""
    user = request.user
    assert isinstance(user, User)  # signed in: LoginRequiredMiddleware
    columns = columns_of(inspection_of(record))
    columns["sample_record"] = json.loads(dict(drawn.files)["sample.json"])
    actor = Actor.of(user)
    with transaction.atomic():
        save_inspection(record.name, columns, drawn.files, actor=actor, how="sample drawn")
        replace_digests(record, drawn.digests, sha256=drawn.record.input_sha256, actor=actor)


def _by_phase(data: dict[str, Any] | None) -> list[tuple[str, list[dict[str, Any]]]]:
    """The drawn cases grouped by the phase that drew them, in the order drawn."""
    phases: dict[str, list[dict[str, Any]]] = {}
    for case in (data or {}).get("drawn", []):
        phases.setdefault(str(case.get("phase_title", "")), []).append(case)
    return list(phases.items())


def sample_download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    record = team_inspection_or_404(request.user, pk)
    if kind not in DOWNLOADS:
        raise Http404("No such download.")
    stored = record.sample_files.filter(name=f"sample.{kind}").first()
    if stored is None:
        raise Http404("No sample has been drawn.")
    response = HttpResponse(bytes(stored.content), content_type=DOWNLOADS[kind])
    response["Content-Disposition"] = f'attachment; filename="{record.name}-sample.{kind}"'
    return response


# "cases.csv: row 4, column B (Date of initial referral): not a date; ..." as its parts
PROBLEM = re.compile(
    r"^(?P<file>[^:]+): "
    r"(?:row (?P<row>\d+)(?:, column (?P<column>[A-Z]+)(?: \((?P<field>[^)]*)\))?)?: )?"
    r"(?P<problem>.*)$"
)


def report_rows(problems: list[str]) -> list[list[str]]:
    """Each problem as file, row, column, field and what is wrong (blank where not given)."""
    rows = []
    for line in problems:
        found = PROBLEM.match(line)
        parts = found.groupdict() if found else {"problem": line}
        rows.append([parts.get(k) or "" for k in ("file", "row", "column", "field", "problem")])
    return rows


def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The last validation report, one problem a row (formula-safe), for a spreadsheet."""
    record = team_inspection_or_404(request.user, pk)
    problems = request.session.get(_report_key(pk))
    if not problems:
        raise Http404("No case-list report to download.")
    buffer = io.StringIO(newline="")
    writer = SafeCsvWriter(buffer, lineterminator="\n")
    writer.writerow(["File", "Row", "Column", "Field", "Problem"])
    writer.writerows(report_rows(problems))
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type=DOWNLOADS["csv"])
    response["Content-Disposition"] = f'attachment; filename="{record.name}-caselist-problems.csv"'
    return response
