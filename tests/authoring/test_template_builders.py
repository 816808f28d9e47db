"""Every shipped Word template is what its builder makes: the wording a reviewer reads in
a plugin's ``scripts/build_<regime>_templates.py`` (or the core's ``tools/build_templates.py``)
is the wording the committed ``.docx`` carries, tag for tag.

Bytes differ between builds (zip timestamps), so the test compares what docxtpl reads:
every paragraph's text and every table cell's, in order, and the styles they use.
"""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = [
    ROOT / "tools" / "build_templates.py",
    *sorted((ROOT / "plugins").glob("*/scripts/build_*_templates.py")),
]


def _content(document: Any) -> list[tuple[str, str]]:
    body = [(p.style.name, p.text) for p in document.paragraphs]
    cells = [
        ("cell", cell.text) for table in document.tables for row in table.rows for cell in row.cells
    ]
    return body + cells


def _builders(script: Path) -> dict[Path, Callable[[], Any]]:
    namespace = runpy.run_path(str(script), run_name="built_in_a_test")
    if "BUILDERS" in namespace:
        return dict(namespace["BUILDERS"])
    return {namespace["TEMPLATE"]: namespace["generic_report"]}


def test_every_bundled_regime_builds_its_own_templates() -> None:
    plugins = {script.parts[-3] for script in SCRIPTS[1:]}
    assert plugins == {"cra_2010", "slac_2009", "child_protection_2012"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda s: s.relative_to(ROOT).parts[0:2][-1])
def test_the_committed_templates_are_what_the_builder_makes(script: Path, tmp_path: Path) -> None:
    from inspectkit.template_blocks import save

    for target, build in _builders(script).items():
        assert target.is_file(), f"{target} is not committed"
        rebuilt = save(build(), tmp_path / target.name)
        assert _content(docx.Document(str(rebuilt))) == _content(docx.Document(str(target))), (
            f"{target.relative_to(ROOT)} differs from what {script.relative_to(ROOT)} builds: "
            "run the script and commit the result"
        )
