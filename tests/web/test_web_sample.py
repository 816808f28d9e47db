"""The case sample in the browser: upload, see the problems in the command line's words,
draw with a seed, keep only the sample; the list itself is never stored."""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from tests.cli_run import run_main
from tests.web.conftest import MakeUser, signed_in
from tests.web.records import make_inspection

from inspectkit.caselist.fake import write_fake_case_list
from inspectkit.cli import cli
from inspectkit.plugins import get_host
from inspectkit.web.models import AuditLog, Inspection, Role, SampleFile

pytestmark = pytest.mark.django_db

DAY_ONE = date(2011, 10, 17)


@pytest.fixture
def clean_list(tmp_path: Path) -> Path:
    regime = get_host().regime("cra_2010").regime
    return write_fake_case_list(tmp_path / "cases.csv", 300, 11, DAY_ONE, [regime])


@pytest.fixture
def messy_list(clean_list: Path, tmp_path: Path) -> Path:
    rows = list(csv.reader(clean_list.open(encoding="utf-8", newline="")))
    rows[3][1] = "31/02/2011"  # row 4: no such day
    rows[5][0] = rows[4][0]  # row 6: the reference of row 5 again
    target = tmp_path / "messy.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return target


@pytest.fixture
def team(make_user: MakeUser) -> tuple[Client, Inspection]:
    lead = make_user("lead", Role.INSPECTOR)
    return signed_in(lead), make_inspection("cra-sunderland", "Sunderland City Council", lead)


def _upload(path: Path, **fields: object) -> dict[str, object]:
    form: dict[str, object] = {
        "cases": SimpleUploadedFile(path.name, path.read_bytes()),
        "mode": "strict",
        "seed": "42",
        "on": DAY_ONE.isoformat(),
    }
    form.update(fields)
    return form


def _url(record: Inspection, name: str = "inspectkit:sample", **kwargs: str) -> str:
    return reverse(name, kwargs={"pk": str(record.pk), **kwargs})


def test_the_page_offers_a_random_seed_and_day_one(team: tuple[Client, Inspection]) -> None:
    client, record = team
    page = client.get(_url(record))
    assert page.status_code == 200
    form = page.context["form"]
    assert 1 <= form.initial["seed"] < 1_000_000
    assert form.initial["on"] == DAY_ONE


