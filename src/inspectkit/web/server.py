"""The production server: gunicorn worker processes on POSIX, waitress threads on Windows.

Python runs one request at a time per process, so one process serves from one
core however many threads it has; on POSIX, gunicorn forks two worker processes
per core, with two threads each (``serve --workers``, ``--threads``; why two, see
``default_workers``).  gunicorn does not run on Windows, so there waitress serves
with threads in one process.  The sockets are bound before "ready" is printed,
so the address printed answers at once; ``--port 0`` takes a free port and
prints the one it got.  Behind an HTTPS proxy, the proxy's forwarded headers
(the client's address, for django-axes, and the scheme, for secure cookies)
are believed from that proxy only.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from typing import Any

from django.db import connections

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
    # lazy: keeps waitress (5 ms) off the start-up of `serve`'s process before it is ready
    from waitress.server import create_server as waitress_server

    # lazy: the web application's modules need Django set up first
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


#: gunicorn's threads per worker process; waitress's threads in its one process.
GUNICORN_THREADS = 2
WAITRESS_THREADS = 8


def default_workers() -> int:
    """Two worker processes per core this process may run on.

    Python runs one request at a time per process (the GIL), so one process per core
    would seem enough; but a browser's keep-alive connection stays with the worker that
    accepted it, and with one worker per core twenty clients' connections split
    unevenly (one worker's CPU 4.0-6.3 s against the other's 10.7-14.3 s for the same
    load), so one core idles while the other's requests wait for each other.  With two
    per core the operating system shares both cores among the processes whatever their
    connections: the p95 of twenty clients on two cores went from 68-151 ms (one worker
    of 8 threads a core, five runs) to 56-108 ms (two of two threads, eight runs), for
    about 80 MiB more memory in all (benchmarks/README.md).
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every POSIX system
        cores = os.cpu_count() or 1
    return 2 * max(1, cores)


def default_threads() -> int:
    """Threads per process: a few per gunicorn worker (see ``default_workers``), more for
    waitress, whose one process shares them all."""
    return GUNICORN_THREADS if uses_worker_processes() else WAITRESS_THREADS


def uses_worker_processes() -> bool:
    """gunicorn forks worker processes, which Windows cannot: there, waitress threads."""
    return sys.platform != "win32"


def bind_sockets(host: str, port: int) -> list[socket.socket]:
    """Listening sockets for ``host`` (a name like localhost may mean IPv4 and IPv6), bound
    here so the address printed as ready answers at once; ``port`` 0 takes one free port
    for all of them."""
    found = socket.getaddrinfo(
        host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )
    sockets: list[socket.socket] = []
    try:
        for family, kind, proto, _name, where in dict.fromkeys(found):
            listener = socket.socket(family, kind, proto)
            sockets.append(listener)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            # gunicorn writes a response's headers and body separately: without this,
            # Nagle's algorithm holds the body until the client's delayed ACK (40+ ms)
            listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if family == socket.AF_INET6:
                listener.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            if port == 0 and len(sockets) > 1:
                where = (where[0], sockets[0].getsockname()[1], *where[2:])
            listener.bind(where)
            listener.listen(2048)
    except OSError:
        for listener in sockets:
            listener.close()
        raise
    return sockets


class TrustedProxy:
    """What waitress does with ``trusted_proxy``, for gunicorn: from that one address,
    X-Forwarded-For's last hop becomes the client's address (django-axes counts failed
    sign-ins by it) and X-Forwarded-Proto the scheme (secure cookies); from anyone else
    both headers are dropped, so a client cannot claim to be another or to use HTTPS."""

    def __init__(self, application: Any, proxy: str) -> None:
        self.application = application
        self.proxy = proxy

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        forwarded_for = environ.pop("HTTP_X_FORWARDED_FOR", "")
        forwarded_proto = environ.pop("HTTP_X_FORWARDED_PROTO", "")
        if environ.get("REMOTE_ADDR") == self.proxy:
            hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
            if hops:
                environ["REMOTE_ADDR"] = hops[-1]
            if forwarded_proto.strip().lower() in ("http", "https"):
                environ["wsgi.url_scheme"] = forwarded_proto.strip().lower()
        return self.application(environ, start_response)


class WorkerProcesses:
    """gunicorn serving the Django application already loaded here (so migration, the
    first administrator and ``--demo`` happened once, before the workers fork) from
    sockets bound here; ``run()`` serves until SIGINT or SIGTERM."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        workers: int,
        threads: int,
        trusted_proxy: str | None = None,
    ) -> None:
        self.sockets = bind_sockets(host, port)
        self.effective_listen = [s.getsockname()[:2] for s in self.sockets]
        self.workers = workers
        self.threads = threads
        self.trusted_proxy = trusted_proxy

    def run(self) -> None:
        # lazy: keeps gunicorn (10 ms) off the start-up of `serve`'s process before it is ready
        from gunicorn.app.base import BaseApplication

        # lazy: the web application's modules need Django set up first
        from inspectkit.web.wsgi import application

        app: Any = application
        if self.trusted_proxy:
            app = TrustedProxy(application, self.trusted_proxy)
        options = {
            # gunicorn takes the descriptors over (and closes them when it stops)
            "bind": [f"fd://{s.detach()}" for s in self.sockets],
            "workers": self.workers,
            # threads keep browsers' keep-alive connections and let a slow client wait
            # without holding a whole process
            "worker_class": "gthread",
            "threads": self.threads,
            # an idle keep-alive connection stays open as long as waitress keeps one
            # (gunicorn's 2 s closes it under a client about to reuse it)
            "keepalive": 120,
            "graceful_timeout": 5,
            # forwarded headers are TrustedProxy's job, from the one trusted address
            "forwarded_allow_ips": "",
            "secure_scheme_headers": {},
            "proc_name": "inspectkit",
            "loglevel": "warning",  # the address is serve's line; problems still show
        }

        class Served(BaseApplication):  # type: ignore[misc]
            def load_config(self) -> None:
                for name, value in options.items():
                    self.cfg.set(name, value)
                if "control_socket_disable" in self.cfg.settings:
                    # gunicorn 24+ listens for commands in the home folder: not wanted,
                    # and two servers would fight over the one path
                    self.cfg.set("control_socket_disable", True)

            def load(self) -> Any:
                return app

        # a connection opened here (migrate, first administrator) must not be shared
        # by forked workers: each opens its own
        connections.close_all()
        Served().run()

    def close(self) -> None:
        for listener in self.sockets:
            if listener.fileno() != -1:
                listener.close()
