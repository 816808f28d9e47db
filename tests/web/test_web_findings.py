"""Findings recorded in the browser: the inspection file's rules beside each field, the
checks of ``inspectkit check`` in the side panel, and two inspectors never overwriting
each other unseen."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from tests.web.conftest import MakeUser, signed_in
from tests.web.records import stored_example

from inspectkit.web.models import AuditLog, Inspection, Role
from inspectkit.web.views.findings import version_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def cra(tmp_path: Path, make_user: MakeUser) -> Inspection:
    """cra_2010's example (no priority action), stored, with "lead" on its team."""
    return stored_example(tmp_path / "demo", "cra_2010", make_user("lead", Role.INSPECTOR))


def _url(record: Inspection, name: str = "inspectkit:findings") -> str:
    return reverse(name, kwargs={"pk": record.pk})


def _post(record: Inspection, findings: list[dict[str, str]], **extra: str) -> dict[str, str]:
    data = {
        "version": version_of(record),
        "row-TOTAL_FORMS": str(len(findings)),
        "row-INITIAL_FORMS": "0",
        "row-MIN_NUM_FORMS": "0",
        "row-MAX_NUM_FORMS": "1000",
    }
    for index, finding in enumerate(findings):
        for key in ("area", "level", "text", "evidence", "recommendations"):
            data[f"row-{index}-{key}"] = finding.get(key, "")
    data.update(extra)
    return data


def _stored(record: Inspection) -> list[dict[str, str]]:
    return [
        {
            "area": f["area"],
            "level": f["level"],
            "text": f["text"],
            "evidence": f.get("evidence", ""),
            "recommendations": "\n".join(f.get("recommendations", [])),
        }
        for f in record.findings
    ]


PRIORITY = {
    "area": "safeguarded_and_protected",
    "level": "area_for_priority_action",
    "text": "Some children at risk of significant harm are not seen promptly.",
    "evidence": "Case tracking of section 47 enquiries.",
    "recommendations": "Ensure every child at risk is seen within a day.",
}


def test_the_page_shows_every_finding_and_the_checks(cra: Inspection) -> None:
    client = signed_in(cra.members.get())
    page = client.get(_url(cra))
    assert page.status_code == 200
    rows = page.context["rows"]
    assert len(rows.forms) == len(cra.findings) + 3  # and three blank rows to add to
    body = page.content.decode()
    assert "The checks are running on the saved version." in body  # the panel comes after
    assert "ask for the inspecting team" not in body  # no document rendered for the page
    assert f'hx-get="{_url(cra, "inspectkit:findings-check")}" hx-trigger="load"' in body
    panel = client.get(_url(cra, "inspectkit:findings-check")).content.decode()
    without_javascript = client.get(_url(cra) + "?checks").content.decode()
    assert panel.lstrip().startswith('<section id="checks"')  # the panel alone, for htmx
    for body in (panel, without_javascript):
        assert "Stops the documents" not in body  # the example is ready for its documents
        assert "ask for the inspecting team&#x27;s names and numbers" in body  # as check warns


def test_adding_a_priority_action_saves_and_fires_the_rule(cra: Inspection) -> None:
    client = signed_in(cra.members.get())
    saved = client.post(_url(cra), _post(cra, [*_stored(cra), PRIORITY]))
    assert saved.status_code == 302, saved.content.decode()[:2000]
    cra.refresh_from_db()
    assert cra.findings[-1]["level"] == "area_for_priority_action"
    assert cra.findings[-1]["recommendations"] == [
        "Ensure every child at risk is seen within a day."
    ]
    assert "findings page: changed findings" in AuditLog.objects.latest("at").summary
    page = client.get(_url(cra, "inspectkit:findings-check")).content.decode()
    assert "1 area for priority action recorded" in page  # the limiting rule applies


def test_each_problem_is_beside_its_row_and_nothing_is_saved(cra: Inspection) -> None:
    client = signed_in(cra.members.get())
    before = list(cra.findings)
    empty_text = {**PRIORITY, "text": ""}
    page = client.post(_url(cra), _post(cra, [*_stored(cra), empty_text]))
    assert page.status_code == 400
    row = page.context["rows"].forms[len(before)]
    assert row.errors["text"] == ["must not be empty"]
    cra.refresh_from_db()
    assert cra.findings == before