def test_a_messy_list_shows_every_problem_as_the_command_line_does(
    team: tuple[Client, Inspection],
    messy_list: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    client, record = team
    page = client.post(_url(record), _upload(messy_list))
    assert page.status_code == 400
    problems = page.context["problems"]
    status, _out, err = run_main(
        capsys, "caselist", "check", str(messy_list), "--regime", "cra_2010"
    )
    assert status == 2
    cli_lines = [line.removeprefix("inspectkit: error: ") for line in err.splitlines()]
    assert problems == [line.replace(str(messy_list), "messy.csv") for line in cli_lines]
    assert any(p.startswith("messy.csv: row 6, column A") for p in problems)
    record.refresh_from_db()
    assert record.sample_record is None and not SampleFile.objects.exists()

    report = client.get(_url(record, "inspectkit:caselist-report"))
    assert report.status_code == 200
    rows = list(csv.reader(io.StringIO(report.content.decode("utf-8"))))
    assert rows[0] == ["File", "Row", "Column", "Field", "Problem"]
    assert ["messy.csv", "6", "A", "Child Unique ID", "duplicates row 5"] in rows


def test_a_clean_list_is_drawn_kept_as_its_sample_and_deleted(
    team: tuple[Client, Inspection], clean_list: Path, tmp_path: Path
) -> None:
    client, record = team
    uploads_before = set(Path(tempfile.gettempdir()).glob("inspectkit-upload-*"))
    done = client.post(_url(record), _upload(clean_list))
    assert done.status_code == 302 and done["Location"] == _url(record)
    assert set(Path(tempfile.gettempdir()).glob("inspectkit-upload-*")) == uploads_before

    record.refresh_from_db()
    data = record.sample_record
    assert data["seed"] == 42 and data["input"]["file"] == "cases.csv"
    assert {f.name for f in record.sample_files.all()} == {
        "sample.json",
        "sample.csv",
        "sample.xlsx",
    }
    # the same draw as the command line's, byte for byte
    run = tmp_path / "cli.csv"
    status, _o, _e = _cli_sample(clean_list, run)
    assert status == 0
    stored = {f.name: bytes(f.content) for f in record.sample_files.all()}
    assert stored["sample.csv"] == run.read_bytes()
    assert json.loads(stored["sample.json"]) == json.loads(run.with_suffix(".json").read_bytes())
    assert "sample drawn" in AuditLog.objects.latest("at").summary

    page = client.get(_url(record))
    first = data["drawn"][0]
    assert first["reference"].encode() in page.content and first["rule"].encode() in page.content
    sheet = load_workbook(
        io.BytesIO(client.get(_url(record, "inspectkit:sample-download", kind="xlsx")).content)
    )
    assert sheet["Sample"]["A2"].value == first["reference"]


def _cli_sample(cases: Path, out: Path) -> tuple[int, str, str]:
    """``inspectkit sample`` on the same file and seed, for the web's draw to match."""
    arguments = ["sample", "--regime", "cra_2010", "--cases", str(cases), "--seed", "42"]
    result = CliRunner().invoke(cli, [*arguments, "-o", str(out), "--on", DAY_ONE.isoformat()])
    return result.exit_code, result.output, ""


def test_a_redraw_needs_the_same_file(
    team: tuple[Client, Inspection], clean_list: Path, messy_list: Path, tmp_path: Path
) -> None:
    client, record = team
    assert client.post(_url(record), _upload(clean_list)).status_code == 302
    other = write_fake_case_list(
        tmp_path / "other.csv", 300, 12, DAY_ONE, [get_host().regime("cra_2010").regime]
    )
    refused = client.post(_url(record), _upload(other, seed="7"))
    assert refused.status_code == 400
    assert (
        "not the file the recorded sample was drawn from"
        in refused.context["form"].errors["replace"][0]
    )
    record.refresh_from_db()
    assert record.sample_record["seed"] == 42

    assert client.post(_url(record), _upload(clean_list, seed="7")).status_code == 302
    record.refresh_from_db()
    assert record.sample_record["seed"] == 7  # the same file, a new seed
    assert client.post(_url(record), _upload(other, replace="on")).status_code == 302
    record.refresh_from_db()
    assert record.sample_record["input"]["file"] == "other.csv"


def test_lenient_leaves_rows_out_and_says_which(
    team: tuple[Client, Inspection], messy_list: Path
) -> None:
    client, record = team
    assert client.post(_url(record), _upload(messy_list, mode="lenient")).status_code == 302
    record.refresh_from_db()
    assert record.sample_record["input"]["mode"] == "lenient"
    assert record.sample_record["input"]["excluded_rows"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("cases.pdf", b"%PDF", "expected a case list ending in .csv or .xlsx"),
        ("cases.xlsx", b"not a workbook", "cases.xlsx"),
        ("cases.csv", "Child Unique ID\n1\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_a_damaged_upload_is_one_message_and_nothing_changes(
    team: tuple[Client, Inspection], name: str, content: bytes, expected: str
) -> None:
    client, record = team
    form = {
        "cases": SimpleUploadedFile(name, content),
        "mode": "strict",
        "seed": "1",
        "on": "2011-10-17",
    }
    page = client.post(_url(record), form)
    assert page.status_code == 400
    shown = [*page.context["problems"], *page.context["form"].errors.get("cases", [])]
    assert any(expected in line for line in shown), shown
    assert b"Traceback" not in page.content
    record.refresh_from_db()
    assert record.sample_record is None


def test_a_list_over_the_limit_is_refused_unread(
    make_user: MakeUser, team: tuple[Client, Inspection], clean_list: Path, settings: object
) -> None:
    _client, record = team
    settings.INSPECTKIT_UPLOAD_LIMIT = 1024  # type: ignore[attr-defined]
    # with CSRF enforced, as a browser sends it: the token before the file
    client = Client(enforce_csrf_checks=True)
    client.force_login(record.members.get())
    client.get(_url(record))
    token = client.cookies["csrftoken"].value
    page = client.post(_url(record), {"csrfmiddlewaretoken": token, **_upload(clean_list)})
    assert page.status_code == 400
    assert "larger than the upload limit of 1.0\xa0KB; it was not read" in page.content.decode()
    record.refresh_from_db()
    assert record.sample_record is None


def test_only_the_team_sees_the_sample(
    make_user: MakeUser, team: tuple[Client, Inspection], clean_list: Path
) -> None:
    _client, record = team
    for user in (
        make_user("other", Role.INSPECTOR),
        make_user("council", Role.COUNCIL, council="Sunderland City Council"),
        make_user("policy", Role.POLICY),
    ):
        client = signed_in(user)
        assert client.get(_url(record)).status_code == 404
        assert client.post(_url(record), _upload(clean_list)).status_code == 404
        assert client.get(_url(record, "inspectkit:sample-download", kind="csv")).status_code == 404
    record.refresh_from_db()
    assert record.sample_record is None


def test_an_administrator_deletes_the_case_data_in_one_audited_action(
    team: tuple[Client, Inspection], clean_list: Path, make_user: MakeUser
) -> None:
    client, record = team
    assert client.post(_url(record), _upload(clean_list)).status_code == 302
    url = _url(record, "inspectkit:case-data-delete")
    assert client.post(url).status_code == 404  # the inspector may not
    admin = signed_in(make_user("boss", Role.ADMIN))
    page = admin.get(reverse("inspectkit:inspection", kwargs={"pk": record.pk}))
    assert url.encode() in page.content
    assert admin.post(url).status_code == 302
    record.refresh_from_db()
    assert record.sample_record is None and not record.sample_files.exists()
    sample, digests = AuditLog.objects.filter(summary__startswith="case data deleted").order_by(
        "pk"
    )
    assert (sample.actor_name, sample.summary) == ("boss", "case data deleted: changed sample")
    assert sample.changes == {"sample": {"before": 3, "after": 0}}
    assert (digests.actor_name, digests.summary) == (
        "boss",
        "case data deleted: case-list digests and their key",
    )
    assert client.get(_url(record)).context["sample"] is None  # the team sees it gone


def test_the_form_posts_plainly_and_carries_what_the_progress_script_needs(
    team: tuple[Client, Inspection], settings: Any
) -> None:
    client, record = team
    settings.INSPECTKIT_UPLOAD_LIMIT = 3 * 1024 * 1024
    page = client.get(_url(record)).content.decode()
    form = re.search(r"<form method=\"post\" enctype=\"multipart/form-data\"[^>]*>", page)
    assert form is not None  # without JavaScript, a plain multipart post
    tag = form.group(0)
    assert f'action="{_url(record)}"' in tag and f'hx-post="{_url(record)}"' in tag
    assert 'id="sample-form"' in tag and 'data-upload-limit="3145728"' in tag
    assert 'data-upload-limit-text="3.0\xa0MB"' in tag
    status = re.search(r"<div class=\"upload-status\"[^>]*>", page)
    assert status is not None and "hidden" in status.group(0) and 'role="status"' in status.group(0)
    assert "<progress data-upload-bar" in page
    script = re.search(r'<script src="([^"]*upload_progress\.js)" defer></script>', page)
    assert script is not None
    assert "<script>" not in page  # the CSP forbids inline scripts


def test_the_progress_script_is_served(team: tuple[Client, Inspection]) -> None:
    client, record = team
    page = client.get(_url(record)).content.decode()
    found = re.search(r'<script src="([^"]*upload_progress\.js)"', page)
    assert found is not None
    response = client.get(found.group(1))
    assert response.status_code == 200
    assert "javascript" in response["Content-Type"]
    text = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    for event in ("htmx:xhr:progress", "htmx:xhr:loadend", "htmx:beforeSwap", "setInterval"):
        assert event in text


def test_an_htmx_post_with_problems_answers_the_whole_page_to_swap(
    team: tuple[Client, Inspection], messy_list: Path
) -> None:
    client, record = team
    response = client.post(_url(record), _upload(messy_list), HTTP_HX_REQUEST="true")
    assert response.status_code == 400  # upload_progress.js swaps a 400 in
    body = response.content.decode()
    assert '<main id="main"' in body and "The case list's problems" in body
