"""The seeded draw: a regime's sampling rules applied to a case list.

The engine knows mechanisms, not regimes: a population (``where`` matches and
``closed_within_months``), phases in order with no case drawn twice, quotas on
groups, ``cover`` (one case from every combination that exists), ``balance``
(round-robin over strata in seeded random order), a phase minimum topped up at
random, sub-sets flagged within the sample and the regime's overall minimum.
Every random choice comes from one ``random.Random(seed)`` over cases in row
order, so the same seed and file always give the same sample.  Where the list
cannot satisfy a rule the record says so plainly instead of failing.

Which cases a rule may choose from is worked out on the case list's polars frame
(``sampling.columns``): candidates are Series of case positions in row order, and a
random choice picks positions in such a Series, so only the few cases actually
drawn are handled one by one.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import product
from typing import TYPE_CHECKING

from inspectkit.case_fields import privacy_rules
from inspectkit.caselist.dates import months_before
from inspectkit.caselist.table import REFERENCE, ROW, CaseList
from inspectkit.errors import InputError
from inspectkit.model import CaseGroup, FieldMatch, Phase, Regime, Selection, Subset
from inspectkit.plugins import PluginHookError, code_owner, exception_line
from inspectkit.sampling.columns import INDEX, CaseColumns, StratumKey, positions
from inspectkit.sampling.record import SampledCase, SampleRecord
from inspectkit.sampling.surveys import survey_eligibility

STATUS_FIELD = "case_status"
CLOSED_VALUE = "closed"
CLOSED_DATE_FIELD = "closed_date"
WHOLE_SAMPLE = "sample"
Strata = list[tuple[StratumKey, "pl.Series"]]

if TYPE_CHECKING:
    import polars as pl


class _Draw:
    """The state of one draw: what is taken, by which phase and rule."""

    def __init__(self, regime: Regime, cases: CaseList, seed: int, on: date) -> None:
        self.regime = regime
        self.rules = regime.sampling
        self.cases = cases
        self.columns = CaseColumns(cases)
        self.rng = random.Random(seed)
        self.on = on
        self.taken: dict[int, tuple[Phase | None, str]] = {}
        self.shortfalls: list[str] = []
        self.warnings: list[str] = []
        self._members: dict[str, pl.Series] = {}
        self._strata: dict[tuple[str | None, tuple[str, ...]], Strata] = {}
        self.population = self.find_population()

    # -- population ---------------------------------------------------------------

    def find_population(self) -> pl.Series:
        """Cases the rules allow: ``where`` matches; current, or closed recently enough.

        A case is current when it is not marked closed and has no closure date on or
        before the inspection date.
        """
        population = self.rules.population
        columns = self.columns
        closed = columns.matches([FieldMatch(field=STATUS_FIELD, values=(CLOSED_VALUE,))])
        closed_on = columns.column(CLOSED_DATE_FIELD)
        today = self.on.toordinal()
        months = population.closed_within_months
        current = ~closed & ~(closed_on <= today).fill_null(False)
        allowed = columns.matches(population.where)
        if months is not None:
            earliest = months_before(self.on, months).toordinal()
            recent = closed_on.is_between(earliest, today).fill_null(False)
            undated = columns.frame.select((allowed & closed & closed_on.is_null()).sum()).item()
            if undated:
                self.warnings.append(
                    f"{undated} closed case(s) have no closure date, so whether they closed "
                    f"within {months} months cannot be told; they were not drawn"
                )
            current = current | recent
        self.population_test = allowed & current
        return columns.selected(self.population_test)

    def available(self, candidates: pl.Series, extra: set[int] | None = None) -> pl.Series:
        """``candidates`` (in row order) not yet taken, nor in ``extra``."""
        excluded = self.taken.keys() | (extra or set())
        if not excluded:
            return candidates
        return candidates.filter(~candidates.is_in(positions(sorted(excluded)).implode()))

    def members(self, group: CaseGroup) -> pl.Series:
        """The population's cases in ``group`` (computed once per group)."""
        if group.id not in self._members:
            test = self.population_test & self.columns.in_group(group)
            self._members[group.id] = self.columns.selected(test)
        return self._members[group.id]

    # -- drawing ------------------------------------------------------------------

    def take(self, index: int, phase: Phase | None, rule: str) -> None:
        self.taken[index] = (phase, rule)

    def random_picks(self, candidates: pl.Series, need: int) -> list[int]:
        """``need`` of ``candidates`` at random (all, shuffled, when there are no more).

        The choice is made on positions in ``candidates``, which draws as choosing from
        the cases themselves would: ``random`` uses a sequence's length and nothing else.
        """
        count = len(candidates)
        if need <= 0 or not count:
            return []
        if need >= count:
            picks = list(range(count))
            self.rng.shuffle(picks)
        else:
            picks = self.rng.sample(range(count), need)
        return candidates.gather(picks).to_list()

    def balanced_picks(
        self,
        candidates: pl.Series,
        need: int,
        fields: Sequence[str],
        *,
        source: str | None = None,
        exclude: set[int] | None = None,
    ) -> list[tuple[int, str]]:
        """Round-robin over the strata of ``fields`` in seeded random order, one at a time.

        ``source`` names where ``candidates`` came from (a group, the population) so
        their strata are built once and reused; cases already taken, or in
        ``exclude``, are skipped as they come up.
        """
        if need <= 0 or not len(candidates):
            return []
        strata = {
            key: _Drawing(members) for key, members in self.strata(candidates, fields, source)
        }
        keys = sorted(strata, key=lambda key: tuple((v is None, v or "") for v in key))
        self.rng.shuffle(keys)
        taken = self.taken
        skip = exclude or set()
        picks: list[tuple[int, str]] = []
        while len(picks) < need and keys:
            for key in list(keys):
                members = strata[key]
                chosen = None
                while members and chosen is None:
                    index = members.take(self.rng.randrange(len(members)))
                    if index not in taken and index not in skip:
                        chosen = index
                if chosen is not None:
                    label = " × ".join(
                        self.columns.label(f, v) for f, v in zip(fields, key, strict=True)
                    )
                    picks.append((chosen, label))
                if not members:
                    keys.remove(key)
                if len(picks) == need:
                    break
        return picks

    def strata(self, candidates: pl.Series, fields: Sequence[str], source: str | None) -> Strata:
        """``candidates`` grouped by their values of ``fields``, in row order within each."""
        cache_key = (source, tuple(fields))
        if source is not None and cache_key in self._strata:
            return self._strata[cache_key]
        result = self.columns.strata(candidates, fields)
        if source is not None:
            self._strata[cache_key] = result
        return result

    def draw_phase(self, phase: Phase) -> None:
        here: set[int] = set()
        balance_note = " × ".join(self.columns.title(f) for f in phase.balance)
        if phase.balance_reading:  # the fields are the tool's reading, not the source's rule
            balance_note += " (inspectkit's reading)"
        for quota in phase.quotas:
            group = self.rules.group(quota.group)
            if group is None:
                raise InputError.single(
                    f"regime {self.regime.id}: phase {phase.id} has a quota on unknown group "
                    f"{quota.group!r}"
                )
            members = self.members(group)
            in_group = self.columns.in_group(group)
            already = self.columns.count(sorted(here), in_group)
            need = quota.min - already
            free = len(members) - self.columns.count(list(self.taken), in_group)
            rule = f"quota: {group.title}, at least {quota.min} ({quota.source})"
            if phase.balance:
                picks = self.balanced_picks(
                    members, need, phase.balance, source=f"group:{group.id}", exclude=here
                )
                for index, stratum in picks:
                    self.take(index, phase, f"{rule}; balanced by {balance_note}: {stratum}")
                    here.add(index)
            else:
                for index in self.random_picks(self.available(members, here), need):
                    self.take(index, phase, rule)
                    here.add(index)
            if free < need:
                self.shortfalls.append(self.quota_shortfall(phase, group, quota.min, members, free))
        if phase.cover:
            self.cover(phase, here)
        for selection in phase.select:
            self.select(selection, phase, here)
        wanted = phase.size.min
        if wanted is not None and len(here) < wanted:
            need = wanted - len(here)
            if phase.balance:
                picks = self.balanced_picks(
                    self.population, need, phase.balance, source="population", exclude=here
                )
                for index, stratum in picks:
                    reading = "inspectkit's reading of " if phase.balance_reading else ""
                    self.take(index, phase, f"balance: {stratum} ({reading}{phase.source})")
                    here.add(index)
            else:
                rule = f"random: to reach at least {wanted} ({phase.size.source})"
                for index in self.random_picks(self.available(self.population, here), need):
                    self.take(index, phase, rule)
                    here.add(index)
            if len(here) < wanted:
                self.shortfalls.append(
                    f"{phase.title}: only {len(here)} case(s) could be drawn; the phase asks "
                    f"for at least {wanted} ({phase.size.source})"
                )

    def quota_shortfall(
        self, phase: Phase, group: CaseGroup, wanted: int, members: pl.Series, free: int
    ) -> str:
        kind = group.title[0].lower() + group.title[1:]
        if free == len(members):
            have = (
                f"only {len(members)} {kind} case(s) exist" if len(members) else f"no {kind} exist"
            )
        else:
            have = (
                f"only {free} of the {len(members)} {kind} case(s) were not drawn "
                "by an earlier phase"
            )
        return f"{phase.title}: {have}; the phase asks for at least {wanted} ({group.source})"

    def cover(self, phase: Phase, here: set[int]) -> None:
        """At least one case from every combination of the ``cover`` fields that exists."""
        fields = phase.cover
        strata = dict(self.strata(self.population, fields, source="population"))
        choices = []
        for field_id in fields:
            case_field = self.columns.fields.get(field_id)
            choices.append([v.id for v in case_field.values] if case_field else [])
        for combination in product(*choices):
            labels = " × ".join(
                self.columns.label(f, v) for f, v in zip(fields, combination, strict=True)
            )
            members = strata.get(combination)
            if members is None:
                self.shortfalls.append(
                    f"{phase.title}: no {labels} case exists in the population, so none "
                    f"can be drawn ({phase.source})"
                )
                continue
            if here and members.is_in(positions(sorted(here)).implode()).any():
                continue
            pool = self.available(members, here)
            if not len(pool):
                self.shortfalls.append(
                    f"{phase.title}: every {labels} case was drawn by an earlier phase"
                )
                continue
            index = pool[self.rng.randrange(len(pool))]
            self.take(index, phase, f"cover: {labels} ({phase.source})")
            here.add(index)

    def select(self, selection: Selection, phase: Phase, here: set[int]) -> None:
        """A plugin's mechanism, given the draw through ``PhaseDrawing`` and guarded: what it
        raises is one line naming the mechanism and who shipped it."""
        try:
            selection.draw(_PhaseDrawing(self, phase, here))
        except Exception as exc:  # a plugin's mechanism can raise anything
            kind = type(selection)
            raise PluginHookError.single(
                f"{self.regime.id}: sampling phase {phase.id}: mechanism {kind.key!r} of "
                f"{code_owner(kind)} raised {exception_line(exc)}"
            ) from None

    def top_up_to_minimum(self) -> None:
        minimum = self.rules.minimum
        if minimum.min is None or len(self.taken) >= minimum.min:
            return
        last = self.rules.phases[-1] if self.rules.phases else None
        pool = self.available(self.population)
        rule = f"random: to reach the regime's minimum of {minimum.min} ({minimum.source})"
        for index in self.random_picks(pool, minimum.min - len(self.taken)):
            self.take(index, last, rule)
        if len(self.taken) < minimum.min:
            self.shortfalls.append(
                f"only {len(self.taken)} case(s) could be drawn from a population of "
                f"{len(self.population)}; the regime asks for at least {minimum.min} "
                f"({minimum.source})"
            )

    def flag_subsets(self, sizes: Mapping[str, int]) -> dict[int, list[str]]:
        flags: dict[int, list[str]] = {}
        drawn = positions(list(self.taken))
        for subset in self.rules.subsets:
            size = sizes.get(subset.id, subset.size.min)
            if size is None:
                self.shortfalls.append(
                    f"{subset.title}: the source gives no size ({subset.size.source}), so no "
                    f"case is flagged; give one with --subset-size {subset.id}=N"
                )
                continue
            picks = self.subset_picks(subset, drawn, size)
            for index in picks:
                flags.setdefault(index, []).append(subset.id)
            if len(picks) < size:
                self.shortfalls.append(
                    f"{subset.title}: only {len(drawn)} case(s) were drawn; the sub-set asks "
                    f"for {size}"
                )
        return flags

    def subset_picks(self, subset: Subset, drawn: pl.Series, size: int) -> list[int]:
        if subset.balance:
            return [i for i, _ in self.balanced_picks(drawn, size, subset.balance)]
        return self.random_picks(drawn, size)


