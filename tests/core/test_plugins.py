"""Plugins load one at a time; a broken one is reported and never takes the others down."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from inspectkit import hookimpl, load_regime
from inspectkit.errors import InputError
from inspectkit.plugins import PluginHost, PluginInfo, get_host


def regime_plugin(data_dir: Path, **extra: Any) -> SimpleNamespace:
    """A plugin object registering the regime in ``data_dir``."""

    @hookimpl
    def inspectkit_register_regimes(register: Any) -> None:
        register(load_regime(data_dir))

    return SimpleNamespace(inspectkit_register_regimes=inspectkit_register_regimes, **extra)


def test_good_plugin_registers_its_regime(mini_regime_dir: Path) -> None:
    host = PluginHost()
    assert host.add_plugin(regime_plugin(mini_regime_dir), PluginInfo(name="mini"))
    assert host.regime("mini_2020").plugin.name == "mini"
    assert host.broken == []


def test_plugin_whose_hook_raises_is_broken_and_others_survive(mini_regime_dir: Path) -> None:
    @hookimpl
    def inspectkit_register_regimes(register: Any) -> None:
        raise RuntimeError("database unavailable")

    host = PluginHost()
    host.add_plugin(
        SimpleNamespace(inspectkit_register_regimes=inspectkit_register_regimes),
        PluginInfo(name="bad"),
    )
    host.add_plugin(regime_plugin(mini_regime_dir), PluginInfo(name="mini"))
    assert [b.plugin.name for b in host.broken] == ["bad"]
    assert host.broken[0].reason == "register hook raised RuntimeError: database unavailable"
    assert "mini_2020" in host.regimes


def test_a_regime_id_two_plugins_register_is_used_from_neither(mini_regime_dir: Path) -> None:
    """Entry-point order must not decide which of two plugins' rules an inspector gets."""
    host = PluginHost()
    host.add_plugin(regime_plugin(mini_regime_dir), PluginInfo(name="first"))
    host.add_plugin(regime_plugin(mini_regime_dir), PluginInfo(name="second"))
    host.add_plugin(regime_plugin(mini_regime_dir), PluginInfo(name="third"))
    assert "mini_2020" not in host.regimes
    assert {b.plugin.name: b.reason for b in host.broken} == {
        "first": "regime id 'mini_2020' is also registered by second; "
        "neither is used until one of them is uninstalled",
        "second": "regime id 'mini_2020' is also registered by first; "
        "neither is used until one of them is uninstalled",
        "third": "regime id 'mini_2020' is also registered by another plugin; "
        "neither is used until one of them is uninstalled",
    }
    with pytest.raises(InputError) as caught:
        host.regime("mini_2020")
    (problem,) = caught.value.problems
    assert problem.startswith("regime 'mini_2020' is installed but not usable: plugin first: ")


def test_a_plugin_registering_one_id_twice_is_refused(mini_regime_dir: Path) -> None:
    @hookimpl
    def inspectkit_register_regimes(register: Any) -> None:
        register(load_regime(mini_regime_dir))
        register(load_regime(mini_regime_dir))

    host = PluginHost()
    host.add_plugin(
        SimpleNamespace(inspectkit_register_regimes=inspectkit_register_regimes),
        PluginInfo(name="twice"),
    )
    assert host.regimes == {}
    assert host.broken[0].reason == "registers regime id 'mini_2020' twice"


def test_invalid_regime_data_says_how_many_more_problems(mini_regime_dir: Path) -> None:
    path = mini_regime_dir / "regime.toml"
    text = path.read_text().replace('title = "Mini regime for tests"', "title = 5")
    path.write_text("typo_one = 1\n" + text)
    host = PluginHost()
    host.add_plugin(regime_plugin(mini_regime_dir), PluginInfo(name="typos"))
    (broken,) = host.broken
    assert broken.reason.startswith("invalid regime data: ")
    assert broken.reason.endswith(" (and 1 more)")


def test_misspelt_hook_makes_the_plugin_broken(mini_regime_dir: Path) -> None:
    @hookimpl
    def inspectkit_regster_regimes(register: Any) -> None:
        raise AssertionError("never called")

    host = PluginHost()
    plugin = SimpleNamespace(inspectkit_regster_regimes=inspectkit_regster_regimes)
    assert not host.add_plugin(plugin, PluginInfo(name="typo"))
    assert host.broken[0].reason == "implements unknown hook 'inspectkit_regster_regimes'"
    assert not host.pm.is_registered(plugin)


