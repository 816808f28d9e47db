"""Imported once by the render forkserver so that every render worker starts warm.

Importing python-docx, docxtpl, Jinja and the document checks, and loading babel's
English and Welsh date data, takes about half a second; the forkserver does it once
and each worker forked from it inherits the result (see
:mod:`inspectkit.documents.bounded`).  Importing this module has that effect on purpose.
"""

from __future__ import annotations

from datetime import date

import docx  # noqa: F401
import docxtpl  # noqa: F401

from inspectkit.documents import render, sandbox  # noqa: F401
from inspectkit.documents.checks import dates_in_text
from inspectkit.documents.datewords import format_date

for _locale in ("en_GB", "cy"):
    format_date(date(2011, 11, 16), _locale)
dates_in_text("16 November 2011")
