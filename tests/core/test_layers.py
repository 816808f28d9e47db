"""The layers contract (pyproject's [tool.importlinter]) holds, and catches an upward import.

``tox -e lint`` runs ``lint-imports``; this test proves the contract is not one that
cannot fail, by adding an import from the model up to the CLI to a copy of the core.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project / "src")}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_the_core_keeps_its_layers() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(
        ROOT / "src" / "inspectkit",
        tmp_path / "src" / "inspectkit",
        ignore=shutil.ignore_patterns("__pycache__", "static", "templates"),
    )
    common = tmp_path / "src" / "inspectkit" / "model" / "common.py"
    common.write_text(
        common.read_text(encoding="utf-8") + "\nimport inspectkit.cli  # upward, on purpose\n",
        encoding="utf-8",
    )
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "inspectkit.model is not allowed to import inspectkit.cli" in result.stdout


# Where the process-wide plugin host may be fetched: the commands and pages that a
# person runs, the host's own module, and the plugin developers' test kit.
HOST_FETCHERS = ("cli/", "web/", "plugins.py", "testing.py")


def _fetches_host(source: str) -> bool:
    tree = ast.parse(source)
    return any(isinstance(node, ast.Name) and node.id == "get_host" for node in ast.walk(tree))


def test_domain_code_is_given_the_plugin_host_never_fetches_it() -> None:
    core = ROOT / "src" / "inspectkit"
    fetching = sorted(
        path.relative_to(core).as_posix()
        for path in core.rglob("*.py")
        if not path.relative_to(core).as_posix().startswith(HOST_FETCHERS)
        and _fetches_host(path.read_text(encoding="utf-8"))
    )
    assert fetching == []


def test_the_host_check_sees_a_fetch() -> None:
    assert _fetches_host("from inspectkit.plugins import get_host\nget_host().regimes\n")
    assert not _fetches_host("def plan(host):\n    return host.regimes\n")