def draw_sample(
    regime: Regime,
    cases: CaseList,
    *,
    seed: int,
    on: date,
    subset_sizes: Mapping[str, int] | None = None,
) -> SampleRecord:
    """Apply ``regime``'s sampling rules to ``cases`` with ``seed``, as of ``on``."""
    sizes = dict(subset_sizes or {})
    known = {s.id for s in regime.sampling.subsets}
    problems = [
        f"--subset-size {name}: {regime.id} has no sub-set {name!r}"
        f" (sub-sets: {', '.join(sorted(known)) or 'none'})"
        for name in sorted(sizes)
        if name not in known
    ]
    problems += [
        f"--subset-size {n}={v}: must be 0 or more" for n, v in sorted(sizes.items()) if v < 0
    ]
    if problems:
        raise InputError(problems)
    draw = _Draw(regime, cases, seed, on)
    for phase in regime.sampling.phases:
        draw.draw_phase(phase)
    draw.top_up_to_minimum()
    flags = draw.flag_subsets(sizes)
    detail_fields = _detail_fields(regime, draw.columns)
    chosen = draw.columns.at(list(draw.taken), [ROW, REFERENCE, *detail_fields])
    drawn = []
    for values, (chosen_in, rule) in zip(
        chosen.iter_rows(named=True), draw.taken.values(), strict=True
    ):
        details = tuple(
            (draw.columns.title(f), draw.columns.label(f, values[f])) for f in detail_fields
        )
        drawn.append(
            SampledCase(
                reference=values[REFERENCE],
                row=values[ROW],
                phase=chosen_in.id if chosen_in else WHOLE_SAMPLE,
                phase_title=chosen_in.title if chosen_in else "Sample",
                rule=rule,
                subsets=tuple(flags.get(values[INDEX], ())),
                details=details,
            )
        )
    return SampleRecord(
        regime_id=regime.id,
        regime_version=regime.version,
        regime_title=regime.title,
        seed=seed,
        input_sha256=cases.sha256,
        input_name=cases.path.name,
        on=on,
        drawn=tuple(drawn),
        shortfalls=tuple(draw.shortfalls),
        surveys=survey_eligibility(regime, on, draw.columns),
        population_text=regime.sampling.population.text,
        population_size=len(draw.population),
        cases_read=len(cases),
        strict=cases.strict,
        excluded_rows=cases.excluded_rows,
        warnings=(*cases.warnings, *draw.warnings),
        subset_sizes=tuple(sorted(sizes.items())),
        detail_fields=tuple(draw.columns.title(f) for f in detail_fields),
    )


