"""One function per aspect: what a regime says about it, as a cited ``Cell``.

These read only the regime model, so a new regime plugin appears in the
comparison without any change here.  Where the model holds a ``Measure`` with no
bounds, the cell says "not specified" — the model's own wording for silence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from inspectkit.case_fields import standard_fields
from inspectkit.compare.model import Cell, LinkEntry, TimelineEntry
from inspectkit.compare.timeline import day_label, short_date, span_label
from inspectkit.crosswalk import describe_relationship, inverse_relationship
from inspectkit.model import NOT_SPECIFIED, Measure, Regime

KIND_LABELS: dict[str, str] = {
    "document": "documents",
    "management_information": "management information",
    "case_list": "case lists",
    "meeting": "meetings",
    "focus_group": "focus groups",
    "visit": "visits",
    "survey": "surveys",
    "pre_inspection_evidence": "pre-inspection evidence",
    "held_by_ofsted": "held by Ofsted",
}


def join_sources(sources: Iterable[str]) -> str:
    """Distinct citations in first-seen order, split on ';' so repeats collapse."""
    seen: dict[str, None] = {}
    for source in sources:
        for part in source.split(";"):
            part = part.strip()
            if part:
                seen.setdefault(part, None)
    return "; ".join(seen)


def measure_text(measure: Measure) -> str:
    """The measure's short form; "not specified" when the source gives no bound."""
    return measure.describe() if measure.specified else NOT_SPECIFIED


def legal_basis(regime: Regime) -> Cell:
    return Cell(text=regime.legal_basis.text, source=regime.legal_basis.source)


def notice(regime: Regime) -> Cell:
    rules = regime.notice
    period = rules.period
    if period.max == 0:
        how_much = "no notice"
    elif period.specified:
        how_much = f"notice: {period.describe()}"
    else:
        how_much = f"notice: {NOT_SPECIFIED}"
    details = [rules.text, period.text]
    details.extend(f"Exception: {fact.text}" for fact in rules.exceptions)
    sources = [rules.source, period.source, *(fact.source for fact in rules.exceptions)]
    start_rule = regime.timeline.start_rule
    if start_rule is not None and start_rule.weekday is not None:
        details.append(f"Day 1 is {start_rule.strength} a {start_rule.weekday}.")
        sources.append(start_rule.source)
    return Cell(
        text=f"{'announced' if rules.announced else 'unannounced'}; {how_much}",
        source=join_sources(sources),
        details=tuple(_distinct(details)),
    )


def team(regime: Regime) -> Cell:
    rules = regime.team
    names = {inspectorate.id: inspectorate.name for inspectorate in rules.inspectorates}
    details = [f"Inspectorates: {', '.join(names.values()) or NOT_SPECIFIED}"]
    for role in rules.roles:
        parts = [measure_text(role.count)]
        if role.inspectorate:
            parts.append(names.get(role.inspectorate, role.inspectorate))
        if role.arrives_day is not None:
            parts.append(f"from day {role.arrives_day}")
        details.append(f"{role.title}: {', '.join(parts)}")
    details.append(rules.size.text)
    inspectorates = ", ".join(names) if names else NOT_SPECIFIED
    return Cell(
        text=f"{measure_text(rules.size)} ({inspectorates})",
        source=join_sources(
            [rules.size.source, rules.source, *(role.count.source for role in rules.roles)]
        ),
        details=tuple(details),
    )


def days_on_site(regime: Regime) -> Cell:
    days = regime.team.days_on_site
    return Cell(text=measure_text(days), source=days.source, details=(days.text,))


def grading(regime: Regime) -> Cell:
    scale = regime.scale
    labels = " / ".join(level.label for level in scale.levels) or NOT_SPECIFIED
    if scale.graded:
        text = f"graded: {scale.name} ({labels})"
    else:
        text = f"no grades: {scale.name} ({labels})"
    return Cell(
        text=text,
        source=scale.source,
        details=tuple(
            f"{level.label}: {level.definition}" for level in scale.levels if level.definition
        )
        + tuple(note.text for note in scale.notes),
    )


def judgement_areas(regime: Regime) -> Cell:
    walked = list(regime.evaluation.walk())
    graded = sum(1 for _, area in walked if area.graded) if regime.graded else 0
    top = len(regime.evaluation.areas)
    text = f"{len(walked)} areas" if len(walked) == top else f"{top} sections, {len(walked)} areas"
    if regime.graded:
        text += f", {graded} graded"
    details = tuple(
        f"{'· ' * depth}{area.title}{'' if area.graded or not regime.graded else ' (not graded)'}"
        for depth, area in walked
    )
    return Cell(text=text, source=regime.evaluation.source, details=details)


def limiting_rules(regime: Regime) -> Cell:
    rules = regime.limiting_rules
    if not rules:
        notes = [note for note in regime.evaluation.notes if "limiting" in note.text.lower()]
        return Cell(
            text="none stated in the sources",
            source=join_sources([regime.evaluation.source, *(note.source for note in notes)]),
            details=tuple(note.text for note in notes),
        )
    strengths = Counter(rule.strength for rule in rules)
    summary = ", ".join(f"{count} {strength}" for strength, count in sorted(strengths.items()))
    return Cell(
        text=f"{len(rules)} {'rule' if len(rules) == 1 else 'rules'} ({summary})",
        source=join_sources(rule.source for rule in rules),
        details=tuple(f"[{rule.strength}] {rule.text}" for rule in rules),
    )


