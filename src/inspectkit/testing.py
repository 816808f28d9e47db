"""The conformance kit: check a regime plugin from its own test suite.

Plugin authors call it the way tox's plugins use ``tox.pytest``::

    from inspectkit.testing import assert_regime_conforms, assert_plugin_registers

    def test_regime_conforms():
        assert_regime_conforms("my_regime")

``assert_plugin_registers`` loads a plugin module on its own, exactly as
inspectkit does at run time, and fails with the reason inspectkit would give for
listing it as broken.  ``assert_regime_conforms`` runs every consistency check
(unique ids, references, milestone order, citations, "not specified" wording,
templates) and fails listing each problem.
"""

from __future__ import annotations

from pathlib import Path

from inspectkit.conformance import Problem, check_regime
from inspectkit.model import Regime
from inspectkit.plugins import PluginHost, PluginInfo, RegisteredRegime, get_host

__all__ = [
    "ConformanceError",
    "Problem",
    "assert_plugin_registers",
    "assert_regime_conforms",
    "check_regime",
    "conformance_problems",
]


class ConformanceError(AssertionError):
    """A regime or plugin that inspectkit would refuse, with every reason."""


def conformance_problems(
    regime: Regime | str, *, templates: Path | None = None, warnings: bool = False
) -> list[Problem]:
    """Problems with ``regime`` (an id of an installed regime, or a Regime)."""
    if isinstance(regime, str):
        registered = get_host().regime(regime)
        regime, templates = registered.regime, registered.templates
    problems = check_regime(regime, templates=templates)
    return [p for p in problems if warnings or p.severity == "error"]


def assert_regime_conforms(regime: Regime | str, *, templates: Path | None = None) -> None:
    """Fail with every problem found in ``regime``."""
    problems = conformance_problems(regime, templates=templates)
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise ConformanceError(f"regime does not conform ({len(problems)} problems):\n{lines}")


def assert_plugin_registers(plugin: object, name: str = "plugin-under-test") -> list[Regime]:
    """Register ``plugin`` (a module or object with hooks) alone and return its regimes."""
    host = PluginHost()
    if not host.add_plugin(plugin, PluginInfo(name=name)):
        raise ConformanceError(f"plugin {name} is broken: {host.broken[-1].reason}")
    registered: list[RegisteredRegime] = list(host.regimes.values())
    if not registered:
        raise ConformanceError(f"plugin {name} registered no regime")
    return [r.regime for r in registered]
