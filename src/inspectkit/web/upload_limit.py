"""The upload limit, enforced while Django parses a request, before any file is stored.

First of ``FILE_UPLOAD_HANDLERS``: when the request declares a length over the limit,
no file part is written anywhere — parsing stops at the first file (the rest of the
body is read and dropped, so the browser gets the page, not a reset connection), and
the CSRF token, sent before the file by every form here, still arrives.  A body with
no declared length is cut off as soon as the file passes the limit.  The view then
says so (``refused(request)``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

REFUSED = "_inspectkit_upload_refused"


class LimitedUploadHandler(FileUploadHandler):
    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.limit: int = settings.INSPECTKIT_UPLOAD_LIMIT
        self.declared_over = False
        self.received = 0

    def handle_raw_input(
        self,
        input_data: Any,
        META: dict[str, Any],
        content_length: int,
        boundary: str,
        encoding: str | None = None,
    ) -> None:
        self.declared_over = content_length > self.limit

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        if self.declared_over:
            self._refuse()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            self._refuse()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None

    def _refuse(self) -> None:
        if self.request is not None:
            setattr(self.request, REFUSED, True)
        raise StopUpload(connection_reset=False)


def refused(request: HttpRequest) -> bool:
    """Whether this request's upload was refused for its size."""
    return bool(getattr(request, REFUSED, False))
