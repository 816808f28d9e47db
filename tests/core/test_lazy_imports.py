"""Every import inside a function says why it is not at the top of its module.

An import inside a function is kept only where it keeps a heavy module off some
command's start-up (or waits for Django to be set up, or for a module that imports
this one back), and a ``# lazy:`` comment on it, or just above the imports it heads,
says which (issue 12).  Everything else is imported at the top, where a reader looks.
"""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "src" / "inspectkit"


def _unexplained(path: Path, root: Path = CORE.parent) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    inside: set[int] = set()
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if not isinstance(node, (ast.Import, ast.ImportFrom)) or id(node) in inside:
                continue
            inside.add(id(node))
            at = node.lineno - 1
            said = "# lazy:" in lines[at]
            while not said and at > 0:  # up through the imports and comments it heads
                at -= 1
                text = lines[at].strip()
                if "# lazy:" in text:
                    said = True
                elif not text.startswith(("from ", "import ", "#")) and text:
                    break
            if not said:
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_every_import_inside_a_function_says_why() -> None:
    unexplained = [
        place
        for path in sorted(CORE.rglob("*.py"))
        if "migrations" not in path.parts
        for place in _unexplained(path)
    ]
    assert unexplained == [], "imports inside functions with no '# lazy:' reason"


def test_an_unexplained_import_is_found(tmp_path: Path) -> None:
    module = tmp_path / "example.py"
    module.write_text(
        "def fine():\n    # lazy: keeps polars off start-up\n    import polars\n\n"
        "def bare():\n    import json\n",
        encoding="utf-8",
    )
    assert _unexplained(module, root=tmp_path) == ["example.py:6"]
