"""A council's tables as a download, written by the core's own writer through the plugin
host — the very file ``inspectkit readiness -o`` or ``inspectkit action-plan -o`` writes.

The writer chosen by the file's extension writes into a private temporary folder (it
writes through a temporary file and a rename, as every writer does), the bytes are read
back, and the folder is gone before the response is sent.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.http import Http404, HttpResponse

from inspectkit.hookspecs import Product
from inspectkit.plugins import get_host
from inspectkit.table_files import TableSet

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
}


def check_kind(product: Product, kind: str) -> None:
    """404 unless a writer of ``product`` takes ``.kind`` and the browser knows its type."""
    if kind not in CONTENT_TYPES or f".{kind}" not in get_host().suffixes(product):
        raise Http404("No such download.")


def written(product: Product, value: object, name: str) -> bytes:
    """The bytes the host's ``product`` writer for ``name``'s extension writes of ``value``:
    the file the command line's ``-o name`` writes (a plugin's format included)."""
    with tempfile.TemporaryDirectory(prefix=f"inspectkit-{product}-") as folder:
        return get_host().write(product, value, Path(folder) / name).read_bytes()


def table_download(product: Product, tables: TableSet, name: str) -> HttpResponse:
    """``tables`` written as the file ``name`` (its extension picks the writer), attached."""
    body = written(product, tables, name)
    response = HttpResponse(body, content_type=CONTENT_TYPES[Path(name).suffix.lstrip(".")])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
