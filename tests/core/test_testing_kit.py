"""The conformance kit, as a plugin author's test suite meets it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from tests.core.test_plugins import regime_plugin

from inspectkit import hookimpl
from inspectkit.plugins import PluginInfo, get_host
from inspectkit.testing import ConformanceError, assert_regime_conforms, conformance_problems


def break_twice(data_dir: Path) -> None:
    """Two independent errors: a dangling rule reference and a citation of no known source."""
    path = data_dir / "regime.toml"
    text = path.read_text()
    text = text.replace('any_of = ["safety"]', 'any_of = ["children_feel_safe"]')
    cited = 'days_on_site = { text = "not specified", source = "T1 §3" }'
    assert cited in text
    text = text.replace(cited, cited.replace("T1 §3", "Z9 §3"))
    path.write_text(text)


def test_refused_regime_is_still_checked_in_full_by_id(mini_regime_dir: Path) -> None:
    break_twice(mini_regime_dir)
    host = get_host()
    host.add_plugin(regime_plugin(mini_regime_dir), PluginInfo(name="mini"))
    assert "mini_2020" not in host.regimes  # refused at run time ...
    problems = [str(p) for p in conformance_problems("mini_2020")]  # ... but checked in full
    assert any("missing judgement area 'children_feel_safe'" in p for p in problems)
    assert any("Z9 §3" in p for p in problems)
    with pytest.raises(ConformanceError, match="children_feel_safe"):
        assert_regime_conforms("mini_2020")


def test_unknown_id_names_the_broken_plugins() -> None:
    @hookimpl
    def inspectkit_register_regimes(register: Any) -> None:
        raise RuntimeError("data file missing")

    plugin = SimpleNamespace(inspectkit_register_regimes=inspectkit_register_regimes)
    get_host().add_plugin(plugin, PluginInfo(name="faulty"))
    with pytest.raises(ConformanceError) as caught:
        assert_regime_conforms("nowhere_2030")
    assert str(caught.value).splitlines() == [
        "regime 'nowhere_2030' is not installed",
        "  - broken plugin faulty: register hook raised RuntimeError: data file missing",
    ]
