"""Inspections made straight in the store for page and security tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser

from inspectkit.demo import build_demo
from inspectkit.plan_record import plan_to_data
from inspectkit.plugins import get_host
from inspectkit.timeline import plan_inspection
from inspectkit.web.models import Inspection
from inspectkit.web.store.changes import Actor
from inspectkit.web.store.folders import import_folder

EVIL_COUNCIL = "<script>alert(1)</script> & Co"


def make_inspection(
    name: str,
    council: str,
    *members: AbstractBaseUser,
    regime_id: str = "cra_2010",
    start: date = date(2011, 10, 17),
) -> Inspection:
    regime = get_host().regime(regime_id).regime
    record = Inspection.objects.create(
        name=name,
        regime=regime_id,
        council=council,
        start=start,
        team=["Lead inspector, HMI"],
        recipient="Director of Children's Services",
        findings=[
            {
                "area": next(a.id for _, a in regime.evaluation.walk()),
                "level": regime.scale.levels[-1].id,
                "text": f"Finding for {council}.",
                "evidence": "Case file audit.",
                "recommendations": [],
            }
        ],
        plan=plan_to_data(plan_inspection(regime, start)),
    )
    record.members.add(*members)
    return record


def stored_example(folder: Path, example: str, *members: AbstractBaseUser) -> Inspection:
    """A regime's example inspection (``cra_2010``, ``cra_2010_priority_action``...), built
    by the demo in ``folder`` and imported, with ``members`` on its team."""
    run = build_demo(folder, get_host())
    built = next(r for r in run.results if r.name == example)
    record = import_folder(built.directory, actor=Actor(name="test")).saved.record
    record.members.add(*members)
    return record
