"""A rendered Word file's own description: its language and core properties.

Word reads a document's language from its styles (``w:lang``) to choose the spelling
dictionary, and shows its core properties (title, author, dates) in File > Info and in
search.  python-docx's defaults say en-US, "python-docx" and 2013; a letter an
inspector sends must say en-GB, its own title, the inspectorate as author, and the
date it bears.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from attrs import frozen
from docx.oxml.ns import qn


@frozen(kw_only=True)
class DocumentProperties:
    title: str
    author: str
    language: str = "en-GB"  # a BCP 47 tag, as Word writes it
    created: date | None = None  # the date the document bears


def language_tag(locale: str) -> str:
    """babel's ``en_GB`` or ``cy`` as Word's ``en-GB`` / ``cy-GB`` (the regimes are England's
    and Wales's)."""
    parts = locale.replace("-", "_").split("_")
    region = parts[1].upper() if len(parts) > 1 else "GB"
    return f"{parts[0].lower()}-{region}"


def apply_properties(document: Any, properties: DocumentProperties) -> None:
    """Set ``properties`` on a python-docx ``Document``: core properties, and every
    language the styles declare (the default for all text)."""
    core = document.core_properties
    core.title = properties.title
    core.author = properties.author
    core.last_modified_by = properties.author
    core.comments = ""
    core.subject = ""
    core.keywords = ""
    core.language = properties.language
    core.revision = 1
    if properties.created is not None:
        stamp = datetime(
            properties.created.year, properties.created.month, properties.created.day, tzinfo=UTC
        )
        core.created = core.modified = stamp
    for element in document.styles.element.iter(qn("w:lang")):
        for attribute in ("w:val", "w:eastAsia"):
            if element.get(qn(attribute)) is not None:
                element.set(qn(attribute), properties.language)
