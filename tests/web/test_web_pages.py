"""The pages: regimes, a regime in full, plan with its downloads, compare with its downloads.

What each page shows is checked against the core computing the same thing, so
the pages cannot drift from ``inspectkit regimes show``, ``plan`` and ``compare``.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import icalendar
import openpyxl
import pytest
from django.test import Client
from django.utils.html import escape
from tests.cli_run import run_main
from tests.web.conftest import MakeUser, signed_in
from tests.web.records import make_inspection

from inspectkit.calendar import WorkingCalendar
from inspectkit.describe import Node, regime_outline
from inspectkit.plan_csv import plan_csv_text
from inspectkit.plan_ics import plan_to_ical
from inspectkit.plugins import PluginInfo, get_host
from inspectkit.timeline import plan_inspection
from inspectkit.web.models import Role

pytestmark = pytest.mark.django_db

PLAN_QUERY = "regime=slac_2009&start=2012-06-11&region=ENG&locale=en_GB"


def _text(response: object) -> str:
    """A page's text with whitespace collapsed, entities as written."""
    content = response.content.decode()  # type: ignore[attr-defined]
    return " ".join(content.split())


def test_regimes_lists_every_installed_regime_with_the_out_of_tree_one(
    policy_client: Client,
) -> None:
    page = _text(policy_client.get("/regimes/"))
    installed = get_host().sorted_regimes()
    assert "jtai_2016" in {r.regime.id for r in installed}
    for registered in installed:
        regime = registered.regime
        assert f'href="/regimes/{regime.id}/"' in page
        assert escape(regime.title) in page


class _Broken:
    """A plugin the host refuses: it implements a hook that does not exist."""

    def inspectkit_register_regimez(self) -> None:  # misspelt on purpose
        raise AssertionError("never called")


def _break_a_plugin() -> None:
    from inspectkit.hookspecs import hookimpl

    _Broken.inspectkit_register_regimez = hookimpl(_Broken.inspectkit_register_regimez)  # type: ignore[method-assign]
    assert not get_host().add_plugin(
        _Broken(), PluginInfo(name="misspelt", distribution="bad-plugin")
    )


def test_broken_plugins_are_shown_with_their_reason_to_administrators_only(
    admin_client: Client, policy_client: Client
) -> None:
    _break_a_plugin()
    admin_page = _text(admin_client.get("/regimes/"))
    assert "misspelt" in admin_page and "unknown hook" in admin_page
    assert "slac_2009" in admin_page  # every other regime still works
    policy_page = _text(policy_client.get("/regimes/"))
    assert "unknown hook" not in policy_page
    assert "1 installed plugin cannot be used" in policy_page


def _walk(nodes: tuple[Node, ...]) -> list[Node]:
    found = []
    for node in nodes:
        found.append(node)
        found += _walk(node.children)
    return found


@pytest.mark.parametrize(
    "regime_id", ["cra_2010", "slac_2009", "child_protection_2012", "jtai_2016"]
)
def test_regime_page_shows_everything_regimes_show_gives(
    policy_client: Client, regime_id: str
) -> None:
    regime = get_host().regime(regime_id).regime
    page = _text(policy_client.get(f"/regimes/{regime_id}/"))
    nodes = _walk(regime_outline(regime))
    assert len(nodes) > 40
    for node in nodes:
        for words in (node.lead, node.text):
            assert " ".join(escape(words).split()) in page, words
    # every citation's document links to its entry in the bibliography
    anchors = set(re.findall(r'href="/regimes/[^/]+/#(source-[^"]+)"', page))
    assert anchors and anchors <= set(re.findall(r'id="(source-[^"]+)"', page))
    for source in regime.sources:
        assert escape(source.title) in page


def test_unknown_regime_is_404(policy_client: Client) -> None:
    assert policy_client.get("/regimes/no_such_regime/").status_code == 404


def test_plan_page_dates_every_milestone_with_the_chart(policy_client: Client) -> None:
    response = policy_client.get(f"/plan/?{PLAN_QUERY}")
    assert response.status_code == 200
    page = _text(response)
    regime = get_host().regime("slac_2009").regime
    plan = plan_inspection(regime, date(2012, 6, 11))
    for planned in plan.milestones:
        assert " ".join(escape(planned.milestone.title).split()) in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img" class="timeline"' in page
    assert f'href="/plan/plan.ics?{PLAN_QUERY}"' in page.replace("&amp;", "&")


