"""Findings or grades, entered in the browser and checked by the inspection file's rules.

The form is built from the regime: a row per finding, its judgement area and its
finding type or grade chosen from the regime's own lists, with its text, evidence and
recommendations; and a yes/no for every question a limiting rule asks.  What is sent
becomes the inspection file's own entries (``[[findings]]`` or ``[[grades]]``,
``[assertions]``) and goes through ``check_against_regime``, so the browser applies
exactly the rules ``inspectkit check`` applies, and each problem (``findings[2].text:
must not be empty``) is shown beside the row and field it is about.
"""

from __future__ import annotations

from typing import Any

import attrs
from django import forms

from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.web.inspection_form import WHERE, problem_parts
from inspectkit.web.models import Inspection as Record
from inspectkit.web.store.records import file_of
from inspectkit.workspace import FindingEntry, GradeEntry, Inspection, check_against_regime

ANSWERS = (("", "Not answered yet"), ("yes", "Yes"), ("no", "No"))


class FindingRow(forms.Form):
    """One finding (or one area's grade): area, type or grade, and what was found."""

    area = forms.ChoiceField(label="Judgement area", required=False)
    level = forms.ChoiceField(label="Finding type", required=False)
    text = forms.CharField(
        label="What was found", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = forms.CharField(
        label="Evidence (job titles and case references only)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    recommendations = forms.CharField(
        label="Recommendations, one a line",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, regime: Regime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        areas = [(a.id, a.title) for _, a in regime.evaluation.walk()]
        self.fields["area"].choices = [("", "(choose an area)"), *areas]  # type: ignore[attr-defined]
        levels = [(level.id, level.label) for level in regime.scale.levels]
        self.fields["level"].choices = [("", "(none)"), *levels]  # type: ignore[attr-defined]
        if regime.scale.graded:
            self.fields["level"].label = "Grade"

    def is_blank(self) -> bool:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return not any(str(data.get(name, "")).strip() for name in self.fields)


FindingRows = forms.formset_factory(FindingRow, extra=3, can_delete=True)


class AssertionsForm(forms.Form):
    """A yes / no / not yet for every question the regime's limiting rules ask."""

    def __init__(self, *args: Any, regime: Regime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for rule in regime.limiting_rules:
            for question in rule.when.questions():
                self.fields[question.id] = forms.ChoiceField(
                    label=question.text,
                    choices=ANSWERS,
                    required=False,
                    help_text=f"If the answer is no: {rule.consequence} ({rule.source}).",
                )


def initial_rows(record: Record) -> list[dict[str, str]]:
    return [
        {
            "area": f["area"],
            "level": f["level"],
            "text": f.get("text", ""),
            "evidence": f.get("evidence", ""),
            "recommendations": "\n".join(f.get("recommendations", ())),
        }
        for f in record.findings
    ]


def initial_answers(record: Record) -> dict[str, str]:
    return {key: "yes" if value else "no" for key, value in record.assertions.items()}


def checked_inspection(
    record: Record, regime: Regime, rows: Any, answers: AssertionsForm
) -> Inspection | None:
    """The stored inspection with these findings and answers, checked; None with every
    problem placed on its row and field (the forms must be valid already)."""
    kept = [row for row in rows.forms if not row.is_blank() and not row.cleaned_data.get("DELETE")]
    entries = [_entry(regime, row.cleaned_data) for row in kept]
    raw = attrs.evolve(
        file_of(record, regime),
        findings=[e for e in entries if isinstance(e, FindingEntry)],
        grades=[e for e in entries if isinstance(e, GradeEntry)],
        assertions={k: v == "yes" for k, v in answers.cleaned_data.items() if v},
    )
    try:
        return check_against_regime(raw, regime, WHERE)
    except InputError as exc:
        _place(exc.problems, kept, answers)
        return None


def _entry(regime: Regime, data: dict[str, Any]) -> FindingEntry | GradeEntry:
    recommendations = [r.strip() for r in str(data["recommendations"]).splitlines() if r.strip()]
    common = {
        "area": data["area"],
        "text": data["text"],
        "evidence": data["evidence"],
        "recommendations": recommendations,
    }
    if regime.scale.graded:
        return GradeEntry(grade=data["level"], **common)
    return FindingEntry(type=data["level"], **common)


# the inspection file's keys that the form names otherwise
FIELD = {"type": "level", "grade": "level"}


def _place(problems: list[str], rows: list[FindingRow], answers: AssertionsForm) -> None:
    """``new inspection: findings[2].text: must not be empty`` beside row 3's text."""
    for line in problems:
        where, message = problem_parts(line)
        head, _, tail = where.partition(".")
        if head.startswith(("findings[", "grades[")):
            index = int(head.split("[")[1].rstrip("]"))
            key = tail.split("[")[0]
            field = FIELD.get(key, key)
            row = rows[index]
            row.add_error(field if field in row.fields else None, message)
        elif head == "assertions" and tail in answers.fields:
            answers.add_error(tail, message)
        else:
            answers.add_error(None, line.removeprefix(f"{WHERE}: "))
