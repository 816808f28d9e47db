"""Template tags: citations linked to a regime's bibliography, and a regime's outline.

Both build HTML with ``format_html``, which escapes every value it is given, so
text from a regime plugin can never become markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from inspectkit.describe import Node
from inspectkit.model import Regime
from inspectkit.web.citations import citation_parts

register = template.Library()


@register.simple_tag
def cite(citation: str, regime: Regime | None = None) -> SafeString:
    """``[100025 §35]``, each part linked to ``regime``'s bibliography where it can be."""
    if not citation:
        return SafeString("")
    if regime is None:
        return format_html('<span class="source">[{}]</span>', citation)
    page = reverse("inspectkit:regime", args=[regime.id])
    ids = [source.id for source in regime.sources]
    links = [
        format_html('<a href="{}#{}">{}</a>', page, target, part) if target else part
        for part, target in citation_parts(citation, ids)
    ]
    joined = format_html_join("; ", "{}", ((link,) for link in links))
    return format_html('<span class="source">[{}]</span>', joined)


@register.simple_tag
def outline_tree(nodes: Iterable[Node], regime: Regime) -> SafeString:
    """Nested lists of an outline's statements, each with its linked citation."""
    items = [
        format_html(
            "<li>{}{}</li>",
            statement(node, regime),
            outline_tree(node.children, regime) if node.children else "",
        )
        for node in nodes
    ]
    if not items:
        return SafeString("")
    return format_html("<ul>{}</ul>", format_html_join("", "{}", ((i,) for i in items)))


@register.simple_tag
def statement(node: Node, regime: Regime) -> SafeString:
    lead = format_html("<strong>{}</strong> ", node.lead) if node.lead else ""
    source = format_html(" {}", cite(node.source, regime)) if node.source else ""
    return format_html("{}{}{}", lead, node.text, source)
