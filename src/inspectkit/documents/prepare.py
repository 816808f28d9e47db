"""Everything ``report`` checks about a workspace before it renders a word.

``inspectkit check`` runs exactly this, so a workspace that passes ``check``
is one ``report`` will not refuse for its data: the inspection file against
its regime, the plan (saved or fresh, with its warnings), the limiting rules
(a broken hard limit is a problem), and the sample and case list that
documents are checked against.  Every problem found is reported together, so
an inspector fixes them in one pass rather than one per run.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen

from inspectkit.documents.checks import PrivateValues
from inspectkit.errors import InputError
from inspectkit.workspace import Workspace, load_workspace

if TYPE_CHECKING:
    from inspectkit.judgements import RuleOutcome
    from inspectkit.timeline import Plan


@frozen(kw_only=True, eq=False)
class PreparedWorkspace:
    """A workspace with everything its documents are made from and checked against."""

    workspace: Workspace
    plan: Plan
    outcomes: tuple[RuleOutcome, ...]
    private: PrivateValues
    sample_size: int | None
    notices: tuple[str, ...] = ()  # the plan's and the side files' warnings

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every warning: advisory limiting rules the record contradicts, then the notices."""
        return tuple(o.message for o in self.outcomes if o.severity == "warning") + self.notices


def plan_dates(plan: object) -> set[date]:
    """Every date the plan names (documents may print any of them)."""
    days: set[date] = set()
    for planned in getattr(plan, "milestones", ()):
        day = planned.first
        while day <= planned.last:
            days.add(day)
            day += timedelta(days=1)
        if planned.due is not None:
            days.add(planned.due)
    return days


def prepare_workspace(directory: Path | Workspace) -> PreparedWorkspace:
    """Load and check ``directory``; InputError listing every problem found.

    A workspace that does not load stops here (nothing else can be read
    without its regime); after that, each check runs even when an earlier one
    failed, and all their problems are raised together.
    """
    from inspectkit.documents.private import private_values, sample_size
    from inspectkit.judgements import apply_limiting_rules

    workspace = directory if isinstance(directory, Workspace) else load_workspace(directory)
    problems: list[str] = []
    plan: Plan | None = None
    private: PrivateValues | None = None
    drawn: int | None = None
    try:
        plan = workspace.plan()
    except InputError as exc:
        problems += exc.problems
    outcomes = tuple(apply_limiting_rules(workspace.regime.regime, workspace.inspection))
    problems += [
        f"{workspace.inspection_file}: hard limit broken: {o.message}"
        for o in outcomes
        if o.severity == "error"
    ]
    try:  # the sample and case list the documents are checked against
        private = private_values(workspace)
        drawn = sample_size(workspace)
    except InputError as exc:
        problems += exc.problems
    if problems or plan is None or private is None:
        raise InputError(problems)
    return PreparedWorkspace(
        workspace=workspace,
        plan=plan,
        outcomes=outcomes,
        private=private,
        sample_size=drawn,
        notices=(*plan.warnings, *private.warnings),
    )
