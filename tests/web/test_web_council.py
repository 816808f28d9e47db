"""The council's pages: readiness checklists and action plans after an inspection.

Permissions (a council sees its own, administrators everyone's, inspectors read the plan
of the inspection they are on or of the council's earlier one, policy nothing: 404),
bad input beside its field with nothing saved, an audit entry for every change, and
text from people shown as text.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from tests.web.conftest import MakeUser, signed_in
from tests.web.records import EVIL_COUNCIL, make_inspection, stored_example

from inspectkit.action_plan import PROGRESS
from inspectkit.plugins import get_host
from inspectkit.readiness import STATUSES, build_readiness
from inspectkit.web.models import (
    ActionProgress,
    AuditLog,
    Inspection,
    Readiness,
    ReadinessEntry,
    Role,
    SampleFile,
)

pytestmark = pytest.mark.django_db

NORTHWOLD = "Northwold Borough Council"
SOUTHMERE = "Southmere City Council"
MARKUP = "<b>Head</b> & \"Lead\" 'x' {{ role }}"
MARKUP_ESCAPED = b"&lt;b&gt;Head&lt;/b&gt; &amp; &quot;Lead&quot; &#x27;x&#x27; {{ role }}"


def _officer(make_user: MakeUser, council: str = NORTHWOLD, name: str = "officer") -> Client:
    return signed_in(make_user(name, Role.COUNCIL, council=council))


def _open_checklist(client: Client, regime: str = "slac_2009", start: str = "") -> Readiness:
    response = client.post(reverse("inspectkit:readiness-list"), {"regime": regime, "start": start})
    assert response.status_code == 302, response.content
    return Readiness.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def _items(regime: str = "slac_2009") -> list[str]:
    return [i.id for i in build_readiness(get_host().regime(regime).regime).items]


def _published(record: Inspection) -> Inspection:
    regime = get_host().regime(record.regime).regime
    record.done = {regime.publication_milestone: "2011-11-16"}
    record.save()
    return record


# -- readiness ------------------------------------------------------------------------


def test_a_council_opens_a_checklist_dated_from_its_likely_day_1_and_audited(
    make_user: MakeUser,
) -> None:
    client = _officer(make_user)
    listing = client.get(reverse("inspectkit:readiness-list"))
    assert listing.status_code == 200 and b'name="council"' not in listing.content
    checklist = _open_checklist(client, start="2009-11-30")
    assert (checklist.council, checklist.regime, checklist.start) == (
        NORTHWOLD,
        "slac_2009",
        date(2009, 11, 30),
    )
    entry = AuditLog.objects.latest("at")
    assert entry.actor_name == "officer" and entry.inspection_pk is None
    assert entry.summary == "readiness checklist for slac_2009: created"
    page = client.get(reverse("inspectkit:readiness", args=[checklist.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert body.count('<tr data-item="') == len(_items())
    # Oxfordshire's owners offered as suggestions, cited by readable key, never a file name
    assert "Suggested: Strategic Lead, Performance" in body
    assert "Oxfordshire briefing" in body and "seed" not in body.lower()
    assert "Documents: 0 of" in body
    # the same regime again opens the same checklist
    assert _open_checklist(client).pk == checklist.pk
    assert Readiness.objects.count() == 1


def test_saving_statuses_and_owners_is_one_audited_change(make_user: MakeUser) -> None:
    client = _officer(make_user)
    checklist = _open_checklist(client)
    first, second, *_ = _items()
    url = reverse("inspectkit:readiness", args=[checklist.pk])
    form = {f"status-{i}": STATUSES[0] for i in _items()}
    form |= {f"owner-{first}": "Head of Safeguarding", f"status-{first}": "ready"}
    form |= {f"status-{second}": "in progress"}
    assert client.post(url, form).status_code == 302
    saved = {e.item: (e.owner, e.status) for e in ReadinessEntry.objects.all()}
    assert saved == {first: ("Head of Safeguarding", "ready"), second: ("", "in progress")}
    entry = AuditLog.objects.latest("at")
    assert entry.changes[first] == {
        "before": {"owner": "", "status": "not started"},
        "after": {"owner": "Head of Safeguarding", "status": "ready"},
    }
    assert set(entry.changes) == {first, second}
    before = AuditLog.objects.count()
    assert client.post(url, form).status_code == 302  # the same again: nothing to log
    assert AuditLog.objects.count() == before
    page = client.get(url).content.decode()
    assert "Documents: 1 of" in page


def test_filters_by_kind_owner_and_status_and_saving_keeps_the_others(
    make_user: MakeUser,
) -> None:
    client = _officer(make_user)
    checklist = _open_checklist(client)
    first, _second, *rest = _items()
    url = reverse("inspectkit:readiness", args=[checklist.pk])
    client.post(url, {f"status-{first}": "ready", f"owner-{first}": "Chair, LSCB"})
    ready = client.get(url, {"status": "ready"}).content.decode()
    assert ready.count('<tr data-item="') == 1 and f'data-item="{first}"' in ready
    owned = client.get(url, {"owner": "Chair, LSCB"}).content.decode()
    assert owned.count('<tr data-item="') == 1
    unowned = client.get(url, {"owner": "(no owner yet)"}).content.decode()
    assert unowned.count('<tr data-item="') == len(rest) + 1
    surveys = client.get(url, {"section": "Surveys"}).content.decode()
    pack = build_readiness(get_host().regime("slac_2009").regime)
    assert surveys.count('<tr data-item="') == sum(1 for i in pack.items if i.section == "Surveys")
    # a filtered save sends only the rows shown: the others keep what they had
    response = client.post(url + "?status=ready", {f"status-{first}": "in progress"})
    assert response.status_code == 302 and response["Location"].endswith("?status=ready")
    kept = ReadinessEntry.objects.get(item=first)
    assert (kept.owner, kept.status) == ("", "in progress")


def test_bad_input_is_shown_beside_its_field_and_nothing_is_saved(make_user: MakeUser) -> None:
    client = _officer(make_user)
    checklist = _open_checklist(client)
    first, second, *_ = _items()
    url = reverse("inspectkit:readiness", args=[checklist.pk])
    before = AuditLog.objects.count()
    response = client.post(
        url,
        {
            f"status-{first}": "done",
            f"owner-{second}": "x" * 201,
            f"status-{second}": "ready",
            "start": "2009-11-28",  # a Saturday
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    html_first = "item-" + first.replace(":", "--")
    assert f'id="{html_first}-status-error">expected one of not started, in progress, ready' in body
    assert "at most 200 characters (a job title), got 201" in body
    assert "Saturday" in body or "weekend" in body
    assert ReadinessEntry.objects.count() == 0 and AuditLog.objects.count() == before
    checklist.refresh_from_db()
    assert checklist.start is None
    # a new checklist on a weekend: the planner's own line beside the field
    refused = client.post(
        reverse("inspectkit:readiness-list"), {"regime": "cra_2010", "start": "2011-10-15"}
    )
    assert refused.status_code == 400 and b"field-error" in refused.content
    assert Readiness.objects.count() == 1


def test_the_workbook_carries_the_status_and_owner_with_a_drop_down(make_user: MakeUser) -> None:
    client = _officer(make_user)
    checklist = _open_checklist(client, start="2009-11-30")
    first = _items()[0]
    url = reverse("inspectkit:readiness", args=[checklist.pk])
    client.post(url, {f"status-{first}": "ready", f"owner-{first}": "=HYPERLINK(1)"})
    response = client.get(reverse("inspectkit:readiness-download", args=[checklist.pk, "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="readiness-slac_2009.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content))["Checklist"]
    header = [c.value for c in sheet[1]]
    owner, status = header.index("Owner") + 1, header.index("Status") + 1
    assert sheet.cell(2, status).value == "ready"
    assert sheet.cell(2, owner).value == "'=HYPERLINK(1)"  # formula-safe
    assert {sheet.cell(r, status).value for r in range(3, sheet.max_row + 1)} == {"not started"}
    letter = sheet.cell(1, status).column_letter
    [validation] = [
        v for v in sheet.data_validations.dataValidation if str(v.sqref).startswith(letter)
    ]
    assert validation.formula1 == '"not started,in progress,ready"'
    word = client.get(reverse("inspectkit:readiness-download", args=[checklist.pk, "docx"]))
    assert word.status_code == 200 and word.content[:2] == b"PK"
    assert (
        client.get(reverse("inspectkit:readiness-download", args=[checklist.pk, "pdf"])).status_code
        == 404
    )


def test_another_council_s_checklist_is_404_and_only_councils_and_admins_see_any(
    make_user: MakeUser,
) -> None:
    own = _officer(make_user)
    checklist = _open_checklist(own)
    other = _officer(make_user, SOUTHMERE, "other")
    urls = [
        reverse("inspectkit:readiness", args=[checklist.pk]),
        reverse("inspectkit:readiness-download", args=[checklist.pk, "xlsx"]),
    ]
    for url in urls:
        assert other.get(url).status_code == 404
        assert other.post(url, {}).status_code == 404
    assert other.get(reverse("inspectkit:readiness-list")).context["checklists"] == []
    for role in (Role.INSPECTOR, Role.POLICY):
        client = signed_in(make_user(f"u_{role}", role))
        assert client.get(reverse("inspectkit:readiness-list")).status_code == 404
        for url in urls:
            assert client.get(url).status_code == 404
    admin = signed_in(make_user("boss", Role.ADMIN))
    for url in urls:
        assert admin.get(url).status_code == 200
    listing = admin.get(reverse("inspectkit:readiness-list"))
    assert b'name="council"' in listing.content and NORTHWOLD.encode() in listing.content
    missing = reverse("inspectkit:readiness", args=[checklist.pk + 100])
    assert admin.get(missing).status_code == 404


def test_owners_with_markup_and_council_names_are_text(make_user: MakeUser) -> None:
    client = _officer(make_user, EVIL_COUNCIL)
    checklist = _open_checklist(client)
    first = _items()[0]
    url = reverse("inspectkit:readiness", args=[checklist.pk])
    client.post(url, {f"status-{first}": "ready", f"owner-{first}": MARKUP})
    body = client.get(url).content
    assert MARKUP_ESCAPED in body and b"<b>Head</b>" not in body
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in body
    assert b"<script>alert(1)" not in body
    listing = client.get(reverse("inspectkit:readiness-list")).content
    assert b"<script>alert(1)" not in listing


# -- action plans ---------------------------------------------------------------------


def _plan_url(record: Inspection, kind: str = "") -> str:
    if kind:
        return reverse("inspectkit:action-plan-download", args=[record.pk, kind])
    return reverse("inspectkit:action-plan", args=[record.pk])


def test_the_action_plan_opens_once_publication_is_recorded_done(make_user: MakeUser) -> None:
    client = _officer(make_user)
    record = make_inspection("northwold", NORTHWOLD)
    assert client.get(_plan_url(record)).status_code == 404
    inspection_page = reverse("inspectkit:inspection", args=[record.pk])
    assert b"Action plan after this inspection" not in client.get(inspection_page).content
    _published(record)
    page = client.get(_plan_url(record))
    assert page.status_code == 200
    assert page.content.decode().count('<tr data-row="') == 1  # the area for priority action
    assert b'name="progress-' in page.content
    assert b"Action plan after this inspection" in client.get(inspection_page).content
    listed = client.get(reverse("inspectkit:action-plans")).context["plans"]
    assert [r.pk for r in listed] == [record.pk]


def test_the_demo_s_priority_action_example_is_published_with_its_plan(
    tmp_path: Path, make_user: MakeUser
) -> None:
    """``serve --demo`` shows a council's action plan: the example records its steps done."""
    record = stored_example(tmp_path / "demo", "cra_2010_priority_action")
    page = _officer(make_user, council=record.council).get(_plan_url(record))
    assert page.status_code == 200
    kinds = [row.kind for row, *_rest in page.context["rows"]]
    assert any(kind.startswith("Area for priority action (") for kind in kinds), kinds


