"""A new inspection, asked for in the browser and checked by the core's own rules.

The form asks what ``inspectkit init`` asks — regime, council, day 1, whose bank
holidays, closure days — and the team.  Nothing here re-states a rule: the team goes
through the inspection file's own checks (job titles always; names and telephones only
where the regime's templates ask for them), day 1 through the planner (refused on a
weekend or bank holiday, with the next working day offered), and the regime's start
rule comes back as the plan's warnings, which the inspector confirms before the
inspection is created.  Each problem is shown beside the field it is about.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from attrs import frozen
from django import forms
from django.utils.text import slugify

from inspectkit.calendar import WorkingCalendar
from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.plugins import get_host
from inspectkit.timeline import Plan, plan_inspection
from inspectkit.web.forms import PlanForm
from inspectkit.web.models import Inspection as Record
from inspectkit.workspace import Inspection, InspectionFile, PersonEntry, check_against_regime

# how the core's checks name what they are checking; problems then name the form's field
WHERE = Path("new inspection")
FIELD_OF = {"team": "team", "quality_assurance": "team", "council": "council"}


class NewInspectionForm(PlanForm):
    """The plan's questions, and the council and team of the inspection."""

    council = forms.CharField(label="Council", max_length=200)
    team = forms.CharField(
        label="Inspection team",
        required=False,
        help_text="One person a line, lead inspector first: the job title (e.g. 'Lead "
        "inspector, HMI'), then, only where the regime's letter names its inspectors, "
        "' | name | telephone'.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    confirm = forms.BooleanField(
        label="Create it anyway",
        required=False,
        help_text="The plan has warnings (above); tick to create the inspection as planned.",
    )
    field_order = ("regime", "council", "start", "region", "closures", "locale", "team")

    def clean_team(self) -> list[PersonEntry]:
        text: str = self.cleaned_data.get("team") or ""
        people = []
        for line in text.splitlines():
            parts = [part.strip() for part in line.split("|")]
            if not any(parts):
                continue
            if len(parts) > 3:
                raise forms.ValidationError(
                    f"{line.strip()!r}: expected 'job title', 'job title | name' or "
                    "'job title | name | telephone'"
                )
            role, name, telephone = (*parts, "", "")[:3]
            people.append(PersonEntry(role=role, name=name, telephone=telephone))
        return people


@frozen
class Planned:
    """A valid form, as the core's checked inspection and its dated plan."""

    regime: Regime
    inspection: Inspection
    plan: Plan


def plan_new_inspection(form: NewInspectionForm) -> Planned | None:
    """The inspection the form describes, or None with every problem on its field.

    Warnings about the plan (the regime's start rule) are errors too until the form is
    sent again with ``confirm`` ticked.
    """
    if not form.is_valid():
        return None
    data: dict[str, Any] = form.cleaned_data
    host = get_host()
    regime = host.regime(data["regime"]).regime
    raw = InspectionFile(
        regime=regime.id,
        council=data["council"],
        start=data["start"],
        team=data["team"],
        locale=data["locale"],
    )
    try:
        inspection = check_against_regime(raw, regime, WHERE)
    except InputError as exc:
        _place(form, exc.problems)
        inspection = None
    try:
        calendar = WorkingCalendar(data["closures"], region=data["region"])
        plan = plan_inspection(regime, data["start"], calendar, host=host)
    except InputError as exc:
        form.add_error("start", list(exc.problems))
        return None
    if inspection is None:
        return None
    if plan.warnings and not data.get("confirm"):
        form.add_error("confirm", list(plan.warnings))
        return None
    return Planned(regime=regime, inspection=inspection, plan=plan)


def problem_parts(line: str) -> tuple[str, str]:
    """One of the core's lines about a form (``new inspection: team[1].name: ...``) as the
    key path it is about and what is wrong there."""
    where, _, message = line.removeprefix(f"{WHERE}: ").partition(": ")
    return where, message


def _place(form: NewInspectionForm, problems: list[str]) -> None:
    """Each of the core's lines (``new inspection: team[1].name: ...``) beside its field."""
    for line in problems:
        where, message = problem_parts(line)
        top = where.split("[")[0].split(".")[0]
        field = FIELD_OF.get(top)
        if field == "team" and "[" in where:
            number = int(where.split("[")[1].split("]")[0]) + 1
            message = f"line {number}: {message}"
        form.add_error(field, message if field else line)


def folder_name(regime_id: str, council: str, start: date) -> str:
    """A new, unused workspace-folder name: ``cra_2010-sunderland-city-council-2011``."""
    stem = f"{regime_id}-{slugify(council)[:80] or 'council'}-{start.year}"
    name, number = stem, 1
    while Record.objects.filter(name=name).exists():
        number += 1
        name = f"{stem}-{number}"
    return name
