"""Survey eligibility on the inspection date, from a regime's ``[[surveys]]``.

The council must hand survey invitations to every eligible child (090027 §52),
so it needs the count and the list of case references on the inspection date.
The references go only into the sample output the inspector asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from operator import itemgetter

from inspectkit.caselist.dates import months_before
from inspectkit.caselist.table import CaseList
from inspectkit.model import Regime
from inspectkit.sampling.columns import CaseColumns
from inspectkit.sampling.record import SurveyEligibility

BIRTH_FIELD = "date_of_birth"


def survey_eligibility(
    regime: Regime, cases: CaseList, on: date, columns: CaseColumns | None = None
) -> tuple[SurveyEligibility, ...]:
    """For each survey: who matches ``where``, is old enough and had the event recently.

    The candidates start from the narrowest column test (``where`` as a mask, else
    the cases with a date for the recent event), and stay in row order.
    """
    columns = columns or CaseColumns(cases)
    results = []
    today = on.toordinal()
    for survey in regime.surveys:
        candidates: list[int] | None = None
        if survey.where:
            candidates = columns.selected(columns.mask(survey.where))
        if survey.recent is not None:
            since = months_before(on, survey.recent.months).toordinal()
            days = cases.ordinals(survey.recent.field)
            pool = columns.selected(days) if candidates is None else candidates
            candidates = [i for i in pool if since <= days[i] <= today]
        if survey.min_age is not None:
            born_by = months_before(on, 12 * survey.min_age).toordinal()
            births = cases.ordinals(BIRTH_FIELD)
            pool = columns.selected(births) if candidates is None else candidates
            candidates = [i for i in pool if 0 < births[i] <= born_by]
        references = (
            tuple(cases.references) if candidates is None else _pick(cases.references, candidates)
        )
        results.append(
            SurveyEligibility(
                survey_id=survey.id,
                title=survey.title,
                count=len(references),
                references=references,
            )
        )
    return tuple(results)


def _pick(items: Sequence[str], indexes: list[int]) -> tuple[str, ...]:
    """``items`` at ``indexes``, gathered in C."""
    if len(indexes) < 2:
        return tuple(items[i] for i in indexes)
    return tuple(itemgetter(*indexes)(items))
