"""A council's readiness checklists: pick a regime (and a likely day 1), then record an
owner and a status for every item the regime asks of the council.

The checklist itself is the core's (:func:`inspectkit.readiness.build_readiness`), built
afresh from the installed regime on every page; the store keeps only what the council
recorded, by the core's item ids.  The downloads are the core's own writers, through the
plugin host, as ``inspectkit readiness -o`` writes them, with the council's owners and
statuses filled in.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString

from inspectkit.errors import InputError
from inspectkit.model import Regime
from inspectkit.plugins import get_host
from inspectkit.readiness import (
    SECTION_ORDER,
    STATUSES,
    ReadinessItem,
    ReadinessPack,
    build_readiness,
    filled_in,
    readiness_tables,
)
from inspectkit.web.access import council_of, role_of
from inspectkit.web.concurrent_edits import (
    Conflicts,
    after_conflict,
    digest_key,
    shown_digests,
)
from inspectkit.web.council_access import checklist_or_404, visible_checklists
from inspectkit.web.council_forms import (
    NOT_STARTED,
    NewChecklistForm,
    StartForm,
    plan_for,
    readiness_entries,
)
from inspectkit.web.fragments import cached_fragment
from inspectkit.web.models import Readiness, Role
from inspectkit.web.store.changes import Actor
from inspectkit.web.store.council import START_ROW, create_checklist, save_checklist
from inspectkit.web.table_downloads import check_kind, table_download
from inspectkit.web.templatetags.inspectkit_tags import cite
from inspectkit.words import count

NO_OWNER = "(no owner yet)"


def _actor(request: HttpRequest) -> Actor:
    user = request.user
    assert isinstance(user, User)  # signed in: LoginRequiredMiddleware
    return Actor.of(user)


def checklist_list(request: HttpRequest) -> HttpResponse:
    checklists = visible_checklists(request.user)  # 404 unless council or administrator
    council = council_of(request.user) if role_of(request.user) == Role.COUNCIL else ""
    form = NewChecklistForm(request.POST or None, council=council)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = create_checklist(data["council"], data["regime"], data["start"], _actor(request))
        return redirect("inspectkit:readiness", checklist=made.pk)
    host = get_host()
    rows = [
        (c, host.regimes[c.regime].regime if c.regime in host.regimes else None, _counts(c))
        for c in checklists
    ]
    context = {"form": form, "checklists": rows, "council": council}
    return render(
        request, "inspectkit/readiness_list.html", context, status=400 if form.errors else 200
    )


def _counts(checklist: Readiness) -> Counter[str]:
    return Counter(checklist.entries.values_list("status", flat=True))


def _regime(checklist: Readiness) -> Regime:
    try:
        return get_host().regime(checklist.regime).regime
    except InputError as exc:
        raise Http404(exc.problems[0]) from None


def _pack(checklist: Readiness, regime: Regime) -> ReadinessPack:
    """The core's checklist, dated from the likely day 1, with the council's entries (an
    item never touched is not started)."""
    try:
        plan = plan_for(regime, checklist.start)
    except InputError:  # a stored day 1 the regime's calendar no longer takes: undated
        plan = None
    pack = build_readiness(regime, plan)
    kept = {e.item: (e.owner, e.status or NOT_STARTED) for e in checklist.entries.all()}
    return filled_in(pack, {i.id: kept.get(i.id, ("", NOT_STARTED)) for i in pack.items})


def checklist_page(request: HttpRequest, checklist: int) -> HttpResponse:
    record = checklist_or_404(request.user, checklist)
    regime = _regime(record)
    pack = _pack(record, regime)
    errors: dict[str, dict[str, str]] = {}
    start_form = StartForm(initial={"start": record.start}, regime=regime)
    typed: dict[str, tuple[str, str]] = {}
    digests = _digests(record, pack)  # of what is stored
    status = 200
    if request.method == "POST":
        start_form = StartForm(request.POST, regime=regime)
        typed, errors = readiness_entries(request.POST, [i.id for i in pack.items])
        sent = {k: request.POST.get(k, "") for k in request.POST if k.startswith("was-")}
        status = 400
        if start_form.is_valid() and not errors:
            start = start_form.cleaned_data["start"]
            try:
                changed = save_checklist(record, start, typed, _actor(request), sent)
            except Conflicts as conflicts:
                errors, status = conflicts.messages(), 409
                if START_ROW in errors:
                    start_form.add_error("start", errors.pop(START_ROW)["start"])
                pack, digests = _after_conflict(record, regime, typed, sent)
            else:
                done = f"Saved ({count(len(changed), 'change')})."
                messages.success(request, done if changed else "Nothing changed.")
                query = request.GET.urlencode()
                return redirect(
                    reverse("inspectkit:readiness", args=[record.pk])
                    + (f"?{query}" if query else "")
                )
        if status == 400:  # the page as it was sent: its digests, not what is stored now
            digests = {
                row: {f: sent[digest_key(f, row)] for f in fields if digest_key(f, row) in sent}
                for row, fields in digests.items()
            }
            # shown as typed, beside its problems (a status not offered cannot be selected)
            as_typed = {k: (o, s if s in STATUSES else "") for k, (o, s) in typed.items()}
            pack = filled_in(pack, as_typed)
    context = _page_context(request, record, regime, pack, errors, digests)
    context["start_form"] = start_form
    shown = digests.get(START_ROW, {}).get("start", "")
    context["start_digest"] = (digest_key("start", START_ROW), shown)
    return render(request, "inspectkit/readiness.html", context, status=status)


def _after_conflict(
    record: Readiness, regime: Regime, typed: dict[str, tuple[str, str]], sent: dict[str, str]
) -> tuple[ReadinessPack, dict[str, dict[str, str]]]:
    """The checklist as stored now (the refused save kept nothing), with this person's
    changes in it and the digests for saving again (:func:`after_conflict`)."""
    pack = _pack(record, regime)
    digests = _digests(record, pack)
    stored = {i.id: {"owner": i.owner, "status": i.status} for i in pack.items}
    entries: dict[str, tuple[str, str]] = {}
    for item, (owner, status) in typed.items():
        mine = {"owner": owner, "status": status}
        values, digests[item] = after_conflict(mine, stored[item], sent, item)
        entries[item] = (values["owner"], values["status"])
    return filled_in(pack, entries), digests


def _digests(record: Readiness, pack: ReadinessPack) -> dict[str, dict[str, str]]:
    """Digests of each shown value: every item's owner and status, and the day 1."""
    shown = {item.id: {"owner": item.owner, "status": item.status} for item in pack.items}
    start = record.start.isoformat() if record.start else ""
    return shown_digests({**shown, START_ROW: {"start": start}})


