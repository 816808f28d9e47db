"""The application in a real browser: Debian's Chromium driving the real ``inspectkit serve``.

As the README says: start ``inspectkit serve --demo``, open the address it
prints, sign in with what it printed.  Then every installed regime (the
out-of-tree jtai_2016 too) is there, a plan is made and its .ics downloaded
and read back, regimes are compared, a council named with markup is shown as
text (no dialog opens), no page logs a console error (a script or style the
Content-Security-Policy blocked would), pages fit a phone's 390 px, and
axe-core finds no WCAG 2.2 A/AA violation.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from tests.web.records import EVIL_COUNCIL
from tests.web.serving import Server, fresh_database, run_inspectkit, serve_env, start_server

from inspectkit.plugins import get_host, reset_host

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "assets" / "axe.min.js"
LAUNCH_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = [
    pytest.mark.needs_chromium,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``inspectkit serve --demo`` on a fresh database, with a council named in markup."""
    data = tmp_path_factory.mktemp("serve-data")
    with (
        fresh_database(data) as database,
        start_server(data, "--demo", database=database) as running,
    ):
        env = serve_env(data, INSPECTKIT_DATABASE_URL=database)
        work = tmp_path_factory.mktemp("evil")
        made = run_inspectkit(
            [
                "init",
                str(work / "evil"),
                "--regime",
                "cra_2010",
                "--council",
                EVIL_COUNCIL,
                "--start",
                "2011-10-17",
            ],
            env,
        )
        assert made.returncode == 0, made.stderr
        imported = run_inspectkit(["import", str(work / "evil")], env)
        assert imported.returncode == 0, imported.stderr
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield launched
        launched.close()


class Watched:
    """A page with every console error, page error and dialog it produced."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on(
            "response",
            lambda r: self.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )

        def dialog(d: object) -> None:
            self.dialogs.append(d.message)  # type: ignore[attr-defined]
            d.dismiss()  # type: ignore[attr-defined]

        page.on("dialog", dialog)

    def axe(self) -> list[str]:
        """axe-core's WCAG 2.2 A/AA violations on the page now (evaluated outside the CSP)."""
        self.page.evaluate(AXE.read_text(encoding="utf-8"))
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
        ]


@pytest.fixture
def signed_in(server: Server, browser: Browser) -> Iterator[Watched]:
    """The README's steps: open the printed address, sign in with the printed password."""
    context = browser.new_context(accept_downloads=True)
    watched = Watched(context.new_page())
    page = watched.page
    page.goto(server.url)
    assert page.url.startswith(server.url + "sign-in/")
    assert watched.axe() == []
    username, password = server.first_admin()
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(server.url)
    yield watched
    assert watched.errors == [], watched.errors
    assert watched.dialogs == []
    context.close()


def _installed_regimes() -> list[str]:
    reset_host()
    return [r.regime.id for r in get_host().sorted_regimes()]


def test_sign_in_and_see_every_installed_regime(server: Server, signed_in: Watched) -> None:
    page = signed_in.page
    assert page.get_by_role("heading", name="Home").is_visible()
    page.get_by_role("link", name="Regimes", exact=True).click()
    page.wait_for_url(server.url + "regimes/")
    listed = page.locator("tr[data-regime]").evaluate_all("rows => rows.map(r => r.dataset.regime)")
    installed = _installed_regimes()
    assert "jtai_2016" in installed
    assert listed == installed
    assert signed_in.axe() == []
    page.get_by_role("link", name=get_host().regime("jtai_2016").regime.title).click()
    page.wait_for_url(server.url + "regimes/jtai_2016/")
    assert page.locator("ul.bibliography li").count() == len(
        get_host().regime("jtai_2016").regime.sources
    )
    assert signed_in.axe() == []


def test_plan_and_download_the_ics(server: Server, signed_in: Watched, tmp_path: Path) -> None:
    page = signed_in.page
    page.goto(server.url + "plan/")
    options = page.locator("#id_regime option").evaluate_all("os => os.map(o => o.value)")
    assert options == _installed_regimes()
    page.get_by_label("Regime").select_option("cra_2010")
    page.get_by_label("Day 1").fill("2011-10-17")
    page.get_by_role("button", name="Plan").click()
    table = page.locator("table.plan")
    table.wait_for()
    assert page.url.startswith(server.url + "plan/?")  # htmx pushed the plan's address
    regime = get_host().regime("cra_2010").regime
    assert table.locator("tbody tr").count() == len(regime.timeline.milestones)
    assert page.locator("svg.timeline").is_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download for a calendar (.ics)").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == "cra_2010-plan-2011-10-17.ics"
    events = icalendar.Calendar.from_ical(saved.read_bytes()).walk("VEVENT")
    # one event a milestone, and each deadline as an all-day event of its own
    deadlines = sum(1 for m in regime.timeline.milestones if m.deadline is not None)
    assert len(events) == len(regime.timeline.milestones) + deadlines
    assert signed_in.axe() == []


