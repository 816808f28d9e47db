"""The installed regimes, and one regime in full (what ``inspectkit regimes show`` prints).

Regimes come only from the plugin host, so a regime plugin installed into the
same environment appears here with no change to the web application.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from inspectkit.describe import regime_outline
from inspectkit.errors import InputError
from inspectkit.listing import build_listing
from inspectkit.model import Regime
from inspectkit.plugins import get_host
from inspectkit.web.access import is_admin
from inspectkit.web.citations import anchor
from inspectkit.web.fragments import cached_fragment


def regime_list(request: HttpRequest) -> HttpResponse:
    admin = is_admin(request.user)
    listing = build_listing(get_host())

    def render_body() -> str:
        context = {
            "regimes": listing["regimes"],
            # why a plugin is broken names its files and errors: for administrators only
            "broken": listing["broken"] if admin else [],
            "broken_count": len(listing["broken"]),
            "admin": admin,
        }
        return render_to_string("inspectkit/regimes_body.html", context)

    # The table is a function of the listing (cheap to build, plain data) and of whether
    # an administrator asks: kept under both, it is rendered once, not on every regimes
    # page (in-process, signed in: 6.1 ms a page before, 3.3 ms with the profile read
    # with the account and the navigation kept too).
    body = cached_fragment("regimes", (admin, repr(listing)), render_body)
    return render(request, "inspectkit/regimes.html", {"body": body})


def regime_detail(request: HttpRequest, regime_id: str) -> HttpResponse:
    try:
        registered = get_host().regime(regime_id)
    except InputError:
        raise Http404("No such regime is installed.") from None
    regime = registered.regime

    def render_body() -> str:
        context = {
            "regime": regime,
            "sections": _sections(regime),
            "bibliography": [(anchor(s.id), s) for s in regime.sources],
        }
        return render_to_string("inspectkit/regime_body.html", context)

    body = cached_fragment("regime", (regime.id, regime.version), render_body)
    context = {"regime": regime, "plugin": registered.plugin, "body": body}
    return render(request, "inspectkit/regime.html", context)


def _sections(regime: Regime) -> list[dict[str, object]]:
    """The outline in sections: what precedes the first heading is the overview (its
    first node, the title, heads the page)."""
    sections: list[dict[str, object]] = [{"title": "Overview", "nodes": []}]
    for node in regime_outline(regime)[1:]:
        if node.heading:
            sections.append({"title": node.lead, "nodes": []})
        else:
            nodes = sections[-1]["nodes"]
            assert isinstance(nodes, list)
            nodes.append(node)
    return sections
