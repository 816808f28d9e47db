"""The outcomes page: who sees it, the known answer on the page and in its CSV, downloads,
escaping, and no case data."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from openpyxl import load_workbook
from tests.outcomes.known import KNOWN_2012_13, overall_effectiveness_2012
from tests.web.conftest import MakeUser, signed_in
from tests.web.records import EVIL_COUNCIL, make_inspection

from inspectkit.plugins import get_host
from inspectkit.synthetic import SYNTHETIC_TEXT, national_set, write_national_set
from inspectkit.web.models import Inspection, Role
from inspectkit.web.store.changes import Actor
from inspectkit.web.store.folders import import_folder

pytestmark = pytest.mark.django_db

KNOWN = KNOWN_2012_13


def _import_known_answer(tmp_path: Path) -> None:
    """The 68 synthetic 2012 child protection inspections, imported as the CLI imports."""
    made = national_set(get_host(), councils=68)
    for folder in write_national_set(tmp_path, made):
        import_folder(folder, actor=Actor(name="test"))


def test_68_imported_show_the_published_2012_13_counts_on_the_page_and_in_the_csv(
    policy_client: Client, tmp_path: Path
) -> None:
    _import_known_answer(tmp_path)
    page = policy_client.get("/outcomes/")
    assert page.status_code == 200
    html = page.content.decode()
    table = html[html.index('data-chart="judgements-child_protection_2012-2012-13"') :]
    table = table[: table.index("</table>")]
    shown = {
        level: int(count)
        for level, count in re.findall(
            r'data-key="overall_effectiveness:(\w+)">.*?class="number">(\d+)<',
            table,
        )
    }
    assert shown == KNOWN
    chart = re.search(r'<img src="(/outcomes/charts/judgements-child_protection_2012[^"]+)"', html)
    assert chart is not None
    svg = policy_client.get(chart.group(1))
    assert svg["Content-Type"].startswith("image/svg+xml")
    assert svg.content.startswith(b"<svg") and b"<script" not in svg.content
    assert b"style=" not in svg.content and b"<style" not in svg.content
    assert policy_client.get("/outcomes/charts/no-such-chart.svg").status_code == 404
    assert "68 of these 68 inspections are synthetic" in html
    text = policy_client.get("/outcomes/outcomes.csv").content.decode()
    assert overall_effectiveness_2012(text) == KNOWN
    rows = list(csv.DictReader(io.StringIO(text)))
    stored = next(r for r in rows if r["table"] == "inspections" and r["value_id"] == "stored")
    assert stored["count"] == "68"
    # aggregates only: no finding's text, no link to an inspection
    assert SYNTHETIC_TEXT not in html
    assert "/inspections/" not in html


def test_only_policy_analysts_and_administrators_see_outcomes(make_user: MakeUser) -> None:
    for role, council, status in [
        (Role.POLICY, "", 200),
        (Role.ADMIN, "", 200),
        (Role.INSPECTOR, "", 404),
        (Role.COUNCIL, "Northwold Borough Council", 404),
    ]:
        client = signed_in(make_user(f"u_{role}", role, council=council))
        for url in ("/outcomes/", "/outcomes/outcomes.csv", "/outcomes/outcomes.xlsx"):
            assert client.get(url).status_code == status, (role, url)
        nav = client.get("/").content.decode()
        assert ('href="/outcomes/"' in nav) == (status == 200), role


def test_a_policy_analyst_opens_no_inspection(make_user: MakeUser) -> None:
    record = make_inspection("northwold", "Northwold Borough Council")
    client = signed_in(make_user("analyst", Role.POLICY))
    assert client.get("/outcomes/").status_code == 200
    for url in (
        f"/inspections/{record.pk}/",
        f"/inspections/{record.pk}/plan.csv",
        f"/inspections/{record.pk}/sample/",
        f"/inspections/{record.pk}/sample.csv",
        f"/inspections/{record.pk}/findings/",
        f"/inspections/{record.pk}/documents/letter",
    ):
        assert client.get(url).status_code == 404, url


def test_downloads_are_formula_safe_and_council_names_are_escaped(
    policy_client: Client,
) -> None:
    make_inspection("evil", EVIL_COUNCIL)
    make_inspection("formula", '=HYPERLINK("http://x")')
    page = policy_client.get("/outcomes/").content
    assert b"<script>alert(1)" not in page
    book = policy_client.get("/outcomes/outcomes.xlsx")
    assert book["Content-Disposition"] == 'attachment; filename="outcomes.xlsx"'
    workbook = load_workbook(io.BytesIO(book.content))
    cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    assert {s.title for s in workbook.worksheets} >= {"Inspections", "Judgements", "Deadlines"}
    text = policy_client.get("/outcomes/outcomes.csv").content.decode()
    assert "Finding for" not in text  # make_inspection's finding text
    assert policy_client.get("/outcomes/outcomes.pdf").status_code == 404


def test_the_page_follows_the_store(policy_client: Client) -> None:
    assert b"No inspections in the store yet" in policy_client.get("/outcomes/").content
    make_inspection("northwold", "Northwold Borough Council")
    page = policy_client.get("/outcomes/").content.decode()
    assert "No inspections in the store yet" not in page
    assert "Contact, referral and assessment (2010)" in page


def test_compare_aspects_filter_the_page_and_its_downloads_and_the_address_shares_them(
    policy_client: Client,
) -> None:
    query = "regimes=cra_2010&regimes=slac_2009&start=2011-10-17&aspects=notice&aspects=grading"
    page = policy_client.get(f"/compare/?{query}").content.decode()
    assert 'id="row-notice"' in page and 'id="row-grading"' in page
    assert 'id="row-legal_basis"' not in page
    assert f"comparison.md?{query.replace('&', '&amp;')}" in page  # downloads keep the view
    markdown = policy_client.get(f"/compare/comparison.md?{query}").content.decode()
    assert "Notice" in markdown and "Legal basis" not in markdown
    everything = policy_client.get("/compare/?regimes=cra_2010").content.decode()
    assert 'id="row-legal_basis"' in everything
    assert policy_client.get("/compare/?aspects=no_such_aspect").status_code == 400


def test_a_council_named_in_markup_is_text_in_the_lineup(policy_client: Client) -> None:
    """Two published inspections of one council, in regimes the crosswalk links."""
    host = get_host()
    for name, regime_id, start in (
        ("evil-cra", "cra_2010", date(2011, 10, 17)),
        ("evil-cp", "child_protection_2012", date(2012, 6, 11)),
    ):
        record = make_inspection(name, EVIL_COUNCIL, regime_id=regime_id, start=start)
        final = host.regime(regime_id).regime.publication_milestone
        assert final
        record.done = {final: start.isoformat()}  # published (any day from day 1)
        record.save()
    page = policy_client.get("/outcomes/").content.decode()
    lineup = page[page.index('id="lineup"') :]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in lineup
    assert "<script>alert(1)" not in page
    assert "Finding for" not in page  # make_inspection's finding text: counts only


def test_an_inspection_that_cannot_be_counted_is_said_not_hidden(policy_client: Client) -> None:
    make_inspection("northwold", "Northwold Borough Council")
    Inspection.objects.create(
        name="gone", regime="no_such_regime", council="X", start=date(2012, 6, 11), plan={}
    )
    bent = make_inspection("bent", "Y Council")
    bent.plan = {"not": "a plan"}
    bent.save()
    page = policy_client.get("/outcomes/").content.decode()
    assert "1 inspection of no_such_regime: its plugin is not installed" in page
    assert "1 inspection of cra_2010: the stored plan does not fit the installed regime" in page
    assert "Contact, referral and assessment (2010)" in page  # the rest still counted
