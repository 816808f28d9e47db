"""The council readiness checklist: every item a regime asks for, dated from the plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.cli_run import installed_regime, run_main

from inspectkit.plugins import get_host
from inspectkit.readiness import NO_ACTION, SECTION_ORDER, build_readiness, readiness_tables
from inspectkit.timeline import plan_inspection


def test_every_council_request_is_an_item_and_held_items_are_separate() -> None:
    slac = installed_regime("slac_2009")
    pack = build_readiness(slac)
    held = [r for r in slac.information_requests if r.kind == "held_by_ofsted"]
    council = [r for r in slac.information_requests if r.kind != "held_by_ofsted"]
    assert [i.item for i in pack.held_by_ofsted] == [r.text for r in held]
    assert all(i.section == NO_ACTION for i in pack.held_by_ofsted)
    items = {i.item for i in pack.items}
    assert all(r.text in items for r in council)
    # surveys the council helps run, and the case files of each sampling phase
    assert any(i.item.startswith("Care4Me survey:") for i in pack.items)
    phases = [i for i in pack.items if i.item.startswith("Case files:")]
    assert len(phases) == len(slac.sampling.phases)
    assert all(i.owner == "" and i.status == "" for i in pack.items)
    assert all(i.source for i in (*pack.items, *pack.held_by_ofsted))


def test_sections_follow_the_kinds_in_order() -> None:
    pack = build_readiness(installed_regime("slac_2009"))
    sections = [i.section for i in pack.items]
    assert sections == sorted(sections, key=SECTION_ORDER.index)
    assert {
        "Documents",
        "Meetings, focus groups and visits",
        "Case lists and case files",
        "Surveys",
    } <= set(sections)


def test_due_dates_come_from_the_plan() -> None:
    cra = installed_regime("cra_2010")
    pack = build_readiness(cra, plan_inspection(cra, date(2011, 10, 17)))
    by_text = {i.item: i for i in pack.items}
    team = by_text[next(r.text for r in cra.information_requests if r.id == "team_composition")]
    # management information: usually by 12pm on the first day on site (day 2)
    assert team.due_date == date(2011, 10, 18)
    assert team.due == "usually by 12pm on the first day on site"
    feedback = by_text[next(r.text for r in cra.information_requests if r.id == "feedback_meeting")]
    assert feedback.due_date == date(2011, 10, 19)


def test_without_a_start_due_is_words_or_not_specified() -> None:
    cp = installed_regime("child_protection_2012")
    pack = build_readiness(cp)
    assert all(i.due_date is None for i in pack.items)
    assert all(i.due for i in pack.items)
    cra_pack = build_readiness(installed_regime("cra_2010"))
    staff = next(i for i in cra_pack.items if i.item.startswith("interviews with"))
    assert staff.due == "by: Site visit (day 2)"


def test_xlsx_and_docx(tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    slac = installed_regime("slac_2009")
    pack = build_readiness(slac, plan_inspection(slac, date(2009, 11, 30)))
    book = load_workbook(
        get_host().write("readiness", readiness_tables(pack), tmp_path / "ready.xlsx")
    )
    assert book.sheetnames == ["Checklist", NO_ACTION, "Sources"]
    sheet = book["Checklist"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == [
        "Section", "Item", "Provided by", "Due", "Due date", "Suggested owner", "Owner", "Status"
    ]  # fmt: skip
    assert sheet.max_row == len(pack.items) + 1
    assert book[NO_ACTION].max_row == len(pack.held_by_ofsted) + 1

    document = Document(
        str(get_host().write("readiness", readiness_tables(pack), tmp_path / "ready.docx"))
    )
    assert len(document.tables) == 3  # the checklist, what Ofsted holds, the sources
    assert len(document.tables[0].rows) == len(pack.items) + 1
    assert document.tables[0].rows[0].cells[6].text == "Owner"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ready.docx", "ready.xlsx"]


def test_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run_main(
        capsys, "readiness", "--regime", "cra_2010", "--start", "2011-10-17", "--format", "table"
    )
    assert status == 0 and "Readiness checklist" in out
    # piped (as here, by default) it is one tab-separated line per item, never wrapped
    status, out, _ = run_main(capsys, "readiness", "--regime", "cra_2010")
    assert out.splitlines()[0].split("\t")[:2] == ["Section", "Item"]
    status, out, _ = run_main(
        capsys, "readiness", "--regime", "slac_2009", "-o", str(tmp_path / "r.docx")
    )
    assert status == 0 and (tmp_path / "r.docx").is_file()
    status, _, err = run_main(
        capsys, "readiness", "--regime", "slac_2009", "-o", str(tmp_path / "r.pdf")
    )
    assert status == 2 and "expected a readiness file ending in one of .xlsx, .docx" in err
    assert not (tmp_path / "r.pdf").exists()


def test_slac_suggests_each_owner_seed_002_gives_cited_and_leaves_the_owner_to_the_council() -> (
    None
):
    # Oxfordshire's briefing (Oxfordshire briefing) names an owner, by job title, for every document
    # (Annex 1) and focus group (Annex 2): offered as suggestions, never as the owner.
    slac = installed_regime("slac_2009")
    pack = build_readiness(slac)
    by_text = {i.item: i for i in pack.items}
    expected = {
        "lscb_minutes": (
            "Chair – OSCB / Business Manager, OSCB",
            "Oxfordshire briefing Annex 1 item 1",
        ),
        "organisation_charts": (
            "Service Manager – Communications and Performance co-ordinating",
            "Oxfordshire briefing Annex 1 item 13",
        ),
        "sg_accident_emergency": (
            "A & E managers",
            "Oxfordshire briefing Annex 2 safeguarding item 8",
        ),
        "lac_attainment_leads": (
            "Head of Service, YPAE / Head of Raising Achievement Service / Headteacher, Virtual "
            "School for Looked After Children",
            "Oxfordshire briefing Annex 2 looked after children item 7",
        ),
    }
    for request_id, (owner, citation) in expected.items():
        request = next(r for r in slac.information_requests if r.id == request_id)
        item = by_text[request.text]
        assert (item.suggested_owner, item.owner) == (owner, "")
        assert citation in [p.strip() for p in item.source.split(";")]
    suggested = [r for r in slac.information_requests if r.suggested_owner]
    assert len(suggested) == 13 + 17 + 16  # every Annex 1 and 2 row but the four "tbc"
    for tbc in ("sg_advocacy_service", "lac_health_leads", "lac_advocacy_service"):
        request = next(r for r in slac.information_requests if r.id == tbc)
        assert request.suggested_owner is None  # "tbc": nothing to suggest
        assert by_text[request.text].suggested_owner == ""
    cra = build_readiness(installed_regime("cra_2010"))
    assert all(i.suggested_owner == "" for i in cra.items)  # 100025 names no owners


def test_every_item_has_a_stable_id_of_its_own() -> None:
    for regime_id in ("slac_2009", "cra_2010", "child_protection_2012"):
        regime = installed_regime(regime_id)
        pack = build_readiness(regime)
        ids = [i.id for i in (*pack.items, *pack.held_by_ofsted)]
        assert len(ids) == len(set(ids)), regime_id
        assert ids == [i.id for i in (*build_readiness(regime).items, *pack.held_by_ofsted)]
        requests = {r.id for r in regime.information_requests}
        assert {i.id for i in pack.held_by_ofsted} <= requests
        phases = [i.id for i in pack.items if i.item.startswith("Case files:")]
        assert phases == [f"phase:{p.id}" for p in regime.sampling.phases]


def test_the_workbook_carries_the_council_s_owners_and_statuses_with_a_status_drop_down(
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook

    from inspectkit.readiness import STATUSES, filled_in

    slac = installed_regime("slac_2009")
    pack = build_readiness(slac)
    first, second = pack.items[0], pack.items[1]
    done = filled_in(
        pack,
        {
            first.id: ("Head of Safeguarding", "ready"),
            second.id: ("", "in progress"),
            "gone": ("x", "ready"),
        },
    )
    assert [(i.owner, i.status) for i in done.items[:3]] == [
        ("Head of Safeguarding", "ready"),
        ("", "in progress"),
        ("", ""),
    ]
    sheet = load_workbook(
        get_host().write("readiness", readiness_tables(done), tmp_path / "ready.xlsx")
    )["Checklist"]
    assert [sheet["G2"].value, sheet["H2"].value] == ["Head of Safeguarding", "ready"]
    assert sheet["H3"].value == "in progress"
    [status] = [v for v in sheet.data_validations.dataValidation if "H2" in str(v.sqref)]
    assert status.type == "list"
    assert status.formula1 == '"' + ",".join(STATUSES) + '"'
    assert str(status.sqref) == f"H2:H{len(pack.items) + 1}"
    with pytest.raises(ValueError, match="status 'done' is not one of"):
        filled_in(pack, {first.id: ("", "done")})


def test_the_publication_milestone_is_the_last_of_the_report_s() -> None:
    assert installed_regime("cra_2010").publication_milestone == "publication"
    assert installed_regime("slac_2009").publication_milestone == "publication"
    cp = installed_regime("child_protection_2012")
    assert cp.publication_milestone == "report_published"