def test_a_council_sees_its_own_action_plan_and_not_another_s(make_user: MakeUser) -> None:
    own = _officer(make_user)
    other = _officer(make_user, SOUTHMERE, "other")
    on_team = make_user("lead", Role.INSPECTOR)
    off_team = make_user("elsewhere", Role.INSPECTOR)
    record = _published(make_inspection("northwold", NORTHWOLD, on_team))
    for client, status in [
        (own, 200),
        (other, 404),
        (signed_in(on_team), 200),
        (signed_in(off_team), 404),
        (signed_in(make_user("analyst", Role.POLICY)), 404),
        (signed_in(make_user("boss", Role.ADMIN)), 200),
    ]:
        for url in (_plan_url(record), _plan_url(record, "xlsx"), _plan_url(record, "csv")):
            assert client.get(url).status_code == status, url
    assert other.post(_plan_url(record), {}).status_code == 404
    assert [r.pk for r in other.get(reverse("inspectkit:action-plans")).context["plans"]] == []
    assert signed_in(make_user("a2", Role.POLICY)).get("/action-plans/").status_code == 404


def test_the_inspectors_of_the_next_inspection_read_the_previous_plan(
    make_user: MakeUser,
) -> None:
    lead = make_user("lead", Role.INSPECTOR)
    earlier = _published(make_inspection("northwold-2011", NORTHWOLD))
    later = make_inspection("northwold-2012", NORTHWOLD, lead, start=date(2012, 10, 15))
    client = signed_in(lead)
    page = client.get(reverse("inspectkit:inspection", args=[later.pk])).content.decode()
    assert "action plan from its previous inspection" in page
    assert _plan_url(earlier) in page
    read = client.get(_plan_url(earlier))
    assert read.status_code == 200
    assert b"Read only" in read.content and b'name="progress-' not in read.content
    row = next(iter(read.context["rows"]))[0].id
    refused = client.post(_plan_url(earlier), {f"progress-{row}": "green"})
    assert refused.status_code == 404 and not ActionProgress.objects.exists()
    # an inspector of an earlier inspection only does not see a later one's plan
    later_plan = _published(make_inspection("northwold-2013", NORTHWOLD, start=date(2013, 10, 14)))
    assert client.get(_plan_url(later_plan)).status_code == 404


