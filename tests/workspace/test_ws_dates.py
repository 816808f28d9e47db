"""Dates the regime's sources do not give: the inspector enters them, and check says so.

Council briefing 2012 dates neither the day the 2012 child protection inspection ends nor its
report; documents print "[date to be entered]" until ``[dates]`` records them.
"""

from __future__ import annotations

from tests.cli_run import run_main


def test_check_says_which_dates_the_documents_leave_blank(write_inspection, capsys) -> None:
    directory = write_inspection("", regime="child_protection_2012")
    status, _, err = run_main(capsys, "check", str(directory))
    assert status == 0  # a blank to fill in, not an error
    text = " ".join(err.split())
    assert "dates.inspection_ends: The last day of the inspection on site: Not specified" in text
    assert "[dates] inspection_ends = YYYY-MM-DD" in text
    assert "dates.report_published:" in text
    assert "letter_date: the date of the report is not specified by the sources" in text
    entered = write_inspection(
        "[dates]\ninspection_ends = 2012-06-20\nreport_published = 2012-07-18\n",
        regime="child_protection_2012",
        folder="entered",
    )
    status, _, err = run_main(capsys, "check", str(entered))
    assert status == 0
    assert "not specified" not in err.lower()


def test_only_an_undated_milestone_takes_the_inspectors_date(write_inspection, capsys) -> None:
    directory = write_inspection(
        "[dates]\nfieldwork_ends = 2012-06-20\nnonsense = 2012-06-20\n",
        regime="child_protection_2012",
    )
    status, _, err = run_main(capsys, "check", str(directory))
    assert status == 2
    text = " ".join(err.split())
    assert (
        "dates.fieldwork_ends: child_protection_2012 dates 'fieldwork_ends' from the start" in text
    )
    assert "dates.nonsense: child_protection_2012 has no milestone 'nonsense'" in text