class _PhaseDrawing:
    """The draw as a plugin's mechanism sees it (``inspectkit.model.PhaseDrawing``): plain
    lists of positions; a field a mechanism reads is turned into a list once."""

    def __init__(self, draw: _Draw, phase: Phase, here: set[int]) -> None:
        self._draw = draw
        self._phase = phase
        self._here = here
        self._fields: dict[str, list[object]] = {}

    @property
    def population(self) -> Sequence[int]:
        return self._draw.population.to_list()

    def members(self, group_id: str) -> Sequence[int]:
        group = self._draw.rules.group(group_id)
        if group is None:
            raise KeyError(f"{self._draw.regime.id} has no case group {group_id!r}")
        return self._draw.members(group).to_list()

    def available(self, candidates: Sequence[int]) -> list[int]:
        return self._draw.available(positions(candidates), self._here).to_list()

    def _field(self, field_id: str) -> list[object]:
        if field_id not in self._fields:
            frame = self._draw.cases.frame
            known = field_id in frame.columns
            self._fields[field_id] = frame[field_id].to_list() if known else [None] * frame.height
        return self._fields[field_id]

    def value(self, index: int, field_id: str) -> str | None:
        found = self._field(field_id)[index]
        return None if found is None else str(found)

    def day(self, index: int, field_id: str) -> date | None:
        ordinal = self._field(field_id)[index]
        return date.fromordinal(ordinal) if isinstance(ordinal, int) and ordinal > 0 else None

    def random_picks(self, candidates: list[int], need: int) -> list[int]:
        return self._draw.random_picks(positions(candidates), need)

    def take(self, index: int, rule: str) -> None:
        if index in self._draw.taken or index in self._here:
            raise ValueError(f"case at row position {index} is already drawn")
        self._draw.take(index, self._phase, rule)
        self._here.add(index)

    def shortfall(self, text: str) -> None:
        self._draw.shortfalls.append(f"{self._phase.title}: {text}")


