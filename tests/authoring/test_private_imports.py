"""Plugins (bundled and examples) may use only inspectkit's public API.

If a plugin reached into ``inspectkit.plugins`` or ``inspectkit.loading``, the
claim "a regime needs no change to the core" would be untested and every internal
refactoring would break plugins.  This scans every module under ``plugins/`` and
``examples/`` with ``ast`` (no import needed) for imports of anything else,
including ``importlib.import_module("inspectkit.x")`` with a literal name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import inspectkit
import inspectkit.hookspecs
import inspectkit.model
import inspectkit.testing

REPO = Path(__file__).resolve().parents[2]
SCANNED = ("plugins", "examples")

# module -> the names a plugin may import from it (None: any public name of the module)
PUBLIC_API: dict[str, frozenset[str] | None] = {
    "inspectkit": frozenset(inspectkit.__all__),
    "inspectkit.hookspecs": None,
    "inspectkit.model": frozenset(inspectkit.model.__all__),
    "inspectkit.testing": frozenset(inspectkit.testing.__all__),
    # the template-authoring API: a plugin's build script makes its Word templates with
    # the house style and its blocks
    "inspectkit.docx_style": None,
    "inspectkit.template_blocks": None,
    # the output-writer API: what a writer receives, and how it writes a file whole
    "inspectkit.files": frozenset({"atomic_path", "write_text_atomic", "write_bytes_atomic"}),
    "inspectkit.plan_export": frozenset({"PlanExport"}),
    "inspectkit.table_files": frozenset({"Table", "TableSet"}),
}


def _is_ours(module: str) -> bool:
    return module == "inspectkit" or module.startswith("inspectkit.")


def private_imports(source: str, filename: str) -> list[str]:
    """One line per import of a private inspectkit module or name in ``source``."""
    found: list[str] = []

    def refuse(node: ast.AST, what: str) -> None:
        found.append(f"{filename}:{getattr(node, 'lineno', 0)}: imports {what}")

    def check_module(node: ast.AST, module: str) -> bool:
        if _is_ours(module) and module not in PUBLIC_API:
            refuse(node, f"private module {module}")
            return False
        return True

    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                check_module(node, alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not _is_ours(node.module) or not check_module(node, node.module):
                continue
            allowed = PUBLIC_API[node.module]
            for alias in node.names:
                name = alias.name
                submodule = f"{node.module}.{name}"
                if name.startswith("_") and name != "__version__":
                    refuse(node, f"private name {submodule}")
                elif submodule in PUBLIC_API:
                    continue
                elif allowed is not None and name not in allowed:
                    refuse(node, f"{submodule}, which is not in the public API")
        elif isinstance(node, ast.Call):
            called = node.func
            name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
            if name in ("import_module", "__import__") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    check_module(node, first.value)
    return found


def plugin_modules() -> list[Path]:
    """Every module of the example plugins, and the shipped code and build scripts of the
    bundled ones.

    The bundled plugins' own test suites live in this repository and may test through
    the core's internals; what a plugin *ships*, or builds its templates with, may not.
    """
    examples = (REPO / "examples").rglob("*.py")
    bundled = (REPO / "plugins").glob("*/src/**/*.py")
    scripts = (REPO / "plugins").glob("*/scripts/*.py")
    return sorted([*examples, *bundled, *scripts])


def test_there_are_plugin_modules_to_scan() -> None:
    scanned = {p.relative_to(REPO).parts[:2] for p in plugin_modules()}
    assert ("examples", "jtai_2016") in scanned
    assert ("plugins", "cra_2010") in scanned
    assert any(p.parent.name == "scripts" and "plugins" in p.parts for p in plugin_modules())


def test_no_plugin_or_example_imports_a_private_inspectkit_module() -> None:
    problems = [
        line
        for path in plugin_modules()
        for line in private_imports(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))
    ]
    assert problems == []


@pytest.mark.parametrize(
    "source",
    [
        "import inspectkit.plugins",
        "from inspectkit.loading import load_regime",
        "from inspectkit import plugins",
        "from inspectkit import _LAZY",
        "from inspectkit.model.common import Fact",
        "from inspectkit.testing import PluginHost",
        "import importlib\nimportlib.import_module('inspectkit.conformance')",
        "__import__('inspectkit.resources')",
    ],
)
def test_the_scan_catches_private_imports(source: str) -> None:
    assert len(private_imports(source, "plugin.py")) == 1


@pytest.mark.parametrize(
    "source",
    [
        "import inspectkit",
        "from inspectkit import hookimpl, packaged_regime_hook, Regime, __version__",
        "from inspectkit import hookspecs, model, testing",
        "from inspectkit.model import Fact, Measure",
        "from inspectkit.hookspecs import RegisterRegime",
        "from inspectkit.testing import assert_regime_conforms",
        "from . import sibling",
        "import docx",
    ],
)
def test_the_scan_allows_the_public_api(source: str) -> None:
    assert private_imports(source, "plugin.py") == []
