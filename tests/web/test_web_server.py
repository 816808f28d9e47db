"""The production server's own parts: forwarded headers from the trusted proxy only, and
sockets bound before "ready" is printed."""

from __future__ import annotations

import os
import socket
import sys
from typing import Any

from inspectkit.web.server import TrustedProxy, bind_sockets, default_threads, default_workers


def _seen(environ: dict[str, Any], proxy: str = "127.0.0.1") -> dict[str, Any]:
    kept: dict[str, Any] = {}

    def application(env: dict[str, Any], start_response: Any) -> list[bytes]:
        kept.update(env)
        return [b""]

    TrustedProxy(application, proxy)(environ, lambda *a: None)
    return kept


def test_the_trusted_proxy_names_the_client_and_the_scheme() -> None:
    seen = _seen(
        {
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.9",
            "HTTP_X_FORWARDED_PROTO": "https",
            "wsgi.url_scheme": "http",
        }
    )
    assert seen["REMOTE_ADDR"] == "203.0.113.9"  # the hop the proxy itself saw
    assert seen["wsgi.url_scheme"] == "https"
    assert "HTTP_X_FORWARDED_FOR" not in seen


def test_anyone_else_cannot_claim_another_address_or_https() -> None:
    seen = _seen(
        {
            "REMOTE_ADDR": "192.0.2.7",
            "HTTP_X_FORWARDED_FOR": "203.0.113.9",
            "HTTP_X_FORWARDED_PROTO": "https",
            "wsgi.url_scheme": "http",
        }
    )
    assert seen["REMOTE_ADDR"] == "192.0.2.7"
    assert seen["wsgi.url_scheme"] == "http"
    assert "HTTP_X_FORWARDED_FOR" not in seen and "HTTP_X_FORWARDED_PROTO" not in seen


def test_sockets_are_listening_on_one_free_port_before_serving() -> None:
    sockets = bind_sockets("localhost", 0)
    try:
        ports = {s.getsockname()[1] for s in sockets}
        assert len(ports) == 1 and 0 not in ports
        with socket.create_connection(("localhost", ports.pop()), timeout=5):
            pass  # accepted by the backlog: nobody has to be serving yet
    finally:
        for s in sockets:
            s.close()


def test_two_workers_a_core_of_two_threads_each_and_waitress_threads_on_windows() -> None:
    # keep-alive connections stay with one worker: two per core keep both cores busy
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert default_workers() == 2 * (cores or 1)
    assert default_threads() == (8 if sys.platform == "win32" else 2)