def test_invalid_regime_data_is_reported_with_its_first_problem(mini_regime_dir: Path) -> None:
    path = mini_regime_dir / "regime.toml"
    path.write_text(path.read_text().replace('actor = "Team"', 'actr = "Team"'))
    host = PluginHost()
    host.add_plugin(regime_plugin(mini_regime_dir), PluginInfo(name="mini"))
    assert host.broken[0].reason.startswith("invalid regime data: ")
    assert "unknown key(s) actr" in host.broken[0].reason or "actor" in host.broken[0].reason


def test_registering_something_else_than_a_regime_is_refused() -> None:
    @hookimpl
    def inspectkit_register_regimes(register: Any) -> None:
        register({"id": "not_a_regime"})

    host = PluginHost()
    host.add_plugin(
        SimpleNamespace(inspectkit_register_regimes=inspectkit_register_regimes),
        PluginInfo(name="dict"),
    )
    assert host.broken[0].reason == "registered dict, not a Regime"


def test_dangling_rule_reference_names_rule_and_area(mini_regime_dir: Path) -> None:
    path = mini_regime_dir / "regime.toml"
    path.write_text(
        path.read_text().replace('any_of = ["safety"]', 'any_of = ["children_feel_safe"]')
    )
    host = PluginHost()
    host.add_plugin(regime_plugin(mini_regime_dir), PluginInfo(name="mini"))
    (broken,) = host.broken
    assert "limiting rule 'safety_limits_overall'" in broken.reason
    assert "missing judgement area 'children_feel_safe'" in broken.reason


def test_unknown_regime_lists_what_is_installed(mini_regime_dir: Path) -> None:
    host = PluginHost()
    host.add_plugin(regime_plugin(mini_regime_dir), PluginInfo(name="mini"))
    with pytest.raises(InputError) as caught:
        host.regime("nope")
    assert caught.value.problems == ["unknown regime 'nope'; installed regimes: mini_2020"]


def write_fake_distribution(site: Path, name: str, module_source: str) -> None:
    """A minimal installed distribution with an `inspectkit` entry point, on a path entry."""
    dist_info = site / f"{name}-0.9.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.9\n")
    (dist_info / "entry_points.txt").write_text(f"[inspectkit]\n{name} = {name}_module\n")
    (site / f"{name}_module.py").write_text(textwrap.dedent(module_source))


def run_cli(args: list[str], extra_path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(extra_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "COLUMNS": "200",
    }
    return subprocess.run(
        [sys.executable, "-m", "inspectkit", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_broken_plugin_on_the_path_is_listed_and_the_rest_still_work(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_fake_distribution(
        site, "broken_regime", "raise ImportError('no module named shiny_dependency')\n"
    )
    result = run_cli(["regimes"], site, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert (
        "broken plugin broken_regime (broken_regime 0.9): import failed: "
        "ImportError: no module named shiny_dependency" in result.stdout
    )
    for regime_id in get_host().regimes:
        assert regime_id in result.stdout
    shown = run_cli(["regimes", "show", "cra_2010"], site, tmp_path)
    assert shown.returncode == 0 and "Traceback" not in shown.stderr


def test_plugin_exiting_at_import_is_contained(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_fake_distribution(site, "exits", "import sys\nsys.exit(3)\n")
    result = run_cli(["regimes", "--json"], site, tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"entry_point": "exits"' in result.stdout
    assert '"reason": "import failed: SystemExit: 3"' in result.stdout


def test_threads_asking_for_the_host_at_once_all_get_the_whole_of_one(monkeypatch) -> None:
    """``report`` and the web server ask from threads; none may see a half-loaded host."""
    import threading
    import time

    from inspectkit import plugins

    monkeypatch.setattr(plugins, "_HOST", None)
    loading = plugins.PluginHost.load_entry_points
    started = threading.Barrier(4)
    seen: list[tuple[int, tuple[str, ...]]] = []

    def slow_load(self: plugins.PluginHost) -> None:
        time.sleep(0.05)  # widen the window in which another thread could look
        loading(self)

    def ask() -> None:
        started.wait()
        host = plugins.get_host()
        seen.append((id(host), tuple(sorted(r.regime.id for r in host.sorted_regimes()))))

    monkeypatch.setattr(plugins.PluginHost, "load_entry_points", slow_load)
    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(seen)) == 1
    assert "cra_2010" in seen[0][1]
