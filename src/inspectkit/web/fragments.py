"""Rendered page parts kept for reuse: what depends only on the installed regimes and
the question asked is rendered once per process.

A regime's page, a plan and a comparison are pure functions of the installed
regimes (loaded once, when the plugin host starts) and of the form's cleaned
values, and rendering them costs tens of milliseconds; under twenty people at
once that is what decides how fast every page answers.  Django's cache (local
memory, per process) keeps each rendered part under a key made of the values
asked for, and forgets them all whenever the plugin host is replaced (tests
load different plugins).  Nothing that depends on who is asking is ever kept
here, and from the database only the outcomes page's counts and charts
(``views/outcomes.py``), kept under the store's version so a change to any
inspection is a new key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django import forms
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from inspectkit.plugins import get_host

_made_by: object = None  # the plugin host the kept fragments were rendered from


def fragment_key(kind: str, parts: Iterable[object]) -> str:
    text = "\x1f".join([kind, *(str(p) for p in parts)])
    return f"inspectkit:{kind}:{hashlib.sha256(text.encode()).hexdigest()}"


def _forget_if_host_changed() -> None:
    global _made_by
    host = get_host()
    if host is not _made_by:
        cache.clear()
        _made_by = host


def cached_fragment(kind: str, parts: Iterable[object], render: Callable[[], str]) -> SafeString:
    """``render()`` once for these ``parts``; kept HTML thereafter.

    ``render`` returns template output, escaped by the template engine, so what is
    kept is safe to include as it is.
    """
    _forget_if_host_changed()
    key = fragment_key(kind, parts)
    kept = cache.get(key)
    html = kept if isinstance(kept, str) else str(render())
    if kept is None:
        cache.set(key, html, timeout=None)
    return mark_safe(html)


def form_fragment(form: forms.Form, template: str) -> SafeString:
    """A plan or compare form rendered, kept when it shows no error.

    Rendering the form's widgets through Django's form templates is a third of the
    plan page's time (measured: 3.5 of 10 ms); the rendered form is a pure function of
    what was typed into it (or its initial values, before anything was), with the
    choices coming from the installed regimes, so a form without errors is kept under
    exactly those values.  A form with errors is rendered every time: its messages are
    made for that request.
    """
    if form.errors:
        return mark_safe(render_to_string(template, {"form": form}))
    data = form.data
    typed = [
        (name, data.getlist(name) if hasattr(data, "getlist") else data.get(name))
        for name in form.fields
    ]
    parts = (template, form.is_bound, repr(typed), repr(sorted(form.initial.items())))
    return cached_fragment("form", parts, lambda: render_to_string(template, {"form": form}))
