"""Seeded, auditable case samples drawn by a regime's rules.

``draw_sample(regime, cases, seed=..., on=...)`` applies the regime's declared
mechanisms (population, phases, quotas, cover, balance, sub-sets, minimum) and
returns a ``SampleRecord``; ``write_sample`` writes it as CSV (+ JSON record)
or XLSX, byte-identical for the same seed and input.
"""

from inspectkit.sampling.engine import draw_sample
from inspectkit.sampling.export import sidecar_path, write_sample
from inspectkit.sampling.record import SampledCase, SampleRecord, SurveyEligibility
from inspectkit.sampling.saved import SavedSample, sample_from_data, sample_to_data

__all__ = [
    "SampleRecord",
    "SampledCase",
    "SavedSample",
    "SurveyEligibility",
    "draw_sample",
    "sample_from_data",
    "sample_to_data",
    "sidecar_path",
    "write_sample",
]
