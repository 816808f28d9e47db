"""A policy analyst in a real browser: the outcomes page over 68 imported inspections.

The real ``inspectkit serve`` on a fresh database, the 68 synthetic 2012 child
protection inspections (overall effectiveness 0 outstanding, 7 good, 38 adequate, 23
inadequate) imported with ``inspectkit import``, and a policy analyst signed in through
the sign-in page.  They see the outcomes page with those exact counts, its charts drawn
with no console error (nothing the Content-Security-Policy blocks is needed), axe-core
finds no WCAG 2.2 A/AA violation at desktop or phone width, the CSV downloads — and every
URL of every stored inspection answers 404.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from tests.web.serving import Server, fresh_database, run_inspectkit, serve_env, start_server
from tests.web.test_web_browser import CHROMIUM, LAUNCH_ARGS, Watched

from inspectkit.plugins import get_host
from inspectkit.synthetic import national_set, write_national_set

pytestmark = [
    pytest.mark.needs_chromium,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (apt-get install chromium)"
    ),
]

ANALYST, PASSWORD = "analyst", "a long policy password 42"
KNOWN = {"Outstanding": 0, "Good": 7, "Adequate": 38, "Inadequate": 23}
# every address under an inspection (the walk in test_web_security.py checks the rest)
CASE_URLS = (
    "inspections/{pk}/",
    "inspections/{pk}/plan.csv",
    "inspections/{pk}/sample/",
    "inspections/{pk}/sample.csv",
    "inspections/{pk}/caselist-problems.csv",
    "inspections/{pk}/findings/",
    "inspections/{pk}/documents/report",
    "inspections/{pk}/steps/",
)

MAKE_ANALYST = f"""
from inspectkit.web.setup import configure
configure()
from django.contrib.auth import get_user_model
from inspectkit.web.models import Profile, Role
user = get_user_model().objects.create_user(username={ANALYST!r}, password={PASSWORD!r})
Profile.objects.create(user=user, role=Role.POLICY)
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("serve-data")
    work = tmp_path_factory.mktemp("national")
    folders = write_national_set(work, national_set(get_host(), councils=68))
    with fresh_database(data) as database, start_server(data, database=database) as running:
        env = serve_env(data, INSPECTKIT_DATABASE_URL=database)
        imported = run_inspectkit(["import", *map(str, folders)], env)
        assert imported.returncode == 0, imported.stderr
        made = subprocess.run(
            [sys.executable, "-c", MAKE_ANALYST], env=env, capture_output=True, text=True
        )
        assert made.returncode == 0, made.stderr
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def analyst(server: Server, browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(accept_downloads=True)
    watched = Watched(context.new_page())
    page = watched.page
    page.goto(server.url)
    page.get_by_label("User name").fill(ANALYST)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(server.url)
    yield watched
    assert watched.dialogs == []
    context.close()


def test_a_policy_analyst_sees_the_outcomes_and_no_case_data(
    server: Server, analyst: Watched, tmp_path: Path
) -> None:
    page = analyst.page
    page.get_by_role("link", name="Outcomes").first.click()
    page.wait_for_url(server.url + "outcomes/")
    table = page.locator('table[data-chart="judgements-child_protection_2012-2012-13"]')
    shown = {}
    for row in table.locator("tbody tr").all():
        cells = row.locator("td").all_inner_texts()
        if cells[0] == "Overall effectiveness":
            shown[cells[1]] = int(cells[2])
    assert shown == KNOWN
    charts = page.locator("figure.chart img")
    assert charts.count() >= 2
    drawn = charts.evaluate_all("images => images.map(i => i.complete && i.naturalWidth > 0)")
    assert all(drawn), drawn
    assert "Synthetic data" in page.inner_text("main")
    assert analyst.axe() == []
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert analyst.axe() == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Every count (.csv)").click()
    saved = tmp_path / "outcomes.csv"
    download.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    overall = {
        r["value"]: int(r["count"]) for r in rows if r["subject_id"] == "overall_effectiveness"
    }
    assert overall == KNOWN
    assert analyst.errors == [], analyst.errors
    # the store holds 68 inspections (ids from 1): every one of their addresses is 404
    for pk in range(1, 70):
        for url in CASE_URLS:
            status = page.request.get(server.url + url.format(pk=pk)).status
            assert status == 404, (url.format(pk=pk), status)
