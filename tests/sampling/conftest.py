"""Fixtures for sampling tests (helpers live in sampling_helpers)."""

from sampling_helpers import make_cases

__all__ = ["make_cases"]