def test_the_panel_checks_the_draft_as_the_inspector_types(cra: Inspection) -> None:
    client = signed_in(cra.members.get())
    reference = cra.sample_record["drawn"][0]["reference"]
    named = {**PRIORITY, "text": f"The case {reference} was not reviewed."}
    panel = client.post(_url(cra, "inspectkit:findings-check"), _post(cra, [*_stored(cra), named]))
    assert panel.status_code == 200
    body = panel.content.decode()
    assert body.lstrip().startswith('<section id="checks"')  # the panel alone, for htmx
    assert "contains a child identifier" in body
    assert reference not in body
    assert "1 area for priority action recorded" in body
    cra.refresh_from_db()
    assert all(f["level"] != "area_for_priority_action" for f in cra.findings)  # not saved


def test_two_inspectors_at_once_never_overwrite_each_other_unseen(
    cra: Inspection, make_user: MakeUser
) -> None:
    second = make_user("second", Role.INSPECTOR)
    cra.members.add(second)
    first_client, second_client = signed_in(cra.members.get(username="lead")), signed_in(second)
    loaded = _post(cra, _stored(cra))  # both opened the page at this version
    mine = {**PRIORITY, "text": "First inspector's finding."}
    theirs = {**PRIORITY, "text": "Second inspector's finding."}
    assert (
        first_client.post(_url(cra), {**loaded, **_post(cra, [*_stored(cra), mine])}).status_code
        == 302
    )

    refused = second_client.post(
        _url(cra), _post(cra, [*_stored(cra), theirs]) | {"version": loaded["version"]}
    )
    assert refused.status_code == 409
    body = refused.content.decode()
    assert "Someone else saved this inspection" in body
    assert "First inspector&#x27;s finding." in body  # theirs, shown
    assert "Second inspector&#x27;s finding." in body  # mine, still in the form
    cra.refresh_from_db()
    assert cra.findings[-1]["text"] == "First inspector's finding."

    again = second_client.post(
        _url(cra),
        _post(cra, [*_stored(cra)[:-1], theirs]) | {"version": refused.context["version"]},
    )
    assert again.status_code == 302
    cra.refresh_from_db()
    assert cra.findings[-1]["text"] == "Second inspector's finding."


def test_only_the_team_records_findings(cra: Inspection, make_user: MakeUser) -> None:
    for user in (
        make_user("other", Role.INSPECTOR),
        make_user("council", Role.COUNCIL, council=cra.council),
        make_user("policy", Role.POLICY),
    ):
        client: Client = signed_in(user)
        assert client.get(_url(cra)).status_code == 404
        assert client.post(_url(cra), _post(cra, [PRIORITY])).status_code == 404
        assert client.post(_url(cra, "inspectkit:findings-check"), {}).status_code == 404


NO_STRENGTH = "The inspection identified satisfactory practice, with some areas for development."


def test_the_panel_shows_the_wording_and_a_group_with_no_sentence(cra: Inspection) -> None:
    client = signed_in(cra.members.get())
    check = _url(cra, "inspectkit:findings-check")
    body = client.post(check, _post(cra, _stored(cra))).content.decode()
    assert "Wording the letter will use" in body
    assert "identified areas of strength and satisfactory practice" in body
    without_strength = [f for f in _stored(cra) if f["level"] != "area_of_strength"]
    body = client.post(check, _post(cra, without_strength)).content.decode()
    assert "<strong>No outcome sentence:</strong>" in body
    # the same line ``inspectkit check`` prints for it
    assert "statements.outcome: 100025 Annex D gives no outcome sentence" in body


def test_the_inspector_writes_a_sentence_only_where_the_source_gives_none(
    cra: Inspection,
) -> None:
    client = signed_in(cra.members.get())
    own = {"statements-outcome": NO_STRENGTH}
    refused = client.post(_url(cra), _post(cra, _stored(cra), **own))
    assert refused.status_code == 400
    errors = refused.context["statements"].errors["outcome"]
    assert errors[0].startswith("100025 Annex D already gives the outcome sentence")
    without_strength = [f for f in _stored(cra) if f["level"] != "area_of_strength"]
    saved = client.post(_url(cra), _post(cra, without_strength, **own))
    assert saved.status_code == 302
    cra.refresh_from_db()
    assert cra.statements == {"outcome": NO_STRENGTH}
    page = client.get(_url(cra, "inspectkit:findings-check")).content.decode()
    assert f'{NO_STRENGTH} <span class="source">(yours' in page


