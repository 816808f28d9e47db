"""The sample record: what was drawn, by which rule, from which exact input.

A sample must be auditable long after the inspection: the record holds the
seed, the input file's SHA-256 and the regime version, so anyone can redraw it
and get the same cases; and for every case the rule that selected it.  It holds
case references and only the fields an inspector needs to find the file.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen


@frozen(kw_only=True)
class SampledCase:
    """One drawn case: reference, phase, the rule that chose it, sub-sets it is flagged for.

    ``details`` are (field title, value label) pairs of the fields the regime's
    rules refer to, never a name, date of birth, ethnicity or gender.
    """

    reference: str
    row: int
    phase: str
    phase_title: str
    rule: str
    subsets: tuple[str, ...] = ()
    details: tuple[tuple[str, str], ...] = ()


@frozen(kw_only=True)
class SurveyEligibility:
    """Who may take part in a survey on the inspection date."""

    survey_id: str
    title: str
    count: int
    references: tuple[str, ...]


@frozen(kw_only=True)
class SampleRecord:
    """A complete, reproducible case sample."""

    regime_id: str
    regime_version: str
    regime_title: str
    seed: int
    input_sha256: str
    input_name: str
    on: date
    drawn: tuple[SampledCase, ...]
    shortfalls: tuple[str, ...] = ()
    surveys: tuple[SurveyEligibility, ...] = ()
    population_text: str = ""
    population_size: int = 0
    cases_read: int = 0
    strict: bool = True
    excluded_rows: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()
    subset_sizes: tuple[tuple[str, int], ...] = ()
    detail_fields: tuple[str, ...] = ()
