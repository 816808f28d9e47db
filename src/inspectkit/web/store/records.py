"""A stored inspection as the core's objects, and the core's objects as column values.

The row holds exactly what a checked workspace holds (see
``inspectkit.web.models.inspection``), so converting one way and back loses
nothing: that is what makes export, import and export again give the same files.
"""

from __future__ import annotations

from typing import Any

from inspectkit.model import Regime
from inspectkit.timeline import Plan, plan_from_data
from inspectkit.web.models import Inspection as Record
from inspectkit.workspace import Finding, Inspection


def inspection_of(record: Record) -> Inspection:
    """The stored row as the core's checked ``Inspection``."""
    return Inspection(
        regime=record.regime,
        council=record.council,
        start=record.start,
        team=tuple(record.team),
        sites=tuple(record.sites),
        recipient=record.recipient,
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


def plan_of(record: Record, regime: Regime) -> Plan:
    """The stored plan, checked against ``regime`` as a workspace's plan.json is."""
    return plan_from_data(regime, record.plan, where=f"inspection {record.name}: plan")


def columns_of(inspection: Inspection) -> dict[str, Any]:
    """The core's ``Inspection`` as column values (JSON-ready lists and tables)."""
    return {
        "regime": inspection.regime,
        "council": inspection.council,
        "start": inspection.start,
        "team": list(inspection.team),
        "sites": list(inspection.sites),
        "recipient": inspection.recipient,
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
