"""The production server: waitress, bound once, serving Django's WSGI application.

The socket is bound before "ready" is printed, so the address printed answers
at once; ``--port 0`` takes a free port and prints the one it got.  Behind an
HTTPS proxy, waitress trusts the proxy's forwarded headers (the client's
address, for django-axes, and the scheme, for secure cookies) from that proxy
only.
"""

from __future__ import annotations

import ipaddress
from typing import Any

LOOPBACK_HOSTS = ("localhost",)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/"


def bound_addresses(server: Any) -> list[tuple[str, int]]:
    """Where a created server listens: one (host, port), or several for a name like localhost."""
    listening = getattr(server, "effective_listen", None)
    if listening:
        return [(str(host), int(port)) for host, port in listening]
    return [(str(server.effective_host), int(server.effective_port))]


def create_server(host: str, port: int, *, threads: int, trusted_proxy: str | None = None) -> Any:
    """A bound waitress server for the Django application (call ``.run()`` to serve)."""
    from waitress.server import create_server as waitress_server

    from inspectkit.web.wsgi import application

    options: dict[str, Any] = {"host": host, "port": port, "threads": threads}
    options["ident"] = "inspectkit"
    if trusted_proxy:
        options.update(
            trusted_proxy=trusted_proxy,
            trusted_proxy_count=1,
            trusted_proxy_headers={"x-forwarded-for", "x-forwarded-proto"},
            clear_untrusted_proxy_headers=True,
        )
    return waitress_server(application, **options)