def _page_context(
    request: HttpRequest,
    record: Readiness,
    regime: Regime,
    pack: ReadinessPack,
    errors: dict[str, dict[str, str]],
    digests: dict[str, dict[str, str]],
) -> dict[str, Any]:
    chosen = {name: request.GET.get(name, "") for name in ("section", "owner", "status")}
    sections = [s for s in SECTION_ORDER if any(i.section == s for i in pack.items)]
    owners = sorted({i.owner for i in pack.items if i.owner})

    def shown(item: ReadinessItem) -> bool:
        owner = item.owner or NO_OWNER
        return all(
            not wanted or wanted == value
            for wanted, value in (
                (chosen["section"], item.section),
                (chosen["owner"], owner),
                (chosen["status"], item.status),
            )
        )

    progress = []
    for section in sections:
        items = [i for i in pack.items if i.section == section]
        ready = sum(1 for i in items if i.status == STATUSES[-1])
        progress.append((section, ready, len(items)))
    return {
        "checklist": record,
        "regime": regime,
        "pack": pack,
        "rows": [
            (
                i,
                _html_id(i.id),
                errors.get(i.id, {}),
                _short(i.item),
                _cited(i.source, regime),
                digests.get(i.id, {}),
            )
            for i in pack.items
            if shown(i)
        ],
        "errors": errors,
        "progress": progress,
        "sections": sections,
        "owners": [*owners, NO_OWNER],
        "statuses": STATUSES,
        "chosen": chosen,
        "filtered": any(chosen.values()),
        "query": request.GET.urlencode(),
    }


def _short(text: str) -> str:
    """An item's first words: what its owner and status boxes are labelled with."""
    words = text.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _cited(source: str, regime: Regime) -> SafeString:
    """The item's linked citation, rendered once per regime and source (a checklist cites
    the same few sources in a hundred rows; each link is a URL reversal)."""
    return cached_fragment("cite", (regime.id, source), lambda: cite(source, regime))


def _html_id(item_id: str) -> str:
    """An item id as an HTML id (the ``survey:`` and ``phase:`` prefixes' colon replaced)."""
    return "item-" + item_id.replace(":", "--")


def checklist_download(request: HttpRequest, checklist: int, kind: str) -> HttpResponse:
    record = checklist_or_404(request.user, checklist)
    check_kind("readiness", kind)
    pack = _pack(record, _regime(record))
    return table_download("readiness", readiness_tables(pack), f"readiness-{record.regime}.{kind}")
