"""Bad plugins and bad regime data: each is listed as broken with one line naming the plugin
and why, no exception escapes, and a good plugin loaded beside it still works."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from inspectkit import hookimpl, load_regime
from inspectkit.plugins import PluginHost, PluginInfo

MINI = Path(__file__).parents[1] / "core" / "data" / "mini_regime"


def _registering(make: Callable[[Path], Any]) -> Callable[[Path], object]:
    def plugin(folder: Path) -> object:
        @hookimpl
        def inspectkit_register_regimes(register: Any) -> None:
            register(make(folder))

        return SimpleNamespace(inspectkit_register_regimes=inspectkit_register_regimes)

    return plugin


def _data(edit: Callable[[str], str]) -> Callable[[Path], object]:
    """A plugin registering the mini regime after ``edit`` changed its regime.toml."""

    def make(folder: Path) -> Any:
        data = folder / "bad_regime"
        shutil.copytree(MINI, data)
        toml = data / "regime.toml"
        toml.write_text(edit(toml.read_text(encoding="utf-8")), encoding="utf-8")
        return load_regime(data, use_cache=False)

    return _registering(make)


def _raising(folder: Path) -> object:
    @hookimpl
    def inspectkit_register_regimes(register: Any) -> None:
        raise RuntimeError("database unavailable")

    return SimpleNamespace(inspectkit_register_regimes=inspectkit_register_regimes)


def _misspelt(folder: Path) -> object:
    @hookimpl
    def inspectkit_register_regime(register: Any) -> None:  # one letter short
        pass

    return SimpleNamespace(inspectkit_register_regime=inspectkit_register_regime)


PLUGINS: dict[str, Callable[[Path], object]] = {
    "hook-raises": _raising,
    "misspelt-hook": _misspelt,
    "registers-a-string": _registering(lambda folder: "cra_2010"),
    "registers-none": _registering(lambda folder: None),
    "data-not-toml": _data(lambda text: text + "\n= broken =\n"),
    "data-too-deep": _data(lambda text: text + f"\nx = {'[' * 100_000}{']' * 100_000}\n"),
    "data-missing-id": _data(lambda text: text.replace('id = "mini_2020"\n', "", 1)),
    "data-wrong-type": _data(lambda text: text.replace('version = "2020.1"', "version = 2020")),
    "data-unknown-key": _data(lambda text: 'colour = "blue"\n' + text),
    "data-bad-date": _data(lambda text: text.replace('"2020-02-03"', '"2020-02-30"')),
}


@pytest.mark.parametrize("name", sorted(PLUGINS))
def test_a_bad_plugin_is_broken_in_one_line_and_the_good_one_works(
    name: str, tmp_path: Path
) -> None:
    host = PluginHost()
    good_data = tmp_path / "good"
    shutil.copytree(MINI, good_data)

    @hookimpl
    def inspectkit_register_regimes(register: Any) -> None:
        register(load_regime(good_data, use_cache=False))

    assert not host.add_plugin(PLUGINS[name](tmp_path), PluginInfo(name=name))
    assert host.add_plugin(
        SimpleNamespace(inspectkit_register_regimes=inspectkit_register_regimes),
        PluginInfo(name="good"),
    )
    [broken] = host.broken
    assert broken.plugin.name == name
    assert broken.reason and "\n" not in broken.reason and "Traceback" not in broken.reason
    assert list(host.regimes) == ["mini_2020"]
    assert host.regime("mini_2020").plugin.name == "good"


def test_a_byte_order_mark_in_regime_data_is_accepted(tmp_path: Path) -> None:
    data = tmp_path / "bom"
    shutil.copytree(MINI, data)
    toml = data / "regime.toml"
    toml.write_bytes(b"\xef\xbb\xbf" + toml.read_bytes())
    assert load_regime(data, use_cache=False).id == "mini_2020"
