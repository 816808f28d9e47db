"""`inspectkit report` over many workspaces and `inspectkit demo`."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli_run import exit_status as run
from tests.documents.conftest import DEVELOPMENT, SATISFACTORY, STRENGTH


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_failing_workspace_is_named_and_the_others_render(cra_workspace, capsys, jobs):
    good = [cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT], name=f"good{i}") for i in range(3)]
    bad = cra_workspace([("nowhere", "satisfactory", "x")], name="bad")
    status = run(["report", *map(str, [*good, bad]), "--jobs", jobs])
    assert status == 2
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if line.startswith("inspectkit: error")]
    assert errors and all(str(bad) in line for line in errors)
    assert "unknown judgement area 'nowhere'" in errors[0]
    for directory in good:
        assert (directory / "documents" / "letter.docx").is_file()
    assert "Rendered 3 of 4 workspaces; 1 failed" in captured.out


def test_demo_builds_every_example_each_plugin_ships(tmp_path: Path, capsys):
    from inspectkit.examples import installed_examples
    from inspectkit.plugins import get_host

    installed = installed_examples(get_host())
    assert installed.notes == ()
    out = tmp_path / "demo"
    assert run(["demo", str(out)]) == 0
    for example in installed.examples:
        folder = out / example.name
        for name in ("inspection.toml", "plan.json", "caselist.csv", "sample.csv", "sample.json"):
            assert (folder / name).is_file(), (example.name, name)
        documents = {p.stem for p in (folder / "documents").iterdir()}
        declared = get_host().regime(example.regime).regime.templates
        assert documents == {Path(t.file).stem for t in declared}
        inspection = (folder / "inspection.toml").read_text(encoding="utf-8")
        assert example.body() in inspection and "[example]" not in inspection
    for registered in get_host().sorted_regimes():  # every installed regime ships one
        assert installed.for_regime(registered.regime.id), registered.regime.id
    captured = capsys.readouterr()
    assert "Wrote" in captured.out and "skipped" not in captured.err


def test_demo_skips_a_regime_without_an_example_in_one_line(tmp_path: Path, capsys, monkeypatch):
    from inspectkit.plugins import PluginHost

    shipped = PluginHost.example_files

    def without_jtai(host: PluginHost) -> tuple[list[Path], list[str]]:
        files, problems = shipped(host)
        return [f for f in files if f.stem != "jtai_2016"], problems

    monkeypatch.setattr(PluginHost, "example_files", without_jtai)
    assert run(["demo", str(tmp_path / "demo")]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if "skipped" in line]
    assert notes == ["warning: jtai_2016: skipped: its plugin ships no example inspection"]
    assert not (tmp_path / "demo" / "jtai_2016").exists()
    assert (tmp_path / "demo" / "cra_2010" / "documents" / "letter.docx").is_file()


def test_a_failing_document_leaves_every_earlier_one_as_it_was(cra_workspace, capsys):
    """Rendered and checked in memory first: the letter is not replaced when the email fails."""
    directory = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    assert run(["report", str(directory)]) == 0
    documents = directory / "documents"
    before = {p.name: p.read_bytes() for p in documents.iterdir()}
    assert set(before) == {
        "letter.docx",
        "notification_email.txt",
        "notification_email.eml",
        "staff_information.docx",
    }
    inspection = directory / "inspection.toml"
    inspection.write_text(
        inspection.read_text(encoding="utf-8").replace("vary in quality", "are inconsistent"),
        encoding="utf-8",
    )
    (directory / "templates").mkdir()
    templates = directory / "templates"
    (templates / "notification_email.txt").write_text("Subject: x\n\n{{ nonsense }}\n", "utf-8")
    (templates / "staff_information.docx").write_text("not a Word file", encoding="utf-8")
    capsys.readouterr()
    assert run(["report", str(directory)]) == 2
    errors = [e for e in capsys.readouterr().err.splitlines() if e.startswith("inspectkit: error")]
    assert [line.split("templates/")[1].split(":")[0] for line in errors] == [
        "notification_email.txt",
        "staff_information.docx",
    ]
    assert {p.name: p.read_bytes() for p in documents.iterdir()} == before  # no .part left


def test_report_output_starts_with_its_news_and_names_each_workspace_once(
    cra_workspace, tmp_path, capsys
):
    good = cra_workspace([STRENGTH, SATISFACTORY, DEVELOPMENT])
    missing = tmp_path / "nonexist"
    assert run(["report", str(good), str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == f"{good}: 4 documents"
    errors = [e for e in captured.err.splitlines() if e.startswith("inspectkit: error")]
    assert errors == [f"inspectkit: error: {missing}: not a workspace folder"]


def test_documents_are_written_all_together_or_not_at_all(tmp_path):
    from inspectkit.errors import InputError
    from inspectkit.files import write_files_atomic

    first, blocked = tmp_path / "letter.docx", tmp_path / "email.docx"
    first.write_bytes(b"old letter")
    blocked.mkdir()  # cannot be replaced by a file
    with pytest.raises(InputError, match=r"email\.docx: is a folder"):
        write_files_atomic([(first, b"new letter"), (blocked, b"new email")])
    assert first.read_bytes() == b"old letter"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["email.docx", "letter.docx"]


def test_the_demo_will_not_write_over_your_edits_without_force(tmp_path: Path, capsys):
    out = tmp_path / "demo"
    assert run(["demo", str(out)]) == 0
    assert run(["demo", str(out)]) == 0  # its own files, unchanged: rebuilt freely
    edited = out / "cra_2010" / "inspection.toml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# my own note\n", encoding="utf-8")
    (out / "cra_2010" / "notes.txt").write_text("my notes", encoding="utf-8")
    capsys.readouterr()
    assert run(["demo", str(out)]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert f"inspectkit: error: {edited}: changed since the demo wrote it" in errors
    assert any("cra_2010/notes.txt: not written by the demo" in e for e in errors)
    assert "my own note" in edited.read_text(encoding="utf-8")  # nothing was touched
    assert run(["demo", str(out), "--force"]) == 0
    assert "my own note" not in edited.read_text(encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    assert run(["demo", str(mine)]) == 2  # not a folder the demo wrote
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_demo_says_in_words_what_happened_and_where_to_look(
    tmp_path: Path, capsys, monkeypatch
):
    monkeypatch.setenv("COLUMNS", "400")  # one table row per line, to read it
    out = tmp_path / "demo"
    assert run(["demo", str(out)]) == 0
    text = capsys.readouterr().out
    flat = " ".join(text.split())
    assert "outcome_" not in flat and "priority_action_limits" not in flat  # no internal ids
    assert "limiting rule applies: the annual rating is likely to be limited to" in flat
    assert "no limiting rule applies" in flat
    assert "outcome sentence: the source's, 100025 Annex D" in flat
    listed = [line.strip() for line in text.splitlines() if line.startswith("  ")]
    for example in ("cra_2010", "cra_2010_priority_action", "slac_2009", "child_protection_2012"):
        ends = (f"{example}/documents/letter.docx", f"{example}/documents/report.docx")
        assert any(line.endswith(ends) for line in listed), example
    assert all(Path(line).is_file() for line in listed)  # real paths, not <workspace>
    assert "<workspace>" not in text


def test_example_councils_read_like_real_ones() -> None:
    # The escaping test for "A & B <Council>" lives in the tests
    # (test_a_council_named_with_ampersand_and_angle_brackets_survives), not in the demo.
    from inspectkit.examples import installed_examples
    from inspectkit.plugins import get_host

    for example in installed_examples(get_host()).examples:
        assert not set("&<>") & set(example.council), example.council
        assert example.council.endswith("Council"), example.council


def test_each_starter_shows_its_own_regimes_letter_date(tmp_path: Path) -> None:
    from datetime import date

    from inspectkit.plugins import get_host
    from inspectkit.workspace.init import starter_header

    host = get_host()
    cra = starter_header(host.regime("cra_2010").regime, "X Council", date(2011, 10, 17))
    assert "# letter_date = 2011-11-16  # default:" in cra  # Sunderland 2012 §3.1
    slac = starter_header(host.regime("slac_2009").regime, "X Council", date(2009, 11, 2))
    assert "# letter_date = 2009-12-25" not in slac
    assert "# letter_date = 2011-11-16" not in slac
    assert "# letter_date = 2009-12-" in slac or "# letter_date = 2010-01-" in slac
    cp = starter_header(host.regime("child_protection_2012").regime, "X", date(2012, 6, 11))
    assert "# letter_date = YYYY-MM-DD  # not specified by the sources" in cp
