"""A regime written out for a reader: every rule, number and list with its source.

``inspectkit regimes show ID`` prints this.  The aim is that a reader can answer
every "what, when, who, how many, how judged" question about a regime from it
alone, with the paragraph each answer comes from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.rule import Rule
from rich.text import Text
from rich.tree import Tree

from inspectkit.model import CaseGroup, Fact, FieldMatch, Measure, Regime
from inspectkit.model.report import ReportSection
from inspectkit.model.schedule import JudgementArea

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


def cite(source: str) -> str:
    return f"[dim]\\[{escape(source)}][/]"


def line(text: str, source: str) -> str:
    return f"{escape(text)} {cite(source)}"


def measure(label: str, value: Measure) -> str:
    return (
        f"[bold]{escape(label)}:[/] {escape(value.describe())} — {line(value.text, value.source)}"
    )


def facts(tree: Tree, items: Iterable[Fact]) -> None:
    for item in items:
        tree.add(line(item.text, item.source))


def heading(title: str) -> Rule:
    return Rule(f"[bold]{escape(title)}[/]", align="left")


def describe_regime(regime: Regime) -> RenderableType:
    """Every section of the regime as rich renderables, in reading order."""
    return Group(*_sections(regime))


def _sections(r: Regime) -> Iterator[RenderableType]:
    yield Text(f"{r.title}", style="bold")
    yield Text.from_markup(
        f"{escape(r.id)} · version {escape(r.version)} · {escape(r.publisher)} "
        f"reference {escape(r.reference)} · published {r.published.date} {cite(r.published.source)}"
        f" · in force {r.in_force.date} {cite(r.in_force.source)}"
    )
    if r.in_force.text:
        yield Text.from_markup(f"  {escape(r.in_force.text)}")
    yield Text.from_markup(
        f"[bold]Legal basis:[/] {line(r.legal_basis.text, r.legal_basis.source)}"
    )
    for superseded in r.supersedes:
        yield Text.from_markup(
            f"[bold]Supersedes:[/] {escape(superseded.regime)} — "
            f"{line(superseded.extent, superseded.source)}"
        )

    from inspectkit.bibliography import bibliography, regime_citations

    documents = Tree("[bold]Sources[/] (every [dim][key …][/] below is one of these)")
    for entry in bibliography([r], regime_citations(r)):
        documents.add(f"[bold]{escape(entry.key)}[/]: {escape(entry.text)}")
    yield documents

    for topic in r.topics:
        tree = Tree(f"[bold]{escape(topic.title)}[/]")
        facts(tree, topic.facts)
        yield tree

    yield heading("Notice and team")
    notice = Tree(f"[bold]Notice:[/] {'announced' if r.notice.announced else 'unannounced'}")
    notice.add(line(r.notice.text, r.notice.source))
    notice.add(measure("Notice period", r.notice.period))
    for exception in r.notice.exceptions:
        notice.add(f"[italic]exception:[/] {line(exception.text, exception.source)}")
    yield notice
    team = Tree(f"[bold]Team[/] {cite(r.team.source)}")
    team.add(measure("Size", r.team.size))
    team.add(measure("Days on site", r.team.days_on_site))
    for inspectorate in r.team.inspectorates:
        team.add(f"Inspectorate: {line(inspectorate.name, inspectorate.source)}")
    for role in r.team.roles:
        arrives = f", from day {role.arrives_day}" if role.arrives_day else ""
        node = team.add(
            f"[bold]{escape(role.title)}[/]: {escape(role.count.describe())}{arrives} "
            f"{cite(role.source)}"
        )
        if role.duties:
            node.add(escape(role.duties))
    facts(team, r.team.notes)
    yield team
    if r.names is not None:
        names = Tree("[bold]Names[/]")
        names.add(f"rule: {line(r.names.rule.text, r.names.rule.source)}")
        for label, asked in (("inspectors", r.names.inspectors), ("addressee", r.names.addressee)):
            if asked is not None:
                names.add(f"{label} named: {line(asked.text, asked.source)}")
        yield names

    yield heading("How it judges")
    kind = "grades (best first)" if r.scale.graded else "ungraded finding types"
    scale = Tree(f"[bold]{escape(r.scale.name)}[/]: {kind} {cite(r.scale.source)}")
    for level in r.scale.levels:
        node = scale.add(f"[bold]{escape(level.label)}[/] ({level.id}) {cite(level.source)}")
        if level.definition:
            node.add(escape(level.definition))
        for example in level.examples:
            node.add(f"example: {line(example.text, example.source)}")
        if level.calls_for_action is not None:
            action = level.calls_for_action
            node.add(f"calls for action: {line(action.text, action.source)}")
    facts(scale, r.scale.notes)
    yield scale
    schedule = Tree(f"[bold]Evaluation schedule[/] {cite(r.evaluation.source)}")
    for area in r.evaluation.areas:
        _add_area(schedule, area)
    if r.evaluation.evidence:
        evidence = schedule.add("[bold]Illustrative evidence[/]")
        facts(evidence, r.evaluation.evidence)
    facts(schedule, r.evaluation.notes)
    yield schedule
    if r.limiting_rules:
        rules = Tree("[bold]Limiting rules[/]")
        for rule in r.limiting_rules:
            node = rules.add(f"[bold]{rule.strength}[/] {line(rule.text, rule.source)}")
            node.add(
                f"caps {escape(rule.target)} at {escape(rule.limit)}: {escape(rule.consequence)}"
            )
        yield rules
    for external in r.external_judgements:
        yield Text.from_markup(f"External judgement: {line(external.title, external.source)}")

    yield heading("Case sampling")
    s = r.sampling
    sampling = Tree(f"[bold]Case sampling[/] {cite(s.source)}")
    sampling.add(measure("Minimum", s.minimum))
    sampling.add(f"Drawn from: {line(s.population.text, s.population.source)}")
    for group in s.groups:
        where = _group_condition(group)
        sampling.add(f"group [bold]{escape(group.title)}[/] ({escape(where)}) {cite(group.source)}")
    for phase in s.phases:
        node = sampling.add(f"[bold]{escape(phase.title)}[/] {cite(phase.source)}")
        node.add(measure("Size", phase.size))
        for quota in phase.quotas:
            node.add(f"at least {quota.min} from {escape(quota.group)} {cite(quota.source)}")
        if phase.cover:
            node.add(f"at least one from each {escape(' × '.join(phase.cover))} present")
        if phase.balance:
            reading = f" — {escape(phase.balance_reading)}" if phase.balance_reading else ""
            node.add(f"balanced across {escape(', '.join(phase.balance))}{reading}")
        facts(node, phase.notes)
    for subset in s.subsets:
        node = sampling.add(f"sub-set [bold]{escape(subset.title)}[/] {cite(subset.source)}")
        node.add(measure("Size", subset.size))
    facts(sampling, s.notes)
    yield sampling
    for field in r.case_fields:
        node = Tree(f"Case field [bold]{escape(field.title)}[/] ({field.id}) {cite(field.source)}")
        for value in field.values:
            codes = f" — codes {', '.join(value.codes)}" if value.codes else ""
            node.add(f"{escape(value.label)}{escape(codes)} {cite(value.source)}")
        yield node
    for survey in r.surveys:
        node = Tree(f"Survey [bold]{escape(survey.title)}[/] {cite(survey.source)}")
        if survey.description:
            node.add(escape(survey.description))
        for match in survey.where:
            node.add(f"eligible: {escape(match.field)} is {escape(' or '.join(match.values))}")
        if survey.min_age is not None:
            node.add(f"eligible: aged {survey.min_age} or over on the inspection date")
        if survey.recent is not None:
            recent = survey.recent
            node.add(f"eligible: {escape(recent.field)} within the previous {recent.months} months")
        if survey.council_action:
            node.add(f"council: {escape(survey.council_action)}")
        yield node

    yield heading("Timeline")
    t = r.timeline
    timeline = Tree(f"[bold]Day 1:[/] {line(t.anchor, t.source)}")
    if t.start_rule and t.start_rule.weekday:
        timeline.add(
            f"Day 1 is {t.start_rule.strength} a {t.start_rule.weekday} {cite(t.start_rule.source)}"
        )
    for m in t.milestones:
        when = []
        if m.days:
            span = m.days.first if m.days.first == m.days.last else f"{m.days.first}–{m.days.last}"
            when.append(f"day {span}")
        if m.deadline:
            when.append(m.deadline.text)
        if m.unspecified:
            when.append("date not specified")
        node = timeline.add(
            f"[bold]{escape(' / '.join(when))}[/]: {escape(m.title)} — {escape(m.actor)} "
            f"{cite(m.source)}"
        )
        if m.unspecified:
            node.add(escape(m.unspecified))
        if m.note:
            node.add(escape(m.note))
    facts(timeline, t.notes)
    yield timeline

    yield heading("Information requested")
    for kind_id, title in _KIND_TITLES.items():
        items = [i for i in r.information_requests if i.kind == kind_id]
        if not items:
            continue
        tree = Tree(f"[bold]{title}[/]")
        for item in items:
            extra = f" (due: {item.due})" if item.due else ""
            element = f"[{item.element}] " if item.element else ""
            tree.add(f"{escape(element)}{line(item.text + extra, item.source)}")
        yield tree

    yield heading("Report")
    rep = r.report
    report = Tree(f"[bold]{escape(rep.title)}[/] ({rep.form}) {cite(rep.source)}")
    for section in rep.sections:
        _add_section(report, section)
    for statement in rep.statements:
        cond = []
        if statement.when_present:
            cond.append("with " + ", ".join(statement.when_present))
        if statement.when_absent:
            cond.append("without " + ", ".join(statement.when_absent))
        condition = escape("; ".join(cond)) or "always"
        report.add(f"statement ({condition}): {line(statement.text, statement.source)}")
    for recipient in rep.recipients:
        report.add(f"recipient: {line(recipient.text, recipient.source)}")
    for document in r.templates:
        title, file = escape(document.title), escape(document.file)
        report.add(f"template [bold]{title}[/] ({file}) {cite(document.source)}")
    facts(report, rep.notes)
    yield report


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


def _add_area(parent: Tree, area: JudgementArea) -> None:
    graded = "" if area.graded else " [dim](no grade)[/]"
    node = parent.add(f"[bold]{escape(area.title)}[/]{graded} ({area.id}) {cite(area.source)}")
    if area.description:
        node.add(escape(area.description))
    facts(node, area.evidence)
    for child in area.children:
        _add_area(node, child)


def _add_section(parent: Tree, section: ReportSection) -> None:
    grade = " — [bold]Grade[/]" if section.graded else ""
    node = parent.add(f"{escape(section.title)}{grade} {cite(section.source)}")
    if section.content:
        node.add(escape(section.content))
    for child in section.children:
        _add_section(node, child)
