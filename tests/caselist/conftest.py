"""Fixtures for case-list tests (helpers live in caselist_helpers)."""

from caselist_helpers import cra, write_list

__all__ = ["cra", "write_list"]
