"""The findings page's rows, drawn from their values with one Jinja2 template.

An inspection carries dozens of findings, each a row of two choices and three texts.
Drawn as Django form widgets, every field is its own template render and every
choice its own include: 60 findings took 200-350 ms of CPU a page (about 390 widgets),
which under twenty inspectors at once was seconds of waiting; drawn here, the rows take
about 5 ms.  The
rows are therefore drawn from plain values by ``jinja2/inspectkit/finding_rows.html``
(the same names, ids, labels and choices as the form's widgets, so the formset reads
what it sends back): a page with no form posted builds no row form at all, and a
posted page draws each row from the data and the problems its form found.  Jinja2
autoescapes everything it prints, as Django's templates do.
"""

from __future__ import annotations

from typing import Any

import attrs
from django.forms import BaseFormSet
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from markupsafe import Markup, escape

from inspectkit.web.findings_form import ROW_FIELDS, FindingRow, RowChoices

TEXTS = ("text", "evidence", "recommendations")


@attrs.frozen
class RowView:
    """One row as drawn: its field prefix (``row-3``), each field's value, whether it is
    marked for removal, and its problems by field name (``""``: the row's own)."""

    prefix: str
    values: dict[str, str]
    remove: bool = False
    errors: dict[str, list[str]] = attrs.Factory(dict)


def row_views(rows: BaseFormSet[Any]) -> list[RowView]:
    """The formset's rows: from its initial values and blank extras when nothing was
    posted (no row form is built), else from each row form's data and problems."""
    if not rows.is_bound:
        blank = dict.fromkeys(ROW_FIELDS, "")
        initial = [*(rows.initial or []), *([{}] * rows.extra)]
        return [
            RowView(prefix=rows.add_prefix(i), values={**blank, **row})
            for i, row in enumerate(initial)
        ]
    views = []
    for form in rows.forms:
        errors = {name: list(messages) for name, messages in form.errors.items()}
        errors[""] = errors.pop("__all__", [])
        views.append(
            RowView(
                prefix=form.prefix or "",
                values={name: str(form[name].value() or "") for name in ROW_FIELDS},
                remove=bool(form["DELETE"].value()) if "DELETE" in form.fields else False,
                errors=errors,
            )
        )
    return views


def option_blocks(options: tuple[tuple[str, str], ...]) -> dict[str, Markup]:
    """For each value, the ``<option>`` elements of a select with that value chosen:
    every row draws one of these instead of escaping every option again (half the
    time the rows took)."""
    escaped = [(value, str(escape(value)), str(escape(text))) for value, text in options]
    return {
        chosen: Markup(
            "".join(
                f'<option value="{v}"{" selected" if value == chosen else ""}>{t}</option>'
                for value, v, t in escaped
            )
        )
        for chosen, _ in options
    }


def rows_html(rows: BaseFormSet[Any], choices: RowChoices, *, graded: bool) -> SafeString:
    """Every row of the formset as HTML, ready to place in the page's form."""
    fields = FindingRow.base_fields
    texts = [(name, fields[name].label, fields[name].widget.attrs.get("rows", 3)) for name in TEXTS]
    context = {
        "rows": row_views(rows),
        "selects": [
            ("area", fields["area"].label, option_blocks(choices.areas)),
            ("level", choices.level_label, option_blocks(choices.levels)),
        ],
        "texts": texts,
        "noun": "Grade" if graded else "Finding",
    }
    # autoescaped by Jinja2 (Django's Jinja2 backend turns autoescape on)
    return mark_safe(render_to_string("inspectkit/finding_rows.html", context, using="jinja2"))
