"""A plugin adds a kind of limiting-rule condition and an output format, and no core module
changes: the kind is used by its regime's data, checked, evaluated and shown like the core's
own; the format is chosen by extension wherever its product is written.  A broken
extension takes down only itself, in one line naming it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from attrs import evolve, frozen
from tests.cli_run import run_main

from inspectkit import hookimpl
from inspectkit.errors import InputError
from inspectkit.files import write_text_atomic
from inspectkit.hookspecs import (
    RegisterConditionKind,
    RegisterRegime,
    RegisterSamplingMechanism,
    RegisterWriter,
)
from inspectkit.judgements import apply_limiting_rules
from inspectkit.loading import load_regime
from inspectkit.model import (
    Condition,
    DoesNotHold,
    FindingCondition,
    Holds,
    PhaseDrawing,
    Regime,
    Selection,
)
from inspectkit.model.inspection import Finding, Inspection
from inspectkit.plan_export import PlanExport
from inspectkit.plugins import PluginHookError, PluginHost, PluginInfo, get_host

MINI = Path(__file__).parent / "data" / "mini_regime" / "regime.toml"
WHEN = 'when = { any_of = ["safety"], graded_at_most = "inadequate" }'
# the mini regime with a third area, and its rule on the plugin's kind
COUNTED = 'when = { at_least = 2, of = ["safety", "help"], graded_at_most = "adequate" }'
HELP_AREA = '[[evaluation.areas]]\nid = "help"\ntitle = "Help is early"\nsource = "T1 §5"\n\n'


@frozen(kw_only=True)
class AtLeastOf(Condition):
    """At least ``at_least`` of the areas ``of`` graded ``graded_at_most`` or worse."""

    key = "at_least"

    at_least: int
    of: tuple[str, ...]
    graded_at_most: str

    def problems(self, regime: Regime) -> list[str]:
        missing = [a for a in self.of if regime.evaluation.area(a) is None]
        return [f"refers to missing judgement area {a!r}" for a in missing]

    def evaluate(self, regime: Regime, inspection: Inspection) -> Holds | DoesNotHold:
        limit = regime.scale.rank(self.graded_at_most)
        low = [
            area
            for area in self.of
            if (grade := inspection.grade_of(area)) and regime.scale.rank(grade) >= limit
        ]
        if len(low) < self.at_least:
            return DoesNotHold(message=f"only {len(low)} of {len(self.of)} areas so graded")
        return Holds(
            because=f"{len(low)} areas graded {self.graded_at_most} or worse", triggers=tuple(low)
        )


def plan_markdown(export: PlanExport, path: Path) -> None:
    rows = [f"| {p.milestone.title} | {p.first:%d/%m/%Y} |" for p in export.plan.milestones]
    write_text_atomic(path, "\n".join(["| Milestone | Date |", "| --- | --- |", *rows]) + "\n")


class CountingPlugin:
    """A regime whose limiting rule uses the plugin's own condition kind, and a plan format."""

    def __init__(self, data: Path) -> None:
        self.data = data

    @hookimpl
    def inspectkit_register_condition_kinds(self, register: RegisterConditionKind) -> None:
        register(AtLeastOf)

    @hookimpl
    def inspectkit_register_writers(self, register: RegisterWriter) -> None:
        register("plan", ".md", plan_markdown, description="Markdown")

    @hookimpl
    def inspectkit_register_regimes(self, register: RegisterRegime) -> None:
        register(load_regime(self.data))