def test_the_council_fills_in_its_plan_audited_without_copying_its_text(
    make_user: MakeUser,
) -> None:
    client = _officer(make_user)
    record = _published(make_inspection("northwold", NORTHWOLD))
    row = client.get(_plan_url(record)).context["rows"][0][0].id
    form = {
        f"owner-{row}": "Head of Safeguarding",
        f"actions-{row}": "Audit every strategy meeting; report to the LSCB.",
        f"due-{row}": "2012-03-31",
        f"progress-{row}": "amber",
        f"evidence-{row}": MARKUP,
    }
    assert client.post(_plan_url(record), form).status_code == 302
    saved = ActionProgress.objects.get(inspection=record, row=row)
    assert (saved.owner, saved.due, saved.progress) == (
        "Head of Safeguarding",
        date(2012, 3, 31),
        "amber",
    )
    entry = AuditLog.objects.latest("at")
    assert entry.inspection_pk == record.pk and entry.summary == "action plan: changed 1 row"
    assert entry.changes[row]["progress"] == {"before": "", "after": "amber"}
    assert entry.changes[row]["actions"] == "changed"
    assert "strategy meeting" not in str(entry.changes)
    page = client.get(_plan_url(record)).content
    assert MARKUP_ESCAPED in page
    sheet = load_workbook(io.BytesIO(client.get(_plan_url(record, "xlsx")).content))["Action plan"]
    assert [c.value for c in sheet[2]][3:] == [
        "Head of Safeguarding",
        "Audit every strategy meeting; report to the LSCB.",
        "2012-03-31",
        "amber",
        MARKUP,
    ]
    progress_column = [c.value for c in sheet[1]].index("Progress") + 1
    letter = sheet.cell(1, progress_column).column_letter
    [validation] = [
        v for v in sheet.data_validations.dataValidation if str(v.sqref).startswith(letter)
    ]
    assert validation.formula1 == '"' + ",".join(PROGRESS) + '"'


