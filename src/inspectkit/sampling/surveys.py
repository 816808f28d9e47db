"""Survey eligibility on the inspection date, from a regime's ``[[surveys]]``.

The council must hand survey invitations to every eligible child (090027 §52),
so it needs the count and the list of case references on the inspection date.
The references go only into the sample output the inspector asked for.
"""

from __future__ import annotations

from datetime import date

from inspectkit.caselist.dates import months_before
from inspectkit.caselist.table import REFERENCE
from inspectkit.model import Regime
from inspectkit.sampling.columns import CaseColumns
from inspectkit.sampling.record import SurveyEligibility

BIRTH_FIELD = "date_of_birth"


def survey_eligibility(
    regime: Regime, on: date, columns: CaseColumns
) -> tuple[SurveyEligibility, ...]:
    """For each survey: who matches ``where``, is old enough and had the event recently
    (one filter on the case list's frame; references in row order)."""
    results = []
    today = on.toordinal()
    for survey in regime.surveys:
        test = columns.matches(survey.where)
        if survey.recent is not None:
            since = months_before(on, survey.recent.months).toordinal()
            test = test & columns.column(survey.recent.field).is_between(since, today)
        if survey.min_age is not None:
            born_by = months_before(on, 12 * survey.min_age).toordinal()
            test = test & (columns.column(BIRTH_FIELD) <= born_by)
        references = tuple(columns.frame.filter(test)[REFERENCE].to_list())
        results.append(
            SurveyEligibility(
                survey_id=survey.id,
                title=survey.title,
                count=len(references),
                references=references,
            )
        )
    return tuple(results)
