"""inspectkit: Ofsted children's-services inspection regimes as plugins.

The public API a regime plugin uses is small: ``hookimpl`` to mark hook
implementations, ``load_regime_resource`` to load the TOML data it ships, and the
model in :mod:`inspectkit.model`.  Everything else is reached through the CLI or
the modules named in the docs.  Heavier names load on first use so the CLI
starts quickly: even ``hookimpl``, whose module imports pluggy, which the start-up
path of ``inspectkit regimes`` never needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from inspectkit.crosswalk import packaged_crosswalks_hook
    from inspectkit.errors import InputError
    from inspectkit.hookspecs import hookimpl
    from inspectkit.loading import load_regime
    from inspectkit.model import Regime
    from inspectkit.resources import (
        load_regime_resource,
        package_path,
        packaged_examples_hook,
        packaged_regime_hook,
    )

import importlib

from inspectkit.version import __version__

__all__ = [
    "InputError",
    "Regime",
    "__version__",
    "hookimpl",
    "load_regime",
    "load_regime_resource",
    "package_path",
    "packaged_crosswalks_hook",
    "packaged_examples_hook",
    "packaged_regime_hook",
]

_LAZY = {
    "hookimpl": "inspectkit.hookspecs",
    "InputError": "inspectkit.errors",
    "Regime": "inspectkit.model",
    "load_regime": "inspectkit.loading",
    "load_regime_resource": "inspectkit.resources",
    "package_path": "inspectkit.resources",
    "packaged_regime_hook": "inspectkit.resources",
    "packaged_examples_hook": "inspectkit.resources",
    "packaged_crosswalks_hook": "inspectkit.crosswalk",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'inspectkit' has no attribute {name!r}")

    return getattr(importlib.import_module(module), name)
