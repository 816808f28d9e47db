"""The values a document template sees, built from the workspace, its plan and its rules.

Everything is plain data (dicts, lists, strings) so templates written by other
people, rendered in a sandbox, can only read it.  Dates are already words
(babel, in the inspection's locale).  The regime's plugin can add values
through the ``inspectkit_document_context`` hook; they are merged last.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from inspectkit.bibliography import bibliography
from inspectkit.documents.datewords import (
    BLANK_DATE,
    format_date,
    format_day,
    milestone_dates,
)
from inspectkit.model import Regime, ReportSection
from inspectkit.workspace import Finding, Inspection, Person, Workspace
from inspectkit.workspace.dates import letter_date
from inspectkit.workspace.wording import choose_wording

if TYPE_CHECKING:
    from inspectkit.judgements import RuleOutcome
    from inspectkit.timeline import Plan

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def build_context(
    workspace: Workspace,
    template_id: str,
    *,
    plan: Plan,
    outcomes: Sequence[RuleOutcome] = (),
    sample_size: int | None = None,
) -> dict[str, Any]:
    """The full context for document ``template_id`` of ``workspace``."""
    context = inspection_context(
        workspace.regime.regime, workspace.inspection, template_id, plan=plan, outcomes=outcomes
    )
    context["sample_size"] = sample_size
    extra = workspace.host.document_context(workspace.regime.regime, template_id, context)
    context.update(extra)
    return context


def inspection_context(
    regime: Regime,
    inspection: Inspection,
    template_id: str,
    *,
    plan: Plan,
    outcomes: Sequence[RuleOutcome] = (),
) -> dict[str, Any]:
    """The context without plugin additions (what a raw render of a template needs)."""
    locale = inspection.locale
    document = next((d for d in regime.templates if d.id == template_id), None)
    wording = choose_wording(regime, inspection.recorded_each(), inspection.statements)
    members = list(inspection.team) or [Person(role="Lead inspector")]
    team = [member.display() for member in members]
    milestones = milestone_dates(plan, locale, inspection.dates)
    dated = letter_date(regime, inspection, plan)
    findings = {
        level.id: [_finding(regime, f) for f in inspection.findings_at(level.id)]
        for level in regime.scale.levels
    }
    grades = {f.area: _level_label(regime, f.level) for f in inspection.findings if f.level}
    sections = list(_sections(regime, inspection, regime.report.sections))
    cited = [
        regime.report.source,
        document.source if document else "",
        *(row["source"] for row in sections),
        *(s.source for s in wording.chosen.values()),
        *(o.rule.source for o in outcomes if o.fired),
    ]
    return {
        "council": inspection.council,
        "recipient": inspection.recipient,
        "team": team,
        "lead": team[0],
        "team_others": team[1:],
        # the people themselves: a name and telephone only where the regime's templates
        # ask for them (Regime.names); otherwise "" and the documents print the role
        "members": [_person(m) for m in members],
        "lead_person": _person(members[0]),
        "lead_telephone": members[0].telephone
        or inspection.contacts.get("lead_inspector_telephone", ""),
        "team_others_named": [m.name or m.role for m in members[1:]],
        "quality_assurance": _person(inspection.quality_assurance),
        "recipient_name": inspection.recipient_name,
        "team_size": len(team),
        "team_size_words": _number_words(len(team)),
        "team_others_words": _number_words(len(team) - 1),
        "sites": list(inspection.sites),
        "contacts": dict(inspection.contacts),
        "section_text": dict(inspection.sections),
        "regime": {
            "id": regime.id,
            "title": regime.title,
            "short_title": regime.short_title,
            "reference": regime.reference,
            "publisher": regime.publisher,
            "version": regime.version,
            "legal_basis": regime.legal_basis.text,
        },
        "document": {
            "id": template_id,
            "title": document.title if document else template_id,
            "kind": document.kind if document else "",
            "source": document.source if document else "",
            "audience": document.audience if document else "",
        },
        "report_title": regime.report.title,
        "locale": locale,
        "start_date": format_date(plan.start, locale),
        "start_day": format_day(plan.start, locale),
        "end_date": format_date(plan.end, locale),
        "letter_date": format_date(dated, locale) if dated else BLANK_DATE,
        "dates": milestones,
        "levels": [
            {"id": lv.id, "label": lv.label, "findings": findings[lv.id]}
            for lv in regime.scale.levels
        ],
        "findings": findings,
        "grades": grades,
        "statements": wording.texts(),
        "sections": sections,
        "grade_table": [row for row in sections if row["graded"]],
        "grade_summary": grade_summary(sections),
        "recommendations": [r for f in inspection.findings for r in f.recommendations],
        # the report's source notes: each source its wording and headings come from, in full
        "bibliography": [{"key": e.key, "text": e.text} for e in bibliography([regime], cited)],
        "limiting": [
            {
                "rule": o.rule.id,
                "status": o.status,
                "message": o.message,
                "source": o.rule.source,
                "advisory": o.rule.advisory,
            }
            for o in outcomes
            if o.fired
        ],
    }


def grade_summary(sections: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The graded sections for a summary table, each under the top-level heading it belongs
    to when that heading is not graded itself (slac_2009's "Safeguarding" and "Services
    for looked after children" each have an "Overall effectiveness").  A heading row has
    ``group`` true; a graded row false."""
    rows: list[dict[str, Any]] = []
    heading: dict[str, Any] | None = None
    for section in sections:
        if section["depth"] == 0:
            heading = None if section["graded"] else section
        if not section["graded"]:
            continue
        if heading is not None:
            rows.append({**heading, "group": True})
            heading = None
        rows.append({**section, "group": False})
    return rows


def _person(person: Person | None) -> dict[str, str]:
    if person is None:
        return {"role": "", "name": "", "telephone": "", "display": ""}
    return {
        "role": person.role,
        "name": person.name,
        "telephone": person.telephone,
        "display": person.display(),
    }


def _number_words(count: int) -> str:
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


def _level_label(regime: Regime, level_id: str) -> str:
    level = regime.scale.level(level_id)
    return level.label if level else level_id


def _finding(regime: Regime, finding: Finding) -> dict[str, Any]:
    area = regime.evaluation.area(finding.area)
    return {
        "area": finding.area,
        "area_title": area.title if area else finding.area,
        "level": finding.level,
        "label": _level_label(regime, finding.level) if finding.level else "",
        "text": finding.text,
        "evidence": finding.evidence,
        "recommendations": list(finding.recommendations),
    }


def _sections(
    regime: Regime,
    inspection: Inspection,
    sections: Iterable[ReportSection],
    prefix: str = "",
    depth: int = 0,
) -> Iterable[dict[str, Any]]:
    """Report sections depth first, numbered "1", "1.2", with each area's recorded entry."""
    for index, section in enumerate(sections, start=1):
        number = f"{prefix}{index}"
        entry = inspection.entry_for(section.area) if section.area else None
        yield {
            "number": number,
            "id": section.id,
            "title": section.title,
            "depth": depth,
            "heading_level": min(depth + 1, 3),
            "graded": section.graded,
            "grade": _level_label(regime, entry.level) if entry and entry.level else "",
            "content": section.content,
            "source": section.source,
            "text": (entry.text if entry else "") or inspection.sections.get(section.id, ""),
            "evidence": entry.evidence if entry else "",
            "recommendations": list(entry.recommendations) if entry else [],
        }
        yield from _sections(regime, inspection, section.children, f"{number}.", depth + 1)