def test_a_section_s_text_is_saved_and_checked_for_case_data(cra: Inspection) -> None:
    client = signed_in(cra.members.get())
    page = client.get(_url(cra))
    assert "introduction" in page.context["sections"].fields
    reference = cra.sample_record["drawn"][0]["reference"]
    named = {"sections-introduction": f"We read {reference} first."}
    panel = client.post(_url(cra, "inspectkit:findings-check"), _post(cra, _stored(cra), **named))
    assert "sections.introduction: contains a child identifier" in panel.content.decode()
    assert reference not in panel.content.decode()
    text = {"sections-introduction": "The inspection took place over two days."}
    assert client.post(_url(cra), _post(cra, _stored(cra), **text)).status_code == 302
    cra.refresh_from_db()
    assert cra.sections["introduction"] == "The inspection took place over two days."


def test_a_refused_save_shows_both_versions_side_by_side(
    cra: Inspection, make_user: MakeUser
) -> None:
    second = make_user("second", Role.INSPECTOR)
    cra.members.add(second)
    loaded = _post(cra, _stored(cra))
    mine = {**PRIORITY, "text": "First inspector's finding."}
    first = signed_in(cra.members.get(username="lead"))
    assert first.post(_url(cra), _post(cra, [*_stored(cra), mine])).status_code == 302
    theirs = {**PRIORITY, "text": "Second inspector's finding."}
    section = {"sections-introduction": "Two days on site.", "version": loaded["version"]}
    refused = signed_in(second).post(_url(cra), _post(cra, [*_stored(cra), theirs], **section))
    assert refused.status_code == 409
    *same, (other, own), text = refused.context["conflict"]
    assert (other[2], own[2]) == ("First inspector's finding.", "Second inspector's finding.")
    assert all(a == b for a, b in same)  # the rest agree
    assert text == (None, ("Introduction", "section", "Two days on site."))


def test_rows_are_drawn_from_the_stored_findings_escaped_with_their_choices(
    cra: Inspection,
) -> None:
    findings = list(cra.findings)
    findings[0] = {**findings[0], "text": """Plans <b>& "reviews"</b> aren't {{ council }}"""}
    Inspection.objects.filter(pk=cra.pk).update(findings=findings)
    body = signed_in(cra.members.get()).get(_url(cra)).content.decode()
    assert (
        '<textarea name="row-0-text" cols="40" rows="3" id="id_row-0-text">\n'
        "Plans &lt;b&gt;&amp; &#34;reviews&#34;&lt;/b&gt; aren&#39;t {{ council }}</textarea>"
    ) in body
    chosen = f'<option value="{findings[0]["area"]}" selected>'
    assert body.count(chosen) == sum(f["area"] == findings[0]["area"] for f in findings)
    assert body.count(f'<option value="{findings[0]["area"]}"') == len(findings) + 3  # offered
    assert body.count('<select name="row-') == 2 * (len(findings) + 3)


def test_an_id_the_regime_does_not_have_is_refused_beside_its_field(cra: Inspection) -> None:
    client = signed_in(cra.members.get())
    unknown = {**PRIORITY, "area": "not_an_area"}
    page = client.post(_url(cra), _post(cra, [*_stored(cra), unknown]))
    assert page.status_code == 400
    row = len(cra.findings)
    assert (
        page.context["rows"]
        .forms[row]
        .errors["area"][0]
        .startswith("unknown judgement area 'not_an_area' of cra_2010")
    )
    body = page.content.decode()
    error_id = f"id_row-{row}-area_error1"
    assert f'<p class="field-error" id="{error_id}">unknown judgement area' in body
    assert f'id="id_row-{row}-area" aria-invalid="true" aria-describedby="{error_id}"' in body


def test_the_panel_checks_a_draft_without_rendering_its_documents(
    cra: Inspection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the inspector types, the panel runs every check made before rendering; the
    saved version's panel renders the documents and checks them too."""
    import inspectkit.web.documents as documents

    rendered: list[object] = []
    real = documents.render_in_memory
    monkeypatch.setattr(
        documents, "render_in_memory", lambda *a, **k: rendered.append(a) or real(*a, **k)
    )
    client = signed_in(cra.members.get())
    panel = client.post(_url(cra, "inspectkit:findings-check"), _post(cra, _stored(cra)))
    assert "Checked as you type" in panel.content.decode()
    assert "ask for the inspecting team&#x27;s names and numbers" in panel.content.decode()
    assert rendered == []
    saved = client.get(_url(cra, "inspectkit:findings-check")).content.decode()
    assert "Checked as you type" not in saved
    assert len(rendered) == 1
