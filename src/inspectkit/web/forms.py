"""The forms: what a plan and a comparison are asked for, checked by Django's forms.

Choices of regime come from the plugin host when the form is made, so an
installed plugin is offered at once.  Whatever the core refuses (a start on a
bank holiday) comes back as the core's own one-line message on the form.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from inspectkit.calendar import REGIONS, check_year
from inspectkit.compare import ROWS
from inspectkit.errors import InputError
from inspectkit.plugins import get_host

LOCALES = (("en_GB", "English"), ("cy", "Welsh (Cymraeg)"))


def regime_choices() -> list[tuple[str, str]]:
    return [
        (r.regime.id, f"{r.regime.short_title} ({r.regime.id})")
        for r in get_host().sorted_regimes()
    ]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _checked_year(day: date | None, label: str) -> date | None:
    if day is not None:
        try:
            check_year(day, label)
        except InputError as exc:
            raise forms.ValidationError(exc.problems[0]) from None
    return day


class PlanForm(forms.Form):
    regime = forms.ChoiceField(label="Regime")
    start = forms.DateField(
        label="Day 1",
        help_text="The first day of the regime's count, e.g. the notification day.",
        widget=DateInput(),
    )
    region = forms.ChoiceField(
        label="Bank holidays of",
        choices=sorted(REGIONS.items()),
        initial="ENG",
    )
    closures = forms.CharField(
        label="Closure days",
        required=False,
        help_text="Extra days the council is closed, one YYYY-MM-DD a line.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    locale = forms.ChoiceField(label="Dates in", choices=LOCALES, initial="en_GB")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regime"].choices = regime_choices()  # type: ignore[attr-defined]

    def clean_start(self) -> date | None:
        day: date | None = self.cleaned_data.get("start")
        return _checked_year(day, "Day 1")

    def clean_closures(self) -> list[date]:
        text: str = self.cleaned_data.get("closures") or ""
        days: list[date] = []
        problems: list[str] = []
        for number, line in enumerate(text.replace(",", "\n").splitlines(), start=1):
            entry = line.strip()
            if not entry:
                continue
            try:
                days.append(date.fromisoformat(entry))
            except ValueError:
                problems.append(f"line {number}: expected a date as YYYY-MM-DD, got {entry!r}")
        if problems:
            raise forms.ValidationError(problems)
        return days


class CompareForm(forms.Form):
    regimes = forms.MultipleChoiceField(
        label="Regimes to compare",
        required=False,
        help_text="None ticked compares every installed regime.",
        widget=forms.CheckboxSelectMultiple,
    )
    start = forms.DateField(
        label="Day 1 for every regime",
        required=False,
        help_text="Optional: date every regime's milestones from the same day.",
        widget=DateInput(),
    )
    aspects = forms.MultipleChoiceField(
        label="Aspects to show",
        required=False,
        help_text="None ticked shows every aspect; the downloads show the same.",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regimes"].choices = regime_choices()  # type: ignore[attr-defined]
        self.fields["aspects"].choices = ROWS  # type: ignore[attr-defined]

    def clean_start(self) -> date | None:
        day: date | None = self.cleaned_data.get("start")
        return _checked_year(day, "Day 1")
