"""What an inspection asks of a council, and what inspectors already hold.

One list of ``InformationRequest`` items covers documents kept ready, management
information, case lists, meetings and focus groups, surveys and the evidence
Ofsted holds itself; ``kind`` tells them apart so a readiness checklist, a
comparison or a notification can pick what it needs.
"""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen

from inspectkit.model.common import Fact, check_id, check_text

RequestKind = Literal[
    "document",
    "management_information",
    "case_list",
    "meeting",
    "focus_group",
    "visit",
    "survey",
    "held_by_ofsted",
    "pre_inspection_evidence",
]


@frozen(kw_only=True)
class InformationRequest:
    """One item requested (or already held), who provides it and by when."""

    id: str = field(validator=check_id)
    kind: RequestKind
    text: str = field(validator=check_text)
    source: str = field(validator=check_text)
    provider: str = "council"
    element: str = ""
    due: str = ""
    due_milestone: str = ""
    # who at a council has owned it, as a job title, where a source shows one (a council's
    # own briefing): offered in the readiness pack for the council to keep or replace
    suggested_owner: Fact | None = None