def _detail_fields(regime: Regime, columns: CaseColumns) -> list[str]:
    """Code fields the regime's rules refer to, plus case status — never personal details."""
    rules = regime.sampling
    named: set[str] = {STATUS_FIELD}
    named.update(m.field for m in rules.population.where)
    for group in rules.groups:
        named.update(m.field for m in group.matches())
    for phase in rules.phases:
        named.update((*phase.cover, *phase.balance))
        named.update(field_id for selection in phase.select for field_id in selection.fields())
    for subset in rules.subsets:
        named.update(subset.balance)
    never = privacy_rules().never_exported
    return [
        f.id
        for f in columns.fields.values()
        if f.id in named and f.id not in never and f.kind in ("code", "flag")
    ]


class _Drawing:
    """Members of a stratum drawn without replacement, as a list would be by swapping
    the chosen one with the last and popping it, but leaving the (cached, shared)
    list itself untouched: only the positions changed are kept."""

    def __init__(self, members: Sequence[int] | pl.Series) -> None:
        self.members = members
        self.size = len(members)
        self.moved: dict[int, int] = {}

    def __len__(self) -> int:
        return self.size

    def take(self, at: int) -> int:
        """The member at ``at``; the last member moves into its place."""
        last = self.size - 1
        chosen = self.moved.get(at, self.members[at])
        if at != last:
            self.moved[at] = self.moved.get(last, self.members[last])
        self.moved.pop(last, None)
        self.size = last
        return chosen
