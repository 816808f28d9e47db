"""Deleting an inspection's case data: the sample's files and record, and the case list's
keyed digests with their secret, in one audited action.

For administrators (everyone else gets 404).  What goes is everything the store holds
about the council's children for this inspection — the sampled cases' references, the
fields kept to find each file, and the digests the documents' checks recognise every
other child by — so a redraw then needs the council's list again.
The findings, the plan and the documents' text are the inspection's, and stay.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from inspectkit.web.access import inspection_or_404, is_admin
from inspectkit.web.store.case_digests import delete_digests
from inspectkit.web.store.changes import Actor, save_inspection


def delete_case_data(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    if not is_admin(user) or not isinstance(user, User):
        raise Http404("No such inspection.")
    record = inspection_or_404(user, pk)
    if request.method != "POST":  # only the inspection page's button deletes
        return redirect("inspectkit:inspection", pk=pk)
    actor = Actor.of(user)
    with transaction.atomic():
        saved = save_inspection(
            record.name, {"sample_record": None}, [], actor=actor, how="case data deleted"
        )
        digests = delete_digests(record, actor=actor)
    if saved.outcome == "unchanged" and not digests:
        messages.info(request, "This inspection holds no case data.")
    else:
        messages.success(
            request,
            "The sample's case references and record, and the case list's digests and their "
            "key, are deleted.",
        )
    return redirect("inspectkit:inspection", pk=pk)
