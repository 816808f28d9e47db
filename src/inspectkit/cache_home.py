"""Where inspectkit keeps its caches, and the one switch that turns them all off.

Caches live in the user's cache directory (``$XDG_CACHE_HOME/inspectkit`` or
``~/.cache/inspectkit``).  ``INSPECTKIT_NO_CACHE=1`` disables every cache, which is
what a plugin author wants while editing a plugin in ways the caches cannot see.
This module imports nothing heavy: the start-up path of ``inspectkit regimes``
uses it.
"""

from __future__ import annotations

import os


def cache_home(kind: str) -> str | None:
    """The folder for one kind of cache, or None when caching is turned off."""
    if os.environ.get("INSPECTKIT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "inspectkit", kind)
