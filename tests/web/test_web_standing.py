"""Where an inspection stands: the regime's timeline as steps with deadlines, done dates
recorded by the team (checked, audited, exported), overdue flags, the next deadline first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse
from tests.web.conftest import MakeUser, signed_in
from tests.web.records import make_inspection

from inspectkit.plugins import get_host
from inspectkit.web.models import AuditLog, Inspection, Role
from inspectkit.web.standing import steps
from inspectkit.web.store.folders import export_inspection
from inspectkit.web.store.records import plan_of

pytestmark = pytest.mark.django_db


def _plan(record: Inspection):  # type: ignore[no-untyped-def]
    return plan_of(record, get_host().regime(record.regime).regime)


def test_steps_follow_the_regimes_timeline_with_deadlines_and_states() -> None:
    record = make_inspection("cra-north", "Northwold Borough Council")
    plan = _plan(record)
    site_visit = plan.milestone("site_visit")
    found = steps(plan, {"preparation": date(2011, 10, 17)}, today=site_visit.last)
    assert [s.id for s in found] == [p.id for p in plan.milestones]
    by_id = {s.id: s for s in found}
    assert by_id["preparation"].state == "done"
    assert by_id["site_visit"].state == "today"
    later = steps(plan, {}, today=date(2012, 1, 1))
    assert all(s.state == "overdue" for s in later)


def test_the_team_records_steps_done_checked_and_audited(
    make_user: MakeUser, tmp_path: Path
) -> None:
    lead = make_user("lead", Role.INSPECTOR)
    record = make_inspection("cra-north", "Northwold Borough Council", lead)
    client = signed_in(lead)
    url = reverse("inspectkit:standing", kwargs={"pk": record.pk})
    page = client.get(reverse("inspectkit:inspection", kwargs={"pk": record.pk}))
    assert (
        b"Where the inspection stands" in page.content and b'name="done-site_visit"' in page.content
    )

    assert client.post(url, {"done-site_visit": "2011-10-19"}).status_code == 302
    record.refresh_from_db()
    assert record.done == {"site_visit": "2011-10-19"}
    assert AuditLog.objects.latest("at").changes["done"] == {
        "before": {},
        "after": {"site_visit": "2011-10-19"},
    }
    written = export_inspection(record, tmp_path)  # the inspection file carries it
    text = next(p for p in written if p.name == "inspection.toml").read_text(encoding="utf-8")
    assert "[done]" in text and "site_visit = 2011-10-19" in text

    refused = client.post(url, {"done-site_visit": "2011-10-01"})
    assert refused.status_code == 400  # shown again, the problem beside its step
    body = refused.content.decode()
    assert (
        '<p class="field-error" id="done-site_visit-error">done on 2011-10-01, before day 1 '
        "(2011-10-17)</p>"
    ) in body
    assert 'value="2011-10-01"' in body  # the date as typed, kept
    record.refresh_from_db()
    assert record.done == {"site_visit": "2011-10-19"}


def test_a_council_sees_the_steps_but_records_nothing(make_user: MakeUser) -> None:
    record = make_inspection("cra-north", "Northwold Borough Council")
    council = signed_in(make_user("c", Role.COUNCIL, council="Northwold Borough Council"))
    page = council.get(reverse("inspectkit:inspection", kwargs={"pk": record.pk}))
    assert b"Where the inspection stands" in page.content and b'name="done-' not in page.content
    url = reverse("inspectkit:standing", kwargs={"pk": record.pk})
    assert council.post(url, {"done-site_visit": "2011-10-19"}).status_code == 404


def test_the_home_page_lists_an_inspectors_inspections_by_next_deadline(
    make_user: MakeUser,
) -> None:
    lead = make_user("lead", Role.INSPECTOR)
    later = make_inspection("cra-later", "Southmere City Council", lead, start=date(2011, 11, 14))
    sooner = make_inspection("cra-sooner", "Northwold Borough Council", lead)
    make_inspection("cra-others", "Eastmarsh Borough Council")  # not on this team
    rows = signed_in(lead).get(reverse("inspectkit:home")).context["next_steps"]
    assert [record.name for record, _step in rows] == [sooner.name, later.name]
    assert all(step is not None for _record, step in rows)