def test_bad_action_plan_input_is_beside_its_field_and_nothing_is_saved(
    make_user: MakeUser,
) -> None:
    client = _officer(make_user)
    record = _published(make_inspection("northwold", NORTHWOLD))
    row = client.get(_plan_url(record)).context["rows"][0][0].id
    before = AuditLog.objects.count()
    response = client.post(
        _plan_url(record),
        {f"due-{row}": "31/03/2012", f"progress-{row}": "purple", f"actions-{row}": "Kept"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert f'id="row-{row}-due-error">expected a date such as 2012-03-31, got' in body
    assert f'id="row-{row}-progress-error">expected one of' in body
    assert ">Kept</textarea>" in body  # what was typed is kept
    assert not ActionProgress.objects.exists() and AuditLog.objects.count() == before


def test_a_plan_whose_finding_carries_a_case_reference_is_not_shown(make_user: MakeUser) -> None:
    client = _officer(make_user)
    record = _published(make_inspection("northwold", NORTHWOLD))
    record.findings[0]["text"] = "Case CR-004417 was not reviewed."
    record.save()
    sample = b"Case reference,Phase\nCR-004417,tracked\n"
    SampleFile.objects.create(inspection=record, name="sample.csv", content=sample)
    response = client.get(_plan_url(record))
    assert response.status_code == 409
    assert b"action plan row 1" in response.content and b"CR-004417" not in response.content
    assert client.get(_plan_url(record, "xlsx")).status_code == 409


# -- two officers at once -------------------------------------------------------------


def _plan_form(page: object, changes: dict[str, str]) -> dict[str, str]:
    """The first row of an action-plan page as its form would post it, with ``changes``."""
    row, _problems, digests = page.context["rows"][0]  # type: ignore[attr-defined]
    form = {f"{name}-{row.id}": getattr(row, name) for name in digests}
    form |= {f"was-{name}-{row.id}": digest for name, digest in digests.items()}
    return form | {f"{name}-{row.id}": value for name, value in changes.items()}


def test_two_officers_saving_one_plan_lose_nothing(make_user: MakeUser) -> None:
    record = _published(make_inspection("northwold", NORTHWOLD))
    first, second = _officer(make_user), _officer(make_user, name="second")
    opened = [first.get(_plan_url(record)), second.get(_plan_url(record))]  # both open it
    row = opened[0].context["rows"][0][0].id
    mine = _plan_form(opened[0], {"owner": "Head of Safeguarding", "progress": "amber"})
    assert first.post(_plan_url(record), mine).status_code == 302

    # the second officer changed only the evidence: the first officer's owner stays
    theirs = _plan_form(opened[1], {"evidence": "Audit report, March."})
    assert second.post(_plan_url(record), theirs).status_code == 302
    saved = ActionProgress.objects.get(inspection=record, row=row)
    assert (saved.owner, saved.progress, saved.evidence) == (
        "Head of Safeguarding",
        "amber",
        "Audit report, March.",
    )

    # both changed the owner: refused, nothing saved, the other's value beside the field
    clash = _plan_form(opened[1], {"owner": "Service Manager", "due": "2012-06-30"})
    refused = second.post(_plan_url(record), clash)
    assert refused.status_code == 409
    body = refused.content.decode()
    assert "Someone else saved this since you opened the page: Head of Safeguarding." in body
    assert 'value="Service Manager"' in body  # theirs beside it, this officer's in the box
    saved.refresh_from_db()
    assert (saved.owner, saved.due) == ("Head of Safeguarding", None)

    # saving again from the refused page puts this officer's value in place on purpose
    again = _plan_form(refused, {})
    assert second.post(_plan_url(record), again).status_code == 302
    saved.refresh_from_db()
    assert (saved.owner, saved.due, saved.evidence) == (
        "Service Manager",
        date(2012, 6, 30),
        "Audit report, March.",
    )


def test_two_officers_saving_one_checklist_lose_nothing(make_user: MakeUser) -> None:
    first = _officer(make_user)
    second = _officer(make_user, name="second")
    checklist = _open_checklist(first, start="2009-11-30")
    url = reverse("inspectkit:readiness", args=[checklist.pk])
    item = _items()[0]

    def form_of(page: object, changes: dict[str, str]) -> dict[str, str]:
        context = page.context  # type: ignore[attr-defined]
        form = {"start": "2009-11-30", context["start_digest"][0]: context["start_digest"][1]}
        for shown, *_rest, digests in context["rows"]:
            form |= {f"owner-{shown.id}": shown.owner, f"status-{shown.id}": shown.status}
            form |= {f"was-{name}-{shown.id}": value for name, value in digests.items()}
        return form | changes

    opened = [first.get(url), second.get(url)]
    assert first.post(url, form_of(opened[0], {f"status-{item}": "ready"})).status_code == 302
    # the second officer's page still shows "not started": saving an owner keeps "ready"
    owner = {f"owner-{item}": "Head of Safeguarding"}
    assert second.post(url, form_of(opened[1], owner)).status_code == 302
    entry = ReadinessEntry.objects.get(readiness=checklist, item=item)
    assert (entry.owner, entry.status) == ("Head of Safeguarding", "ready")
    refused = second.post(url, form_of(opened[1], {f"status-{item}": "in progress"}))
    assert refused.status_code == 409
    assert "Someone else saved this since you opened the page: ready." in refused.content.decode()
    entry.refresh_from_db()
    assert entry.status == "ready"
    moved = second.post(url, form_of(opened[1], {"start": "2009-12-07"}))
    assert moved.status_code == 302  # nobody else moved day 1
    late = first.post(url, form_of(opened[0], {"start": "2009-12-14"}))
    assert late.status_code == 409
    assert late.context["start_form"].errors["start"][0].startswith("Someone else saved this")
    checklist.refresh_from_db()
    assert checklist.start == date(2009, 12, 7)
