"""The case-list upload in a real browser: its progress while the file goes, then a ticking
"checking and drawing" while the server works, then the sample — no page without feedback.

The upload is slowed (Chromium's network throttling, through the DevTools protocol) so the
progress can be seen at all on loopback.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.web import test_web_browser as browser_tests

from inspectkit.caselist.fake import write_fake_case_list
from inspectkit.plugins import get_host

pytestmark = browser_tests.pytestmark
server = browser_tests.server  # `inspectkit serve --demo`, as the README says
browser = browser_tests.browser
signed_in = browser_tests.signed_in

UPLOAD_BYTES_PER_SECOND = 60_000
DOWNLOAD_BYTES_PER_SECOND = 5_000


def test_the_upload_shows_its_progress_then_the_draw(
    signed_in: browser_tests.Watched, server: browser_tests.Server, tmp_path: Path
) -> None:
    page = signed_in.page
    page.goto(server.url + "inspections/")
    page.get_by_role("link", name="cra_2010", exact=True).click()
    page.get_by_role("link", name="see or redraw it").click()
    on = date.fromisoformat(page.get_by_label("Cases as on").input_value())
    regime = get_host().regime("cra_2010").regime
    cases = write_fake_case_list(tmp_path / "council.csv", 2000, 9, on, [regime])
    assert cases.stat().st_size > 2 * UPLOAD_BYTES_PER_SECOND  # two seconds or more to send

    devtools = page.context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 0,
            # the answer comes slowly too, so the "checking" message is on screen for a
            # second or more, not only for as long as the server takes to draw
            "downloadThroughput": DOWNLOAD_BYTES_PER_SECOND,
            "uploadThroughput": UPLOAD_BYTES_PER_SECOND,
        },
    )
    page.get_by_label("Case list").set_input_files(str(cases))
    page.get_by_label("Replace the sample already drawn").check()
    page.get_by_role("button", name="Check and draw").click()

    status = page.locator("[data-upload-status]")
    status.get_by_text("% sent").wait_for()
    assert page.get_by_role("button", name="Check and draw").is_disabled()
    sent = page.locator("[data-upload-bar]").evaluate("bar => bar.value")
    assert 0 <= sent < 100
    status.get_by_text("Checking the list and drawing the sample").wait_for(timeout=60_000)
    devtools.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    # the demo's own sample was on the page before: wait for the new one
    page.get_by_text("council.csv (2000 cases read").wait_for(timeout=60_000)
    assert page.locator("[data-upload-status]").is_hidden()  # a fresh form
    assert signed_in.axe() == []
