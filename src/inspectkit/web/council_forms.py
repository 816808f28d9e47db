"""The council's forms: a new readiness checklist, a checklist's likely day 1, and the
rows of a checklist or action plan as typed.

A checklist's day 1 is dated by the core's planner, so a weekend, a bank holiday or a
start the regime forbids comes back as the core's own line beside the field.  Rows are
read from the POST by item id (the table is as long as the regime makes it); each
problem is kept by item and field, to be shown beside that field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django import forms

from inspectkit.action_plan import PROGRESS
from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.plugins import get_host
from inspectkit.readiness import STATUSES
from inspectkit.timeline import Plan, plan_inspection
from inspectkit.web.forms import DateInput, _checked_year, regime_choices

OWNER_LIMIT = 200
NOT_STARTED = STATUSES[0]


class StartField(forms.DateField):
    """A likely day 1: optional, dated by the regime's plan when given."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            label="Likely day 1",
            required=False,
            help_text="Optional: the day you expect the inspection to start, to date each item.",
            widget=DateInput(),
            **kwargs,
        )


def plan_for(regime: Regime, start: date | None) -> Plan | None:
    """The plan from a likely day 1 (none without one); InputError as the planner says."""
    if start is None:
        return None
    return plan_inspection(regime, start, host=get_host())


class NewChecklistForm(forms.Form):
    regime = forms.ChoiceField(label="Regime")
    start = StartField()
    council = forms.CharField(
        label="Council",
        max_length=200,
        help_text="The council's name exactly as its inspections give it.",
    )

    def __init__(self, *args: Any, council: str = "", **kwargs: Any) -> None:
        """``council``: the signed-in officer's own (the field is then not asked)."""
        super().__init__(*args, **kwargs)
        self.fields["regime"].choices = regime_choices()  # type: ignore[attr-defined]
        if council:
            del self.fields["council"]
        self.own_council = council

    def clean_start(self) -> date | None:
        return _checked_year(self.cleaned_data.get("start"), "Likely day 1")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.own_council:
            cleaned["council"] = self.own_council
        regime_id, start = cleaned.get("regime"), cleaned.get("start")
        if regime_id and start is not None:
            try:
                plan_for(get_host().regime(regime_id).regime, start)
            except InputError as exc:
                self.add_error("start", exc.problems[0])
        return cleaned


class StartForm(forms.Form):
    """A checklist's likely day 1, changed on the checklist's own page."""

    start = StartField()

    def __init__(self, *args: Any, regime: Regime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.regime = regime

    def clean_start(self) -> date | None:
        start = _checked_year(self.cleaned_data.get("start"), "Likely day 1")
        try:
            plan_for(self.regime, start)
        except InputError as exc:
            raise forms.ValidationError(exc.problems[0]) from None
        return start


Errors = dict[str, dict[str, str]]  # item or row id -> field -> problem


def _owner_problem(owner: str) -> dict[str, str]:
    if len(owner) > OWNER_LIMIT:
        return {"owner": f"at most {OWNER_LIMIT} characters (a job title), got {len(owner)}"}
    return {}


def readiness_entries(
    data: Mapping[str, str], item_ids: Iterable[str]
) -> tuple[dict[str, tuple[str, str]], Errors]:
    """``(owner, status)`` typed for each item whose fields were sent, and the problems."""
    entries: dict[str, tuple[str, str]] = {}
    errors: Errors = {}
    for item in item_ids:
        if f"status-{item}" not in data:
            continue  # not shown (filtered out): left as it is
        owner = data.get(f"owner-{item}", "").strip()
        status = data.get(f"status-{item}", "").strip()
        problems = _owner_problem(owner)
        if status not in STATUSES:
            problems["status"] = f"expected one of {', '.join(STATUSES)}, got {status!r}"
        if problems:
            errors[item] = problems
        entries[item] = (owner, status)
    return entries, errors


def action_entries(
    data: Mapping[str, str], row_ids: Iterable[str]
) -> tuple[dict[str, dict[str, Any]], Errors]:
    """Owner, actions, due date, progress and evidence typed for each row, and the problems."""
    entries: dict[str, dict[str, Any]] = {}
    errors: Errors = {}
    for row in row_ids:
        if f"progress-{row}" not in data:
            continue
        values: dict[str, Any] = {
            name: data.get(f"{name}-{row}", "").strip()
            for name in ("owner", "actions", "due", "progress", "evidence")
        }
        problems = _owner_problem(values["owner"])
        if values["progress"] not in ("", *PROGRESS):
            problems["progress"] = (
                f"expected one of {', '.join(PROGRESS)}, got {values['progress']!r}"
            )
        due = values["due"]
        try:
            values["due"] = date.fromisoformat(due) if due else None
        except ValueError:
            problems["due"] = f"expected a date such as 2012-03-31, got {due!r}"
        if problems:
            errors[row] = problems
        entries[row] = values
    return entries, errors
