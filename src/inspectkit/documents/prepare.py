"""Everything ``report`` checks about a workspace before it renders a word.

``inspectkit check`` runs exactly this, so a workspace that passes ``check``
is one ``report`` will not refuse for its data: the inspection file against
its regime, the plan (saved or fresh, with its warnings), the limiting rules
(a broken hard limit is a problem), the conditional wording (a statement group
with no sentence for what was recorded), the sample and case list that
documents are checked against, and the recorded words documents print, scanned
for those children's identifiers and dates of birth.  Every problem found is
reported together, so an inspector fixes them in one pass rather than one per
run.  Only what rendering itself shows (an override template's mistakes) is
left to ``report``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from attrs import frozen

from inspectkit.documents.checks import PrivateValues, private_problems
from inspectkit.errors import InputError
from inspectkit.judgements import apply_limiting_rules
from inspectkit.workspace import Workspace
from inspectkit.workspace.dates import letter_date
from inspectkit.workspace.wording import Wording, choose_wording, missing_problems

if TYPE_CHECKING:
    from inspectkit.documents.keyed import KeyedIndex
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
    wording: Wording
    notices: tuple[str, ...] = ()  # the plan's and the side files' warnings

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every warning: advisory limiting rules the record contradicts, then the notices."""
        return tuple(o.message for o in self.outcomes if o.severity == "warning") + self.notices

    @property
    def own_dates(self) -> set[date]:
        return own_dates(self.workspace, self.plan)

    @property
    def locales(self) -> list[str]:
        return date_locales(self.workspace)


def recorded_texts(workspace: Workspace) -> list[tuple[str, str]]:
    """(where, text) for the inspection file's words that documents and the action plan
    print: each finding's text and recommendations, and the sections' free text.

    Evidence is left out: it may cite case references (100025 §43) and no shipped
    document prints it (an override template that does is still checked when rendered).
    """
    inspection = workspace.inspection
    kind = "grades" if workspace.regime.regime.graded else "findings"
    where = f"{workspace.inspection_file}: "
    texts: list[tuple[str, str]] = []
    for index, finding in enumerate(inspection.findings):
        texts.append((f"{where}{kind}[{index}].text", finding.text))
        texts.append((f"{where}{kind}[{index}].recommendations", " ".join(finding.recommendations)))
    texts += [(f"{where}sections.{key}", text) for key, text in inspection.sections.items()]
    return texts


def scan_texts(
    texts: Iterable[tuple[str, str]], *, workspace: Workspace, plan: Plan, private: PrivateValues
) -> list[str]:
    """The documents' private-value scan over (label, text) pairs: a line per child
    identifier or date of birth found, naming the label and where the value came from."""
    allowed, locales = own_dates(workspace, plan), date_locales(workspace)
    return [
        line
        for label, text in texts
        for line in private_problems(
            text, label=label, private=private, allowed_dates=allowed, locales=locales
        )
    ]


def own_dates(workspace: Workspace, plan: Plan) -> set[date]:
    """The inspection's own dates: printed freely, though a child may have one as a birthday."""
    regime, inspection = workspace.regime.regime, workspace.inspection
    dated = letter_date(regime, inspection, plan)
    return plan_dates(plan) | set(inspection.dates.values()) | ({dated} if dated else set())


def narrative_notices(workspace: Workspace) -> list[str]:
    """One prompt naming every graded section recorded with a grade and no text: the report
    would show those grades alone, where its source sets findings out "using text and
    grades"."""
    regime, inspection = workspace.regime.regime, workspace.inspection
    if not regime.graded:
        return []
    bare = []
    for index, finding in enumerate(inspection.findings):
        area = regime.evaluation.area(finding.area)
        if area is not None and finding.level and not finding.text:
            level = regime.scale.level(finding.level)
            bare.append(
                f"grades[{index}] '{area.title}' ({level.label if level else finding.level})"
            )
    if not bare:
        return []
    sections = "section is" if len(bare) == 1 else "sections are"
    return [
        f"{workspace.inspection_file}: {len(bare)} graded {sections} recorded with no "
        f"narrative, so the report shows the grade alone ({regime.report.source}); add text = "
        f'"..." to: {"; ".join(bare)}'
    ]


