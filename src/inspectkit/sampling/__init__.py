"""Seeded, auditable case samples drawn by a regime's rules.

``draw_sample(regime, cases, seed=..., on=...)`` applies the regime's declared
mechanisms (population, phases, quotas, cover, balance, sub-sets, minimum) and
returns a ``SampleRecord``; ``write_sample`` writes it as CSV (+ JSON record)
or XLSX, byte-identical for the same seed and input.
"""

from inspectkit.sampling.engine import draw_sample
from inspectkit.sampling.export import sample_to_data, sidecar_path, write_sample
from inspectkit.sampling.record import SampledCase, SampleRecord, SurveyEligibility

__all__ = [
    "SampleRecord",
    "SampledCase",
    "SurveyEligibility",
    "draw_sample",
    "sample_to_data",
    "sidecar_path",
    "write_sample",
]