@pytest.fixture
def counted_data(tmp_path: Path) -> Path:
    text = MINI.read_text(encoding="utf-8")
    assert WHEN in text
    text = text.replace(WHEN, COUNTED).replace(
        "[[limiting_rules]]", HELP_AREA + "[[limiting_rules]]"
    )
    target = tmp_path / "counted.toml"
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def host(counted_data: Path) -> PluginHost:
    host = get_host()
    info = PluginInfo(name="counting", distribution="inspectkit-counting", version="1.0")
    assert host.add_plugin(CountingPlugin(counted_data), info), host.broken
    return host


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """A folder for outputs alone (the test's cache lives beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _inspection(**grades: str) -> Inspection:
    findings = tuple(Finding(area=area, level=grade) for area, grade in grades.items())
    return Inspection(
        regime="mini_2020", council="Example Council", start=date(2020, 3, 2), findings=findings
    )


def test_the_core_registers_its_own_kinds_and_writers_through_the_same_hooks() -> None:
    host = get_host()
    assert {"any_of", "finding", "assertion"} <= set(host.kinds)
    assert host.kinds["finding"].plugin.name == "inspectkit.default_plugins.conditions"
    assert host.writers[("sample", ".csv")].plugin.distribution == "inspectkit"
    assert host.suffixes("plan") == [".csv", ".ics", ".json"]


def test_a_plugins_condition_kind_is_loaded_checked_and_evaluated(host: PluginHost) -> None:
    regime = host.regime("mini_2020").regime
    (rule,) = regime.limiting_rules
    assert rule.when == AtLeastOf(at_least=2, of=("safety", "help"), graded_at_most="adequate")

    (outcome,) = apply_limiting_rules(regime, _inspection(overall="good", safety="inadequate"))
    assert outcome.status == "not_fired"
    assert outcome.message.startswith("only 1 of 2 areas so graded: T1 §6")

    graded = _inspection(overall="good", safety="inadequate", help="adequate")
    (outcome,) = apply_limiting_rules(regime, graded)
    assert (outcome.status, outcome.severity) == ("inconsistent", "warning")
    assert outcome.triggers == ("safety", "help")
    assert "but 2 areas graded adequate or worse" in outcome.message


def test_the_kind_keeps_its_own_fields_as_data(host: PluginHost) -> None:
    from inspectkit.loading import regime_to_data

    data = regime_to_data(host.regime("mini_2020").regime)
    assert data["limiting_rules"][0]["when"] == {
        "at_least": 2,
        "of": ["safety", "help"],
        "graded_at_most": "adequate",
    }


def test_regime_data_naming_a_kind_nobody_installed_is_one_clear_line(
    counted_data: Path, host: PluginHost
) -> None:
    # the host with the kind installed has loaded (and cached) this data; loaded without
    # the kind, the cache must not hand back a regime the kinds in scope cannot read
    with pytest.raises(InputError) as caught:
        load_regime(counted_data)
    (line,) = caught.value.problems
    assert line.endswith(
        "limiting_rules[0].when: give exactly one of the condition keys any_of, finding, assertion"
    )


def test_a_kinds_own_checks_refuse_the_regime(counted_data: Path) -> None:
    counted_data.write_text(
        counted_data.read_text(encoding="utf-8").replace('of = ["safety", "help"]', 'of = ["x"]'),
        encoding="utf-8",
    )
    host = get_host()
    assert not host.add_plugin(CountingPlugin(counted_data), PluginInfo(name="counting"))
    assert "refers to missing judgement area 'x'" in host.broken[-1].reason
    assert "at_least" not in host.kinds  # a broken plugin's extensions are not used
    assert ("plan", ".md") not in host.writers


def test_one_plugins_regime_may_use_another_plugins_kind(counted_data: Path) -> None:
    class KindOnly:
        @hookimpl
        def inspectkit_register_condition_kinds(self, register: RegisterConditionKind) -> None:
            register(AtLeastOf)

    class RegimeOnly:
        @hookimpl
        def inspectkit_register_regimes(self, register: RegisterRegime) -> None:
            register(load_regime(counted_data))

    host = get_host()
    assert host.add_plugin(KindOnly(), PluginInfo(name="kinds"))
    assert host.add_plugin(RegimeOnly(), PluginInfo(name="regime"))
    assert isinstance(host.regime("mini_2020").regime.limiting_rules[0].when, AtLeastOf)


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        (
            FindingCondition,
            "condition kind 'finding' is already registered by "
            "inspectkit.default_plugins.conditions (inspectkit",
        ),
        (str, "registered <class 'str'>, not an attrs Condition class"),
    ],
)
def test_a_kind_that_cannot_be_used_breaks_only_its_plugin(kind: type, reason: str) -> None:
    class Clashing:
        @hookimpl
        def inspectkit_register_condition_kinds(self, register: RegisterConditionKind) -> None:
            register(kind)

    host = get_host()
    assert not host.add_plugin(Clashing(), PluginInfo(name="clashing"))
    assert host.broken[-1].reason.startswith(reason)
    assert "cra_2010" in host.regimes and host.kinds["finding"].kind is FindingCondition


def test_a_kind_that_raises_names_itself_in_one_line(host: PluginHost) -> None:
    class Raising(AtLeastOf):
        def evaluate(self, regime: Regime, inspection: Inspection) -> Holds | DoesNotHold:
            raise RuntimeError("boom")

    regime = host.regime("mini_2020").regime
    rule = evolve(
        regime.limiting_rules[0], when=Raising(at_least=1, of=("safety",), graded_at_most="good")
    )
    with pytest.raises(PluginHookError) as caught:
        apply_limiting_rules(evolve(regime, limiting_rules=(rule,)), _inspection())
    (line,) = caught.value.problems
    assert line == (
        "mini_2020: limiting rule safety_limits_overall: condition kind 'at_least' of "
        f"{__name__} raised RuntimeError: boom"
    )


def test_a_plugins_plan_format_is_chosen_by_extension(
    capsys: pytest.CaptureFixture[str], host: PluginHost, out_dir: Path
) -> None:
    target = out_dir / "plan.md"
    status, out, err = _plan(capsys, "-o", str(target))
    assert status == 0, err
    assert "wrote Markdown plan to" in out
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["| Milestone | Date |", "| --- | --- |"]
    assert "17/10/2011 |" in lines[2]


def test_an_extension_no_writer_takes_lists_those_there_are(
    capsys: pytest.CaptureFixture[str], host: PluginHost, out_dir: Path
) -> None:
    status, _out, err = _plan(capsys, "-o", str(out_dir / "plan.pdf"))
    assert status == 2
    assert (
        f"{out_dir / 'plan.pdf'}: expected a plan file ending in one of .csv, .ics, .json, .md"
        in err
    )
    assert list(out_dir.iterdir()) == []


def test_a_writer_that_raises_is_one_line_naming_plugin_and_writer(
    capsys: pytest.CaptureFixture[str], out_dir: Path
) -> None:
    class Broken:
        @hookimpl
        def inspectkit_register_writers(self, register: RegisterWriter) -> None:
            register("plan", ".md", _raise, description="Markdown")

    info = PluginInfo(name="broken-md", distribution="inspectkit-broken-md", version="0.3")
    assert get_host().add_plugin(Broken(), info)
    status, _out, err = _plan(
        capsys, "-o", str(out_dir / "plan.md"), "--csv", str(out_dir / "plan.csv")
    )
    assert status == 2
    assert (
        "plugin broken-md (inspectkit-broken-md 0.3): plan writer for .md "
        "(inspectkit_register_writers) raised RuntimeError: boom"
    ) in err
    assert "Traceback" not in err
    assert [p.name for p in out_dir.iterdir()] == ["plan.csv"]  # the core's CSV, written first


def _plan(capsys: pytest.CaptureFixture[str], *outputs: str) -> tuple[int, str, str]:
    return run_main(capsys, "plan", "--regime", "cra_2010", "--start", "2011-10-17", *outputs)


def _raise(value: object, path: Path) -> None:
    raise RuntimeError("boom")


def test_a_suffix_already_taken_breaks_only_the_plugin_that_takes_it() -> None:
    class Clashing:
        @hookimpl
        def inspectkit_register_writers(self, register: RegisterWriter) -> None:
            register("sample", ".csv", _raise, description="mine")

    host = get_host()
    assert not host.add_plugin(Clashing(), PluginInfo(name="clashing"))
    assert host.broken[-1].reason.startswith(
        "a sample writer for .csv is already registered by inspectkit.default_plugins.writers"
    )
    assert host.writers[("sample", ".csv")].plugin.distribution == "inspectkit"


# -- a sampling mechanism -------------------------------------------------------------

PHASE_SIZE = 'size = { min = 4, unit = "cases", text = "at least four", source = "T1 §7" }\n'
SELECT = 'select = [{ earliest_referrals = 2, source = "T1 §7" }]\n'


@frozen(kw_only=True)
class EarliestReferrals(Selection):
    """The ``earliest_referrals`` cases referred longest ago (ties by row order)."""

    key = "earliest_referrals"

    earliest_referrals: int

    def describe(self) -> str:
        return f"the {self.earliest_referrals} cases referred longest ago"

    def fields(self) -> tuple[str, ...]:
        return ("referral_date",)

    def draw(self, drawing: PhaseDrawing) -> None:
        dated = []
        for index in drawing.available(drawing.population):
            if (day := drawing.day(index, "referral_date")) is not None:
                dated.append((day, index))
        for _day, index in sorted(dated)[: self.earliest_referrals]:
            drawing.take(index, f"earliest referral ({self.source})")
        if len(dated) < self.earliest_referrals:
            drawing.shortfall(f"only {len(dated)} case(s) have a referral date")


class SamplingPlugin:
    def __init__(self, data: Path, kind: type[Selection] = EarliestReferrals) -> None:
        self.data = data
        self.kind = kind

    @hookimpl
    def inspectkit_register_sampling_mechanisms(self, register: RegisterSamplingMechanism) -> None:
        register(self.kind)

    @hookimpl
    def inspectkit_register_regimes(self, register: RegisterRegime) -> None:
        register(load_regime(self.data))


@pytest.fixture
def selecting_data(tmp_path: Path) -> Path:
    text = MINI.read_text(encoding="utf-8")
    assert PHASE_SIZE in text
    target = tmp_path / "selecting.toml"
    target.write_text(text.replace(PHASE_SIZE, PHASE_SIZE + SELECT), encoding="utf-8")
    return target


def _case_list(tmp_path: Path, regime: Regime) -> Path:
    from inspectkit.caselist.fake import write_fake_case_list

    return write_fake_case_list(tmp_path / "cases.csv", 300, 7, date(2020, 3, 2), [regime])


def test_a_plugins_sampling_mechanism_draws_within_its_phase(
    selecting_data: Path, tmp_path: Path
) -> None:
    from inspectkit.caselist import read_case_list
    from inspectkit.sampling import draw_sample

    host = get_host()
    assert host.add_plugin(SamplingPlugin(selecting_data), PluginInfo(name="sampling"))
    regime = host.regime("mini_2020").regime
    assert regime.sampling.phases[0].select == (
        EarliestReferrals(earliest_referrals=2, source="T1 §7"),
    )
    cases = read_case_list(_case_list(tmp_path, regime), regime, on=date(2020, 3, 2))
    record = draw_sample(regime, cases, seed=3, on=date(2020, 3, 2))
    assert len(record.drawn) == 4  # two by the mechanism, then topped up to the minimum
    earliest = [c for c in record.drawn if c.rule == "earliest referral (T1 §7)"]
    assert len(earliest) == 2
    assert record == draw_sample(regime, cases, seed=3, on=date(2020, 3, 2))  # seeded
    # the two are the population's earliest referrals
    days = sorted(
        (cases.ordinals("referral_date")[i], cases.references[i])
        for i in range(len(cases))
        if cases.ordinals("referral_date")[i] > 0
    )
    assert {c.reference for c in earliest} <= {ref for _day, ref in days[:10]}


def test_the_mechanism_shows_in_regimes_show_and_compare(
    selecting_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert get_host().add_plugin(SamplingPlugin(selecting_data), PluginInfo(name="sampling"))
    status, out, _err = run_main(capsys, "regimes", "show", "mini_2020")
    assert status == 0
    assert "the 2 cases referred longest ago" in out
    status, out, _err = run_main(capsys, "compare", "mini_2020", "cra_2010", "--format", "md")
    assert status == 0 and "the 2 cases referred longest ago" in out


def test_a_mechanism_that_raises_names_itself_in_one_line(
    selecting_data: Path, tmp_path: Path
) -> None:
    from inspectkit.caselist import read_case_list
    from inspectkit.sampling import draw_sample

    @frozen(kw_only=True)
    class Raising(EarliestReferrals):
        def draw(self, drawing: PhaseDrawing) -> None:
            raise RuntimeError("boom")

    host = get_host()
    assert host.add_plugin(SamplingPlugin(selecting_data, Raising), PluginInfo(name="sampling"))
    regime = host.regime("mini_2020").regime
    cases = read_case_list(_case_list(tmp_path, regime), regime, on=date(2020, 3, 2))
    with pytest.raises(PluginHookError) as caught:
        draw_sample(regime, cases, seed=3, on=date(2020, 3, 2))
    assert caught.value.problems == [
        "mini_2020: sampling phase fieldwork: mechanism 'earliest_referrals' of "
        f"{__name__} raised RuntimeError: boom"
    ]


def test_a_mechanism_nobody_installed_is_one_clear_line(selecting_data: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_regime(selecting_data)
    (line,) = caught.value.problems
    assert line.endswith(
        "sampling.phases[0].select[0]: give exactly one of the sampling mechanism keys "
        "(none installed)"
    )