def test_plan_downloads_are_the_core_s_files(policy_client: Client) -> None:
    regime = get_host().regime("cra_2010").regime
    query = "regime=cra_2010&start=2011-10-17&region=ENG&locale=en_GB&closures=2011-10-19"
    plan = plan_inspection(regime, date(2011, 10, 17), WorkingCalendar([date(2011, 10, 19)]))
    csv = policy_client.get(f"/plan/plan.csv?{query}")
    assert csv["Content-Disposition"] == 'attachment; filename="cra_2010-plan-2011-10-17.csv"'
    assert csv.content.decode() == plan_csv_text(plan)
    ics = policy_client.get(f"/plan/plan.ics?{query}")
    assert ics["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(ics.content)
    events = list(calendar.walk("VEVENT"))
    core = icalendar.Calendar.from_ical(
        plan_to_ical(plan, title=regime.abbreviation or regime.short_title)
    )
    expected = list(core.walk("VEVENT"))  # a milestone each, and each deadline as its own
    assert len(events) == len(expected) > len(plan.milestones)
    for event, made in zip(events, expected, strict=True):
        assert event.decoded("dtstart") == made.decoded("dtstart")
        assert str(event["summary"]) == str(made["summary"])
        assert str(event["uid"]) == str(made["uid"])


def test_plan_refusals_are_the_core_s_one_line_messages(policy_client: Client) -> None:
    holiday = policy_client.get("/plan/?regime=cra_2010&start=2011-12-26&region=ENG&locale=en_GB")
    assert holiday.status_code == 400
    assert "is a bank holiday in England (Boxing Day)" in _text(holiday)
    assert "the next working day is 2011-12-28" in _text(holiday)
    bad = policy_client.get(
        "/plan/?regime=cra_2010&start=2011-10-17&region=ENG&locale=en_GB&closures=17/10/2011"
    )
    assert bad.status_code == 400
    assert "expected a date as YYYY-MM-DD" in _text(bad)
    assert policy_client.get("/plan/plan.pdf?" + PLAN_QUERY).status_code == 404


def test_plan_form_is_labelled_and_offers_every_regime(policy_client: Client) -> None:
    page = _text(policy_client.get("/plan/?regime=jtai_2016"))
    for field in ("regime", "start", "region", "closures", "locale"):
        assert f'<label for="id_{field}">' in page
    assert '<option value="jtai_2016" selected>' in page
    assert 'hx-get="/plan/"' in page


def test_a_kept_form_shows_what_was_asked_each_time_and_errors_are_never_kept(
    policy_client: Client,
) -> None:
    """The rendered forms are kept (inspectkit.web.fragments.form_fragment): each
    question must still get a form showing its own values, and its own errors."""
    for start in ("2012-06-11", "2012-06-12", "2012-06-11"):
        page = _text(policy_client.get(f"/plan/?regime=slac_2009&start={start}&region=ENG"))
        assert f'name="start" value="{start}"' in page
    welsh = _text(policy_client.get(f"/plan/?{PLAN_QUERY.replace('en_GB', 'cy')}"))
    assert '<option value="cy" selected>' in welsh
    holiday = "/plan/?regime=cra_2010&start=2011-12-26&region=ENG&locale=en_GB"
    for _ in range(2):
        assert "Boxing Day" in _text(policy_client.get(holiday))
    fine = _text(policy_client.get("/plan/?regime=cra_2010&start=2011-12-28&region=ENG"))
    assert "Boxing Day" not in fine and 'value="2011-12-28"' in fine
    one = _text(policy_client.get("/compare/?regimes=cra_2010"))
    two = _text(policy_client.get("/compare/?regimes=cra_2010&regimes=jtai_2016"))
    assert one.count("checked") == 1 and two.count("checked") == 2


def test_compare_page_shows_every_regime_the_crosswalk_and_the_timeline(
    policy_client: Client,
) -> None:
    response = policy_client.get("/compare/?start=2012-06-11")
    assert response.status_code == 200
    page = _text(response)
    for registered in get_host().sorted_regimes():
        assert f'data-regime="{registered.regime.id}"' in page
    assert 'id="crosswalk"' in page and 'class="timeline"' in page
    chosen = _text(policy_client.get("/compare/?regimes=cra_2010&regimes=jtai_2016"))
    assert 'data-regime="jtai_2016"' in chosen and 'data-regime="slac_2009"' not in chosen


@pytest.mark.parametrize("kind", ["md", "html", "txt"])
def test_compare_downloads_are_what_the_command_writes(
    policy_client: Client, capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    download = policy_client.get(
        f"/compare/comparison.{kind}?regimes=cra_2010&regimes=slac_2009&start=2012-06-11"
    )
    assert download.status_code == 200
    assert download["Content-Disposition"] == f'attachment; filename="comparison.{kind}"'
    written = tmp_path / f"comparison.{kind}"
    status, _, err = run_main(
        capsys, "compare", "cra_2010", "slac_2009", "--start", "2012-06-11", "-o", str(written)
    )
    assert status == 0, err
    assert download.content == written.read_bytes()


def test_compare_xlsx_download_is_a_workbook(policy_client: Client) -> None:
    download = policy_client.get("/compare/comparison.xlsx?start=2012-06-11")
    workbook = openpyxl.load_workbook(io.BytesIO(download.content))
    assert len(workbook.sheetnames) >= 2


def test_inspection_page_shows_findings_and_plan_but_no_case_reference(
    make_user: MakeUser,
) -> None:
    inspector = make_user("on_team", Role.INSPECTOR)
    record = make_inspection("northwold", "Northwold Borough Council", inspector)
    record.sample_record = {"drawn": [{"reference": "CASE-REF-0042"}]}
    record.save()
    page = _text(signed_in(inspector).get(f"/inspections/{record.pk}/"))
    assert "Finding for Northwold Borough Council." in page
    assert "1 cases drawn" in page
    assert "CASE-REF-0042" not in page
    regime = get_host().regime("cra_2010").regime
    for milestone in regime.timeline.milestones:
        assert " ".join(escape(milestone.title).split()) in page


def test_inspection_plan_download(make_user: MakeUser) -> None:
    inspector = make_user("on_team", Role.INSPECTOR)
    record = make_inspection("northwold", "Northwold Borough Council", inspector)
    ics = signed_in(inspector).get(f"/inspections/{record.pk}/plan.ics")
    assert ics["Content-Disposition"] == 'attachment; filename="northwold-plan.ics"'
    assert icalendar.Calendar.from_ical(ics.content).walk("VEVENT")


def test_a_regime_page_is_rendered_once_per_plugin_host(
    policy_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspectkit.plugins import reset_host
    from inspectkit.web.views import regimes

    calls: list[str] = []
    real = regimes.regime_outline

    def counted(regime: object) -> object:
        calls.append(getattr(regime, "id", ""))
        return real(regime)  # type: ignore[arg-type]

    monkeypatch.setattr(regimes, "regime_outline", counted)
    first = policy_client.get("/regimes/cra_2010/").content
    second = policy_client.get("/regimes/cra_2010/").content
    main = [page.split(b"<main", 1)[1] for page in (first, second)]  # CSRF tokens vary above
    assert main[0] == main[1] and calls == ["cra_2010"]
    reset_host()  # other plugins may now be installed: nothing kept is used
    policy_client.get("/regimes/cra_2010/")
    assert calls == ["cra_2010", "cra_2010"]


def test_compare_page_leaves_out_a_regime_whose_plugin_fails_and_shows_the_rest(
    policy_client: Client,
) -> None:
    from typing import Any

    from inspectkit import hookimpl
    from inspectkit.plugins import reset_host

    class Failing:
        @hookimpl
        def inspectkit_extended_regimes(self) -> list[str]:
            return ["cra_2010"]

        @hookimpl
        def inspectkit_check_plan(self, regime: Any, plan: Any) -> None:
            raise RuntimeError("boom")

    reset_host()  # a new host, so no page part kept from the last one is reused
    try:
        assert get_host().add_plugin(Failing(), PluginInfo(name="failing"))
        response = policy_client.get("/compare/?start=2012-06-11")
        assert response.status_code == 200
        page = _text(response)
        assert "cra_2010: plugin failing: inspectkit_check_plan raised RuntimeError: boom" in page
        assert 'data-regime="slac_2009"' in page and 'data-regime="cra_2010"' not in page
    finally:
        reset_host()
