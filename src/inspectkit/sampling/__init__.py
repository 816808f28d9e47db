"""Seeded, auditable case samples drawn by a regime's rules.

``draw_sample(regime, cases, seed=..., on=...)`` applies the regime's declared
mechanisms (population, phases, quotas, cover, balance, sub-sets, minimum) and
returns a ``SampleRecord``; ``write_sample_csv`` (+ JSON record) and
``write_sample_xlsx`` write it, byte-identical for the same seed and input (commands
reach them as the core's registered ``sample`` writers, by the file's extension).
"""

from inspectkit.sampling.engine import draw_sample
from inspectkit.sampling.export import sidecar_path, write_sample_csv, write_sample_xlsx
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
    "write_sample_csv",
    "write_sample_xlsx",
]
