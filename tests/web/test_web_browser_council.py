"""A council officer in a real browser: Debian's Chromium driving the real ``inspectkit serve``.

The officer signs in, opens a readiness checklist for a regime with a likely day 1,
completes items, filters them, and downloads the workbook (read back with openpyxl: the
status column carries the statuses and a drop-down); then fills in the action plan of
their council's published inspection, and gets a 404 for another council's.  Every page
is checked with axe-core (WCAG 2.2 A/AA), logs no console error, fits a phone's 390 px,
and its form fields follow one another in the order they are read.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from tests.web.conftest import PASSWORD
from tests.web.serving import Server, fresh_database, serve_env, start_server
from tests.web.test_web_browser import CHROMIUM, Watched, browser  # noqa: F401  (a fixture)

pytestmark = [
    pytest.mark.needs_chromium,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (apt-get install chromium)"
    ),
]

ROOT = Path(__file__).resolve().parents[2]
OFFICER = "northwold-officer"
# two councils' published inspections and an officer of each, made straight in the store
SETUP = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from inspectkit.web.setup import configure
configure()
from django.contrib.auth import get_user_model
from inspectkit.plugins import get_host
from inspectkit.web.models import Profile, Role
from tests.web.records import make_inspection

for username, council in (({OFFICER!r}, "Northwold Borough Council"),
                          ("southmere-officer", "Southmere City Council")):
    user = get_user_model().objects.create_user(username=username, password={PASSWORD!r})
    Profile.objects.create(user=user, role=Role.COUNCIL, council=council)
published = get_host().regime("cra_2010").regime.publication_milestone
for name, council in (("northwold-2011", "Northwold Borough Council"),
                      ("southmere-2011", "Southmere City Council")):
    record = make_inspection(name, council)
    record.done = {{published: "2011-11-16"}}
    record.save()
    print(name, record.pk)
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("serve-data")
    with (
        fresh_database(data) as database,
        start_server(data, database=database) as running,
    ):
        made = subprocess.run(
            [sys.executable, "-c", SETUP],
            env=serve_env(data, INSPECTKIT_DATABASE_URL=database),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert made.returncode == 0, made.stderr
        running.output.extend(f"inspection {line}" for line in made.stdout.splitlines())
        yield running


def _inspection_pk(server: Server, name: str) -> int:
    for line in server.output:
        if line.startswith(f"inspection {name} "):
            return int(line.split()[-1])
    raise AssertionError(f"{name} was not made: {server.output}")


def _sign_in(server: Server, browser: Browser, **context: object) -> Watched:  # noqa: F811
    opened = browser.new_context(accept_downloads=True, **context)  # type: ignore[arg-type]
    watched = Watched(opened.new_page())
    page = watched.page
    page.goto(server.url)
    page.get_by_label("User name").fill(OFFICER)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(server.url)
    return watched


@pytest.fixture
def officer(server: Server, browser: Browser) -> Iterator[Watched]:  # noqa: F811
    watched = _sign_in(server, browser)
    yield watched
    assert watched.errors == [], watched.errors
    assert watched.dialogs == []
    watched.page.context.close()


def _open_checklist(page: Page, server: Server) -> None:
    page.goto(server.url)
    page.get_by_role("link", name="Readiness checklists").click()
    page.wait_for_url(server.url + "readiness/")
    page.get_by_label("Regime").select_option("slac_2009")
    page.get_by_label("Likely day 1").fill("2009-11-30")
    page.get_by_role("button", name="Open the checklist").click()
    page.get_by_role("heading", name=re.compile("^Readiness: ")).wait_for()


def test_a_council_completes_readiness_items_and_exports_the_workbook(
    server: Server, officer: Watched, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    page = officer.page
    page.goto(server.url)
    assert page.get_by_role("link", name="Readiness", exact=True).is_visible()  # the nav
    assert officer.axe() == []
    page.goto(server.url + "readiness/")
    assert officer.axe() == []
    _open_checklist(page, server)
    assert officer.axe() == []
    rows = page.locator("tr[data-item]")
    total = rows.count()
    first, second = rows.nth(0), rows.nth(1)
    assert first.get_by_text("Suggested: ").count() == 1  # Oxfordshire's owner, offered
    first.get_by_label(re.compile("^Owner")).fill("Head of Safeguarding & Quality")
    first.get_by_label(re.compile("^Status of")).select_option("ready")
    second.get_by_label(re.compile("^Status of")).select_option("in progress")
    page.get_by_role("button", name="Save the checklist").click()
    page.get_by_text("Saved (2 changes).").wait_for()
    assert page.get_by_text(re.compile(r"^Documents: 1 of \d+ ready$")).count() == 1
    assert officer.axe() == []

    page.get_by_label("Status", exact=True).select_option("ready")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"status=ready"))
    assert page.locator("tr[data-item]").count() == 1
    assert officer.axe() == []

    with page.expect_download() as info:
        page.get_by_role("link", name="Download as a workbook (.xlsx)").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == "readiness-slac_2009.xlsx"
    sheet = load_workbook(saved)["Checklist"]
    header = [c.value for c in sheet[1]]
    status, owner = header.index("Status") + 1, header.index("Owner") + 1
    assert sheet.max_row == total + 1
    assert (sheet.cell(2, owner).value, sheet.cell(2, status).value) == (
        "Head of Safeguarding & Quality",
        "ready",
    )
    assert sheet.cell(3, status).value == "in progress"
    letter = sheet.cell(1, status).column_letter
    [drop_down] = [
        v for v in sheet.data_validations.dataValidation if str(v.sqref).startswith(letter)
    ]
    assert drop_down.type == "list"
    assert drop_down.formula1 == '"not started,in progress,ready"'
    assert str(drop_down.sqref) == f"{letter}2:{letter}{total + 1}"


def test_the_checklist_s_fields_follow_in_reading_order(server: Server, officer: Watched) -> None:
    page = officer.page
    _open_checklist(page, server)
    first = page.locator("tr[data-item]").first
    first.get_by_label(re.compile("^Owner")).focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused == first.get_by_label(re.compile("^Status of")).get_attribute("id")
    # then the next row: its item's citation links, then its owner
    second = page.locator("tr[data-item]").nth(1)
    owner_id = second.get_by_label(re.compile("^Owner")).get_attribute("id")
    passed = []
    for _ in range(10):
        page.keyboard.press("Tab")
        where = page.evaluate(
            "[document.activeElement.tagName, document.activeElement.closest('tr')?.dataset.item]"
        )
        if where[0] != "A":
            break
        passed.append(where)
    assert page.evaluate("document.activeElement.id") == owner_id
    assert {item for _tag, item in passed} <= {second.get_attribute("data-item")}


def test_a_council_sees_its_own_action_plan_and_not_another_s(
    server: Server, officer: Watched
) -> None:
    page = officer.page
    page.goto(server.url)
    page.get_by_role("link", name="Action plans", exact=True).click()
    page.wait_for_url(server.url + "action-plans/")
    assert officer.axe() == []
    assert page.get_by_role("link", name="southmere-2011").count() == 0
    page.get_by_role("link", name="northwold-2011").click()
    page.get_by_role("heading", name="Action plan: Northwold Borough Council").wait_for()
    assert officer.axe() == []
    row = page.locator("tr[data-row]").first
    row.get_by_label(re.compile("owner")).fill("Head of Safeguarding")
    row.get_by_label(re.compile("actions$")).fill("Audit every strategy meeting.")
    row.get_by_label(re.compile("due date")).fill("2012-03-31")
    row.get_by_label(re.compile("progress")).select_option("amber")
    page.get_by_role("button", name="Save the action plan").click()
    page.get_by_text("Saved (1 row changed).").wait_for()
    assert page.locator("tr[data-row]").first.get_by_label(
        re.compile("progress")
    ).input_value() == ("amber")
    assert officer.axe() == []

    other = _inspection_pk(server, "southmere-2011")
    response = page.goto(f"{server.url}inspections/{other}/action-plan/")
    assert response is not None and response.status == 404
    assert b"Southmere" not in response.body()
    # the 404 is what this test asked for: expected, not an error
    expected = ("404 ", "Failed to load resource: the server responded with a status of 404")
    assert [e for e in officer.errors if not e.startswith(expected)] == []
    officer.errors.clear()


@pytest.mark.parametrize("path", ["readiness/", "readiness/CHECKLIST/", "action-plans/", "PLAN"])
def test_council_pages_fit_a_phone(
    server: Server,
    browser: Browser,  # noqa: F811
    path: str,
) -> None:
    watched = _sign_in(
        server, browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = watched.page
    if path == "readiness/CHECKLIST/":
        _open_checklist(page, server)
    elif path == "PLAN":
        page.goto(
            f"{server.url}inspections/{_inspection_pk(server, 'northwold-2011')}/action-plan/"
        )
    else:
        page.goto(server.url + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path} is {width} px wide at 390 px"
    assert watched.axe() == []
    assert watched.errors == []
    watched.page.context.close()
