"""Example inspections shipped by plugins: the file format, its checks, and the demo's notes.

Each problem is one line naming the example file and the key; an example that
cannot be used is skipped by the demo with that line, and the rest are built.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli_run import run_main

from inspectkit import hookimpl
from inspectkit.errors import InputError
from inspectkit.examples import (
    DEFAULT_COUNCIL,
    fallback_start,
    installed_examples,
    load_example,
)
from inspectkit.plugins import PluginHost, PluginInfo, get_host

REPO = Path(__file__).resolve().parents[2]
FINDING = '\n[[findings]]\narea = "working_together"\ntype = "satisfactory"\ntext = "Timely."\n'


def example_file(tmp_path: Path, text: str, name: str = "my_example") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_example(path, get_host())
    return caught.value.problems


def test_only_regime_and_description_are_needed(tmp_path):
    header = '# An illustration.\n\n[example]\nregime = "cra_2010"\ndescription = "Minimal"\n'
    path = example_file(tmp_path, header + FINDING)
    example = load_example(path, get_host())
    regime = get_host().regime("cra_2010").regime
    assert (example.name, example.regime, example.council) == (
        "my_example",
        "cra_2010",
        DEFAULT_COUNCIL,
    )
    assert (example.start, example.seed, example.team()) == (fallback_start(regime), 2010, None)
    assert example.body() == "# An illustration.\n\n" + FINDING.lstrip("\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FINDING, ["{path}: expected an [example] table naming the regime and describing the "
                   "example, before the inspection's own tables"]),
        ('council = "X"\n[example]\nregime = "cra_2010"\ndescription = "d"\n',
         ["{path}: council: give it in the [example] table (the demo writes the inspection "
          "file's header from it)"]),
        ('[example]\nregime = "cra_2010"\ndescription = "d"\nseed = "7"\ndescripton = "x"\n',
         ["{path}: example.seed: expected a whole number, got str '7'",
          "{path}: example: unknown key(s) descripton"]),
        ('[example]\nregime = "cra_2010"\n',
         ["{path}: example.description: required key is missing"]),
        ('[example]\nregime = "cra_2010"\ndescription = " "\ncaselist_rows = 0\n',
         ["{path}: example.description: must not be empty",
          "{path}: example.caselist_rows: expected 1 to 100000 fake cases"]),
        ('example = { regime = "cra_2010", description = "d" }\n' + FINDING,
         ["{path}: write [example] as a table of its own (its header line, then its keys), "
          "before or after the inspection's own tables"]),
        ('[example]\nregime = "nowhere_2099"\ndescription = "d"\n',
         ["{path}: example.regime: unknown regime 'nowhere_2099'; installed regimes: "
          "child_protection_2012, cra_2010, jtai_2016, slac_2009"]),
        ('[example]\nregime = "cra_2010"\ndescription = "d"\n'
         '\n[[findings]]\narea = "thresholds"\ntype = "satisfactory"\ntext = "x"\n',
         ["{path}: findings[0].area: unknown judgement area 'thresholds' of cra_2010 (known: "
          "safeguarded_and_protected, concerns_identified, safeguarding_prioritised, "
          "working_together)"]),
    ],
)  # fmt: skip
def test_each_problem_is_one_line_naming_the_file_and_key(tmp_path, text, expected):
    path = example_file(tmp_path, text)
    assert problems(path) == [line.format(path=path) for line in expected]


def test_a_start_the_regimes_plan_refuses_names_the_start(tmp_path):
    path = example_file(
        tmp_path, '[example]\nregime = "cra_2010"\ndescription = "d"\nstart = 2011-10-15\n'
    )
    (line,) = problems(path)
    assert line.startswith(f"{path}: example.start: cra_2010: the start 2011-10-15")
    assert "is a Saturday" in line


def test_a_file_that_is_not_utf8_is_one_line(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_bytes(b'[example]\nregime = "cra_2010"\ndescription = "caf\xe9"\n')
    assert problems(path) == [f"{path}: not UTF-8 text (byte 48); save it as UTF-8 TOML"]


class _ExamplesPlugin:
    """A plugin that registers the given files, or raises."""

    def __init__(self, *files: Path, fail: bool = False) -> None:
        self.files, self.fail = files, fail

    @hookimpl
    def inspectkit_register_examples(self, register):  # type: ignore[no-untyped-def]
        if self.fail:
            raise RuntimeError("no examples today")
        for path in self.files:
            register(path)


def test_unusable_examples_and_failing_hooks_become_notes_and_the_rest_are_kept(tmp_path):
    host = PluginHost()
    host.load_entry_points()
    duplicate = example_file(
        tmp_path, '[example]\nregime = "cra_2010"\ndescription = "again"\n', name="cra_2010"
    )
    broken = example_file(tmp_path, FINDING, name="broken")
    assert host.add_plugin(_ExamplesPlugin(duplicate, broken), PluginInfo(name="extra"))
    assert host.add_plugin(_ExamplesPlugin(fail=True), PluginInfo(name="failing"))
    installed = installed_examples(host)
    assert installed.notes == (
        "plugin failing: inspectkit_register_examples raised RuntimeError: no examples today",
        f"{duplicate}: another example is already named 'cra_2010'; skipped",
        f"{broken}: expected an [example] table naming the regime and describing the example, "
        "before the inspection's own tables",
    )
    assert [e.path for e in installed.for_regime("cra_2010")] == [
        REPO / "plugins/cra_2010/src/inspectkit_cra_2010/examples/cra_2010.toml",
        REPO / "plugins/cra_2010/src/inspectkit_cra_2010/examples/cra_2010_priority_action.toml",
    ]


def test_the_demo_names_an_unusable_example_and_builds_the_others(tmp_path, capsys, monkeypatch):
    broken = example_file(
        tmp_path, '[example]\nregime = "cra_2010"\ndescription = "d"\nseed = "x"\n', name="odd"
    )
    shipped = PluginHost.example_files

    def with_broken(host: PluginHost) -> tuple[list[Path], list[str]]:
        files, failures = shipped(host)
        return [*files, broken], failures

    monkeypatch.setattr(PluginHost, "example_files", with_broken)
    out = tmp_path / "demo"
    status, _out, err = run_main(capsys, "demo", str(out))
    assert status == 0
    assert f"warning: {broken}: example.seed: expected a whole number" in " ".join(err.split())
    assert not (out / "odd").exists()
    assert (out / "slac_2009" / "documents" / "report.docx").is_file()


def test_the_core_names_no_regime_area_or_team():
    """Every regime's example data lives in its plugin; the core's demo code is regime-neutral."""
    core = [REPO / "src/inspectkit/examples/__init__.py", REPO / "src/inspectkit/demo.py"]
    text = "\n".join(path.read_text(encoding="utf-8") for path in core)
    assert not list((REPO / "src/inspectkit/examples").glob("*.toml"))
    for registered in get_host().sorted_regimes():
        regime = registered.regime
        assert regime.id not in text
        for _, area in regime.evaluation.walk():
            assert f'"{area.id}"' not in text, area.id
