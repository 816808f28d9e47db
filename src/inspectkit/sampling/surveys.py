"""Survey eligibility on the inspection date, from a regime's ``[[surveys]]``.

The council must hand survey invitations to every eligible child (090027 §52),
so it needs the count and the list of case references on the inspection date.
The references go only into the sample output the inspector asked for.
"""

from __future__ import annotations

from datetime import date

from inspectkit.caselist.dates import months_before
from inspectkit.caselist.table import CaseList
from inspectkit.model import Regime
from inspectkit.sampling.record import SurveyEligibility

BIRTH_FIELD = "date_of_birth"


def survey_eligibility(regime: Regime, cases: CaseList, on: date) -> tuple[SurveyEligibility, ...]:
    """For each survey: who matches ``where``, is old enough and had the event recently."""
    results = []
    today = on.toordinal()
    for survey in regime.surveys:
        candidates = list(range(len(cases)))
        for match in survey.where:
            allowed = set(match.values)
            column = cases.value_ids(match.field)
            candidates = [i for i in candidates if column[i] in allowed]
        if survey.min_age is not None:
            born_by = months_before(on, 12 * survey.min_age).toordinal()
            births = cases.ordinals(BIRTH_FIELD)
            candidates = [i for i in candidates if 0 < births[i] <= born_by]
        if survey.recent is not None:
            since = months_before(on, survey.recent.months).toordinal()
            days = cases.ordinals(survey.recent.field)
            candidates = [i for i in candidates if since <= days[i] <= today]
        references = tuple(cases.references[i] for i in candidates)
        results.append(
            SurveyEligibility(
                survey_id=survey.id,
                title=survey.title,
                count=len(references),
                references=references,
            )
        )
    return tuple(results)
