"""The hook reference must document every hook the plugin contract defines."""

from __future__ import annotations

import re
from pathlib import Path

from inspectkit.plugins import PluginHost

HOOKS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "hooks.md"


def documented_hooks() -> dict[str, list[str]]:
    text = HOOKS_PAGE.read_text(encoding="utf-8")
    found = re.findall(r"^### `(inspectkit_\w+)\(([^)]*)\)`", text, flags=re.MULTILINE)
    return {name: [a.strip() for a in args.split(",") if a.strip()] for name, args in found}


def test_every_hook_is_documented_with_its_arguments() -> None:
    host = PluginHost()
    specs = {
        name: list(caller.spec.argnames)
        for name, caller in vars(host.pm.hook).items()
        if name.startswith("inspectkit_") and caller.spec is not None
    }
    assert specs, "no hook specifications found"
    documented = documented_hooks()
    missing = sorted(set(specs) - set(documented))
    assert not missing, f"hooks missing from {HOOKS_PAGE.name}: {missing}"
    for name, argnames in specs.items():
        assert documented[name] == argnames, f"{name}: documented {documented[name]}"


def test_page_documents_no_hook_that_does_not_exist() -> None:
    host = PluginHost()
    stale = [name for name in documented_hooks() if not hasattr(host.pm.hook, name)]
    assert not stale, f"{HOOKS_PAGE.name} documents hooks that do not exist: {stale}"
