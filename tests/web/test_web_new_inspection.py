"""A new inspection from the browser: the core's rules check it, each problem beside its
field, and what is created is the plan the inspector saw, audited, with them on the team."""

from __future__ import annotations

import html

import pytest
from django.test import Client
from django.urls import reverse
from tests.web.conftest import MakeUser, signed_in

from inspectkit.web.models import AuditLog, Inspection, Role

pytestmark = pytest.mark.django_db

URL = reverse("inspectkit:inspection-new")


def _form(**changes: str) -> dict[str, str]:
    form = {
        "regime": "cra_2010",
        "council": "Sunderland City Council",
        "start": "2011-10-17",
        "region": "ENG",
        "locale": "en_GB",
        "closures": "",
        "team": "Lead inspector, HMI | Alex Example | 0300 123 4567\nTeam inspector, HMI",
    }
    form.update(changes)
    return form


@pytest.fixture
def inspector(make_user: MakeUser) -> Client:
    return signed_in(make_user("lead", Role.INSPECTOR))


def test_an_inspector_creates_one_and_sees_its_dated_plan(inspector: Client) -> None:
    page = inspector.get(URL)
    assert page.status_code == 200 and b"New inspection" in page.content

    created = inspector.post(URL, _form(closures="2011-10-19"))
    record = Inspection.objects.get()
    assert created.status_code == 302
    assert created["Location"] == reverse("inspectkit:inspection", kwargs={"pk": record.pk})
    assert record.name == "cra_2010-sunderland-city-council-2011"
    assert (record.regime, record.council, record.start.isoformat()) == (
        "cra_2010",
        "Sunderland City Council",
        "2011-10-17",
    )
    assert record.team == [
        {"role": "Lead inspector, HMI", "name": "Alex Example", "telephone": "0300 123 4567"},
        {"role": "Team inspector, HMI", "name": "", "telephone": ""},
    ]
    assert record.plan["closures"] == ["2011-10-19"]
    assert [m.username for m in record.members.all()] == ["lead"]
    entry = AuditLog.objects.get()
    assert (entry.actor_name, entry.summary) == ("lead", "created in the browser: created")

    shown = inspector.get(created["Location"])
    assert shown.status_code == 200
    assert b"Sunderland City Council" in shown.content
    assert b"17 October 2011" in shown.content  # the dated plan, on the inspection's page

    again = inspector.post(URL, _form())  # the same council and year: a folder of its own
    assert again.status_code == 302
    assert Inspection.objects.filter(name="cra_2010-sunderland-city-council-2011-2").exists()


def test_a_day_one_on_a_weekend_is_refused_with_the_next_working_day(inspector: Client) -> None:
    page = inspector.post(URL, _form(start="2011-10-15"))
    assert page.status_code == 400
    errors = page.context["form"].errors["start"]
    assert any("is a Saturday" in e and "the next working day is 2011-10-17" in e for e in errors)
    assert not Inspection.objects.exists()


def test_a_start_rule_not_met_is_a_warning_to_confirm(inspector: Client) -> None:
    tuesday = _form(regime="child_protection_2012", start="2012-06-12", team="Lead inspector, HMI")
    page = inspector.post(URL, tuesday)
    assert page.status_code == 400
    (warning,) = page.context["form"].errors["confirm"]
    assert "Monday" in warning
    assert b"Create it anyway" in page.content
    assert not Inspection.objects.exists()

    confirmed = inspector.post(URL, {**tuesday, "confirm": "on"})
    assert confirmed.status_code == 302
    record = Inspection.objects.get()
    assert record.plan["warnings"] == [warning]
    shown = inspector.get(confirmed["Location"]).content.decode()
    assert html.escape(warning) in shown  # the page still says so


def test_names_go_only_where_the_regime_asks_for_them(inspector: Client) -> None:
    page = inspector.post(URL, _form(regime="slac_2009", start="2011-10-17"))
    assert page.status_code == 400
    errors = page.context["form"].errors["team"]
    assert any(
        e.startswith("line 1: slac_2009's documents do not ask for the inspectors' names")
        for e in errors
    ), errors
    page = inspector.post(URL, _form(team="Alex Example"))
    assert any(
        e.startswith("line 1: expected a job title") for e in page.context["form"].errors["team"]
    )
    assert not Inspection.objects.exists()


def test_bad_fields_are_each_named_and_nothing_is_saved(inspector: Client) -> None:
    page = inspector.post(
        URL,
        _form(council="", start="not a date", closures="soon", team="a | b | c | d"),
    )
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert set(errors) >= {"council", "start", "closures", "team"}
    assert "expected a date as YYYY-MM-DD, got 'soon'" in errors["closures"][0]
    assert not Inspection.objects.exists() and not AuditLog.objects.exists()


def test_text_is_kept_as_text(inspector: Client) -> None:
    council = "<script>alert(1)</script> & Co {{ x }}"
    created = inspector.post(URL, _form(council=council))
    assert created.status_code == 302
    page = inspector.get(created["Location"])
    assert b"<script>alert(1)</script>" not in page.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co {{ x }}" in page.content


@pytest.mark.parametrize("role", [Role.COUNCIL, Role.POLICY])
def test_only_inspectors_and_administrators_create_inspections(
    make_user: MakeUser, role: Role
) -> None:
    client = signed_in(make_user("someone", role, council="Sunderland City Council"))
    assert client.get(URL).status_code == 403
    assert client.post(URL, _form()).status_code == 403
    assert not Inspection.objects.exists()


def test_the_form_needs_its_csrf_token(make_user: MakeUser) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("lead", Role.INSPECTOR))
    assert client.post(URL, _form()).status_code == 403
    assert not Inspection.objects.exists()