def sampling(regime: Regime) -> Cell:
    rules = regime.sampling
    text = measure_text(rules.minimum)
    if len(rules.phases) > 1:
        text += " (" + " + ".join(measure_text(phase.size) for phase in rules.phases) + ")"
    details = [f"Population: {rules.population.text}"]
    for phase in rules.phases:
        parts = [f"{phase.title}: {measure_text(phase.size)}, selected by {phase.selected_by}"]
        if phase.quotas:
            quotas = ", ".join(
                f"at least {quota.min} {_group_title(regime, quota.group)}"
                for quota in phase.quotas
            )
            parts.append(f"quotas: {quotas}")
        if phase.cover:
            parts.append(f"at least one of each: {', '.join(_field_titles(regime, phase.cover))}")
        if phase.balance:
            reading = " (inspectkit's reading)" if phase.balance_reading else ""
            fields = ", ".join(_field_titles(regime, phase.balance))
            parts.append(f"balanced across: {fields}{reading}")
        parts += [step.describe() for step in phase.select]
        details.append("; ".join(parts))
    details.extend(
        f"Sub-set: {subset.title}: {measure_text(subset.size)}" for subset in rules.subsets
    )
    return Cell(
        text=text,
        source=join_sources(
            [
                rules.minimum.source,
                rules.source,
                *(phase.source for phase in rules.phases),
                *(step.source for phase in rules.phases for step in phase.select),
            ]
        ),
        details=tuple(details),
    )


def information_requested(regime: Regime) -> Cell:
    requests = regime.information_requests
    if not requests:
        return Cell(text=NOT_SPECIFIED, source=regime.reference, details=())
    council = Counter(r.kind for r in requests if r.kind != "held_by_ofsted")
    held = sum(1 for r in requests if r.kind == "held_by_ofsted")
    parts = [f"{count} {KIND_LABELS.get(kind, kind)}" for kind, count in council.most_common()]
    if held:
        parts.append(f"{held} {KIND_LABELS['held_by_ofsted']}")
    return Cell(
        text=", ".join(parts),
        source=documents_cited(regime, (r.source for r in requests)),
        details=tuple(
            f"[{KIND_LABELS.get(r.kind, r.kind)}] {r.text} ({r.source})" for r in requests
        ),
    )


def documents_cited(regime: Regime, citations: Iterable[str]) -> str:
    """The documents behind many citations, for a cell whose items each carry their own.

    Forty paragraph references make a source nobody reads; the cell names the
    documents ("090027; Oxfordshire briefing") and each item keeps its paragraph.
    """
    ids = sorted((doc.id for doc in regime.sources), key=len, reverse=True)
    found: dict[str, None] = {}
    for part in join_sources(citations).split("; "):
        document = next((i for i in ids if part.startswith(i)), part)
        found.setdefault(document, None)
    return "; ".join(found) + " (each item gives its paragraph)"


def timeline(regime: Regime, entries: Sequence[TimelineEntry]) -> Cell:
    days = [e.last_day for e in entries if e.last_day is not None]
    text = f"{len(entries)} milestones, day 1 to day {max(days)}" if days else NOT_SPECIFIED
    dated = [e for e in entries if e.first is not None]
    if dated:
        first = min(e.first for e in dated if e.first is not None)
        last = max(max(e.last or first, e.due or first) for e in dated)
        text += f" ({span_label(first, last)})"
    details = tuple(
        f"{day_label(e)}: {e.title}"
        + (f" ({e.deadline})" if e.deadline else "")
        + (f" — {span_label(e.first, e.last)}" if e.first and e.last else "")
        for e in entries
    )
    return Cell(text=text, source=regime.timeline.source, details=details)


def report(regime: Regime, entries: Sequence[TimelineEntry]) -> Cell:
    definition = regime.report
    undated = {m.id for m in regime.timeline.milestones if not m.specified}
    ours = [e for e in entries if e.milestone_id in definition.milestones and e.deadline]
    chosen = [e for e in ours if e.milestone_id not in undated]
    details = [
        f"{e.title}: {e.deadline}" + (f" (by {short_date(e.due)})" if e.due else "") for e in ours
    ]
    details.extend(f"Sent to: {fact.text}" for fact in definition.recipients)
    details.extend(note.text for note in definition.notes)
    sources = [
        definition.source,
        *(e.source for e in ours),
        *(note.source for note in definition.notes),
    ]
    if chosen:
        final = chosen[-1]
        when = f" (by {short_date(final.due)})" if final.due else ""
        text = f"{definition.form}; {final.title.rstrip('.')}: {final.deadline}{when}"
    else:
        text = f"{definition.form}; deadlines {NOT_SPECIFIED}"
    return Cell(text=text, source=join_sources(sources), details=tuple(details))


def crosswalk(regime: Regime, links: Sequence[LinkEntry]) -> Cell:
    mine = [link for link in links if regime.id in (link.left_regime, link.right_regime)]
    if not mine:
        return Cell(text="no links declared", source="no crosswalk file links this regime")
    details = []
    for link in mine:
        if link.left_regime == regime.id:
            details.append(
                f"{link.left_title} — {describe_relationship(link.relationship)} — "
                f"{link.right_regime}: {link.right_title}"
            )
        else:
            details.append(
                f"{link.right_title} — "
                f"{describe_relationship(inverse_relationship(link.relationship))} — "
                f"{link.left_regime}: {link.left_title}"
            )
    return Cell(
        text=f"{len(mine)} links",
        source=join_sources(link.source for link in mine),
        details=tuple(details),
    )


def _group_title(regime: Regime, group_id: str) -> str:
    group = regime.sampling.group(group_id)
    return group.title if group else group_id


def _field_titles(regime: Regime, field_ids: Sequence[str]) -> list[str]:
    titles = {f.id: f.title for f in (*standard_fields(), *regime.case_fields)}
    return [titles.get(field_id, field_id) for field_id in field_ids]


def _distinct(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))
