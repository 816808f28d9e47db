"""The conformance kit: check a regime plugin from its own test suite.

Plugin authors call it the way tox's plugins use ``tox.pytest``::

    from inspectkit.testing import assert_regime_conforms, assert_plugin_registers

    def test_regime_conforms():
        assert_regime_conforms("my_regime")

``assert_plugin_registers`` loads a plugin module on its own, exactly as
inspectkit does at run time, and fails with the reason inspectkit would give for
listing it as broken.  ``assert_regime_conforms`` runs every consistency check
(unique ids, references, milestone order, citations, "not specified" wording,
case-list headings and codes that read one way only, templates) and fails listing
each problem.
"""

from __future__ import annotations

from pathlib import Path

from inspectkit.conformance import Problem, check_regime, walk_items
from inspectkit.model import Regime
from inspectkit.plugins import PluginHost, PluginInfo, RegisteredRegime, get_host

__all__ = [
    "ConformanceError",
    "Problem",
    "assert_plugin_registers",
    "assert_regime_conforms",
    "check_regime",
    "citations",
    "cited_parts",
    "cites",
    "conformance_problems",
]


class ConformanceError(AssertionError):
    """A regime or plugin that inspectkit would refuse, with every reason."""


def conformance_problems(
    regime: Regime | str, *, templates: Path | None = None, warnings: bool = False
) -> list[Problem]:
    """Problems with ``regime`` (an id of an installed regime, or a Regime).

    An installed regime that inspectkit refused as invalid is checked all the same,
    so its author sees every problem rather than "unknown regime".
    """
    if isinstance(regime, str):
        regime, templates = _installed(regime)
    problems = check_regime(regime, templates=templates)
    return [p for p in problems if warnings or p.severity == "error"]


def assert_regime_conforms(regime: Regime | str, *, templates: Path | None = None) -> None:
    """Fail with every problem found in ``regime``."""
    problems = conformance_problems(regime, templates=templates)
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise ConformanceError(f"regime does not conform ({len(problems)} problems):\n{lines}")


def _installed(regime_id: str) -> tuple[Regime, Path | None]:
    """The installed regime ``regime_id``, even if refused as invalid, with its templates."""
    host = get_host()
    registered = host.regimes.get(regime_id)
    if registered is not None:
        return registered.regime, registered.templates
    for broken in host.broken:
        if broken.rejected_regime is not None and broken.rejected_regime.id == regime_id:
            return broken.rejected_regime, broken.rejected_templates
    lines = [f"regime {regime_id!r} is not installed"]
    lines += [f"  - broken plugin {b.plugin.name}: {b.reason}" for b in host.broken]
    raise ConformanceError("\n".join(lines))


def assert_plugin_registers(plugin: object, name: str = "plugin-under-test") -> list[Regime]:
    """Register ``plugin`` (a module or object with hooks) alone and return its regimes."""
    host = PluginHost()
    if not host.add_plugin(plugin, PluginInfo(name=name)):
        raise ConformanceError(f"plugin {name} is broken: {host.broken[-1].reason}")
    registered: list[RegisteredRegime] = list(host.regimes.values())
    if not registered:
        raise ConformanceError(f"plugin {name} registered no regime")
    return [r.regime for r in registered]


def citations(regime: Regime) -> list[tuple[str, str]]:
    """Every ``(path, source)`` in ``regime``, for asserting what a plugin cites.

    Paths read like ``regime.timeline.milestones[letter_published]``.
    """
    found: list[tuple[str, str]] = []
    for path, item in walk_items(regime, "regime"):
        source = getattr(item, "source", None)
        if isinstance(source, str) and source:
            found.append((path, source))
    return found


def cited_parts(source: str) -> list[str]:
    """The separate citations in one source: ``"100025 §8; Sunderland 2012 §2.1"`` gives two."""
    return [part.strip() for part in source.split(";") if part.strip()]


def cites(source: str, *expected: str) -> bool:
    """Whether ``source`` names every one of ``expected`` as a whole citation."""
    parts = cited_parts(source)
    return all(citation in parts for citation in expected)