def names_notices(workspace: Workspace) -> list[str]:
    """Where the regime's templates ask for the inspectors' names and numbers and the file
    records some of them not, one line naming each: the documents leave the role or the
    template's own "[insert name]" for the inspector to fill in."""
    names = workspace.regime.regime.names
    if names is None or names.inspectors is None:
        return []
    inspection = workspace.inspection
    missing = [f"team[{i}].name" for i, member in enumerate(inspection.team) if not member.name]
    lead = inspection.team[0] if inspection.team else None
    if (
        lead is not None
        and not lead.telephone
        and "lead_inspector_telephone" not in (inspection.contacts)
    ):
        missing.append("team[0].telephone")
    if inspection.quality_assurance is None or not inspection.quality_assurance.name:
        missing.append("quality_assurance")
    if not missing:
        return []
    return [
        f"{workspace.inspection_file}: {names.inspectors.source} ask for the inspecting team's "
        f"names and numbers; not recorded: {', '.join(missing)}, so the documents leave a "
        "blank to fill in"
    ]


def undated_notices(workspace: Workspace, plan: Plan) -> list[str]:
    """A line for each date the sources do not give and the inspector has not entered:
    the documents leave it blank (``[date to be entered]``) until it is recorded."""
    # lazy: keeps inspectkit.documents.datewords (3 ms) off `serve --demo`'s example build
    from inspectkit.documents.datewords import BLANK_DATE

    regime, inspection = workspace.regime.regime, workspace.inspection
    where = workspace.inspection_file
    lines = [
        f"{where}: dates.{m.id}: {m.title}: {m.unspecified} ({m.source}); the documents "
        f"print {BLANK_DATE!r} until you enter it as [dates] {m.id} = YYYY-MM-DD"
        for m in plan.unspecified
        if m.id not in inspection.dates
    ]
    if letter_date(regime, inspection, plan) is None:
        lines.append(
            f"{where}: letter_date: the date of the {regime.report.form} is not specified by "
            f"the sources ({regime.report.source}); the documents print {BLANK_DATE!r} until "
            "you give letter_date = YYYY-MM-DD"
        )
    return lines


def date_locales(workspace: Workspace) -> list[str]:
    """The languages dates may be written in: English, and the inspection's own."""
    return sorted({"en_GB", workspace.inspection.locale})


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


def prepare_workspace(
    workspace: Workspace, *, case_list: KeyedIndex | None = None
) -> PreparedWorkspace:
    """Check a loaded ``workspace``; InputError listing every problem found.

    Each check runs even when an earlier one failed, and all their problems are
    raised together.  ``case_list`` is a case list kept only as keyed digests (the web
    application's): the recorded words and the documents are checked against it too.
    """
    # lazy: keeps inspectkit.documents.private (3 ms) off `serve --demo`'s example build
    from inspectkit.documents.private import private_values

    problems: list[str] = []
    plan: Plan | None = None
    private: PrivateValues | None = None
    try:
        plan = workspace.plan()
    except InputError as exc:
        problems += exc.problems
    regime, inspection = workspace.regime.regime, workspace.inspection
    outcomes = tuple(apply_limiting_rules(regime, inspection))
    problems += [
        f"{workspace.inspection_file}: hard limit broken: {o.message}"
        for o in outcomes
        if o.severity == "error"
    ]
    recorded = inspection.recorded_levels()
    wording = choose_wording(regime, inspection.recorded_each(), inspection.statements)
    problems += [
        f"{workspace.inspection_file}: {line}"
        for line in missing_problems(regime, wording, recorded)
    ]
    try:  # the sample and case list the documents are checked against
        private = private_values(workspace, case_list)
    except InputError as exc:
        problems += exc.problems
    if plan is not None and private is not None:
        texts = recorded_texts(workspace)
        problems += scan_texts(texts, workspace=workspace, plan=plan, private=private)
    if problems or plan is None or private is None:
        raise InputError(problems)
    return PreparedWorkspace(
        workspace=workspace,
        plan=plan,
        outcomes=outcomes,
        private=private,
        sample_size=private.sample_size,
        wording=wording,
        notices=(
            *plan.warnings,
            *undated_notices(workspace, plan),
            *narrative_notices(workspace),
            *names_notices(workspace),
            *private.warnings,
        ),
    )
