"""Is a regime definition complete and consistent?  The checks behind the conformance kit.

The model's validators catch what one item can know about itself (an empty
citation, a day span running backwards).  These checks need the whole regime:
ids unique within their kind, every reference pointing at something that exists,
milestones in order, every citation naming a declared source document, silent
sources written as "not specified", templates present.  They run when a plugin
registers a regime and from ``inspectkit.testing`` in a plugin's own tests.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs
from attrs import frozen

from inspectkit.case_fields import case_fields_for, privacy_rules, standard_fields
from inspectkit.case_vocabulary import normalise_code, normalise_heading
from inspectkit.model import NOT_SPECIFIED, Measure, Regime
from inspectkit.model.casefields import CaseField
from inspectkit.model.sampling import FieldMatch
from inspectkit.template_lookup import core_template_dir

Severity = Literal["error", "warning"]
PUBLIC_PREFIX = "public:"
TODO_MARK = "TODO"


@frozen(kw_only=True)
class Problem:
    severity: Severity
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def check_regime(regime: Regime, *, templates: Path | None = None) -> list[Problem]:
    """Every problem found in ``regime``; an empty list means it conforms."""
    checker = _Checker(regime, templates)
    checker.run()
    return checker.problems


class _Checker:
    def __init__(self, regime: Regime, templates: Path | None) -> None:
        self.regime = regime
        self.templates = templates
        self.problems: list[Problem] = []
        self.areas = {a.id for _, a in regime.evaluation.walk()}
        self.levels = {lv.id for lv in regime.scale.levels}
        self.milestones = [m.id for m in regime.timeline.milestones]
        self.undated = {m.id for m in regime.timeline.milestones if not m.specified}
        self.externals = {e.id for e in regime.external_judgements}
        self.fields = _known_fields(regime)

    def error(self, where: str, message: str) -> None:
        self.problems.append(Problem(severity="error", where=where, message=message))

    def warn(self, where: str, message: str) -> None:
        self.problems.append(Problem(severity="warning", where=where, message=message))

    def run(self) -> None:
        self.check_unique_ids()
        self.check_schedule()
        self.check_rules()
        self.check_timeline()
        self.check_sampling()
        self.check_case_vocabulary()
        self.check_report()
        self.check_requests_and_team()
        self.check_sources()
        self.check_templates()

    # -- ids ---------------------------------------------------------------------

    def check_unique_ids(self) -> None:
        r = self.regime
        kinds: dict[str, Iterable[str]] = {
            "evaluation area": (a.id for _, a in r.evaluation.walk()),
            "scale level": (lv.id for lv in r.scale.levels),
            "limiting rule": (x.id for x in r.limiting_rules),
            "milestone": self.milestones,
            "information request": (x.id for x in r.information_requests),
            "case group": (x.id for x in r.sampling.groups),
            "sampling phase": (x.id for x in r.sampling.phases),
            "sampling subset": (x.id for x in r.sampling.subsets),
            "case field": (x.id for x in r.case_fields),
            "survey": (x.id for x in r.surveys),
            "document template": (x.id for x in r.templates),
            "statement": (x.id for x in r.report.statements),
            "report section": (s.id for s in _walk_sections(r.report.sections)),
            "topic": (x.id for x in r.topics),
            "team role": (x.id for x in r.team.roles),
            "source document": (x.id for x in r.sources),
        }
        for kind, ids in kinds.items():
            for duplicate, count in Counter(ids).items():
                if count > 1:
                    self.error(kind, f"id {duplicate!r} is used {count} times")
        for case_field in r.case_fields:
            for duplicate, count in Counter(v.id for v in case_field.values).items():
                if count > 1:
                    self.error(f"case_fields.{case_field.id}", f"value {duplicate!r} repeated")

    # -- evaluation schedule --------------------------------------------------------

    def check_schedule(self) -> None:
        """An ungraded regime grades nothing: an area left graded would ask for a grade."""
        if self.regime.scale.graded:
            return
        for _, area in self.regime.evaluation.walk():
            if area.graded:
                self.error(
                    f"evaluation area {area.id!r}",
                    "is graded, but the scale is ungraded (set graded = false)",
                )

    # -- limiting rules ---------------------------------------------------------

    def check_rules(self) -> None:
        for rule in self.regime.limiting_rules:
            where = f"limiting rule {rule.id!r}"
            if rule.target in self.areas:
                if rule.limit not in self.levels:
                    self.error(where, f"limit {rule.limit!r} is not a level of the scale")
            elif rule.target not in self.externals:
                self.error(
                    where,
                    f"target {rule.target!r} is not a judgement area or external judgement",
                )
            for problem in rule.when.problems(self.regime):
                self.error(where, problem)

    # -- case-list vocabulary -----------------------------------------------------

    def check_case_vocabulary(self) -> None:
        """Headings and codes must read one way only once normalised, as the reader sees
        them: otherwise one council column or code would silently count as another."""
        privacy = privacy_rules()
        names = {normalise_heading(h) for h in privacy.name_headings}
        endings = tuple(normalise_heading(h) for h in privacy.name_heading_endings)
        owners: dict[str, str] = {}
        for case_field in case_fields_for(self.regime):
            where = f"case field {case_field.id!r}"
            for heading in dict.fromkeys((*case_field.headings, case_field.title, case_field.id)):
                key = normalise_heading(heading)
                owner = owners.setdefault(key, case_field.id)
                if owner != case_field.id:
                    self.error(where, f"heading {heading!r} also names case field {owner!r}")
                if key in names or key.endswith(endings):
                    self.error(where, f"heading {heading!r} is a name column, always dropped")
            codes: dict[str, str] = {}
            for value in case_field.values:
                for code in dict.fromkeys((*value.codes, value.id, value.label)):
                    taken = codes.setdefault(normalise_code(code), value.id)
                    if taken != value.id:
                        self.error(where, f"code {code!r} of {value.id!r} also means {taken!r}")

    # -- timeline -----------------------------------------------------------------

    def check_timeline(self) -> None:
        seen: set[str] = set()
        last_first_day = 0
        for milestone in self.regime.timeline.milestones:
            where = f"milestone {milestone.id!r}"
            if milestone.deadline is not None:
                after = milestone.deadline.after
                if after not in self.milestones:
                    self.error(where, f"deadline counts from missing milestone {after!r}")
                elif after not in seen:
                    self.error(where, f"deadline counts from {after!r}, which comes later")
                elif after in self.undated:
                    self.error(
                        where, f"deadline counts from {after!r}, whose date is not specified"
                    )
            if milestone.days is not None:
                if milestone.days.first < last_first_day:
                    self.error(
                        where,
                        f"starts on day {milestone.days.first}, before the milestone listed "
                        f"ahead of it (day {last_first_day}); list milestones in order",
                    )
                last_first_day = milestone.days.first
            seen.add(milestone.id)
        for role in self.regime.team.roles:
            if role.arrives_day is not None and role.arrives_day < 1:
                self.error(f"team role {role.id!r}", "arrives_day counts from day 1")

    # -- sampling -----------------------------------------------------------------

    def check_sampling(self) -> None:
        sampling = self.regime.sampling
        groups = {g.id for g in sampling.groups}
        for group in sampling.groups:
            self.check_matches(f"case group {group.id!r}", group.matches())
        self.check_matches("sampling population", sampling.population.where)
        for phase in sampling.phases:
            where = f"sampling phase {phase.id!r}"
            for quota in phase.quotas:
                if quota.group not in groups:
                    self.error(where, f"quota refers to missing case group {quota.group!r}")
            for name in (*phase.cover, *phase.balance):
                if name not in self.fields:
                    self.error(where, f"refers to missing case field {name!r}")
            for selection in phase.select:
                for name in selection.fields():
                    if name not in self.fields:
                        self.error(where, f"{selection.key} refers to missing case field {name!r}")
                for problem in selection.problems(self.regime):
                    self.error(where, f"{selection.key}: {problem}")
            if phase.milestone and phase.milestone not in self.milestones:
                self.error(where, f"refers to missing milestone {phase.milestone!r}")
            quota_total = sum(q.min for q in phase.quotas)
            if phase.size.min is not None and quota_total > phase.size.min:
                self.warn(where, f"quotas add up to {quota_total}, more than its minimum")
        for subset in sampling.subsets:
            for name in subset.balance:
                if name not in self.fields:
                    self.error(f"sampling subset {subset.id!r}", f"missing case field {name!r}")
        for survey in self.regime.surveys:
            self.check_matches(f"survey {survey.id!r}", survey.where)
            if survey.recent is not None and survey.recent.field not in self.fields:
                self.error(f"survey {survey.id!r}", f"missing case field {survey.recent.field!r}")

    def check_matches(self, where: str, matches: Iterable[FieldMatch]) -> None:
        for match in matches:
            case_field = self.fields.get(match.field)
            if case_field is None:
                self.error(where, f"refers to missing case field {match.field!r}")
                continue
            if case_field.kind in ("code", "flag") and case_field.values:
                known = {v.id for v in case_field.values}
                for value in match.values:
                    if value not in known:
                        self.error(where, f"{match.field} has no value {value!r}")

    # -- report, requests, team ---------------------------------------------------

    def check_report(self) -> None:
        report = self.regime.report
        for section in _walk_sections(report.sections):
            if section.area and section.area not in self.areas:
                self.error(f"report section {section.id!r}", f"missing area {section.area!r}")
            if section.graded and not self.regime.scale.graded:
                self.error(f"report section {section.id!r}", "graded in an ungraded regime")
        for statement in report.statements:
            for level in (*statement.when_present, *statement.when_absent):
                if level not in self.levels:
                    self.error(f"statement {statement.id!r}", f"refers to missing level {level!r}")
        for milestone in report.milestones:
            if milestone not in self.milestones:
                self.error("report", f"refers to missing milestone {milestone!r}")

    def check_requests_and_team(self) -> None:
        for request in self.regime.information_requests:
            if request.due_milestone and request.due_milestone not in self.milestones:
                self.error(
                    f"information request {request.id!r}",
                    f"refers to missing milestone {request.due_milestone!r}",
                )
        inspectorates = {i.id for i in self.regime.team.inspectorates}
        for role in self.regime.team.roles:
            if role.inspectorate and role.inspectorate not in inspectorates:
                self.error(f"team role {role.id!r}", f"missing inspectorate {role.inspectorate!r}")

    # -- sources and silence ------------------------------------------------------

    def check_sources(self) -> None:
        documents = sorted((d.id for d in self.regime.sources), key=len, reverse=True)
        for path, item in walk_items(self.regime, "regime"):
            source = getattr(item, "source", None)
            if isinstance(source, str) and source:
                if TODO_MARK in source:
                    self.error(path, f"source is still to be filled in: {source!r}")
                elif not _cites_known_document(source, documents):
                    self.error(
                        path,
                        f"source {source!r} names no declared document "
                        f"(declared: {', '.join(sorted(documents)) or 'none'}; or use "
                        f"'{PUBLIC_PREFIX} …')",
                    )
            for attribute in attrs.fields(type(item)):
                value = getattr(item, attribute.name)
                if attribute.name != "source" and isinstance(value, str) and TODO_MARK in value:
                    self.error(path, f"{attribute.name} is still to be filled in")
            if (
                isinstance(item, Measure)
                and not item.specified
                and NOT_SPECIFIED not in item.text.lower()
            ):
                self.error(path, f"has no number, so its text must say {NOT_SPECIFIED!r}")

    def check_templates(self) -> None:
        search = [d for d in (self.templates, core_template_dir()) if d is not None]
        for document in self.regime.templates:
            if not any((d / document.file).is_file() for d in search):
                self.error(
                    f"document template {document.id!r}",
                    f"file {document.file!r} not found in {', '.join(map(str, search))}",
                )


def _cites_known_document(source: str, documents: list[str]) -> bool:
    if source.startswith(PUBLIC_PREFIX):
        return bool(source[len(PUBLIC_PREFIX) :].strip())
    # a source may cite several documents: "100025 §8; Sunderland 2012 §3.1"
    parts = [p.strip() for p in re.split(r";", source) if p.strip()]
    return all(
        p.startswith(PUBLIC_PREFIX) or any(p == d or p.startswith(d + " ") for d in documents)
        for p in parts
    )


def _known_fields(regime: Regime) -> dict[str, CaseField]:
    fields = {f.id: f for f in standard_fields()}
    fields.update((f.id, f) for f in regime.case_fields)
    return fields


def _walk_sections(sections: Iterable[Any]) -> Iterator[Any]:
    for section in sections:
        yield section
        yield from _walk_sections(section.children)


def walk_items(item: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every attrs instance inside ``item`` with a readable path to it."""
    yield path, item
    for attribute in attrs.fields(type(item)):
        value = getattr(item, attribute.name)
        if attrs.has(type(value)):
            yield from walk_items(value, f"{path}.{attribute.name}")
        elif isinstance(value, tuple):
            for index, element in enumerate(value):
                if attrs.has(type(element)):
                    label = getattr(element, "id", "") or str(index)
                    yield from walk_items(element, f"{path}.{attribute.name}[{label}]")
