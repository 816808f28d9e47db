"""Regime data files load into the model, and every mistake is reported with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspectkit.errors import InputError
from inspectkit.loading import load_regime, regime_to_data
from inspectkit.model import Regime


def problems_loading(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_regime(path, use_cache=False)
    return caught.value.problems


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_mini_regime_loads(mini_regime_dir: Path) -> None:
    regime = load_regime(mini_regime_dir)
    assert isinstance(regime, Regime)
    assert regime.id == "mini_2020"
    assert regime.graded is True
    assert regime.year == 2020
    assert [m.id for m in regime.timeline.milestones] == ["notification", "fieldwork", "report"]
    assert regime.team.days_on_site.describe() == "not specified"
    assert regime.notice.period.describe() == "up to 5 working days"


def test_unknown_key_is_named_with_file_and_path(mini_regime_dir: Path) -> None:
    edit(mini_regime_dir / "regime.toml", 'actor = "Team"', 'actr = "Team"')
    problems = problems_loading(mini_regime_dir)
    file = str(mini_regime_dir / "regime.toml")
    assert f"{file}: timeline.milestones[1]: unknown key(s) actr" in problems
    assert f"{file}: timeline.milestones[1].actor: required key is missing" in problems


def test_wrong_types_are_reported_not_coerced(mini_regime_dir: Path) -> None:
    edit(mini_regime_dir / "regime.toml", "graded = true", 'graded = "no"')
    edit(mini_regime_dir / "regime.toml", "within = 10", 'within = "ten"')
    problems = problems_loading(mini_regime_dir)
    assert any("scale.graded: expected true or false" in p for p in problems)
    assert any(
        "timeline.milestones[2].deadline.within: expected a whole number" in p for p in problems
    )


def test_literal_choices_are_listed(mini_regime_dir: Path) -> None:
    edit(mini_regime_dir / "regime.toml", 'strength = "likely"', 'strength = "probably"')
    problems = problems_loading(mini_regime_dir)
    assert any(
        "limiting_rules[0].strength: expected one of likely, unlikely, hard" in p for p in problems
    )


def test_validator_messages_survive(mini_regime_dir: Path) -> None:
    edit(
        mini_regime_dir / "regime.toml",
        "days = { first = 4, last = 6 }",
        "days = { first = 6, last = 4 }",
    )
    problems = problems_loading(mini_regime_dir)
    assert any(
        "timeline.milestones[1].days: days 6–4 must run forward from day 1" in p for p in problems
    )


def test_every_problem_is_reported_in_one_run(mini_regime_dir: Path) -> None:
    edit(mini_regime_dir / "regime.toml", 'actor = "Team"', 'actr = "Team"')
    edit(mini_regime_dir / "regime.toml", 'strength = "likely"', 'strength = "probably"')
    assert len(problems_loading(mini_regime_dir)) >= 3


def test_invalid_toml_names_the_file_and_line(mini_regime_dir: Path) -> None:
    (mini_regime_dir / "extra.toml").write_text("this is = = not toml\n", encoding="utf-8")
    (problem,) = problems_loading(mini_regime_dir)
    assert problem.startswith(f"{mini_regime_dir / 'extra.toml'}: not valid TOML")
    assert "line 1" in problem


def test_a_key_defined_in_two_files_is_refused(mini_regime_dir: Path) -> None:
    (mini_regime_dir / "more.toml").write_text('version = "2"\n', encoding="utf-8")
    (problem,) = problems_loading(mini_regime_dir)
    assert problem == f"{mini_regime_dir / 'regime.toml'}: version: already defined in more.toml"


def test_missing_directory_is_one_line(tmp_path: Path) -> None:
    (problem,) = problems_loading(tmp_path / "nowhere")
    assert "no such regime data file or directory" in problem


def test_cache_returns_equal_regime_and_notices_edits(mini_regime_dir: Path) -> None:
    first = load_regime(mini_regime_dir)
    again = load_regime(mini_regime_dir)
    assert again == first
    edit(mini_regime_dir / "regime.toml", 'title = "Mini regime for tests"', 'title = "Renamed"')
    assert load_regime(mini_regime_dir).title == "Renamed"


def test_regime_round_trips_through_plain_data(mini_regime_dir: Path) -> None:
    regime = load_regime(mini_regime_dir)
    data = regime_to_data(regime)
    assert data["timeline"]["milestones"][2]["deadline"]["within"] == 10
    from inspectkit.loading import converter

    assert converter().structure(data, Regime) == regime


def test_a_string_where_a_list_belongs_is_an_error_not_a_list_of_letters(
    mini_regime_dir: Path,
) -> None:
    edit(mini_regime_dir / "regime.toml", 'any_of = ["safety"]', 'any_of = "safety"')
    problems = problems_loading(mini_regime_dir)
    file = str(mini_regime_dir / "regime.toml")
    assert any(
        p.startswith(f"{file}: ") and p.endswith("any_of: expected a list [...], got str 'safety'")
        for p in problems
    ), problems