def test_compare_with_the_out_of_tree_regime(server: Server, signed_in: Watched) -> None:
    page = signed_in.page
    page.goto(server.url + "compare/")
    page.get_by_label("Day 1 for every regime").fill("2012-06-11")
    page.get_by_role("button", name="Compare").click()
    page.locator("table.compare").wait_for()
    columns = page.locator("table.compare thead th[data-regime]").evaluate_all(
        "ths => ths.map(t => t.dataset.regime)"
    )
    assert columns == _installed_regimes()
    assert page.get_by_role("heading", name="Crosswalk").is_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="Excel workbook (.xlsx)").click()
    assert info.value.suggested_filename == "comparison.xlsx"
    assert signed_in.axe() == []


def test_a_council_named_in_markup_is_text_and_opens_no_dialog(
    server: Server, signed_in: Watched
) -> None:
    page = signed_in.page
    page.goto(server.url + "inspections/")
    page.get_by_role("link", name="evil").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith(EVIL_COUNCIL)
    page.goto(server.url)
    assert page.get_by_role("cell", name=EVIL_COUNCIL).count() == 1
    assert signed_in.dialogs == []
    assert signed_in.axe() == []


def test_demo_inspections_and_audit_log(server: Server, signed_in: Watched) -> None:
    page = signed_in.page
    page.goto(server.url + "inspections/")
    names = page.locator("tbody td:first-child a").all_inner_texts()
    assert {"cra_2010", "slac_2009", "child_protection_2012", "jtai_2016"} <= set(names)
    page.get_by_role("link", name="slac_2009").click()
    assert page.get_by_role("heading", name="Grades").is_visible()
    assert signed_in.axe() == []
    page.goto(server.url + "audit/")
    assert page.get_by_role("cell", name="inspectkit serve --demo").count() >= 4
    assert signed_in.axe() == []


def test_create_an_inspection_and_draw_its_sample(
    server: Server, signed_in: Watched, tmp_path: Path
) -> None:
    """An inspector's first steps: a new cra_2010 inspection from a Monday, a messy case
    list shown with its problems, a clean one drawn, the sample downloaded and read."""
    from openpyxl import load_workbook

    from inspectkit.caselist.fake import write_fake_case_list

    page = signed_in.page
    page.goto(server.url + "inspections/")
    page.get_by_role("link", name="New inspection").click()
    assert signed_in.axe() == []
    page.get_by_label("Regime").select_option("cra_2010")
    page.get_by_label("Council").fill("Eastmarsh Borough Council")
    page.get_by_label("Day 1").fill("2011-10-17")
    page.get_by_label("Inspection team").fill("Lead inspector, HMI\nTeam inspector, HMI")
    page.get_by_role("button", name="Create the inspection").click()
    page.get_by_role("heading", name="Eastmarsh Borough Council").wait_for()
    page.get_by_role("link", name="draw it").click()
    assert signed_in.axe() == []

    regime = get_host().regime("cra_2010").regime
    clean = write_fake_case_list(tmp_path / "cases.csv", 400, 3, date(2011, 10, 17), [regime])
    lines = clean.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[4]  # row 6 repeats row 5's reference
    messy = tmp_path / "messy.csv"
    messy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page.get_by_label("Case list").set_input_files(str(messy))
    page.get_by_role("button", name="Check and draw").click()
    page.get_by_role("heading", name="The case list's problems").wait_for()
    assert page.get_by_text("messy.csv: row 6, column A").count() == 1
    assert signed_in.axe() == []
    # the refused upload answered 400, as a form with errors does: expected, not an error
    expected = ("400 ", "Failed to load resource: the server responded with a status of 400")
    assert [e for e in signed_in.errors if not e.startswith(expected)] == []
    signed_in.errors.clear()

    page.get_by_label("Case list").set_input_files(str(clean))
    page.get_by_role("button", name="Check and draw").click()
    page.get_by_role("heading", name="The sample").wait_for()
    assert signed_in.axe() == []
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the sample (.xlsx)").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    sheet = load_workbook(saved)["Sample"]
    first = sheet["A2"].value
    assert first and page.get_by_role("cell", name=first, exact=True).count() == 1


@pytest.mark.parametrize(
    "path",
    [
        "",
        "inspections/new/",
        "regimes/",
        "regimes/slac_2009/",
        "plan/?regime=slac_2009&start=2012-06-11&region=ENG&locale=en_GB",
        "compare/?start=2012-06-11",
        "inspections/",
    ],
)
def test_pages_fit_a_phone(server: Server, browser: Browser, path: str) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    watched = Watched(context.new_page())
    page = watched.page
    page.goto(server.url)
    username, password = server.first_admin()
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(server.url)
    page.goto(server.url + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path or '/'} is {width} px wide at 390 px"
    assert watched.axe() == []
    assert watched.errors == []
    context.close()


def test_keyboard_reaches_the_skip_link_first(server: Server, signed_in: Watched) -> None:
    page = signed_in.page
    page.goto(server.url + "regimes/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert json.dumps(focused) == json.dumps("Skip to main content")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_admin_pages_work_under_the_content_security_policy(
    server: Server, signed_in: Watched
) -> None:
    page = signed_in.page
    page.get_by_role("link", name="People").click()
    page.wait_for_url(server.url + "admin/")
    page.get_by_role("link", name="Inspections").first.click()
    page.get_by_role("link", name="cra_2010", exact=True).click()
    # the team-accounts picker is built by the admin's own script: it ran
    page.locator("#id_members_from").wait_for()
    page.goto(server.url + "admin/auth/user/")
    assert page.get_by_role("link", name="admin", exact=True).count() == 1
