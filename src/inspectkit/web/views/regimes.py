"""The installed regimes, and one regime in full (what ``inspectkit regimes show`` prints).

Regimes come only from the plugin host, so a regime plugin installed into the
same environment appears here with no change to the web application.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from inspectkit.describe import regime_outline
from inspectkit.errors import InputError
from inspectkit.listing import build_listing
from inspectkit.plugins import get_host
from inspectkit.web.access import is_admin
from inspectkit.web.citations import anchor


def regime_list(request: HttpRequest) -> HttpResponse:
    listing = build_listing(get_host())
    context = {
        "regimes": listing["regimes"],
        # why a plugin is broken names its files and errors: for administrators only
        "broken": listing["broken"] if is_admin(request.user) else [],
        "broken_count": len(listing["broken"]),
    }
    return render(request, "inspectkit/regimes.html", context)


def regime_detail(request: HttpRequest, regime_id: str) -> HttpResponse:
    try:
        registered = get_host().regime(regime_id)
    except InputError:
        raise Http404("No such regime is installed.") from None
    regime = registered.regime
    outline = regime_outline(regime)
    # the outline's first node is the title (the page's heading); what precedes the first
    # section heading is the overview
    sections: list[dict[str, object]] = [{"title": "Overview", "nodes": []}]
    for node in outline[1:]:
        if node.heading:
            sections.append({"title": node.lead, "nodes": []})
        else:
            nodes = sections[-1]["nodes"]
            assert isinstance(nodes, list)
            nodes.append(node)
    context = {
        "regime": regime,
        "plugin": registered.plugin,
        "sections": sections,
        "bibliography": [(anchor(s.id), s) for s in regime.sources],
    }
    return render(request, "inspectkit/regime.html", context)
