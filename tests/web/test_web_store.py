"""The store: workspace folders in and out, the round trip, the audit log, the demo.

export → ``inspectkit check`` passes → import → export gives the same files,
for every installed plugin's example inspection (the out-of-tree jtai_2016
included); every change is logged, naming fields, never copying findings.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from tests.cli_run import run_main
from tests.web.conftest import MakeUser, signed_in
from tests.web.serving import run_inspectkit, serve_env

from inspectkit.errors import InputError
from inspectkit.examples import installed_examples
from inspectkit.plugins import get_host
from inspectkit.web.demo import load_demo
from inspectkit.web.models import AuditLog, Inspection, Role, SampleFile
from inspectkit.web.store.changes import Actor
from inspectkit.web.store.folders import export_inspection, import_folder

pytestmark = pytest.mark.django_db
ACTOR = Actor(name="tester (inspectkit import)")


@pytest.fixture(scope="module")
def demo_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Path]]:
    """Every example inspection, built as `inspectkit demo` builds it (once per module)."""
    from inspectkit.demo import build_demo
    from inspectkit.plugins import get_host, reset_host

    reset_host()
    out = tmp_path_factory.mktemp("demo")
    run = build_demo(out, get_host())
    yield [result.directory for result in run.results]
    reset_host()


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.slow
def test_export_check_import_export_gives_identical_files(
    demo_folders: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert {f.name for f in demo_folders} >= {"cra_2010", "slac_2009", "jtai_2016"}
    for folder in demo_folders:
        assert import_folder(folder, actor=ACTOR).saved.outcome == "created"
    first, second = tmp_path / "first", tmp_path / "second"
    for record in Inspection.objects.all():
        export_inspection(record, first)
    exported = sorted(first.iterdir())
    assert [p.name for p in exported] == sorted(f.name for f in demo_folders)
    status, out, err = run_main(capsys, "check", *map(str, exported))
    assert status == 0, err
    assert f"{len(exported)} of {len(exported)} workspaces ready" in out
    for folder in exported:
        assert import_folder(folder, actor=ACTOR).saved.outcome == "unchanged"
    for record in Inspection.objects.all():
        export_inspection(record, second)
    for folder in exported:
        assert _files(folder) == _files(second / folder.name), folder.name
    # the sample (a seeded draw's record) comes out byte for byte as it went in
    for folder in demo_folders:
        for name in ("sample.json", "sample.csv"):
            assert (first / folder.name / name).read_bytes() == (folder / name).read_bytes()


def test_the_case_list_is_never_stored(demo_folders: list[Path]) -> None:
    folder = next(f for f in demo_folders if f.name == "cra_2010")
    caselist = (folder / "caselist.csv").read_bytes()
    imported = import_folder(folder, actor=ACTOR)
    assert any("caselist.csv: not stored" in note for note in imported.notes)
    stored = [bytes(f.content) for f in SampleFile.objects.all()]
    assert {f.name for f in SampleFile.objects.all()} == {"sample.csv", "sample.json"}
    assert caselist not in stored


def test_an_import_is_audited_and_a_change_names_fields_not_findings(
    demo_folders: list[Path], tmp_path: Path
) -> None:
    folder = tmp_path / "cra_2010"
    shutil.copytree(next(f for f in demo_folders if f.name == "cra_2010"), folder)
    import_folder(folder, actor=ACTOR)
    created = AuditLog.objects.get()
    assert (created.action, created.actor_name, created.inspection_name) == (
        "created",
        ACTOR.name,
        "cra_2010",
    )
    inspection_file = folder / "inspection.toml"
    text = inspection_file.read_text(encoding="utf-8")
    secret_finding = "Strategy discussions now always include the police."
    text = text.replace('council = "', 'council = "Renamed ', 1)
    text += "\n".join(["", "[[findings]]", 'area = "working_together"', 'type = "satisfactory"'])
    text += f'\ntext = "{secret_finding}"\n'
    inspection_file.write_text(text, encoding="utf-8")
    saved = import_folder(folder, actor=ACTOR).saved
    assert saved.outcome == "updated"
    assert set(saved.changed) == {"council", "findings"}
    entry = AuditLog.objects.filter(action="updated").get()
    assert entry.changes["council"]["after"].startswith("Renamed ")
    assert entry.changes["findings"]["after"].endswith("entries")
    logged = json.dumps(entry.changes) + entry.summary
    assert secret_finding not in logged
    assert AuditLog.objects.count() == 2


def test_an_inspection_in_progress_is_stored_with_what_check_reports(tmp_path: Path) -> None:
    from inspectkit.plugins import get_host
    from inspectkit.workspace.init import init_workspace

    regime = get_host().regime("cra_2010").regime
    init_workspace(tmp_path / "started", regime, "Northwold Borough Council", date(2011, 10, 17))
    imported = import_folder(tmp_path / "started", actor=ACTOR)
    assert imported.saved.outcome == "created"
    assert any(
        "`inspectkit check` reports" in n and "statements.outcome" in n for n in imported.notes
    )


def test_a_folder_that_does_not_load_is_not_stored(
    demo_folders: list[Path], tmp_path: Path
) -> None:
    folder = tmp_path / "broken"
    shutil.copytree(next(f for f in demo_folders if f.name == "cra_2010"), folder)
    path = folder / "inspection.toml"
    path.write_text(path.read_text().replace('type = "satisfactory"', 'type = "splendid"', 1))
    with pytest.raises(InputError) as caught:
        import_folder(folder, actor=ACTOR)
    assert any(
        "inspection.toml: findings[" in p and "'splendid'" in p for p in caught.value.problems
    )
    assert not Inspection.objects.exists() and not AuditLog.objects.exists()


def test_a_folder_name_that_is_not_safe_is_refused(
    demo_folders: list[Path], tmp_path: Path
) -> None:
    folder = tmp_path / "my inspection"
    shutil.copytree(next(f for f in demo_folders if f.name == "cra_2010"), folder)
    with pytest.raises(InputError, match="expected a folder name"):
        import_folder(folder, actor=ACTOR)


@pytest.mark.slow
def test_demo_loads_every_example_once() -> None:
    names = {example.name for example in installed_examples(get_host()).examples}
    assert "jtai_2016" in names
    loaded = load_demo()
    assert set(loaded.added) == names
    assert set(Inspection.objects.values_list("name", flat=True)) == names
    again = load_demo()
    assert again.added == () and set(again.kept) == names
    assert AuditLog.objects.filter(actor_name="inspectkit serve --demo").count() == len(names)


def test_team_accounts_set_in_the_admin_are_audited(
    make_user: MakeUser, demo_folders: list[Path]
) -> None:
    admin = make_user("boss", Role.ADMIN)
    inspector = make_user("inspector1", Role.INSPECTOR)
    record = import_folder(demo_folders[0], actor=ACTOR).saved.record
    client: Client = signed_in(admin)
    response = client.post(
        f"/admin/inspectkit/inspection/{record.pk}/change/", {"members": [inspector.pk]}
    )
    assert response.status_code == 302, response.content[:2000]
    assert list(record.members.all()) == [inspector]
    entry = AuditLog.objects.get(action="updated")
    assert entry.actor_name == "boss"
    assert entry.changes == {"members": {"before": [], "after": ["inspector1"]}}
    assert signed_in(inspector).get(f"/inspections/{record.pk}/").status_code == 200


def test_audit_log_page_lists_changes_for_administrators(
    admin_client: Client, demo_folders: list[Path]
) -> None:
    import_folder(demo_folders[0], actor=ACTOR)
    page = admin_client.get("/audit/").content.decode()
    assert ACTOR.name in page and demo_folders[0].name in page and "created" in page


@pytest.mark.slow
def test_import_and_export_commands(
    demo_folders: list[Path], tmp_path: Path, server_database: str
) -> None:
    env = serve_env(tmp_path / "data", INSPECTKIT_DATABASE_URL=server_database)
    bad = tmp_path / "bad"
    shutil.copytree(demo_folders[0], bad)
    (bad / "inspection.toml").write_text("regime = 3\n")
    result = run_inspectkit(["import", *map(str, demo_folders), str(bad)], env)
    assert result.returncode == 2
    assert f"Imported {len(demo_folders)} of {len(demo_folders) + 1} folders" in result.stdout
    assert "bad/inspection.toml" in result.stderr and "Traceback" not in result.stderr
    exported = run_inspectkit(["export", "--to", str(tmp_path / "out"), "cra_2010"], env)
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "out" / "cra_2010" / "inspection.toml").is_file()
    assert not (tmp_path / "out" / "slac_2009").exists()
    missing = run_inspectkit(["export", "--to", str(tmp_path / "out"), "nope"], env)
    assert missing.returncode == 2
    assert "nope: no inspection of that name is stored" in missing.stderr
