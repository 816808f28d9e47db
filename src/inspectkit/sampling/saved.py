"""A sample record saved as data (``sample.json``, the web store's sample column).

The file is the audit trail of a draw: which regime and version, which seed, which
exact case list (its SHA-256), and for every drawn case the rule that chose it.
It is written and read back through the records converter; reading is strict
about shape and never quotes a value in a message, since the file holds case
references.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from attrs import field, frozen

from inspectkit.record_converter import from_data, to_data
from inspectkit.sampling.record import SampleRecord

EXPECTED = (
    'a sample saved by `inspectkit sample`: a JSON object whose "drawn" list has a '
    '"reference" for each case'
)


@frozen(kw_only=True)
class SavedRegime:
    id: str
    version: str
    title: str


@frozen(kw_only=True)
class SavedInput:
    """The case list drawn from: its name, SHA-256, size and how it was read."""

    file: str
    sha256: str
    cases_read: int
    mode: Literal["strict", "lenient"]
    excluded_rows: tuple[int, ...] = ()


@frozen(kw_only=True)
class SavedPopulation:
    text: str
    size: int


@frozen(kw_only=True)
class SavedCase:
    """A drawn case; ``fields`` are the code fields an inspector needs to find the file."""

    reference: str
    row: int
    phase: str
    phase_title: str
    rule: str
    subsets: tuple[str, ...] = ()
    fields: dict[str, str] = field(factory=dict)


@frozen(kw_only=True)
class SavedSurvey:
    id: str
    title: str
    count: int
    references: tuple[str, ...] = ()


@frozen(kw_only=True)
class SavedSample:
    """The file's shape, in the order its keys are written."""

    regime: SavedRegime
    seed: int
    on: date
    input: SavedInput
    population: SavedPopulation
    subset_sizes: dict[str, int] = field(factory=dict)
    drawn: tuple[SavedCase, ...]
    shortfalls: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    surveys: tuple[SavedSurvey, ...] = ()

    def references(self) -> list[tuple[int, str]]:
        """(position, reference) of each drawn case, then (0, reference) of each survey's."""
        drawn = [(index, case.reference) for index, case in enumerate(self.drawn, start=1)]
        surveyed = [(0, reference) for s in self.surveys for reference in s.references]
        return drawn + surveyed


def sample_to_data(record: SampleRecord) -> dict[str, Any]:
    """The record as JSON-ready data (ISO dates), in a fixed key order."""
    return to_data(
        SavedSample(
            regime=SavedRegime(
                id=record.regime_id, version=record.regime_version, title=record.regime_title
            ),
            seed=record.seed,
            on=record.on,
            input=SavedInput(
                file=record.input_name,
                sha256=record.input_sha256,
                cases_read=record.cases_read,
                mode="strict" if record.strict else "lenient",
                excluded_rows=record.excluded_rows,
            ),
            population=SavedPopulation(text=record.population_text, size=record.population_size),
            subset_sizes=dict(record.subset_sizes),
            drawn=tuple(
                SavedCase(
                    reference=case.reference,
                    row=case.row,
                    phase=case.phase,
                    phase_title=case.phase_title,
                    rule=case.rule,
                    subsets=case.subsets,
                    fields=dict(case.details),
                )
                for case in record.drawn
            ),
            shortfalls=record.shortfalls,
            warnings=record.warnings,
            surveys=tuple(
                SavedSurvey(id=s.survey_id, title=s.title, count=s.count, references=s.references)
                for s in record.surveys
            ),
        )
    )


def sample_from_data(data: object, where: str) -> SavedSample:
    """A saved sample record, every problem of its shape in one InputError (no values quoted)."""
    return from_data(SavedSample, data, where, EXPECTED, quote=False)


__all__ = ["SavedSample", "sample_from_data", "sample_to_data"]
