"""A plugin whose behaviour hooks raise takes down only the regime it serves, in every command,
with one line naming the plugin and the hook; a plugin serving no regime is never called."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.cli_run import run_main

from inspectkit import hookimpl
from inspectkit.plugins import PluginHost, PluginInfo, get_host, reset_host

LINE = "plugin house-rules (inspectkit-house-rules 2.0): {hook} raised RuntimeError: boom"


class _Raising:
    """Extends cra_2010 and raises in every behaviour hook."""

    @hookimpl
    def inspectkit_extended_regimes(self) -> list[str]:
        return ["cra_2010"]

    @hookimpl
    def inspectkit_check_plan(self, regime: Any, plan: Any) -> None:
        raise RuntimeError("boom")

    @hookimpl
    def inspectkit_check_inspection(self, regime: Any, inspection: Any) -> None:
        raise RuntimeError("boom")

    @hookimpl
    def inspectkit_document_context(self, regime: Any, document: str, context: Any) -> None:
        raise RuntimeError("boom")


class _Careless:
    """Raises too, but extends nothing: scoped calls never reach it."""

    @hookimpl
    def inspectkit_check_plan(self, regime: Any, plan: Any) -> None:
        raise RuntimeError("never called")

    @hookimpl
    def inspectkit_check_inspection(self, regime: Any, inspection: Any) -> None:
        raise RuntimeError("never called")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every regime's example workspace, built before the bad plugins arrive."""
    from inspectkit.demo import build_demo

    reset_host()
    out = tmp_path_factory.mktemp("demo")
    assert not build_demo(out, get_host()).failures
    return out


@pytest.fixture
def host(demo: Path) -> Iterator[PluginHost]:
    reset_host()
    host = get_host()
    info = PluginInfo(name="house-rules", distribution="inspectkit-house-rules", version="2.0")
    assert host.add_plugin(_Raising(), info)
    assert host.add_plugin(_Careless(), PluginInfo(name="careless"))
    yield host
    reset_host()


def _copy(demo: Path, tmp_path: Path, *names: str) -> list[str]:
    copies = []
    for name in names:
        shutil.copytree(demo / name, tmp_path / name)
        copies.append(str(tmp_path / name))
    return copies


def _errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("inspectkit: error:")]


def test_check_and_report_fail_only_the_workspace_the_plugin_serves(
    host: PluginHost, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cra, slac = _copy(demo, tmp_path, "cra_2010", "slac_2009")
    status, out, err = run_main(capsys, "check", cra, slac)
    assert status == 2
    assert _errors(err) == [
        f"inspectkit: error: {cra}: " + LINE.format(hook="inspectkit_check_inspection")
    ]
    assert "1 of 2 workspaces ready" in out
    status, out, err = run_main(capsys, "report", cra, slac)
    assert status == 2
    assert len(_errors(err)) == 1 and "house-rules" in err and "Traceback" not in err
    assert "Rendered 1 of 2 workspaces; 1 failed" in out
    assert (Path(slac) / "documents").is_dir()


def test_a_document_context_hook_that_raises_fails_that_report_in_one_line(
    host: PluginHost, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    host.remove_plugin("house-rules")

    class _ContextOnly(_Raising):
        inspectkit_check_plan = None  # type: ignore[assignment]
        inspectkit_check_inspection = None  # type: ignore[assignment]

    info = PluginInfo(name="house-rules", distribution="inspectkit-house-rules", version="2.0")
    assert host.add_plugin(_ContextOnly(), info)
    (cra,) = _copy(demo, tmp_path, "cra_2010")
    status, _out, err = run_main(capsys, "report", cra)
    assert status == 2
    assert LINE.format(hook="inspectkit_document_context") in err
    assert len(_errors(err)) == 1


@pytest.mark.parametrize(
    "command",
    [
        ["plan", "--regime", "{regime}", "--start", "2012-06-11"],
        ["readiness", "--regime", "{regime}", "--start", "2012-06-11"],
    ],
)
def test_plan_and_readiness_fail_only_for_the_regime_served(
    host: PluginHost, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    status, _out, err = run_main(capsys, *[c.format(regime="cra_2010") for c in command])
    assert status == 2
    assert _errors(err) == ["inspectkit: error: " + LINE.format(hook="inspectkit_check_plan")]
    status, _out, err = run_main(capsys, *[c.format(regime="slac_2009") for c in command])
    assert status == 0, err


def test_action_plan_fails_only_for_the_workspace_served(
    host: PluginHost, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cra, slac = _copy(demo, tmp_path, "cra_2010", "slac_2009")
    status, _out, err = run_main(capsys, "action-plan", cra)
    assert status == 2 and "inspectkit_check_inspection raised RuntimeError: boom" in err
    status, _out, err = run_main(capsys, "action-plan", slac)
    assert status == 0, err


def test_compare_leaves_out_the_regime_and_compares_the_rest(
    host: PluginHost, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "compare.md"
    status, out, err = run_main(capsys, "compare", "--start", "2012-06-11", "-o", str(target))
    assert status == 2
    assert _errors(err) == [
        "inspectkit: error: cra_2010: " + LINE.format(hook="inspectkit_check_plan")
    ]
    text = target.read_text(encoding="utf-8")
    assert "slac_2009" in text and "child_protection_2012" in text
    assert f"Wrote {target}" in out


def test_demo_builds_every_other_example(
    host: PluginHost, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run_main(capsys, "demo", str(tmp_path / "demo"))
    assert status == 2
    assert all("house-rules" in line for line in _errors(err))
    assert (tmp_path / "demo" / "slac_2009" / "documents").is_dir()
    assert "Wrote" in out


def test_sample_calls_no_behaviour_hook(
    host: PluginHost, demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = run_main(
        capsys,
        "sample",
        "--regime",
        "cra_2010",
        "--cases",
        str(demo / "cra_2010" / "caselist.csv"),
        "--seed",
        "1",
        "--on",
        "2011-10-17",
        "-o",
        str(tmp_path / "sample.csv"),
    )
    assert status == 0, err


def test_tracing_names_each_call(
    host: PluginHost, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INSPECTKIT_TRACE_HOOKS", "1")
    _status, _out, err = run_main(capsys, "plan", "--regime", "cra_2010", "--start", "2012-06-11")
    assert "inspectkit: hook inspectkit_check_plan on plugin house-rules (" in err
    assert "careless" not in err  # scoped: never called, so never traced


def test_disabled_plugins_are_not_loaded_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTKIT_DISABLE_PLUGINS", " cra_2010 ,nonexistent")
    reset_host()
    try:
        host = get_host()
        assert "cra_2010" not in host.regimes and "slac_2009" in host.regimes
        [disabled] = [b for b in host.broken if b.plugin.name == "cra_2010"]
        assert disabled.reason == "disabled by INSPECTKIT_DISABLE_PLUGINS"
    finally:
        reset_host()
