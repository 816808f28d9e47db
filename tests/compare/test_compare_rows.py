"""The comparison's rows say what each regime's sources say, each cell with its source."""

from __future__ import annotations

from datetime import date

import pytest

from inspectkit.compare import ROWS, Cell, Comparison, build_comparison
from inspectkit.errors import InputError
from inspectkit.model import Regime


def test_rows_are_every_aspect_in_order(dated: Comparison) -> None:
    assert [row.id for row in dated.rows] == [row_id for row_id, _ in ROWS]
    assert [h.id for h in dated.regimes] == ["slac_2009", "cra_2010", "child_protection_2012"]


def test_every_cell_names_a_source(dated: Comparison) -> None:
    for row in dated.rows:
        assert len(row.cells) == 3
        for cell in row.cells:
            assert cell.text.strip(), row.id
            assert cell.source.strip(), (row.id, cell)


def test_cra_column_at_a_glance(dated: Comparison) -> None:
    """The issue's 'done when': no notice, two inspectors, two days, no grades, 20 cases,
    publication within 20 working days of the site visit — and the date it falls."""

    def cell(row: str) -> Cell:
        return dated.cell(row, "cra_2010")

    assert cell("notice").text == "unannounced; no notice"
    assert "100025 §5" in cell("notice").source
    assert cell("team").text.startswith("at least 2 inspectors")
    assert cell("days_on_site").text == "2 days"
    assert cell("grading").text.startswith("no grades")
    assert cell("sampling").text == "at least 20 cases"
    assert "100025 §35" in cell("sampling").source
    report = cell("report").text
    assert report.startswith("letter;")
    assert "within 20 working days of the end of the site visit" in report
    # site visit 18-19 Oct 2011 → 20 working days later (Sunderland 2012 §3.1: letter on
    # 16 Nov 2011)
    assert "16 November 2011" in report


def test_slac_column(dated: Comparison) -> None:
    def cell(row: str) -> Cell:
        return dated.cell(row, "slac_2009")

    assert cell("notice").text == "announced; notice: up to 10 working days"
    assert cell("days_on_site").text == "up to 10 working days"
    team = cell("team")
    assert "Ofsted inspector: at least 3 inspectors, Ofsted" in team.details
    assert "Care Quality Commission inspector: 1 inspectors, Care Quality Commission" in (
        team.details
    )
    assert cell("grading").text.startswith("graded: Four-point scale")
    assert "Outstanding / Good / Adequate / Inadequate" in cell("grading").text
    assert cell("limiting_rules").text.startswith("7 rules")
    assert all(d.startswith(("[likely]", "[unlikely]")) for d in cell("limiting_rules").details)
    assert cell("sampling").text == "at least 20 cases (at least 8 cases + at least 12 cases)"


def test_child_protection_column(dated: Comparison) -> None:
    def cell(row: str) -> Cell:
        return dated.cell(row, "child_protection_2012")

    notice = cell("notice")
    assert notice.text == "unannounced; no notice"
    assert "Day 1 is normally a Monday." in notice.details
    assert any("notified on day one" in d for d in notice.details)
    assert cell("sampling").text == "at least 50 cases"
    assert cell("report").text == "report; deadlines not specified"
    assert cell("limiting_rules").text == "none stated in the sources"


def test_unbounded_measure_reads_not_specified(shipped: list[Regime]) -> None:
    import attrs

    cra = shipped[1]
    silent = attrs.evolve(
        cra.team.days_on_site, min=None, max=None, text="not specified", source="test"
    )
    regime = attrs.evolve(cra, team=attrs.evolve(cra.team, days_on_site=silent))
    comparison = build_comparison([regime])
    assert comparison.cell("days_on_site", "cra_2010").text == "not specified"
    assert comparison.cell("days_on_site", "cra_2010").source == "test"


def test_timeline_offsets_without_start(undated: Comparison) -> None:
    cra = {e.milestone_id: e for e in undated.timeline if e.regime_id == "cra_2010"}
    assert (cra["site_visit"].first_day, cra["site_visit"].last_day) == (2, 3)
    assert cra["publication"].last_day == 23
    assert cra["publication"].first is None
    assert undated.cell("timeline", "cra_2010").text == "10 milestones, day 1 to day 23"


def test_timeline_dates_from_one_start(dated: Comparison) -> None:
    cra = {e.milestone_id: e for e in dated.timeline if e.regime_id == "cra_2010"}
    assert cra["site_visit"].first == date(2011, 10, 18)
    assert cra["site_visit"].last == date(2011, 10, 19)
    assert cra["publication"].due == date(2011, 11, 16)
    slac = {e.milestone_id: e for e in dated.timeline if e.regime_id == "slac_2009"}
    assert all(e.first is not None and e.first >= date(2011, 10, 17) for e in slac.values())


def test_information_requested_counts_by_kind(dated: Comparison) -> None:
    cell = dated.cell("information_requested", "cra_2010")
    regime_requests = [r for r in dated.requests if r.regime_id == "cra_2010"]
    assert len(cell.details) == len(regime_requests)
    assert "11 management information" in cell.text
    assert "held by Ofsted" in cell.text
    assert cell.source.startswith("100025")


def test_a_start_on_a_weekend_is_one_clear_error(shipped: list[Regime]) -> None:
    with pytest.raises(InputError) as caught:
        build_comparison(shipped, start=date(2011, 10, 15))
    assert "Saturday" in caught.value.problems[0]


def test_a_regime_named_twice_is_an_error(shipped: list[Regime]) -> None:
    with pytest.raises(InputError, match="more than once"):
        build_comparison([shipped[0], shipped[0]])
