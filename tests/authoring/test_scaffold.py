"""``inspectkit new-regime``: the project it writes, and what the conformance kit makes of it."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

from inspectkit import load_regime
from inspectkit.cli import main
from inspectkit.model import Regime
from inspectkit.testing import ConformanceError, assert_plugin_registers, conformance_problems

Scaffold = Callable[..., Path]

EXPECTED_FILES = {
    "pyproject.toml",
    "README.md",
    "src/inspectkit_authoring_2030/__init__.py",
    "src/inspectkit_authoring_2030/py.typed",
    "src/inspectkit_authoring_2030/regime/regime.toml",
    "src/inspectkit_authoring_2030/regime/evaluation.toml",
    "src/inspectkit_authoring_2030/regime/sampling.toml",
    "src/inspectkit_authoring_2030/regime/timeline.toml",
    "src/inspectkit_authoring_2030/regime/report.toml",
    "src/inspectkit_authoring_2030/regime/requests.toml",
    "src/inspectkit_authoring_2030/templates/authoring_2030_letter.docx",
    "src/inspectkit_authoring_2030/examples/authoring_2030.toml",
    "tests/test_conformance.py",
}


def package_dir(project: Path) -> Path:
    [found] = project.glob("src/inspectkit_*")
    return found


def regime_of(project: Path) -> Regime:
    return load_regime(package_dir(project) / "regime")


def problems_of(project: Path) -> list[str]:
    found = conformance_problems(
        regime_of(project), templates=package_dir(project) / "templates", warnings=True
    )
    return [str(p) for p in found]


@pytest.fixture
def on_sys_path() -> Iterator[Callable[[Path, str], object]]:
    """Import a scaffolded package from its ``src`` folder; undo it afterwards."""
    added: list[tuple[str, str]] = []

    def load(project: Path, package: str) -> object:
        source = str(project / "src")
        sys.path.insert(0, source)
        added.append((source, package))
        importlib.invalidate_caches()
        return importlib.import_module(package)

    yield load
    for source, package in added:
        sys.path.remove(source)
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


# -- the files ------------------------------------------------------------------------


def test_scaffold_writes_exactly_the_plugin_files(scaffold: Scaffold, tmp_path: Path) -> None:
    project = scaffold()
    assert project == tmp_path / "inspectkit-authoring_2030"
    written = {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}
    assert written == EXPECTED_FILES
    assert [p.name for p in tmp_path.iterdir()] == ["inspectkit-authoring_2030"]


def test_pyproject_registers_the_package_under_the_inspectkit_entry_point(
    scaffold: Scaffold,
) -> None:
    data = tomllib.loads((scaffold() / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["name"] == "inspectkit-authoring-2030"
    assert data["project"]["entry-points"]["inspectkit"] == {
        "authoring_2030": "inspectkit_authoring_2030"
    }
    assert data["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == [
        "src/inspectkit_authoring_2030"
    ]


def test_package_registers_through_the_public_one_liner(scaffold: Scaffold) -> None:
    module = (package_dir(scaffold()) / "__init__.py").read_text(encoding="utf-8")
    assert "from inspectkit import packaged_examples_hook, packaged_regime_hook" in module
    assert "inspectkit_register_regimes = packaged_regime_hook(__name__)" in module
    assert "inspectkit_register_examples = packaged_examples_hook(__name__)" in module


def test_title_option_is_written_safely_into_toml(scaffold: Scaffold) -> None:
    title = 'Inspections of "A & B" services \\ 2030'
    project = scaffold(title=title)
    assert regime_of(project).title == title
    assert title in (project / "README.md").read_text(encoding="utf-8")


# -- the data: complete in shape, rejected until filled in --------------------------------


def test_every_section_of_the_model_is_present(scaffold: Scaffold) -> None:
    regime = regime_of(scaffold())
    empty = [a.name for a in attrs.fields(Regime) if getattr(regime, a.name) in ((), None, "")]
    assert empty == []
    assert regime.id == "authoring_2030"


def test_scaffolded_regime_loads_but_the_kit_rejects_every_todo(scaffold: Scaffold) -> None:
    problems = problems_of(scaffold())
    assert problems
    assert all("still to be filled in" in p for p in problems), problems
    sections = {
        p.split(":")[0].removeprefix("regime.").split(".")[0].split("[")[0] for p in problems
    }
    # every section that carries citations is flagged, not just the first one
    assert {
        "published",
        "in_force",
        "legal_basis",
        "notice",
        "team",
        "scale",
        "evaluation",
        "sampling",
        "timeline",
        "report",
        "supersedes",
        "limiting_rules",
        "external_judgements",
        "case_fields",
        "surveys",
        "information_requests",
        "templates",
        "topics",
        "sources",
        "regime",  # the title, unless --title gives it
    } <= sections


def test_filled_in_regime_conforms(scaffold: Scaffold, fill: Callable[[Path], int]) -> None:
    project = scaffold(title="Authoring test inspections")
    assert fill(project) > 50
    assert problems_of(project) == []


def test_unfilled_plugin_is_refused_at_registration(
    scaffold: Scaffold, on_sys_path: Callable[[Path, str], object]
) -> None:
    plugin = on_sys_path(scaffold(), "inspectkit_authoring_2030")
    with pytest.raises(ConformanceError, match="still to be filled in"):
        assert_plugin_registers(plugin, name="authoring_2030")


def test_filled_plugin_registers_like_an_installed_one(
    scaffold: Scaffold,
    fill: Callable[[Path], int],
    on_sys_path: Callable[[Path, str], object],
) -> None:
    project = scaffold("registered_2031", title="Registered in process")
    fill(project)
    plugin = on_sys_path(project, "inspectkit_registered_2031")
    [regime] = assert_plugin_registers(plugin, name="registered_2031")
    assert (regime.id, regime.title) == ("registered_2031", "Registered in process")


def test_the_starter_example_is_registered_and_fits_the_filled_regime(
    scaffold: Scaffold,
    fill: Callable[[Path], int],
    on_sys_path: Callable[[Path, str], object],
) -> None:
    """Once the regime is filled in, `inspectkit demo` has an example for it: nothing recorded,
    a made-up council, a start that keeps the regime's day-one rule."""
    from inspectkit.examples import DEFAULT_COUNCIL, installed_examples
    from inspectkit.plugins import PluginHost, PluginInfo

    project = scaffold("examples_2032", title="Examples in process")
    fill(project)  # (role titles become placeholder sentences, so the team is given)
    example_file = package_dir(project) / "examples" / "examples_2032.toml"
    text = example_file.read_text(encoding="utf-8")
    example_file.write_text(text.replace("# team = ", "team = "), encoding="utf-8")
    plugin = on_sys_path(project, "inspectkit_examples_2032")
    host = PluginHost()
    assert host.add_plugin(plugin, PluginInfo(name="examples_2032"))
    installed = installed_examples(host)
    assert installed.notes == ()
    [example] = installed.examples
    assert (example.name, example.regime, example.council) == (
        "examples_2032",
        "examples_2032",
        DEFAULT_COUNCIL,
    )
    assert example.start.weekday() == 0  # the scaffold's start_rule: normally a Monday
    assert example.team() == ("Lead inspector, HMI",)
    assert "[[grades]]" not in example.body().replace("# [[grades]]", "")


