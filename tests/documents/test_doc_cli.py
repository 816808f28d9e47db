"""`inspectkit report` over many workspaces and `inspectkit demo`."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.documents.conftest import DEVELOPMENT, SATISFACTORY, STRENGTH

from inspectkit.cli import main


def run(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_failing_workspace_is_named_and_the_others_render(cra_workspace, capsys, jobs):
    good = [cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT], name=f"good{i}") for i in range(3)]
    bad = cra_workspace([("nowhere", "satisfactory", "x")], name="bad")
    status = run(["report", *map(str, [*good, bad]), "--jobs", jobs])
    assert status == 2
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert errors and all(str(bad) in line for line in errors)
    assert "unknown judgement area 'nowhere'" in errors[0]
    for directory in good:
        assert (directory / "documents" / "letter.docx").is_file()
    assert "Rendered 3 of 4 workspaces; 1 failed" in captured.out


def test_demo_writes_every_regime(tmp_path: Path, capsys):
    from inspectkit.examples import EXAMPLES
    from inspectkit.plugins import get_host

    out = tmp_path / "demo"
    assert run(["demo", str(out)]) == 0
    for example in EXAMPLES:
        folder = out / example.name
        for name in ("inspection.toml", "plan.json", "caselist.csv", "sample.csv", "sample.json"):
            assert (folder / name).is_file(), (example.name, name)
        documents = list((folder / "documents").glob("*.docx"))
        declared = get_host().regime(example.regime).regime.templates
        assert len(documents) == len(declared)
    for registered in get_host().sorted_regimes():
        assert any(
            (out / p.name).is_dir()
            for p in out.iterdir()
            if p.name.startswith(registered.regime.id)
        )
    assert "Wrote" in capsys.readouterr().out
