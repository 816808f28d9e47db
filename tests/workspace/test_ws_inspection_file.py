"""Loading inspection.toml: every validation error names the file and the key path."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from inspectkit.errors import InputError
from inspectkit.plugins import get_host
from inspectkit.workspace import load_workspace
from inspectkit.workspace.init import init_workspace


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_workspace(directory, get_host())
    return caught.value.problems


def test_a_valid_cra_file_loads_with_its_findings(write_inspection):
    directory = write_inspection(
        """
[[findings]]
area = "working_together"
type = "area_for_development"
text = "Multi-agency strategy meetings are not routinely held."
evidence = "Strategy records for case ref 4411."
recommendations = ["Hold strategy meetings on a multi-agency basis."]
"""
    )
    workspace = load_workspace(directory, get_host())
    (finding,) = workspace.inspection.findings
    assert finding.level == "area_for_development"
    assert finding.recommendations == ("Hold strategy meetings on a multi-agency basis.",)
    assert workspace.regime.regime.id == "cra_2010"
    assert workspace.inspection.recorded_levels() == {"area_for_development"}


def test_unknown_judgement_area_is_named_with_its_location(write_inspection):
    directory = write_inspection(
        '[[findings]]\narea = "thresholds"\ntype = "satisfactory"\ntext = "x"\n'
    )
    (problem,) = problems_of(directory)
    assert problem.startswith(f"{directory / 'inspection.toml'}: findings[0].area:")
    assert "unknown judgement area 'thresholds'" in problem


def test_finding_type_the_regime_lacks(write_inspection):
    directory = write_inspection(
        '[[findings]]\narea = "working_together"\ntype = "area_of_weakness"\ntext = "x"\n'
    )
    (problem,) = problems_of(directory)
    assert ": findings[0].type: 'area_of_weakness' is not a finding type of cra_2010" in problem
    assert "area_for_priority_action" in problem


def test_a_grade_in_an_ungraded_regime(write_inspection):
    directory = write_inspection('[[grades]]\narea = "working_together"\ngrade = "good"\n')
    (problem,) = problems_of(directory)
    assert ": grades[0]: grade 'good' given, but cra_2010 is ungraded" in problem


def test_a_grade_not_on_the_scale(write_inspection):
    directory = write_inspection(
        '[[grades]]\narea = "children_safe"\ngrade = "satisfactory"\n', regime="slac_2009"
    )
    (problem,) = problems_of(directory)
    assert ": grades[0].grade: 'satisfactory' is not on slac_2009's scale" in problem
    assert "outstanding, good, adequate, inadequate" in problem


def test_grading_an_area_that_carries_no_grade(write_inspection):
    directory = write_inspection(
        '[[grades]]\narea = "safeguarding_outcomes"\ngrade = "good"\n', regime="slac_2009"
    )
    (problem,) = problems_of(directory)
    assert ": grades[0].grade: 'safeguarding_outcomes'" in problem
    assert "graded = false" in problem


def test_graded_area_without_a_grade_and_duplicates(write_inspection):
    directory = write_inspection(
        '[[grades]]\narea = "children_safe"\ntext = "x"\n'
        '[[grades]]\narea = "children_feel_safe"\ngrade = "good"\n'
        '[[grades]]\narea = "children_feel_safe"\ngrade = "adequate"\n',
        regime="slac_2009",
    )
    problems = problems_of(directory)
    assert any("grades[0].grade: 'children_safe' needs a grade" in p for p in problems)
    assert any(
        "grades[2].area: 'children_feel_safe' is already recorded at grades[1]" in p
        for p in problems
    )


def test_findings_in_a_graded_regime_are_refused(write_inspection):
    directory = write_inspection(
        '[[findings]]\narea = "children_safe"\ntype = "good"\ntext = "x"\n', regime="slac_2009"
    )
    assert any(": findings: slac_2009 is graded" in p for p in problems_of(directory))


def test_a_misspelt_key_is_an_error_not_ignored(write_inspection):
    directory = write_inspection(
        '[[findings]]\narea = "working_together"\ntype = "satisfactory"\ntext = "x"\n'
        'evidnce = "y"\n'
    )
    (problem,) = problems_of(directory)
    assert "findings[0]: unknown key(s) evidnce" in problem


def test_wrong_types_and_bad_dates(write_inspection):
    header = 'regime = "cra_2010"\ncouncil = "N"\nstart = "17/10/2011"\nteam = "Lead inspector"\n'
    problems = problems_of(write_inspection("", header=header))
    assert any(": start: expected a date such as 2011-10-18" in p for p in problems)
    assert any(": team: expected a list [...], got str 'Lead inspector'" in p for p in problems)


def test_an_unknown_regime(write_inspection):
    header = 'regime = "ofsted_1066"\ncouncil = "N"\nstart = 2011-10-17\n'
    (problem,) = problems_of(write_inspection("", header=header))
    assert ": regime: unknown regime 'ofsted_1066'" in problem


@pytest.mark.parametrize("member", ["Jane Smith", "Mrs Patel, team manager"])
def test_team_takes_job_titles_not_names(write_inspection, member):
    header = f'regime = "cra_2010"\ncouncil = "N"\nstart = 2011-10-17\nteam = ["{member}"]\n'
    (problem,) = problems_of(write_inspection("", header=header))
    assert ": team[0]: expected a job title" in problem


def test_a_name_in_finding_text_is_refused(write_inspection):
    directory = write_inspection(
        '[[findings]]\narea = "working_together"\ntype = "satisfactory"\n'
        'text = "Mr Jones, the duty manager, responds promptly."\n'
    )
    (problem,) = problems_of(directory)
    assert (
        "findings[0].text: an honorific and a name at character 1 look like a person's name"
    ) in problem
    assert "Jones" not in problem  # the name is never repeated


def test_assertions_and_sections_must_exist_in_the_regime(write_inspection):
    directory = write_inspection(
        "[assertions]\nlac_good_progress = true\n[sections]\nintroduction = 'x'\n",
        regime="slac_2009",
    )
    problems = problems_of(directory)
    assert any(
        "assertions.lac_good_progress: no limiting rule of slac_2009 asks this" in p
        and "lac_good_educational_progress" in p
        for p in problems
    )
    assert any("sections.introduction: slac_2009's report has no section" in p for p in problems)


def test_plugin_checks_are_added(write_inspection):
    from inspectkit.hookspecs import hookimpl
    from inspectkit.plugins import PluginInfo

    class Strict:
        """Extends cra_2010, so its check is called for cra_2010 inspections."""

        @hookimpl
        def inspectkit_extended_regimes(self):
            return ["cra_2010"]

        @hookimpl
        def inspectkit_check_inspection(self, regime, inspection):
            return [f"{regime.id}: a test plugin wants sites"] if not inspection.sites else None

    host = get_host()
    plugin = Strict()
    assert host.add_plugin(plugin, PluginInfo(name="test-strict"))
    try:
        (problem,) = problems_of(write_inspection(""))
    finally:
        host.remove_plugin("test-strict")
    assert problem.endswith("inspection.toml: cra_2010: a test plugin wants sites")


@pytest.mark.parametrize("regime_id", ["cra_2010", "slac_2009", "child_protection_2012"])
def test_init_writes_a_starter_that_loads_and_lists_the_regime(tmp_path, regime_id):
    from datetime import date

    registered = get_host().regime(regime_id)
    start = {
        "cra_2010": date(2011, 10, 17),
        "slac_2009": date(2009, 11, 2),
        "child_protection_2012": date(2012, 6, 11),
    }[regime_id]
    result = init_workspace(tmp_path / "ws", registered.regime, "Northwold", start)
    text = (tmp_path / "ws" / "inspection.toml").read_text(encoding="utf-8")
    for _, area in registered.regime.evaluation.walk():
        assert area.id in text
    for level in registered.regime.scale.levels:
        assert level.id in text
    assert (tmp_path / "ws" / "plan.json").is_file()
    assert (tmp_path / "ws" / "templates").is_dir()
    workspace = load_workspace(tmp_path / "ws", get_host())
    assert workspace.inspection.findings == ()
    assert workspace.plan().start == start
    assert len(result.written) == 3


@pytest.mark.parametrize("regime_id", ["cra_2010", "slac_2009", "child_protection_2012"])
def test_the_starter_team_puts_the_lead_first_and_leaves_out_quality_assurance(regime_id):
    from datetime import date

    from inspectkit.workspace.init import starter_header

    regime = get_host().regime(regime_id).regime
    header = starter_header(regime, "Northwold", date(2011, 10, 17))
    # job titles, or people by role where the regime's templates ask for names (cra_2010)
    team = tomllib.loads(header)["team"]
    members = [m if isinstance(m, str) else m["role"] for m in team]
    assert members[0] == "Lead inspector"  # documents sign and name the first member as lead
    assert not any("quality assurance" in m.lower() for m in members)
    assert len(members) == len(set(members)) >= 2


@pytest.mark.parametrize(("regime_id", "groups"), [("cra_2010", ["outcome"]), ("slac_2009", [])])
def test_the_starter_shows_where_a_missing_sentence_goes_only_when_there_are_groups(
    regime_id, groups
):
    from inspectkit.workspace.init import starter_body

    body = starter_body(get_host().regime(regime_id).regime)
    assert ("# [statements]" in body) is bool(groups)
    for group in groups:
        assert f'# {group} = "..."' in body


@pytest.mark.parametrize("written", ["Mr Ólafsson", "MR JONES", "mr Jones", "Dr. Ng", "cllr Åberg"])
def test_a_name_after_an_honorific_is_caught_in_any_case_and_alphabet(write_inspection, written):
    directory = write_inspection(
        '[[findings]]\narea = "working_together"\ntype = "satisfactory"\n'
        f'text = "{written}, the duty manager, responds promptly."\n'
    )
    (problem,) = problems_of(directory)
    assert "findings[0].text: an honorific and a name at character 1 look like" in problem
    assert written not in problem


def test_a_lower_case_word_after_an_honorific_like_word_is_not_a_name(write_inspection):
    directory = write_inspection(
        '[[findings]]\narea = "working_together"\ntype = "satisfactory"\n'
        'text = "Children rarely miss appointments; ms notes are kept."\n'
    )
    assert load_workspace(directory, get_host()).inspection.findings


def test_a_byte_order_mark_from_notepad_is_accepted(write_inspection):
    directory = write_inspection(
        '[[findings]]\narea = "working_together"\ntype = "satisfactory"\ntext = "Timely."\n'
    )
    path = directory / "inspection.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_workspace(directory, get_host()).inspection.findings[0].text == "Timely."


@pytest.mark.parametrize("depth", [101, 100_000])
def test_absurd_nesting_is_one_line_naming_the_file(write_inspection, depth):
    directory = write_inspection(f"x = {'[' * depth}{']' * depth}\n")
    (problem,) = problems_of(directory)
    assert problem == (
        f"{directory / 'inspection.toml'}: tables or arrays nested more than 100 levels deep; "
        "inspectkit reads at most 100"
    )


def test_init_writes_the_inspections_calendar_id_and_the_file_keeps_it(tmp_path):
    from datetime import date

    from inspectkit.identity import inspection_id

    regime = get_host().regime("cra_2010").regime
    init_workspace(tmp_path / "ws", regime, "Sunderland City Council", date(2011, 10, 17))
    expected = inspection_id("cra_2010", "Sunderland City Council", date(2011, 10, 17))
    text = (tmp_path / "ws" / "inspection.toml").read_text(encoding="utf-8")
    assert f'id = "{expected}"' in text
    renamed = text.replace('council = "Sunderland City Council"', 'council = "Sunderland"')
    (tmp_path / "ws" / "inspection.toml").write_text(renamed, encoding="utf-8")
    assert (
        load_workspace(tmp_path / "ws", get_host()).inspection.identity == expected
    )  # kept as written