@pytest.mark.slow
def test_generated_test_module_fails_until_filled_then_passes(
    scaffold: Scaffold, fill: Callable[[Path], int]
) -> None:
    project = scaffold(title="Generated tests")
    env = {**os.environ, "PYTHONPATH": str(project / "src")}

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    before = run()
    assert before.returncode == 1, before.stdout
    assert "3 failed" in before.stdout
    assert "still to be filled in" in before.stdout
    fill(project)
    after = run()
    assert after.returncode == 0, after.stdout
    assert "3 passed" in after.stdout


# -- the starter letter -------------------------------------------------------------------


def test_starter_letter_has_heading_numbered_sections_header_footer_and_tags(
    scaffold: Scaffold,
) -> None:
    import docx
    from docxtpl import DocxTemplate

    letter = package_dir(scaffold()) / "templates" / "authoring_2030_letter.docx"
    document = docx.Document(str(letter))
    section = document.sections[0]
    assert "{{" in section.header.paragraphs[0].text
    assert "{{ council }}" in section.footer.paragraphs[0].text
    styles = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", "{{ regime.title }}")
    headings = [text for style, text in styles if style == "Heading 1"]
    assert headings == ["1. Introduction", "2. Findings", "3. Next steps"]
    variables = DocxTemplate(str(letter)).get_undeclared_template_variables()
    assert {"council", "recipient", "regime", "levels", "letter_date", "start_date"} <= variables


# -- refusing bad requests: one line, exit status 2, nothing written ------------------------


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    code = exited.value.code
    assert isinstance(code, int)
    return code, capsys.readouterr().err.splitlines()


def test_cli_creates_the_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-regime", "cli_2032", "--dir", str(tmp_path)]) is None
    assert (tmp_path / "inspectkit-cli_2032" / "pyproject.toml").is_file()
    captured = capsys.readouterr()
    assert "inspectkit-cli_2032" in captured.out
    assert "already installed" not in captured.err


def test_cli_warns_when_the_id_is_already_installed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-regime", "cra_2010", "--dir", str(tmp_path)]) is None
    assert "a regime 'cra_2010' is already installed" in capsys.readouterr().err


def test_cli_refuses_an_existing_directory(
    scaffold: Scaffold, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = scaffold()
    (project / "README.md").write_text("mine", encoding="utf-8")
    code, lines = run_cli(["new-regime", "authoring_2030", "--dir", str(tmp_path)], capsys)
    assert code == 2
    assert len(lines) == 1
    assert lines[0].startswith("inspectkit: error: ") and "already exists" in lines[0]
    assert (project / "README.md").read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == [project.name]


@pytest.mark.parametrize("name", ["JTAI_2016", "2016_jtai", "jtai-2016", "jtai 2016", "_jtai", ""])
def test_cli_refuses_a_name_that_is_not_a_regime_id(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run_cli(["new-regime", name, "--dir", str(tmp_path)], capsys)
    assert code == 2
    assert len(lines) == 1
    assert "must be lower case letters" in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_a_missing_parent_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run_cli(["new-regime", "ok_2033", "--dir", str(tmp_path / "nope")], capsys)
    assert code == 2
    assert len(lines) == 1
    assert "does not exist" in lines[0]


def test_a_failure_part_way_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import inspectkit.scaffold as scaffold

    def broken(*_args: object, **_kwargs: object) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(scaffold, "build_letter", broken)
    from inspectkit.scaffold import create_regime_project

    with pytest.raises(OSError, match="disk full"):
        create_regime_project("half_2034", tmp_path)
    assert list(tmp_path.iterdir()) == []
