"""The council's post-inspection action plan: one row per thing it must act on.

Sunderland 2012 §5 shows the shape: each area for development as a heading, with the
actions taken, by whom and by when.  The rows come from a workspace's recorded
findings:

* every recommendation of every finding (for graded regimes these are the
  areas for improvement the report sets out);
* for ungraded regimes, every finding whose type the regime marks as calling for
  action (``calls_for_action`` on the level, cited): for the CRA, areas for
  development and for priority action; strengths and satisfactory practice need none.

Owner, actions, due date, progress and evidence of completion start blank: the council
fills them in.  Each row has an ``id`` made from what it is about (the judgement area and
the finding's or recommendation's text), so what a council records against it stays with
it when findings are recorded in another order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

import attrs
from attrs import frozen

from inspectkit.bibliography import bibliography
from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.table_files import TableSet
from inspectkit.workbooks import STATUS_CHOICES

if TYPE_CHECKING:
    from inspectkit.workspace import Workspace

ACTION_COLUMNS = (
    "Area",
    "Finding",
    "Source / type",
    "Owner",
    "Actions",
    "Due date",
    "Progress",
    "Evidence of completion",
)
PROGRESS: tuple[str, ...] = STATUS_CHOICES["Progress"]
"""Progress as red / amber / green (RAG), before it starts and once complete: the values
the workbook's drop-down offers."""


class FindingLike(Protocol):
    """What a recorded finding offers (``inspectkit.workspace.Finding`` has these)."""

    @property
    def area(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def recommendations(self) -> tuple[str, ...]: ...


@frozen(kw_only=True)
class ActionRow:
    """One line of the plan; the last five columns are the council's to fill."""

    id: str
    area: str
    finding: str
    kind: str
    owner: str = ""
    actions: str = ""
    due: str = ""
    progress: str = ""
    evidence: str = ""

    def cells(self) -> list[str]:
        return [
            self.area,
            self.finding,
            self.kind,
            self.owner,
            self.actions,
            self.due,
            self.progress,
            self.evidence,
        ]


def needs_action(regime: Regime, level_id: str) -> bool:
    """Whether a finding of this type calls for action, as the regime says (ungraded only)."""
    if regime.scale.graded:
        return False
    level = next((lv for lv in regime.scale.levels if lv.id == level_id), None)
    return level is not None and level.calls_for_action is not None


def action_rows(regime: Regime, findings: Iterable[FindingLike]) -> list[ActionRow]:
    """The plan's rows, in the order the findings were recorded."""
    rows: list[ActionRow] = []
    taken: set[str] = set()

    def row_id(area_id: str, text: str) -> str:
        digest = hashlib.sha256(f"{area_id}\x1f{text}".encode()).hexdigest()[:12]
        found, n = digest, 1
        while found in taken:  # the same text twice under one area
            n += 1
            found = f"{digest}-{n}"
        taken.add(found)
        return found

    for finding in findings:
        area = regime.evaluation.area(finding.area)
        area_title = area.title if area else finding.area
        level = regime.scale.level(finding.level)
        level_label = level.label if level else finding.level
        if needs_action(regime, finding.level):
            rows.append(
                ActionRow(
                    id=row_id(finding.area, finding.level + "\x1f" + finding.text),
                    area=area_title,
                    finding=finding.text or level_label,
                    kind=f"{level_label} ({level.source if level else regime.scale.source})",
                )
            )
        rows.extend(
            ActionRow(
                id=row_id(finding.area, text),
                area=area_title,
                finding=text,
                kind=_recommendation_kind(regime, level_label),
            )
            for text in finding.recommendations
        )
    return rows


def checked_action_rows(workspace: Workspace) -> list[ActionRow]:
    """The workspace's plan rows, each finding scanned first as a document's text is: a
    row carrying a case reference or date of birth of the sample or case list is an
    InputError naming the row and where the value came from (never the value)."""
    # lazy: keeps inspectkit.documents.private (36 ms) off `serve`'s process before it is ready
    from inspectkit.documents.private import text_problems

    rows = action_rows(workspace.regime.regime, workspace.inspection.findings)
    where = f"{workspace.inspection_file}: action plan row"
    problems = text_problems(
        workspace, [(f"{where} {n}", row.finding) for n, row in enumerate(rows, start=1)]
    )
    if problems:
        raise InputError(problems)
    return rows


Progress = Mapping[str, str]  # owner, actions, due, progress, evidence: as ActionRow names them
FILLED_IN = ("owner", "actions", "due", "progress", "evidence")


def filled_in(rows: Sequence[ActionRow], entries: Mapping[str, Progress]) -> list[ActionRow]:
    """``rows`` with what the council recorded against each, by row id (an entry for a row
    no longer in the plan is left out)."""
    for row_key, entry in entries.items():
        if entry.get("progress", "") not in ("", *PROGRESS):
            raise ValueError(
                f"row {row_key}: progress {entry['progress']!r} is not one of {PROGRESS}"
            )
    return [
        attrs.evolve(row, **{k: v for k, v in entries.get(row.id, {}).items() if k in FILLED_IN})
        for row in rows
    ]


def _recommendation_kind(regime: Regime, level_label: str) -> str:
    """ "Recommendation (graded Adequate)", or plain "Recommendation" where no grade was given."""
    if not level_label:
        return "Recommendation"
    basis = f"graded {level_label}" if regime.scale.graded else f"{level_label} finding"
    return f"Recommendation ({basis})"


def action_plan_tables(rows: Sequence[ActionRow], *, council: str, regime: Regime) -> TableSet:
    """The plan as a table, for whichever writer its file's extension selects."""
    return TableSet(
        title=f"Action plan: {council} — {regime.title}",
        tables=(("Action plan", ACTION_COLUMNS, [row.cells() for row in rows]),),
        sources=tuple(bibliography([regime], [_cited(row.kind) for row in rows])),
        logo=council,
    )


def _cited(kind: str) -> str:
    """The citation inside "Area for development (100025 Annex A)", or ""."""
    return kind[kind.rfind("(") + 1 : -1] if kind.endswith(")") else ""
