"""What each regime would sample from the same case list: counts only, never references.

A policy team asks "what would each regime have looked at in our cases?".  The
case list is read once per regime (each regime maps the council's headings and
codes through its own fields) and sampled with the same seed; the comparison
keeps only how many cases were drawn, in which phase and of which kind, because
references and everything else about a child are personal data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from inspectkit.case_fields import standard_fields
from inspectkit.compare.aspects import join_sources, measure_text
from inspectkit.compare.model import Cell, SamplingEntry
from inspectkit.errors import InputError
from inspectkit.model import CaseField, Regime


def sampling_rules(regime: Regime) -> list[SamplingEntry]:
    """The regime's sampling rules as lines (phase sizes, quotas, sub-sets), without counts."""
    rules = regime.sampling
    entries = [
        SamplingEntry(
            regime_id=regime.id,
            what="minimum in all",
            size=measure_text(rules.minimum),
            source=rules.minimum.source,
        )
    ]
    for phase in rules.phases:
        entries.append(
            SamplingEntry(
                regime_id=regime.id,
                what=f"phase: {phase.title}",
                size=measure_text(phase.size),
                source=phase.size.source,
            )
        )
        for quota in phase.quotas:
            group = rules.group(quota.group)
            entries.append(
                SamplingEntry(
                    regime_id=regime.id,
                    what=f"quota in {phase.title}: {group.title if group else quota.group}",
                    size=f"at least {quota.min} cases",
                    source=quota.source,
                )
            )
    for subset in rules.subsets:
        entries.append(
            SamplingEntry(
                regime_id=regime.id,
                what=f"sub-set: {subset.title}",
                size=measure_text(subset.size),
                source=subset.size.source,
            )
        )
    return entries


def sample_from_case_list(
    regime: Regime, path: Path, *, seed: int, on: date
) -> tuple[Cell, list[SamplingEntry]]:
    """Draw ``regime``'s sample from the case list at ``path``; the counts as a cell and lines.

    A case list that does not fit the regime (a required column missing, codes
    it cannot map) is shown in the cell rather than stopping the comparison:
    that a list serves one regime and not another is itself worth seeing.
    """
    # lazy: keeps inspectkit.caselist (12 ms) off the start-up of `inspectkit compare`
    from inspectkit.caselist import read_case_list

    # lazy: keeps inspectkit.sampling (23 ms) off the start-up of `inspectkit compare`
    from inspectkit.sampling import draw_sample

    where = f"seed {seed}, on {on.isoformat()}"
    try:
        case_list = read_case_list(path, regime)
        record = draw_sample(regime, case_list, seed=seed, on=on)
    except InputError as exc:
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        return (
            Cell(
                text="cannot sample: the case list does not fit this regime",
                source=f"{path.name}; {where}",
                details=(f"{exc.problems[0]}{more}",),
            ),
            [],
        )
    by_reference = {case.reference: case for case in case_list.cases}
    fields = _strata_fields(regime)
    phase_titles = {phase.id: phase.title for phase in regime.sampling.phases}
    subset_titles = {subset.id: subset.title for subset in regime.sampling.subsets}
    phases = Counter(drawn.phase for drawn in record.drawn)
    subsets = Counter(subset for drawn in record.drawn for subset in drawn.subsets)
    strata: Counter[tuple[str, str]] = Counter()
    for drawn in record.drawn:
        case = by_reference.get(drawn.reference)
        if case is None:
            continue
        for field in fields:
            value = case.values.get(field.id)
            if value is not None and value != "":
                strata[(field.title, _value_label(field, value))] += 1

    counts: list[tuple[str, int]] = [
        *((f"drawn in phase: {phase_titles.get(p, p)}", n) for p, n in phases.items()),
        *((f"flagged for sub-set: {subset_titles.get(s, s)}", n) for s, n in subsets.items()),
        *((f"drawn with {title}: {label}", n) for (title, label), n in sorted(strata.items())),
        *((f"eligible for survey: {survey.survey_id}", survey.count) for survey in record.surveys),
    ]
    source = f"{regime.sampling.source}; case list sha256 {record.input_sha256[:12]}, {where}"
    entries = [
        SamplingEntry(regime_id=regime.id, what=what, size="", source=source, drawn=count)
        for what, count in counts
    ]

    split = " + ".join(str(phases[p.id]) for p in regime.sampling.phases if p.id in phases)
    text = f"{len(record.drawn)} of {len(case_list.cases)} cases drawn"
    if len(phases) > 1:
        text += f" ({split})"
    details = [_sentence(e.what.removeprefix("drawn ")) + f": {e.drawn}" for e in entries]
    details.extend(f"Shortfall: {line}" for line in record.shortfalls)
    return Cell(text=text, source=join_sources([source]), details=tuple(details)), entries


def _strata_fields(regime: Regime) -> list[CaseField]:
    """Fields the regime samples by: covered, balanced, or used by a quota's group."""
    wanted: dict[str, None] = {}
    for phase in regime.sampling.phases:
        for field_id in (*phase.cover, *phase.balance):
            wanted.setdefault(field_id, None)
        for quota in phase.quotas:
            group = regime.sampling.group(quota.group)
            for match in group.matches() if group else ():
                wanted.setdefault(match.field, None)
    known = {f.id: f for f in (*standard_fields(), *regime.case_fields)}
    return [known[field_id] for field_id in wanted if field_id in known and _safe(known[field_id])]


def _safe(field: CaseField) -> bool:
    """Only coded, non-personal-by-value kinds are counted (never dates, text or identifiers)."""
    return field.kind in ("code", "flag")


def _value_label(field: CaseField, value: object) -> str:
    labels = {v.id: v.label for v in field.values}
    if isinstance(value, bool):
        return "yes" if value else "no"
    return labels.get(str(value), str(value))


def total_drawn(entries: Iterable[SamplingEntry]) -> int:
    """Cases drawn across a regime's phases (sub-set and stratum lines are not added)."""
    return sum(e.drawn or 0 for e in entries if e.what.startswith("drawn in phase"))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
