"""Plan: a regime and day 1 in, every milestone dated, charted and downloadable.

The form is a GET form, so a plan has an address: it can be bookmarked, and
its downloads are the same address with .ics or .csv.  htmx replaces only the
result when the form is sent; without script, the whole page loads.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import urlencode

from inspectkit.calendar import WorkingCalendar
from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.plugins import get_host
from inspectkit.timeline import Plan, plan_inspection
from inspectkit.web import plans
from inspectkit.web.forms import PlanForm
from inspectkit.web.fragments import cached_fragment, form_fragment


def _plan(data: dict[str, Any]) -> tuple[Regime, Plan]:
    """The plan a valid form's ``data`` asks for (InputError if the core refuses it)."""
    host = get_host()
    regime = host.regime(data["regime"]).regime
    calendar = WorkingCalendar(data["closures"], region=data["region"])
    return regime, plan_inspection(regime, data["start"], calendar, host=host)


def _plan_from(form: PlanForm) -> tuple[Regime, Plan] | None:
    """The plan the form asks for; the core's refusals become form errors."""
    if not form.is_valid():
        return None
    try:
        return _plan(form.cleaned_data)
    except InputError as exc:
        for problem in exc.problems:
            form.add_error(None, problem)
        return None


def _form(request: HttpRequest) -> PlanForm:
    if "start" in request.GET:
        return PlanForm(request.GET)
    return PlanForm(initial={"regime": request.GET.get("regime", "")})


def plan_page(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    context: dict[str, object] = {"form": form}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        asked = {
            "regime": data["regime"],
            "start": data["start"].isoformat(),
            "region": data["region"],
            "locale": data["locale"],
        }
        if data["closures"]:
            asked["closures"] = "\n".join(day.isoformat() for day in data["closures"])
        query = urlencode(asked)  # the plan's own address: its downloads, its cache key
        try:
            context["result"] = cached_fragment(
                "plan", (query,), lambda: _render_result(data, query)
            )
        except InputError as exc:
            for problem in exc.problems:
                form.add_error(None, problem)
    status = 400 if form.is_bound and "result" not in context else 200
    context["form_html"] = form_fragment(form, "inspectkit/plan_form.html")
    return render(request, "inspectkit/plan.html", context, status=status)


def _render_result(data: dict[str, Any], query: str) -> str:
    regime, plan = _plan(data)
    locale = data["locale"]
    context = {
        "regime": regime,
        "plan": plan,
        "heading": plans.plan_heading(plan, regime, locale),
        "rows": plans.plan_rows(plan, locale),
        "chart": plans.timeline_chart(plan, regime),
        "query": query,
    }
    return render_to_string("inspectkit/plan_result.html", context)


def plan_download(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in plans.DOWNLOADS:
        raise Http404("No such download.")
    form = PlanForm(request.GET)
    planned = _plan_from(form)
    if planned is None:
        context = {"form": form, "form_html": form_fragment(form, "inspectkit/plan_form.html")}
        return render(request, "inspectkit/plan.html", context, status=400)
    regime, plan = planned
    name = plans.download_name(regime.id, plan.start)
    return plans.plan_download(plan, regime, kind, form.cleaned_data["locale"], name)
