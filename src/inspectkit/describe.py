"""A regime written out for a reader: every rule, number and list with its source.

``inspectkit regimes show ID`` prints this, and the web application's regime
page shows the same thing.  The aim is that a reader can answer every "what,
when, who, how many, how judged" question about a regime from it alone, with
the paragraph each answer comes from.

:func:`regime_outline` builds it once as plain data (an :class:`Outline` of
nodes, each with its citation); :func:`describe_regime` lays that out for the
terminal, and the web layer lays the same outline out as HTML, so the two can
never say different things.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from attrs import frozen
from rich.console import Group
from rich.markup import escape
from rich.rule import Rule
from rich.text import Text
from rich.tree import Tree

from inspectkit.bibliography import bibliography, regime_citations
from inspectkit.model import CaseGroup, Fact, FieldMatch, Measure, Regime
from inspectkit.model.report import ReportSection
from inspectkit.model.schedule import JudgementArea

if TYPE_CHECKING:
    from rich.console import RenderableType

_KIND_TITLES = {
    "document": "Documents the council keeps ready",
    "management_information": "Management information",
    "case_list": "Case lists",
    "meeting": "Meetings",
    "focus_group": "Focus groups",
    "visit": "Visits",
    "survey": "Surveys",
    "held_by_ofsted": "Information Ofsted already holds",
    "pre_inspection_evidence": "Pre-inspection evidence",
}


@frozen(kw_only=True)
class Node:
    """One statement: a bold ``lead`` (may be empty), its ``text``, its ``source``, and
    the statements under it.  A ``heading`` node starts a section and has no children."""

    lead: str = ""
    text: str = ""
    source: str = ""
    children: tuple[Node, ...] = ()
    heading: bool = False


Outline = tuple[Node, ...]


def _node(lead: str = "", text: str = "", source: str = "", under: Iterable[Node] = ()) -> Node:
    return Node(lead=lead, text=text, source=source, children=tuple(under))


def _fact(item: Fact) -> Node:
    return _node(text=item.text, source=item.source)


def _facts(items: Iterable[Fact]) -> list[Node]:
    return [_fact(item) for item in items]


def _measure(label: str, value: Measure) -> Node:
    return _node(f"{label}:", f"{value.describe()} — {value.text}", value.source)


def _heading(title: str) -> Node:
    return Node(lead=title, heading=True)


def regime_outline(regime: Regime) -> Outline:
    """Every section of the regime, in reading order."""
    return tuple(_sections(regime))


def _sections(r: Regime) -> Iterator[Node]:
    yield _node(r.title)
    yield _node(
        text=f"{r.id} · version {r.version} · {r.publisher} reference {r.reference} · "
        f"published {r.published.date}",
        source=r.published.source,
    )
    yield _node(text=f"in force {r.in_force.date}", source=r.in_force.source)
    if r.in_force.text:
        yield _node(text=r.in_force.text)
    yield _node("Legal basis:", r.legal_basis.text, r.legal_basis.source)
    for superseded in r.supersedes:
        yield _node("Supersedes:", f"{superseded.regime} — {superseded.extent}", superseded.source)

    yield _node(
        "Sources",
        "(every [key …] below is one of these)",
        "",
        under=(_node(f"{e.key}:", e.text) for e in bibliography([r], regime_citations(r))),
    )
    for topic in r.topics:
        yield _node(topic.title, "", "", under=_facts(topic.facts))

    yield _heading("Notice and team")
    notice = r.notice
    yield _node(
        "Notice:",
        "announced" if notice.announced else "unannounced",
        "",
        under=[
            _node(text=notice.text, source=notice.source),
            _measure("Notice period", notice.period),
            *(_node("exception:", e.text, e.source) for e in notice.exceptions),
        ],
    )
    team = r.team
    roles = []
    for role in team.roles:
        arrives = f", from day {role.arrives_day}" if role.arrives_day else ""
        duties = (_node(text=role.duties),) if role.duties else ()
        roles.append(
            _node(f"{role.title}:", role.count.describe() + arrives, role.source, under=duties)
        )
    yield _node(
        "Team",
        "",
        team.source,
        under=[
            _measure("Size", team.size),
            _measure("Days on site", team.days_on_site),
            *(_node("Inspectorate:", i.name, i.source) for i in team.inspectorates),
            *roles,
            *_facts(team.notes),
        ],
    )
    if r.names is not None:
        asked = [
            _node(f"{label} named:", wanted.text, wanted.source)
            for label, wanted in (
                ("inspectors", r.names.inspectors),
                ("addressee", r.names.addressee),
            )
            if wanted is not None
        ]
        yield _node(
            "Names", "", "", under=[_node("rule:", r.names.rule.text, r.names.rule.source), *asked]
        )

    yield _heading("How it judges")
    scale = r.scale
    kind = "grades (best first)" if scale.graded else "ungraded finding types"
    levels = []
    for level in scale.levels:
        under = [_node(text=level.definition)] if level.definition else []
        under += [_node("example:", e.text, e.source) for e in level.examples]
        if level.calls_for_action is not None:
            action = level.calls_for_action
            under.append(_node("calls for action:", action.text, action.source))
        levels.append(_node(level.label, f"({level.id})", level.source, under=under))
    yield _node(f"{scale.name}:", kind, scale.source, under=[*levels, *_facts(scale.notes)])
    evaluation = r.evaluation
    evidence = (
        (_node("Illustrative evidence", "", "", under=_facts(evaluation.evidence)),)
        if evaluation.evidence
        else ()
    )
    yield _node(
        "Evaluation schedule",
        "",
        evaluation.source,
        under=[*(_area(area) for area in evaluation.areas), *evidence, *_facts(evaluation.notes)],
    )
    if r.limiting_rules:
        yield _node(
            "Limiting rules",
            "",
            "",
            under=(
                _node(
                    rule.strength,
                    rule.text,
                    rule.source,
                    under=[_node(text=f"caps {rule.target} at {rule.limit}: {rule.consequence}")],
                )
                for rule in r.limiting_rules
            ),
        )
    for external in r.external_judgements:
        yield _node("External judgement:", external.title, external.source)

    yield _heading("Case sampling")
    yield _sampling(r)
    for field in r.case_fields:
        yield _node(
            "Case field",
            f"{field.title} ({field.id})",
            field.source,
            under=(
                _node(
                    text=value.label
                    + (f" — codes {', '.join(value.codes)}" if value.codes else ""),
                    source=value.source,
                )
                for value in field.values
            ),
        )
    for survey in r.surveys:
        under = [_node(text=survey.description)] if survey.description else []
        under += [
            _node(text=f"eligible: {m.field} is {' or '.join(m.values)}") for m in survey.where
        ]
        if survey.min_age is not None:
            under.append(
                _node(text=f"eligible: aged {survey.min_age} or over on the inspection date")
            )
        if survey.recent is not None:
            recent = survey.recent
            under.append(
                _node(text=f"eligible: {recent.field} within the previous {recent.months} months")
            )
        if survey.council_action:
            under.append(_node(text=f"council: {survey.council_action}"))
        yield _node("Survey", survey.title, survey.source, under=under)

    yield _heading("Timeline")
    yield _timeline(r)

    yield _heading("Information requested")
    for kind_id, title in _KIND_TITLES.items():
        items = [i for i in r.information_requests if i.kind == kind_id]
        if items:
            yield _node(
                title,
                "",
                "",
                under=(
                    _node(
                        text=(f"[{item.element}] " if item.element else "")
                        + item.text
                        + (f" (due: {item.due})" if item.due else ""),
                        source=item.source,
                    )
                    for item in items
                ),
            )

    yield _heading("Report")
    yield _report(r)


def _area(area: JudgementArea) -> Node:
    graded = "" if area.graded else " (no grade)"
    description = (_node(text=area.description),) if area.description else ()
    return _node(
        area.title,
        f"{graded.strip()} ({area.id})".strip(),
        area.source,
        under=[*description, *_facts(area.evidence), *(_area(child) for child in area.children)],
    )


def _sampling(r: Regime) -> Node:
    s = r.sampling
    groups = []
    for group in s.groups:
        groups.append(_node("group", f"{group.title} ({_group_condition(group)})", group.source))
    phases = []
    for phase in s.phases:
        under = [_measure("Size", phase.size)]
        under += [
            _node(text=f"at least {q.min} from {q.group}", source=q.source) for q in phase.quotas
        ]
        if phase.cover:
            under.append(_node(text=f"at least one from each {' × '.join(phase.cover)} present"))
        if phase.balance:
            reading = f" — {phase.balance_reading}" if phase.balance_reading else ""
            under.append(_node(text=f"balanced across {', '.join(phase.balance)}{reading}"))
        under += [_node(text=step.describe(), source=step.source) for step in phase.select]
        under += _facts(phase.notes)
        phases.append(_node(phase.title, "", phase.source, under=under))
    subsets = [
        _node("sub-set", subset.title, subset.source, under=[_measure("Size", subset.size)])
        for subset in s.subsets
    ]
    return _node(
        "Case sampling",
        "",
        s.source,
        under=[
            _measure("Minimum", s.minimum),
            _node("Drawn from:", s.population.text, s.population.source),
            *groups,
            *phases,
            *subsets,
            *_facts(s.notes),
        ],
    )


def _group_condition(group: CaseGroup) -> str:
    """ "looked_after in yes or care_leaver in yes", "... unless care_leaver in yes"."""

    def said(matches: Iterable[FieldMatch], joiner: str) -> str:
        return joiner.join(f"{m.field} in {', '.join(m.values)}" for m in matches)

    parts = [said(group.where, "; ")] if group.where else []
    if group.any_of:
        parts.append(said(group.any_of, " or "))
    text = "; ".join(parts) or "all"
    if group.unless:
        text += f", unless {said(group.unless, ' or ')}"
    return text


def _timeline(r: Regime) -> Node:
    t = r.timeline
    under = []
    if t.start_rule and t.start_rule.weekday:
        rule = t.start_rule
        under.append(_node(text=f"Day 1 is {rule.strength} a {rule.weekday}", source=rule.source))
    for m in t.milestones:
        when = []
        if m.days:
            span = m.days.first if m.days.first == m.days.last else f"{m.days.first}–{m.days.last}"
            when.append(f"day {span}")
        if m.deadline:
            when.append(m.deadline.text)
        if m.unspecified:
            when.append("date not specified")
        notes = [m.unspecified, m.note]
        note = tuple(_node(text=text) for text in notes if text)
        under.append(_node(f"{' / '.join(when)}:", f"{m.title} — {m.actor}", m.source, under=note))
    return _node("Day 1:", t.anchor, t.source, under=[*under, *_facts(t.notes)])


def _report(r: Regime) -> Node:
    rep = r.report
    under = [_section(section) for section in rep.sections]
    for statement in rep.statements:
        conditions = []
        if statement.when_present:
            conditions.append("with " + ", ".join(statement.when_present))
        if statement.when_absent:
            conditions.append("without " + ", ".join(statement.when_absent))
        condition = "; ".join(conditions) or "always"
        under.append(_node(f"statement ({condition}):", statement.text, statement.source))
    under += [_node("recipient:", rec.text, rec.source) for rec in rep.recipients]
    under += [_node("template", f"{d.title} ({d.file})", d.source) for d in r.templates]
    under += _facts(rep.notes)
    return _node(rep.title, f"({rep.form})", rep.source, under=under)


def _section(section: ReportSection) -> Node:
    content = (_node(text=section.content),) if section.content else ()
    return _node(
        text=section.title + (" — Grade" if section.graded else ""),
        source=section.source,
        under=[*content, *(_section(child) for child in section.children)],
    )


# -- the terminal -------------------------------------------------------------------


def describe_regime(regime: Regime) -> RenderableType:
    """The outline as rich renderables: sections as rules, statements as trees."""

    def label(node: Node) -> str:
        parts = [f"[bold]{_escape(node.lead)}[/]" if node.lead else "", _escape(node.text)]
        if node.source:
            parts.append(f"[dim]\\[{_escape(node.source)}][/]")
        return " ".join(part for part in parts if part)

    def grow(tree: Tree, nodes: Iterable[Node]) -> None:
        for node in nodes:
            grow(tree.add(label(node)), node.children)

    renderables: list[RenderableType] = []
    for node in regime_outline(regime):
        if node.heading:
            renderables.append(Rule(f"[bold]{_escape(node.lead)}[/]", align="left"))
        elif node.children:
            tree = Tree(label(node))
            grow(tree, node.children)
            renderables.append(tree)
        else:
            renderables.append(Text.from_markup(label(node)))
    return Group(*renderables)


def _escape(text: str) -> str:
    return escape(text)
