"""Recording findings or grades, with the regime's checks beside them as the inspector types.

For the inspecting team and administrators.  Every save carries the version (the row's
last change) the form was built from; a save over a newer version is refused, showing
what the other person saved beside what this one typed, and nothing is lost: the form
comes back with this person's entries in it.  While typing, htmx sends the form to the
check address, which runs ``inspectkit check`` on the unsaved draft (limiting
judgements, names and case data in text, wording the documents need) and answers with
the panel alone.
"""

from __future__ import annotations

import itertools
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from inspectkit.judgements import apply_limiting_rules
from inspectkit.model import Regime
from inspectkit.web.access import regime_or_404, team_inspection_or_404
from inspectkit.web.documents import check_draft, check_inspection
from inspectkit.web.finding_rows import rows_html
from inspectkit.web.findings_form import FindingsForms, checked_inspection, free_text_sections
from inspectkit.web.models import Inspection as Record
from inspectkit.web.store.changes import Actor, save_inspection
from inspectkit.web.store.records import columns_of, inspection_of
from inspectkit.workspace import Inspection
from inspectkit.workspace.wording import choose_wording


def version_of(record: Record) -> str:
    return record.updated.isoformat()


def _forms(request: HttpRequest, record: Record, regime: Regime) -> FindingsForms:
    if request.method == "POST":
        return FindingsForms.of(regime, data=request.POST)
    return FindingsForms.of(regime, record=record)


def _panel(
    record: Record, regime: Regime, inspection: Inspection | None, *, draft: bool = True
) -> dict[str, Any]:
    """The check panel's content: the rules' outcomes and what ``check`` reports, of an
    unsaved draft (every check made before rendering), or of the saved version with
    ``draft=False`` (its documents are rendered and checked too)."""
    if inspection is None:
        return {"unchecked": True}
    outcomes = [o for o in apply_limiting_rules(regime, inspection) if o.severity != "ok"]
    checked = check_draft(record, inspection) if draft else check_inspection(record)
    recorded = [f.level for f in inspection.findings if f.level]
    wording = choose_wording(regime, recorded, inspection.statements)
    return {
        "outcomes": outcomes,
        "problems": checked.problems,
        "warnings": checked.warnings,
        "draft": draft,
        "form": regime.report.form,
        "wording": [(s, s.wording(wording.counts)) for s in wording.chosen.values()],
        "written": sorted(wording.written.items()),
        "unwritten": wording.missing,
    }


def findings_page(request: HttpRequest, pk: int) -> HttpResponse:
    record = team_inspection_or_404(request.user, pk)
    regime = regime_or_404(record)
    sent = _forms(request, record, regime)
    context: dict[str, Any] = {
        "record": record,
        "regime": regime,
        "rows": sent.rows,
        **sent.others,
    }
    status = 200
    if request.method == "POST":
        inspection = None
        if sent.is_valid():
            inspection = checked_inspection(record, regime, sent)
        if inspection is not None and request.POST.get("version") != version_of(record):
            context["conflict"] = _side_by_side(record, regime, inspection)
            status = 409
        elif inspection is not None:
            user = request.user
            assert isinstance(user, User)  # signed in: LoginRequiredMiddleware
            columns = columns_of(inspection)
            save_inspection(record.name, columns, None, actor=Actor.of(user), how="findings page")
            return redirect("inspectkit:findings", pk=pk)
        else:
            status = 400
        context.update(_panel(record, regime, inspection))
    elif "checks" in request.GET:  # asked for without JavaScript: the page with its panel
        context.update(_panel(record, regime, inspection_of(record), draft=False))
    else:  # the form at once; the panel loads from the check address (htmx, on load)
        context["pending"] = True
    # after a conflict the form carries the newer version: sending it again, having seen
    # the other person's entries, saves these over them deliberately
    context["version"] = (
        version_of(record)
        if "conflict" in context
        else request.POST.get("version", version_of(record))
    )
    context["finding_rows"] = rows_html(sent.rows, sent.choices, graded=regime.scale.graded)
    # given by name: in a template, ``rows.management_form`` is first tried as
    # ``rows["management_form"]``, which builds every row form to index them
    context["management_form"] = sent.rows.management_form
    return render(request, "inspectkit/findings.html", context, status=status)


def findings_check(request: HttpRequest, pk: int) -> HttpResponse:
    """The check panel: of the saved version for a GET (the page loads it after itself, so
    opening the page never waits for the documents to render), of the unsaved form for a
    POST (htmx posts the form here as the inspector types)."""
    record = team_inspection_or_404(request.user, pk)
    regime = regime_or_404(record)
    if request.method != "POST":
        saved = _panel(record, regime, inspection_of(record), draft=False)
        context = {"record": record, **saved}
        return render(request, "inspectkit/checks_panel.html", context)
    sent = _forms(request, record, regime)
    inspection = None
    if sent.is_valid():
        inspection = checked_inspection(record, regime, sent)
    context = {"record": record, **_panel(record, regime, inspection)}
    if inspection is None:
        context["form_problems"] = sent.errors()
    return render(request, "inspectkit/checks_panel.html", context)


def _side_by_side(
    record: Record, regime: Regime, mine: Inspection
) -> list[tuple[Side | None, Side | None]]:
    """What the other person saved beside what this person sent, finding by finding (a
    row with one side empty where one has more), then each text or answer on which they
    differ, for a refused save."""
    areas = {a.id: a.title for _, a in regime.evaluation.walk()}

    def shown(area: str, level_id: str, text: str) -> tuple[str, str, str]:
        level = regime.scale.level(level_id)
        return (areas.get(area, area), level.label if level else level_id, text)

    theirs = [shown(f["area"], f["level"], f.get("text", "")) for f in record.findings]
    sent = [shown(f.area, f.level or "", f.text) for f in mine.findings]
    return [*itertools.zip_longest(theirs, sent), *_texts_side_by_side(record, regime, mine)]


Side = tuple[str, str, str]


def _texts_side_by_side(
    record: Record, regime: Regime, mine: Inspection
) -> list[tuple[Side | None, Side | None]]:
    """The sections, own sentences and answers on which the two versions differ."""
    titles = {s.id: s.title for s in free_text_sections(regime)}
    questions = {q.id: q.text for rule in regime.limiting_rules for q in rule.when.questions()}
    answer = {True: "yes", False: "no"}
    kinds = [
        ("section", titles, dict(record.sections), dict(mine.sections)),
        ("own sentence", {}, dict(record.statements), dict(mine.statements)),
        (
            "answer",
            questions,
            {k: answer[v] for k, v in record.assertions.items()},
            {k: answer[v] for k, v in mine.assertions.items()},
        ),
    ]
    rows: list[tuple[Side | None, Side | None]] = []
    for kind, labels, saved, sent in kinds:
        for key in sorted(set(saved) | set(sent)):
            if saved.get(key) != sent.get(key):
                label = labels.get(key, key)
                rows.append(
                    (
                        (label, kind, saved[key]) if key in saved else None,
                        (label, kind, sent[key]) if key in sent else None,
                    )
                )
    return rows
