"""A stored inspection as the core's objects, and the core's objects as column values.

The row holds exactly what a checked workspace holds (see
``inspectkit.web.models.inspection``), so converting one way and back loses
nothing: that is what makes export, import and export again give the same files.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from inspectkit.model import Regime
from inspectkit.model.inspection import Person
from inspectkit.plan_record import plan_from_data
from inspectkit.timeline import Plan
from inspectkit.web.models import Inspection as Record
from inspectkit.workspace import (
    Finding,
    FindingEntry,
    GradeEntry,
    Inspection,
    InspectionFile,
    PersonEntry,
)


def _person(value: str | dict[str, str]) -> Person:
    """A stored team member: ``{role, name, telephone}`` (a bare job title in rows stored
    before names were allowed)."""
    if isinstance(value, str):
        return Person(role=value)
    return Person(
        role=value["role"], name=value.get("name", ""), telephone=value.get("telephone", "")
    )


def _stored(person: Person) -> dict[str, str]:
    return {"role": person.role, "name": person.name, "telephone": person.telephone}


def inspection_of(record: Record) -> Inspection:
    """The stored row as the core's checked ``Inspection``."""
    return Inspection(
        regime=record.regime,
        council=record.council,
        start=record.start,
        id=record.identity,
        team=tuple(_person(member) for member in record.team),
        quality_assurance=(_person(record.quality_assurance) if record.quality_assurance else None),
        sites=tuple(record.sites),
        recipient=record.recipient,
        recipient_name=record.recipient_name,
        dates={key: date.fromisoformat(day) for key, day in record.dates.items()},
        done={key: date.fromisoformat(day) for key, day in record.done.items()},
        letter_date=record.letter_date,
        locale=record.locale,
        findings=tuple(
            Finding(
                area=f["area"],
                level=f["level"],
                text=f.get("text", ""),
                evidence=f.get("evidence", ""),
                recommendations=tuple(f.get("recommendations", ())),
            )
            for f in record.findings
        ),
        assertions=dict(record.assertions),
        contacts=dict(record.contacts),
        sections=dict(record.sections),
        statements=dict(record.statements),
    )


def file_of(record: Record, regime: Regime) -> InspectionFile:
    """The stored row as the inspection file it was checked from, to change and check again
    (the browser's forms go through the file's own rules, as ``inspectkit check`` does)."""
    stored = inspection_of(record)
    entries: list[FindingEntry] = []
    grades: list[GradeEntry] = []
    for f in stored.findings:
        common = {"area": f.area, "text": f.text, "evidence": f.evidence}
        recommendations = list(f.recommendations)
        if regime.scale.graded:
            grades.append(GradeEntry(grade=f.level, recommendations=recommendations, **common))
        else:
            entries.append(FindingEntry(type=f.level, recommendations=recommendations, **common))
    return InspectionFile(
        regime=stored.regime,
        council=stored.council,
        start=stored.start,
        id=stored.id,
        team=[_entry_of(p) for p in stored.team],
        sites=list(stored.sites),
        recipient=stored.recipient,
        recipient_name=stored.recipient_name,
        quality_assurance=(
            _entry_of(stored.quality_assurance) if stored.quality_assurance else None
        ),
        letter_date=stored.letter_date,
        dates=dict(stored.dates),
        done=dict(stored.done),
        locale=stored.locale,
        findings=entries,
        grades=grades,
        assertions=dict(stored.assertions),
        contacts=dict(stored.contacts),
        sections=dict(stored.sections),
        statements=dict(stored.statements),
    )


def _entry_of(person: Person) -> PersonEntry:
    return PersonEntry(role=person.role, name=person.name, telephone=person.telephone)


def plan_of(record: Record, regime: Regime) -> Plan:
    """The stored plan, checked against ``regime`` as a workspace's plan.json is."""
    return plan_from_data(regime, record.plan, where=f"inspection {record.name}: plan")


def columns_of(inspection: Inspection) -> dict[str, Any]:
    """The core's ``Inspection`` as column values (JSON-ready lists and tables)."""
    return {
        "regime": inspection.regime,
        "council": inspection.council,
        "start": inspection.start,
        "identity": inspection.id,
        "team": [_stored(member) for member in inspection.team],
        "quality_assurance": (
            _stored(inspection.quality_assurance) if inspection.quality_assurance else None
        ),
        "sites": list(inspection.sites),
        "recipient": inspection.recipient,
        "recipient_name": inspection.recipient_name,
        "dates": {key: day.isoformat() for key, day in inspection.dates.items()},
        "done": {key: day.isoformat() for key, day in inspection.done.items()},
        "letter_date": inspection.letter_date,
        "locale": inspection.locale,
        "findings": [
            {
                "area": f.area,
                "level": f.level,
                "text": f.text,
                "evidence": f.evidence,
                "recommendations": list(f.recommendations),
            }
            for f in inspection.findings
        ],
        "assertions": dict(inspection.assertions),
        "contacts": dict(inspection.contacts),
        "sections": dict(inspection.sections),
        "statements": dict(inspection.statements),
    }
