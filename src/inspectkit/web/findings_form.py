"""Findings or grades, entered in the browser and checked by the inspection file's rules.

The form is built from the regime: a row per finding, its judgement area and its
finding type or grade chosen from the regime's own lists, with its text, evidence and
recommendations; a yes/no for every question a limiting rule asks; a text for every
report section that carries no judgement; and the inspector's own sentence for each
statement group (conditional wording such as cra_2010's outcome sentence), used only
where the regime's source gives none for the findings recorded.  What is sent becomes
the inspection file's own entries (``[[findings]]`` or ``[[grades]]``, ``[assertions]``,
``[sections]``, ``[statements]``) and goes through ``check_against_regime``, so the
browser applies exactly the rules ``inspectkit check`` applies, and each problem
(``findings[2].text: must not be empty``) is shown beside the row and field it is about.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from django import forms

from inspectkit.errors import InputError
from inspectkit.model import Regime, ReportSection
from inspectkit.web.inspection_form import WHERE, problem_parts
from inspectkit.web.models import Inspection as Record
from inspectkit.web.store.records import file_of
from inspectkit.workspace import FindingEntry, GradeEntry, Inspection, check_against_regime
from inspectkit.workspace.wording import statement_groups

ANSWERS = (("", "Not answered yet"), ("yes", "Yes"), ("no", "No"))
ROW_FIELDS = ("area", "level", "text", "evidence", "recommendations")


@attrs.frozen
class RowChoices:
    """The regime's judgement areas and finding types or grades, as every row offers them
    (worked out once for the page, not once a row), and what the second choice is called."""

    areas: tuple[tuple[str, str], ...]
    levels: tuple[tuple[str, str], ...]
    level_label: str

    @classmethod
    def of(cls, regime: Regime) -> RowChoices:
        areas = tuple((a.id, a.title) for _, a in regime.evaluation.walk())
        levels = tuple((level.id, level.label) for level in regime.scale.levels)
        return cls(
            areas=(("", "(choose an area)"), *areas),
            levels=(("", "(none)"), *levels),
            level_label="Grade" if regime.scale.graded else "Finding type",
        )


class FindingRow(forms.Form):
    """One finding (or one area's grade): area, type or grade, and what was found.

    The area and the type or grade are chosen from the regime's lists on the page
    (:class:`RowChoices`, drawn by ``inspectkit.web.finding_rows``) but read here as
    text: the inspection file's own check (``check_against_regime``) refuses an id the
    regime does not have, in the words ``inspectkit check`` uses, beside the field.  A
    choice field on each of 63 rows would copy and normalise the regime's lists 126
    times on every check-panel update, which was a third of its time.
    """

    area = forms.CharField(label="Judgement area", required=False)
    level = forms.CharField(label="Finding type or grade", required=False)
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


def free_text_sections(regime: Regime) -> list[ReportSection]:
    """The report's sections that carry no judgement: the inspector writes their text
    (the ones ``inspectkit init`` lists under ``[sections]``)."""
    return [section for section in regime.report.sections if not section.area]


def _text_field(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SectionsForm(forms.Form):
    """Free text for each section of the report that carries no judgement."""

    def __init__(self, *args: Any, regime: Regime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for section in free_text_sections(regime):
            about = f"{section.content} " if section.content else ""
            self.fields[section.id] = _text_field(section.title, f"{about}({section.source})")


class StatementsForm(forms.Form):
    """The inspector's sentence for a statement group the source leaves open."""

    def __init__(self, *args: Any, regime: Regime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for group in statement_groups(regime):
            self.fields[group] = _text_field(
                f"The {group.replace('_', ' ')} sentence, in your words",
                "Only when the checks say the source gives none for the findings recorded; "
                "leave it empty when the source's sentence (in the checks) applies.",
            )


def texts_of(form: forms.Form, stored: dict[str, str]) -> dict[str, str]:
    """A sections or statements form's entries, as the inspection file holds them; a
    stored text the form has no field for (a subsection written in the file) is kept."""
    kept = {key: text for key, text in stored.items() if key not in form.fields}
    sent = {key: str(value).strip() for key, value in form.cleaned_data.items()}
    return {**kept, **{key: text for key, text in sent.items() if text}}


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


@attrs.frozen
class FindingsForms:
    """Everything the findings page sends: the rows, and the forms beside them by the
    inspection file's key for them (``assertions``, ``sections``, ``statements``)."""

    rows: Any  # FindingRows
    others: dict[str, forms.Form]
    choices: RowChoices

    @classmethod
    def of(cls, regime: Regime, data: Any = None, record: Record | None = None) -> FindingsForms:
        """Bound to ``data`` (a POST), else filled in from ``record``."""
        kwargs = {"regime": regime}
        choices = RowChoices.of(regime)
        if data is not None:
            # label_suffix given, as the rows never print it (finding_rows draws them):
            # else each of 60-odd row forms looks up the translated ":", 2-3 ms of a
            # 25 ms check-panel update of 60 findings (benchmarks/README.md)
            rows = FindingRows(data, prefix="row", form_kwargs={"label_suffix": ""})
            others = {key: form(data, prefix=key, **kwargs) for key, form in KINDS}
            return cls(rows, others, choices)
        assert record is not None
        rows = FindingRows(initial=initial_rows(record), prefix="row")
        initial = {
            "assertions": initial_answers(record),
            "sections": dict(record.sections),
            "statements": dict(record.statements),
        }
        others = {key: form(initial=initial[key], prefix=key, **kwargs) for key, form in KINDS}
        return cls(rows, others, choices)

    def is_valid(self) -> bool:
        return all([self.rows.is_valid(), *(form.is_valid() for form in self.others.values())])

    def kept(self) -> list[FindingRow]:
        """The rows that say something and are not marked for removal (after is_valid)."""
        return [r for r in self.rows.forms if not r.is_blank() and not r.cleaned_data.get("DELETE")]

    def errors(self) -> list[str]:
        """Every field's problem, for the check panel."""
        forms_ = [*self.rows.forms, *self.others.values()]
        return [str(e) for form in forms_ for errors in form.errors.values() for e in errors]


KINDS: tuple[tuple[str, Callable[..., forms.Form]], ...] = (
    ("assertions", AssertionsForm),
    ("sections", SectionsForm),
    ("statements", StatementsForm),
)


def checked_inspection(record: Record, regime: Regime, sent: FindingsForms) -> Inspection | None:
    """The stored inspection with what was sent, checked; None with every problem placed
    on its row and field (the forms must be valid already)."""
    kept = sent.kept()
    entries = [_entry(regime, row.cleaned_data) for row in kept]
    answers = sent.others["assertions"].cleaned_data
    raw = attrs.evolve(
        file_of(record, regime),
        findings=[e for e in entries if isinstance(e, FindingEntry)],
        grades=[e for e in entries if isinstance(e, GradeEntry)],
        assertions={k: v == "yes" for k, v in answers.items() if v},
        sections=texts_of(sent.others["sections"], record.sections),
        statements=texts_of(sent.others["statements"], record.statements),
    )
    try:
        return check_against_regime(raw, regime, WHERE)
    except InputError as exc:
        _place(exc.problems, kept, sent.others)
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


def _place(problems: list[str], rows: list[FindingRow], others: dict[str, forms.Form]) -> None:
    """``new inspection: findings[2].text: must not be empty`` beside row 3's text,
    ``statements.outcome: ...`` beside the outcome sentence."""
    for line in problems:
        where, message = problem_parts(line)
        head, _, tail = where.partition(".")
        if head.startswith(("findings[", "grades[")):
            index = int(head.split("[")[1].rstrip("]"))
            key = tail.split("[")[0]
            field = FIELD.get(key, key)
            row = rows[index]
            row.add_error(field if field in row.fields else None, message)
        elif head in others and tail in others[head].fields:
            others[head].add_error(tail, message)
        else:
            others["assertions"].add_error(None, line.removeprefix(f"{WHERE}: "))
